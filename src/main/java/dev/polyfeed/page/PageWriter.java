package dev.polyfeed.page;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.polyfeed.address.Address;
import dev.polyfeed.address.FeedFormat;
import dev.polyfeed.address.FeedScope;
import dev.polyfeed.content.Catalog;
import dev.polyfeed.content.Html;
import dev.polyfeed.content.Language;
import dev.polyfeed.content.Post;
import dev.polyfeed.content.Site;
import dev.polyfeed.content.Tag;
import dev.polyfeed.feed.FeedPage;

/**
 * The HTML pages Polyfeed serves, made on the server (browsers are dropping XSLT): the home page, each
 * feed's page (also what a browser gets for a feed's address), and each post's page. Every page is in
 * its language and direction, says dates the way its language does, isolates text of other scripts
 * ({@code <bdi>}, {@code lang}/{@code dir}), and escapes everything that comes from content.
 */
public final class PageWriter {

    private static final String STYLE = "body{font:1rem/1.6 system-ui,sans-serif;max-width:46rem;margin:2rem auto;"
            + "padding:0 1rem}img{max-width:100%;height:auto}table{border-collapse:collapse}"
            + "td,th{border:1px solid #ccc;padding:.25rem .5rem}pre{overflow:auto}.meta{color:#555}"
            + ".about{background:#f3f6fa;border-radius:.5rem;padding:1rem;margin:1rem 0 2rem}"
            + ".about input{width:100%;box-sizing:border-box;font:inherit;padding:.4rem;direction:ltr}"
            + "nav ul,.tags{padding:0;list-style:none}.tags li{display:inline-block;margin:0 .75rem .25rem 0}";

    /** Copies a feed's address: the one script on Polyfeed's pages. The button stays hidden without it. */
    private static final String SCRIPT = "for(const b of document.querySelectorAll('button[data-copy]')){b.hidden=false;"
            + "b.addEventListener('click',()=>{const i=document.getElementById(b.dataset.copy);i.select();"
            + "const done=()=>{b.textContent=b.dataset.done;};"
            + "if(navigator.clipboard){navigator.clipboard.writeText(i.value).then(done,()=>{document.execCommand('copy');done();});}"
            + "else{document.execCommand('copy');done();}});}";

    /**
     * What Polyfeed's pages may load and run: their one inline style and one inline script (by their
     * hashes), images from anywhere a post links them, and nothing else: no other script, no frame, no
     * form, no plugin, no other base. Content is sanitised before it reaches a page; this is the second
     * wall should anything get through.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'sha256-" + sha256(STYLE)
            + "'; script-src 'sha256-" + sha256(SCRIPT) + "'; img-src https: http: data:; base-uri 'none'; "
            + "form-action 'none'; frame-ancestors 'none'";

    /** Readers that take a feed's address in a link, by name: where the subscribe box sends it. */
    private static final List<List<String>> READERS = List.of(
            List.of("Feedly", "https://feedly.com/i/subscription/feed%2F"),
            List.of("Inoreader", "https://www.inoreader.com/?add_feed="),
            List.of("NewsBlur", "https://www.newsblur.com/?url="),
            List.of("The Old Reader", "https://theoldreader.com/feeds/subscribe?url="));

    /** How many newest posts of each language the home page shows. */
    private static final int NEWEST_ON_HOME = 5;

    private final Catalog catalog;
    private final Site site;

    public PageWriter(Catalog catalog) {
        this.catalog = catalog;
        this.site = catalog.site();
    }

