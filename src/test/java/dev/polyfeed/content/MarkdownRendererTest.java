package dev.polyfeed.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownRendererTest {

    private static final String POST_URL = "https://example.org/blog/tr/posts/merhaba";
    private final MarkdownRenderer renderer = new MarkdownRenderer();

    private Document render(String markdown, String language) {
        return Jsoup.parseBodyFragment(renderer.render(markdown, Language.parse(language).orElseThrow(), POST_URL).html());
    }

    @Test
    void wrapsTheBodyInItsLanguageAndDirection() {
        Element wrapper = render("مرحبا", "ar").body().child(0);
        assertEquals("div", wrapper.tagName());
        assertEquals("ar", wrapper.attr("lang"));
        assertEquals("rtl", wrapper.attr("dir"));
        Element turkish = render("Merhaba", "tr").body().child(0);
        assertEquals("ltr", turkish.attr("dir"));
    }

    @Test
    void rendersGithubFlavouredMarkdown() {
        Document html = render("## Başlık\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~eski~~ https://example.com\n", "tr");
        assertEquals("başlık", html.selectFirst("h2").id());
        assertEquals("2", html.select("table td").get(1).text());
        assertEquals("eski", html.selectFirst("del").text());
        assertEquals("https://example.com", html.selectFirst("a").attr("href"));
    }

    @Test
    void headingIdsKeepEveryScriptWhole() {
        Document html = render("## डीपसीक की ओपन-सोर्स क्रांति\n\n## **DeepSeek'in** Açık Kaynak Devrimi\n\n"
                + "## مقدمة\n\n## Intro\n\n## Intro\n", "hi");
        assertEquals(java.util.List.of("डीपसीक-की-ओपन-सोर्स-क्रांति", "deepseekin-açık-kaynak-devrimi", "مقدمة",
                "intro", "intro-1"), html.select("h2").eachAttr("id"));
    }

    @Test
    void makesEveryRelativeUrlAbsoluteAgainstThePost() {
        Document html = render("[a](img/a.png) [b](/media/b.png) [c](#frag) [d](../other) ![e](pics/e.jpg)"
                + " [f](https://other.example/x)", "tr");
        var links = html.select("a");
        assertEquals("https://example.org/blog/tr/posts/img/a.png", links.get(0).attr("href"));
        assertEquals("https://example.org/media/b.png", links.get(1).attr("href"));
        assertEquals(POST_URL + "#frag", links.get(2).attr("href"));
        assertEquals("https://example.org/blog/tr/other", links.get(3).attr("href"));
        assertEquals("https://example.org/blog/tr/posts/pics/e.jpg", html.selectFirst("img").attr("src"));
        assertEquals("https://other.example/x", links.get(4).attr("href"));
    }

    @Test
    void nonAsciiUrlsBecomeAsciiUris() {
        Document html = render("![x](https://example.org/og?title=Açık%20Kaynak)", "tr");
        assertEquals("https://example.org/og?title=A%C3%A7%C4%B1k%20Kaynak", html.selectFirst("img").attr("src"));
    }

    @Test
    void removesActiveContent() {
        MarkdownRenderer.Rendered rendered = renderer.render("""
                Text <script>alert(1)</script> and <iframe src="https://evil.example/"></iframe>

                <p onclick="steal()" style="position:fixed">click</p>

                [link](javascript:alert(1)) ![pixel](data:image/png;base64,AAAA)

                <style>body{display:none}</style><form action="/x"><input name="q"></form>
                """, Language.parse("en").orElseThrow(), POST_URL);
        // each removal named, at its line of the Markdown, so that the author can find it
        assertEquals(java.util.List.of(
                new UnsafeHtml.Removal("<script>", 1), new UnsafeHtml.Removal("<iframe>", 1),
                new UnsafeHtml.Removal("onclick=\"steal()\" on <p>", 3),
                new UnsafeHtml.Removal("style=\"position:fixed\" on <p>", 3),
                new UnsafeHtml.Removal("javascript: link", 5), new UnsafeHtml.Removal("data: link", 5),
                new UnsafeHtml.Removal("<style>", 7), new UnsafeHtml.Removal("<form>", 7),
                new UnsafeHtml.Removal("<input>", 7)), rendered.removed());
        String html = rendered.html();
        for (String unsafe : new String[] {"<script", "alert", "<iframe", "onclick", "style=", "javascript:", "data:",
                "<style", "<form", "<input"}) {
            assertFalse(html.contains(unsafe), unsafe + " in " + html);
        }
        assertTrue(html.contains("click"), html);
        assertTrue(html.startsWith("<div lang=\"en\" dir=\"ltr\">"), html);
    }

    @Test
    void htmlCommentsAreDroppedWithoutAWord() {
        MarkdownRenderer.Rendered rendered = renderer.render("""
                <!-- the English original, kept by the translator -->
                Çeviri metni. <!-- inline note -->

                <div>
                <!-- inside a block -->
                kutu
                </div>
                """, Language.parse("tr").orElseThrow(), POST_URL);
        assertEquals(java.util.List.of(), rendered.removed(), rendered.html());
        assertFalse(rendered.html().contains("<!--"), rendered.html());
        assertFalse(rendered.html().contains("original"), rendered.html());
        assertTrue(rendered.html().contains("kutu"), rendered.html());
    }

    @Test
    void keepsWhatPostsLegitimatelyUse() {
        MarkdownRenderer.Rendered rendered = renderer.render("""
                ## Heading

                | a | b |
                |:--|--:|
                | 1 | 2 |

                ~~old~~ ![cat](https://example.org/cat.jpg "A cat")

                ```java
                int x = 1;
                ```

                <details><summary>More</summary>Hidden</details>

                <figure><img src="https://example.org/a.png" alt="a"><figcaption>Caption</figcaption></figure>

                <span lang="ar" dir="rtl">مرحبا</span>
                """, Language.parse("en").orElseThrow(), POST_URL);
        assertEquals(java.util.List.of(), rendered.removed(), rendered.html());
        Document html = Jsoup.parseBodyFragment(rendered.html());
        assertEquals("heading", html.selectFirst("h2").id());
        assertEquals(2, html.select("td").size());
        assertEquals("old", html.selectFirst("del").text());
        assertEquals("https://example.org/cat.jpg", html.selectFirst("img").attr("src"));
        assertEquals("A cat", html.selectFirst("img").attr("title"));
        assertEquals("language-java", html.selectFirst("pre code").className());
        assertEquals("More", html.selectFirst("details summary").text());
        assertEquals("Caption", html.selectFirst("figure figcaption").text());
        assertEquals("rtl", html.selectFirst("span[lang=ar]").attr("dir"));
    }

    @Test
    void keepsCodeBlockWhitespace() {
        String html = renderer.render("```\n  a   b\n    c\n```\n", Language.parse("en").orElseThrow(), POST_URL).html();
        assertTrue(html.contains("<code>  a   b\n    c\n</code>"), html);
    }

    @Test
    void excerptCutsNearAWordBoundary() {
        String text = "kelime ".repeat(100);
        String excerpt = MarkdownRenderer.excerpt(text);
        assertTrue(excerpt.endsWith("kelime…"), excerpt);
        assertTrue(excerpt.length() <= 281, excerpt);
        assertEquals("short", MarkdownRenderer.excerpt("short"));
    }

    /**
     * Markdown without raw HTML is not sanitised, on the ground that the renderer writes only what the
     * safelist keeps: every construct of the enabled syntax (GitHub-flavoured), rendered both ways, must
     * come out byte for byte the same, with nothing reported removed.
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "# Bir\n## *İki* `kod`\n### Üç\n#### Dört\n##### Beş\n###### Altı\nSetext\n===\nİkinci\n---\n",
            "*em* _em_ **strong** __strong__ ***both*** ~~del~~ `code <b>` \\*escaped\\* &amp; &copy; &#x41; a  \nbreak\\\nbreak",
            "```java\nint a = 1 < 2;\n```\n\n~~~\nplain\n~~~\n\n    indented <code>\n",
            "> quote\n>\n> > nested **quote**\n\n1. one\n2. two\n   - nested\n   - [ ] box\n   - [x] done\n\n5) five\n6) six\n\n* a\n\n  para\n* b\n",
            "| left | centre | right |\n|:-----|:------:|------:|\n| `a` | **b** | [c](/c) |\n| 1 | 2 |\n| 1 | 2 | 3 | 4 |\n",
            "[inline](https://example.com/a \"title\") [relative](../b) [root](/c) [frag](#bir) [ref][r] [collapsed][] <https://example.com/auto> www.example.com/www https://bare.example.com/x?y=1&z=2 <ada@example.org> [mail](mailto:ada@example.org) [ftp](ftp://example.org/f)\n\n[r]: https://example.com/ref \"Ref\"\n[collapsed]: /collapsed\n",
            "![alt](img/a.png \"title\") ![abs](https://example.com/i.png) ![ref][i]\n\n[i]: /images/r.png\n\n***\n\n- - -\n",
            "مرحبا **بالعالم** [رابط](/ar)\n\nनमस्ते `कोड`\n\n中文 ~~删除~~\n\n<!-- a translator's note -->\n",
    })
    void markdownWithoutRawHtmlRendersAsTheSanitiserWouldLeaveIt(String markdown) {
        Language language = Language.parse("tr").orElseThrow();
        MarkdownRenderer.Rendered fast = renderer.render(markdown, language, POST_URL + "/", "https://example.org", POST_URL, false);
        MarkdownRenderer.Rendered sanitised = renderer.render(markdown, language, POST_URL + "/", "https://example.org", POST_URL, true);
        assertEquals(sanitised.html(), fast.html());
        assertEquals(sanitised.excerpt(), fast.excerpt());
        assertEquals(List.of(), sanitised.removed());
        assertEquals(List.of(), fast.removed());
    }

    @Test
    void rawHtmlOrAnUnsafeAddressIsStillSanitisedAndReported() {
        Language language = Language.parse("tr").orElseThrow();
        // (a javascript: link never gets this far: the Markdown renderer writes its text only)
        for (String markdown : List.of("Metin <span onclick=\"x()\">tık</span>", "[x](javascript:alert(1))",
                "![x](data:image/png;base64,AAAA)", "<script>x()</script>", "[x](vbscript:run)")) {
            MarkdownRenderer.Rendered rendered = renderer.render(markdown, language, POST_URL, null, POST_URL, false);
            assertEquals(!markdown.contains("javascript:"), !rendered.removed().isEmpty(), markdown + ": " + rendered.removed());
            assertFalse(rendered.html().contains("onclick") || rendered.html().contains("javascript:")
                    || rendered.html().contains("data:") || rendered.html().contains("<script")
                    || rendered.html().contains("vbscript:"), rendered.html());
        }
    }
}
