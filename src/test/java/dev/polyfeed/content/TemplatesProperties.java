package dev.polyfeed.content;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Generated bodies of shortcodes, Liquid tags, admonitions and MDX components, nested and unbalanced
 * at random, with text, quotes and code between them: reducing them never throws and never leaves an
 * opening marker in the text a reader sees (outside code blocks).
 */
class TemplatesProperties {

    private static final List<String> HUGO = List.of("{{< figure src=\"a.png\" caption=\"x > y\" >}}", "{{< note >}}",
            "{{< /note >}}", "{{% details summary=\"s\" %}}", "{{% /details %}}", "{{< youtube abc >}}",
            "{{< custom a=\"b\" />}}", "{{< /orphan >}}", "{{< highlight go >}}", "{{< /highlight >}}",
            "{{< ref \"x.md\" >}}", "{{% param \"k\" %}}", "{{< x user=\"u\" id=\"1\" >}}", "{{< gist u 1 >}}");
    private static final List<String> LIQUID = List.of("{% if a %}", "{% endif %}", "{% for x in y %}", "{% endfor %}",
            "{% include a.html %}", "{% highlight ruby %}", "{% endhighlight %}", "{{ site.baseurl }}", "{{ page.x | y }}",
            "{% post_url 2020-01-01-a %}", "{% link a.md %}", "{% comment %}", "{% endcomment %}", "{% capture c %}",
            "{% endcapture %}", "{%- unless z -%}", "{% endunless %}");
    private static final List<String> DOCUSAURUS = List.of("\n:::note\n", "\n:::\n", "\n::::tip[T]\n", "\n::::\n",
            "<Tabs>", "</Tabs>", "<TabItem value=\"a\" label={\"b\"}>", "</TabItem>", "<Note />", "{/* truncate */}",
            "<!-- truncate -->");
    private static final List<String> TEXT = List.of("text ", "**bold** ", "\"quoted\" ", "{ brace ", "} ", "< ", "> ",
            "% ", "\n\n", "\n", "`code` ", "[link](x) ", "é ");

    @Provide
    Arbitrary<String> hugo() {
        return body(HUGO);
    }

    @Provide
    Arbitrary<String> liquid() {
        return body(LIQUID);
    }

    @Provide
    Arbitrary<String> docusaurus() {
        return body(DOCUSAURUS);
    }

    private static Arbitrary<String> body(List<String> markers) {
        return Arbitraries.oneOf(Arbitraries.of(markers), Arbitraries.of(markers), Arbitraries.of(TEXT))
                .list().ofMaxSize(40).map(parts -> String.join("", parts));
    }

    @Property(tries = 400)
    void hugoShortcodesNeverReachAReader(@ForAll("hugo") String body) {
        String out = Templates.render(body, Templates.Dialect.HUGO);
        assertFalse(outsideCode(out).contains("{{<") || outsideCode(out).contains("{{%"), out);
    }

    @Property(tries = 400)
    void liquidNeverReachesAReader(@ForAll("liquid") String body) {
        String out = Templates.render(body, Templates.Dialect.JEKYLL);
        assertFalse(outsideCode(out).contains("{%") || outsideCode(out).contains("{{ "), out);
    }

    @Property(tries = 400)
    void admonitionsAndComponentsNeverReachAReader(@ForAll("docusaurus") String body) {
        String out = Templates.render(body, Templates.Dialect.DOCUSAURUS);
        String visible = outsideCode(out);
        assertFalse(visible.matches("(?s).*(^|\\n)\\s*:::.*") || visible.contains("<Tabs") || visible.contains("<TabItem")
                || visible.contains("<Note") || visible.contains("{/*"), out);
    }

    /** The text outside fenced code blocks and inline code spans. */
    private static String outsideCode(String markdown) {
        return markdown.replaceAll("(?s)```[^\\n]*\\n.*?\\n```", "").replaceAll("`[^`\\n]*`", "");
    }
}