    /**
     * The home page: the site's feed, then per language its newest posts, its feeds and its tags with
     * their counts. Discovery links name only what a reader should subscribe to: the site's feed and
     * each language's.
     */
    public byte[] home() {
        PageText text = PageText.english();
        StringBuilder html = new StringBuilder(8192);
        FeedScope everything = new FeedScope.Everything();
        head(html, "en", "ltr", site.title(), site.description());
        discoveryLink(html, everything, FeedFormat.RSS);
        for (Language language : catalog.languages()) {
            discoveryLink(html, FeedScope.of(language), FeedFormat.RSS);
        }
        for (FeedFormat format : FeedFormat.values()) {
            Address list = new Address.FeedList(format);
            html.append("<link rel=\"alternate\" type=\"text/x-opml\" title=\"").append(Html.escape(site.title()))
                    .append(" (OPML, ").append(format.displayName()).append(")\" href=\"").append(list.url(site)).append("\">\n");
        }
        html.append("</head>\n<body>\n<h1 id=\"title\">").append(Html.escape(site.title())).append("</h1>\n");
        if (!site.description().isBlank()) {
            html.append("<p>").append(Html.escape(site.description())).append("</p>\n");
        }
        subscribe(html, text, everything.in(FeedFormat.RSS));
        html.append("<p>").append(text.feeds()).append(", OPML: ");
        for (FeedFormat format : FeedFormat.values()) {
            html.append("<a href=\"").append(new Address.FeedList(format).url(site)).append("\">").append(format.displayName())
                    .append("</a> ");
        }
        html.append("</p>\n");
        for (Language language : catalog.languages()) {
            PageText words = PageText.of(language);
            List<Post> posts = catalog.posts(language);
            html.append("<section").append(langDir(language)).append(" id=\"").append(language.tag()).append("\">\n<h2><a href=\"")
                    .append(FeedScope.of(language).page().url(site)).append("\">").append(Html.escape(language.nativeName()))
                    .append("</a></h2>\n<p>").append(formats(FeedScope.of(language))).append("</p>\n");
            postList(html, posts.subList(0, Math.min(NEWEST_ON_HOME, posts.size())));
            tagList(html, language, words);
            html.append("</section>\n");
        }
        return finish(html);
    }

    /**
     * A feed as a page: what a browser gets at a feed's address and at its folder. Its title and
     * description in the feed's language and direction, how to subscribe (the address to copy, links that
     * hand it to readers), its posts with dates and summaries, and its place in the feed's history.
     *
     * @param address the document shown: its format is the address offered, its page the posts listed
     */
    public byte[] feed(Address.FeedDocument address, FeedPage page) {
        FeedScope scope = address.scope();
        Optional<Language> language = scope.languageIfAny();
        PageText text = language.map(PageText::of).orElse(PageText.english());
        StringBuilder html = new StringBuilder(8192);
        String title = scope.title(site);
        head(html, language.map(Language::tag).orElse("en"), language.map(Language::direction).orElse("ltr"),
                page.isCurrent() ? title : title + " – " + text.archive() + " " + page.number(), scope.description(site));
        for (FeedFormat format : FeedFormat.values()) {
            discoveryLink(html, scope, format);
        }
        html.append("</head>\n<body>\n");
        nav(html, language.filter(l -> !(scope instanceof FeedScope.InLanguage)));
        html.append("<h1 id=\"title\">").append(Html.escape(title)).append("</h1>\n");
        String description = scope.description(site);
        if (!description.equals(title)) {
            html.append("<p>").append(Html.escape(description)).append("</p>\n");
        }
        subscribe(html, text, address.current());
        if (!page.isCurrent()) {
            html.append("<p class=\"meta\">").append(Html.escape(text.archive())).append(' ').append(page.number())
                    .append(" / ").append(page.archives()).append("</p>\n");
        }
        if (scope instanceof FeedScope.InLanguage inLanguage) {
            tagList(html, inLanguage.language(), text);
        }
        html.append("<h2>").append(Html.escape(text.posts())).append("</h2>\n");
        for (Post post : page.posts()) {
            html.append("<article class=\"item\"").append(langDir(post.language())).append(">\n<h3><a href=\"")
                    .append(Html.escape(post.url())).append("\">").append(Html.escape(post.title())).append("</a></h3>\n<p class=\"meta\">")
                    .append(time(post)).append("</p>\n");
            if (!post.summary().isBlank()) {
                html.append("<p>").append(Html.escape(post.summary())).append("</p>\n");
            }
            html.append("</article>\n");
        }
        history(html, address, page, text);
        return finish(html);
    }

