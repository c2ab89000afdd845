package dev.polyfeed.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

class TemplatesTest {

    private static final Templates.Links LINKS = new Templates.Links() {
        @Override
        public String ref(String target) {
            return "https://site.example/" + target.replace(".md", "/");
        }

        @Override
        public String postUrl(String name) {
            return "https://site.example/posts/" + name;
        }

        @Override
        public String siteUrl() {
            return "https://site.example";
        }

        @Override
        public String baseurl() {
            return "/blog";
        }

        @Override
        public java.util.Optional<String> param(String name) {
            return name.equals("version") ? java.util.Optional.of("1.2.3") : java.util.Optional.empty();
        }
    };

    private static Templates.Result hugo(String text) {
        return Templates.apply(text, Templates.Dialect.HUGO, LINKS, null);
    }

    @Test
    void hugoBuiltInsBecomeHtml() {
        Templates.Result result = hugo("""
                Before {{< figure src="cat.png" alt="A cat" caption="Sleeping > awake" link="https://a.example/" >}}

                {{< youtube dQw4w9WgXcQ >}}

                {{< x user="someone" id="1234" >}}

                {{< gist alice 42 notes.md >}}

                See [the other]({{< ref "other.md" >}}) and version {{% param version %}}.

                {{< highlight go >}}
                fmt.Println("hi")
                {{< /highlight >}}

                {{% details summary="More" %}}
                Inner **text**
                {{% /details %}}
                """);
        String md = result.markdown();
        assertTrue(md.contains("<figure><a href=\"https://a.example/\"><img src=\"cat.png\" alt=\"A cat\">"), md);
        assertTrue(md.contains("<figcaption>Sleeping &gt; awake</figcaption>"), md);
        assertTrue(md.contains("https://www.youtube.com/watch?v=dQw4w9WgXcQ"), md);
        assertTrue(md.contains("https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg"), md);
        assertTrue(md.contains("https://x.com/someone/status/1234"), md);
        assertTrue(md.contains("https://gist.github.com/alice/42"), md);
        assertTrue(md.contains("(https://site.example/other/)"), md);
        assertTrue(md.contains("version 1.2.3."), md);
        assertTrue(md.contains("```go\nfmt.Println(\"hi\")\n```"), md);
        assertTrue(md.contains("<details><summary>More</summary>"), md);
        assertTrue(md.contains("Inner **text**"), md);
        assertFalse(md.contains("{{"), md);
        assertEquals(Set.of(), result.dropped().keySet());
    }

    @Test
    void unknownShortcodesKeepTheirTextAndAreNamedOnce() {
        Templates.Result result = hugo("""
                {{< note >}}
                Keep **this**.
                {{< /note >}}

                {{< blog/badge >}} and {{< note >}}again{{< /note >}}
                """);
        assertFalse(result.markdown().contains("{{"), result.markdown());
        assertTrue(result.markdown().contains("Keep **this**."));
        assertTrue(result.markdown().contains("again"));
        assertEquals(Set.of("note", "blog/badge"), result.dropped().keySet());
        assertEquals(1, result.dropped().get("note"));
        assertEquals(5, result.dropped().get("blog/badge"));
    }

    @Test
    void escapedShortcodesAreShownAsWritten() {
        String md = hugo("```\n{{</* figure src=\"x\" */>}}\n```\n").markdown();
        assertTrue(md.contains("{{< figure src=\"x\" >}}"), md);
    }

    @Test
    void moreEndsTheSummary() {
        Templates.Result result = hugo("First part.\n\n<!--more-->\n\nRest.");
        assertEquals("First part.\n\n", result.markdown().substring(0, result.summaryEnd()));
        assertFalse(result.markdown().contains("more"));
    }

    @Test
    void liquidBuiltInsAndOthers() {
        Templates.Result result = Templates.apply("""
                {% highlight ruby linenos %}
                puts "{{ not liquid }}"
                {% endhighlight %}

                {% raw %}{{ shown }}{% endraw %}

                [Old]({% post_url 2010-07-21-name %}) ![logo]({{ site.baseurl }}/img/logo.png)
                ![abs]({{ "/img/a.png" | absolute_url }})

                {% include note.html %}
                {% if page.x %}kept{% endif %} {{ page.title }}
                {% comment %}hidden{% endcomment %}
                """, Templates.Dialect.JEKYLL, LINKS, null);
        String md = result.markdown();
        assertTrue(md.contains("```ruby\nputs \"{{ not liquid }}\"\n```"), md);
        assertTrue(md.contains("{{ shown }}"), md);
        assertTrue(md.contains("(https://site.example/posts/2010-07-21-name)"), md);
        assertTrue(md.contains("(/blog/img/logo.png)"), md);
        assertTrue(md.contains("(https://site.example/blog/img/a.png)"), md);
        assertTrue(md.contains("kept"), md);
        assertFalse(md.contains("hidden"), md);
        assertFalse(md.contains("{%"), md);
        assertEquals(Set.of("include", "if", "{{ page.title }}"), result.dropped().keySet());
    }

    @Test
    void docusaurusAdmonitionsComponentsAndTruncate() {
        Templates.Result result = Templates.apply("""
                Intro.

                {/* truncate */}

                :::tip[Try it]

                Some *advice*.

                :::

                :::warning

                Careful.

                :::

                <Tabs>
                <TabItem value="a" label="A">

                Tab text.

                </TabItem>
                </Tabs>

                ```jsx
                <Tabs>code stays</Tabs>
                ```
                """, Templates.Dialect.DOCUSAURUS, LINKS, null);
        String md = result.markdown();
        assertEquals("Intro.\n\n", md.substring(0, result.summaryEnd()));
        assertTrue(md.contains("<blockquote>\n\n<p><strong>Try it</strong></p>"), md);
        assertTrue(md.contains("<p><strong>Warning</strong></p>"), md);
        assertFalse(md.contains(":::"), md);
        assertTrue(md.contains("Tab text."), md);
        assertTrue(md.contains("<Tabs>code stays</Tabs>"), md);
        assertFalse(md.replace("<Tabs>code stays</Tabs>", "").contains("<Tab"), md);
        assertEquals(Set.of("Tabs", "TabItem"), result.dropped().keySet());
    }
}
