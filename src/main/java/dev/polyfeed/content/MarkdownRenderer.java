package dev.polyfeed.content;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeFilter;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
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

    /**
     * What a post may contain: jsoup's relaxed list (text, links, images, tables, lists, code) plus what
     * posts legitimately use (heading ids, figures, details, strikethrough) and language markup. No
     * scripts, frames, forms, styles, event handlers, or javascript:/data: URLs: feed readers strip
     * them inconsistently, and some do not strip them at all.
     */
    static final Safelist SAFELIST = Safelist.relaxed()
            .addTags("del", "s", "ins", "mark", "figure", "figcaption", "details", "summary", "hr", "abbr",
                    "kbd", "samp", "var", "time", "bdi", "bdo")
            .addAttributes(":all", "lang", "dir", "title")
            .addAttributes("h1", "id").addAttributes("h2", "id").addAttributes("h3", "id")
            .addAttributes("h4", "id").addAttributes("h5", "id").addAttributes("h6", "id")
            .addAttributes("code", "class").addAttributes("pre", "class")
            .addAttributes("th", "align", "colspan", "rowspan").addAttributes("td", "align", "colspan", "rowspan")
            .addAttributes("details", "open").addAttributes("time", "datetime");

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

    /**
     * A rendered body.
     *
     * @param html the body inside {@code <div lang=".." dir="..">}, absolute URLs, sanitised
     * @param excerpt the start of the body as plain text: the summary of a post that has no description
     * @param removed what sanitising removed, each with its line in the Markdown, for the author to hear
     *        about; HTML comments are dropped and not listed
     */
    public record Rendered(String html, String excerpt, List<UnsafeHtml.Removal> removed) {
        public Rendered {
            removed = List.copyOf(removed);
        }
    }

    /** The body as HTML inside {@code <div lang=".." dir="..">}, absolute URLs, sanitised, and its excerpt. */
    public Rendered render(String markdown, Language language, String postUrl) {
        return render(markdown, language, postUrl, null);
    }

    /**
     * @param base what relative links and images resolve against
     * @param root where root-relative ones ({@code /images/x.png}) resolve, or null for {@code base}: the
     *        site a generator's post comes from serves them, not Polyfeed
     */
    public Rendered render(String markdown, Language language, String base, String root) {
        return render(markdown, language, base, root, base);
    }

    /**
     * @param page the page itself, which {@code #heading} links resolve against: a post's files may
     *        be below it ({@code base} {@code /tr/posts/my-post/}), its headings are on it
     */
    public Rendered render(String markdown, Language language, String base, String root, String page) {
        String postUrl = base;
        Node ast = parser.parse(markdown);
        Document parsed = Jsoup.parseBodyFragment(renderer.render(ast), postUrl);
        parsed.body().filter(COMMENTS);
        absolutise(parsed, root, page);
        Cleaner cleaner = new Cleaner(SAFELIST);
        boolean safe = cleaner.isValid(parsed);
        List<UnsafeHtml.Removal> removed = List.of();
        if (!safe) {
            removed = UnsafeHtml.find(ast, SAFELIST, postUrl);
            if (removed.isEmpty()) {
                removed = List.of(new UnsafeHtml.Removal("HTML that feeds must not carry", 1));
            }
        }
        Document document = safe ? parsed : cleaner.clean(parsed);
        document.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.base).charset("UTF-8");
        Element body = document.body();
        Element wrapper = document.createElement("div").attr("lang", language.tag()).attr("dir", language.direction());
        wrapper.appendChildren(new ArrayList<>(body.childNodes()));
        body.appendChild(wrapper);
        // body.html() follows the document's settings: no pretty-printing that would alter <pre> blocks
        return new Rendered(XmlText.clean(body.html()), excerpt(XmlText.clean(body.text())), removed);
    }

    /** Removes HTML comments: the sanitiser would too, but they are no author's mistake to report. */
    private static final NodeFilter COMMENTS = new NodeFilter() {
        @Override
        public FilterResult head(org.jsoup.nodes.Node node, int depth) {
            return node instanceof Comment ? FilterResult.REMOVE : FilterResult.CONTINUE;
        }
    };

    private static void absolutise(Document document, String root, String page) {
        for (String attribute : URL_ATTRIBUTES) {
            for (Element element : document.body().select("[" + attribute + "]")) {
                String value = element.attr(attribute);
                if (value.startsWith("#") && !page.equals(document.baseUri())) {
                    element.attr(attribute, Urls.toAscii(page + value));
                    continue;
                }
                if (root != null && value.startsWith("/") && !value.startsWith("//")) {
                    element.attr(attribute, Urls.toAscii(root + value));
                    continue;
                }
                // most links are absolute already: resolving them through jsoup (a regex per URL) is wasted
                String absolute = value.startsWith("https://") || value.startsWith("http://") ? value
                        : element.absUrl(attribute);
                if (!absolute.isEmpty()) {
                    element.attr(attribute, Urls.toAscii(absolute));
                }
            }
        }
    }

    /** A post's plain text cut near a word boundary: the summary when a post has none. */
    public static String excerpt(String plainText) {
        String text = plainText.strip();
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