    /** A post's page: its full HTML, with a way home, to its language, its tags and its translations. */
    public byte[] post(Post post) {
        Language language = post.language();
        PageText text = PageText.of(language);
        List<Post> translations = catalog.translationsOf(post);
        StringBuilder html = new StringBuilder(post.html().length() + 4096);
        head(html, language.tag(), language.direction(), post.title(), post.summary());
        html.append("<link rel=\"canonical\" href=\"").append(Html.escape(post.url())).append("\">\n");
        if (!post.keywords().isEmpty()) {
            html.append("<meta name=\"keywords\" content=\"").append(Html.escape(String.join(", ", post.keywords())))
                    .append("\">\n");
        }
        if (!translations.isEmpty()) {
            html.append("<link rel=\"alternate\" hreflang=\"").append(language.tag()).append("\" href=\"")
                    .append(Html.escape(post.url())).append("\">\n");
            for (Post translation : translations) {
                html.append("<link rel=\"alternate\" hreflang=\"").append(translation.language().tag())
                        .append("\" href=\"").append(Html.escape(translation.url())).append("\">\n");
            }
        }
        for (FeedFormat format : FeedFormat.values()) {
            discoveryLink(html, FeedScope.of(language), format);
        }
        html.append("</head>\n<body>\n");
        nav(html, Optional.of(language));
        html.append("<article>\n<h1>").append(Html.escape(post.title())).append("</h1>\n<p class=\"meta\">");
        if (!post.authors().isEmpty()) {
            html.append(post.authors().stream().map(author -> author.urlText()
                    .map(url -> "<a href=\"" + Html.escape(url) + "\">" + Html.escape(author.name()) + "</a>")
                    .orElse(Html.escape(author.name()))).collect(Collectors.joining(", "))).append(" · ");
        }
        html.append(time(post)).append("</p>\n");
        if (!post.tags().isEmpty()) {
            html.append("<ul class=\"tags\" aria-label=\"").append(Html.escape(text.tags())).append("\">\n");
            for (Tag tag : post.tags()) {
                html.append("<li><a href=\"").append(FeedScope.of(language, tag).page().url(site)).append("\">#")
                        .append(Html.escape(tag.label())).append("</a></li>\n");
            }
            html.append("</ul>\n");
        }
        html.append(post.html()).append('\n');
        if (!translations.isEmpty()) {
            html.append("<nav id=\"translations\">\n<h2>").append(Html.escape(text.translations())).append("</h2>\n<ul>\n");
            for (Post translation : translations) {
                html.append("<li").append(langDir(translation.language())).append("><a hreflang=\"")
                        .append(translation.language().tag()).append("\" href=\"").append(Html.escape(translation.url()))
                        .append("\">").append(Html.escape(translation.language().nativeName())).append(": ")
                        .append(Html.escape(translation.title())).append("</a></li>\n");
            }
            html.append("</ul>\n</nav>\n");
        }
        html.append("</article>\n");
        return finish(html);
    }

    private void head(StringBuilder html, String lang, String dir, String title, String description) {
        html.append("<!DOCTYPE html>\n<html lang=\"").append(lang).append("\" dir=\"").append(dir)
                .append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n")
                .append("<link rel=\"icon\" type=\"image/svg+xml\" href=\"").append(Address.SVG_ICON.url(site)).append("\">\n")
                .append("<style>").append(STYLE).append("</style>\n");
        if (!description.isBlank()) {
            html.append("<meta name=\"description\" content=\"").append(Html.escape(description)).append("\">\n");
        }
    }

