package dev.polyfeed.content;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;

/**
 * Renders a post body to the full HTML a feed item carries: GitHub-flavoured Markdown (tables,
 * strikethrough, autolinks, heading ids), every relative link and image made absolute against the
 * post's URL (feed readers have no base to resolve against), wrapped in an element that carries the
 * post's {@code lang} and {@code dir}.
 *
 * <p>Thread-safe: flexmark's parser and renderer are immutable once built.
 */
public final class MarkdownRenderer {

    private static final int EXCERPT_LENGTH = 280;
    private static final List<String> URL_ATTRIBUTES = List.of("href", "src", "poster", "cite");

    private final Parser parser;
    private final HtmlRenderer renderer;

    public MarkdownRenderer() {
        MutableDataSet options = new MutableDataSet()
                .set(Parser.EXTENSIONS, List.of(TablesExtension.create(), StrikethroughExtension.create(),
                        AutolinkExtension.create()))
                .set(HtmlRenderer.GENERATE_HEADER_ID, true)
                .set(HtmlRenderer.RENDER_HEADER_ID, true)
                .set(TablesExtension.WITH_CAPTION, false)
                .set(TablesExtension.COLUMN_SPANS, false)
                .set(TablesExtension.APPEND_MISSING_COLUMNS, true)
                .set(TablesExtension.DISCARD_EXTRA_COLUMNS, true)
                .set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true);
        parser = Parser.builder(options).build();
        renderer = HtmlRenderer.builder(options).htmlIdGeneratorFactory(HeadingIds.FACTORY).build();
    }

    /** The body as HTML inside {@code <div lang=".." dir="..">}, with absolute URLs. */
    public String render(String markdown, Language language, String postUrl) {
        String html = renderer.render(parser.parse(markdown));
        Document document = Jsoup.parseBodyFragment(html, postUrl);
        document.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.base).charset("UTF-8");
        for (String attribute : URL_ATTRIBUTES) {
            for (Element element : document.body().select("[" + attribute + "]")) {
                String absolute = element.absUrl(attribute);
                if (!absolute.isEmpty()) {
                    element.attr(attribute, Urls.toAscii(absolute));
                }
            }
        }
        Element body = document.body();
        Element wrapper = document.createElement("div").attr("lang", language.tag()).attr("dir", language.direction());
        wrapper.appendChildren(body.childNodesCopy());
        body.empty().appendChild(wrapper);
        // body.html() follows the document's settings: no pretty-printing that would alter <pre> blocks
        return XmlText.clean(body.html());
    }

    /** Plain text of rendered HTML, cut near a word boundary: the summary when a post has none. */
    public static String excerpt(String html) {
        String text = Jsoup.parse(html).text().strip();
        if (text.codePointCount(0, text.length()) <= EXCERPT_LENGTH) {
            return text;
        }
        int cut = text.offsetByCodePoints(0, EXCERPT_LENGTH);
        int space = text.lastIndexOf(' ', cut);
        // scripts written without spaces (Chinese, Japanese, Thai) have no word boundary to find
        if (space > cut - 40) {
            cut = space;
        }
        return text.substring(0, cut).stripTrailing() + "…";
    }
}
