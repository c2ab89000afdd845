package dev.polyfeed.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
        return render(markdown, language, base, root, page, false);
    }

    /**
     * @param alwaysSanitise sanitise even Markdown that writes only what the renderer makes (tests
     *        compare the two)
     */
    Rendered render(String markdown, Language language, String base, String root, String page, boolean alwaysSanitise) {
        String postUrl = base;
        Node ast = parser.parse(markdown);
        Document parsed = Jsoup.parseBodyFragment(renderer.render(ast), postUrl);
        parsed.body().filter(COMMENTS);
        boolean webUrlsOnly = absolutise(parsed, root, page);
        // Markdown without raw HTML and with web links only is markup the renderer wrote, all of it on
        // the safelist (MarkdownRendererTest renders every construct both ways): sanitising it, two
        // copies of the document, was a quarter of rendering a real blog's bodies
        if (!alwaysSanitise && webUrlsOnly && !UnsafeHtml.hasRawHtml(ast)) {
            return rendered(parsed, language, List.of());
        }
        Cleaner cleaner = new Cleaner(SAFELIST);
        boolean safe = cleaner.isValid(parsed);
        List<UnsafeHtml.Removal> removed = List.of();
        if (!safe) {
            removed = UnsafeHtml.find(ast, SAFELIST, postUrl);
            if (removed.isEmpty()) {
                removed = List.of(new UnsafeHtml.Removal("HTML that feeds must not carry", 1));
            }
        }
        return rendered(safe ? parsed : cleaner.clean(parsed), language, removed);
    }

    private static Rendered rendered(Document document, Language language, List<UnsafeHtml.Removal> removed) {
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

    /**
     * Makes every URL absolute, in one walk of the body.
     *
     * @return whether every URL is one the safelist keeps as it is: http or https (and for a link's
     *         href also mailto and ftp)
     */
    private static boolean absolutise(Document document, String root, String page) {
        boolean webOnly = true;
        for (Element element : document.body().getAllElements()) {
            if (element.attributesSize() == 0) {
                continue;
            }
            for (String attribute : URL_ATTRIBUTES) {
                if (!element.hasAttr(attribute)) {
                    continue;
                }
                String value = element.attr(attribute);
                String absolute;
                if (value.startsWith("#") && !page.equals(document.baseUri())) {
                    absolute = page + value;
                } else if (root != null && value.startsWith("/") && !value.startsWith("//")) {
                    absolute = root + value;
                } else {
                    // most links are absolute already: resolving them through jsoup (a regex per URL) is wasted
                    absolute = value.startsWith("https://") || value.startsWith("http://") ? value : element.absUrl(attribute);
                }
                if (!absolute.isEmpty()) {
                    absolute = Urls.toAscii(absolute);
                    element.attr(attribute, absolute);
                }
                webOnly &= isKeptAsItIs(element.normalName(), attribute, absolute);
            }
        }
        return webOnly;
    }

    private static boolean isKeptAsItIs(String tag, String attribute, String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        boolean web = lower.startsWith("https://") || lower.startsWith("http://");
        return switch (tag + "[" + attribute + "]") {
            case "a[href]" -> web || lower.startsWith("mailto:") || lower.startsWith("ftp://");
            case "img[src]", "blockquote[cite]", "q[cite]" -> web;
            default -> false; // an attribute the renderer never writes: let the sanitiser judge it
        };
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