    private static byte[] finish(StringBuilder html) {
        html.append("<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A way back: the home page, and the language's page when the page is below it. */
    private void nav(StringBuilder html, Optional<Language> language) {
        html.append("<nav><a href=\"").append(Address.HOME.url(site)).append("\"><bdi>").append(Html.escape(site.title()))
                .append("</bdi></a>");
        language.ifPresent(l -> html.append(" › <a href=\"").append(FeedScope.of(l).page().url(site)).append("\"")
                .append(langDir(l)).append(">").append(Html.escape(l.nativeName())).append("</a>"));
        html.append("</nav>\n");
    }

    /** What a feed is and how to follow it: its address to copy, and links that hand it to readers. */
    private void subscribe(StringBuilder html, PageText text, Address.FeedDocument address) {
        String url = address.url(site);
        String encoded = URLEncoder.encode(url, StandardCharsets.UTF_8);
        html.append("<section class=\"about\" id=\"about\"").append(text.isEnglish() ? " lang=\"en\" dir=\"ltr\"" : "")
                .append(">\n<p><strong>").append(Html.escape(text.whatAFeedIs())).append("</strong> ")
                .append(Html.escape(text.howToSubscribe())).append("</p>\n")
                .append("<p><input id=\"feed-url\" type=\"url\" readonly dir=\"ltr\" aria-label=\"").append(address.format().displayName())
                .append("\" value=\"").append(Html.escape(url)).append("\"> <button type=\"button\" hidden data-copy=\"feed-url\" data-done=\"")
                .append(Html.escape(text.copied())).append("\">").append(Html.escape(text.copy())).append("</button></p>\n<p>")
                .append(Html.escape(text.openIn())).append(": ");
        for (List<String> reader : READERS) {
            // <bdi>: Latin names with spaces and punctuation keep their order inside right-to-left text
            html.append("<a rel=\"nofollow\" href=\"").append(Html.escape(reader.get(1) + encoded)).append("\"><bdi>")
                    .append(reader.get(0)).append("</bdi></a> · ");
        }
        html.append("<a href=\"feed:").append(Html.escape(url)).append("\"><bdi dir=\"ltr\">feed:</bdi></a></p>\n<p>")
                .append(Html.escape(text.otherFormats())).append(": ").append(formats(address.scope())).append("</p>\n</section>\n");
    }

    /** The feed in each format, as links. */
    private String formats(FeedScope scope) {
        return List.of(FeedFormat.values()).stream()
                .map(format -> "<a type=\"" + format.mediaType() + "\" href=\"" + scope.in(format).url(site) + "\"><bdi>"
                        + format.displayName() + "</bdi></a>")
                .collect(Collectors.joining(" · "));
    }

    /** A language's tags, each a link to its page, with how many posts it has. */
    private void tagList(StringBuilder html, Language language, PageText text) {
        List<Tag> tags = catalog.tags(language);
        if (tags.isEmpty()) {
            return;
        }
        html.append("<h3>").append(Html.escape(text.tags())).append("</h3>\n<ul class=\"tags\">\n");
        for (Tag tag : tags) {
            html.append("<li><a href=\"").append(FeedScope.of(language, tag).page().url(site)).append("\">#<bdi>")
                    .append(Html.escape(tag.label())).append("</bdi></a> <span class=\"meta\">(")
                    .append(catalog.posts(language, tag.key()).size()).append(")</span></li>\n");
        }
        html.append("</ul>\n");
    }

    private void postList(StringBuilder html, List<Post> posts) {
        html.append("<ul class=\"posts\">\n");
        for (Post post : posts) {
            html.append("<li").append(langDir(post.language())).append("><a href=\"").append(Html.escape(post.url())).append("\">")
                    .append(Html.escape(post.title())).append("</a> ").append(time(post)).append("</li>\n");
        }
        html.append("</ul>\n");
    }

    /** Links along the feed's history: the older and newer archive, and the current feed from an archive. */
    private void history(StringBuilder html, Address.FeedDocument address, FeedPage page, PageText text) {
        StringBuilder links = new StringBuilder();
        page.nextArchive().ifPresent(number -> links.append("<a rel=\"next\" href=\"").append(address.page(number).url(site))
                .append("\">").append(Html.escape(text.newer())).append("</a> "));
        if (!page.isCurrent() && page.nextArchive().isEmpty()) {
            links.append("<a rel=\"next\" href=\"").append(address.current().url(site)).append("\">").append(Html.escape(text.newer()))
                    .append("</a> ");
        }
        page.previousArchive().ifPresent(number -> links.append("<a rel=\"prev\" href=\"").append(address.page(number).url(site))
                .append("\">").append(Html.escape(text.older())).append("</a>"));
        if (!links.isEmpty()) {
            html.append("<nav id=\"history\">").append(links).append("</nav>\n");
        }
    }

    private void discoveryLink(StringBuilder html, FeedScope scope, FeedFormat format) {
        html.append("<link rel=\"alternate\" type=\"").append(format.mediaType()).append("\" title=\"")
                .append(Html.escape(scope.title(site))).append(" (").append(format.displayName()).append(")\" href=\"")
                .append(scope.in(format).url(site)).append("\">\n");
    }

    private static String langDir(Language language) {
        return " lang=\"" + language.tag() + "\" dir=\"" + language.direction() + "\"";
    }

    /** A post's date the way its language writes dates (CLDR's long form), machine-readable beside it. */
    private static String time(Post post) {
        return "<time datetime=\"" + post.published() + "\">" + date(post.language(), post.published()) + "</time>";
    }

    static String date(Language language, Instant instant) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language.locale()).withZone(ZoneOffset.UTC)
                .format(instant);
    }

    private static String sha256(String text) {
        try {
            return java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
