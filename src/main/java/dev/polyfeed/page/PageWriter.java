package dev.polyfeed.page;

import dev.polyfeed.address.Address;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.stream.Collectors;

import dev.polyfeed.content.Catalog;
import dev.polyfeed.content.Html;
import dev.polyfeed.content.Language;
import dev.polyfeed.content.Post;
import dev.polyfeed.content.Site;
import dev.polyfeed.content.Tag;
import dev.polyfeed.address.FeedFormat;
import dev.polyfeed.address.FeedScope;

/**
 * The two kinds of HTML page Polyfeed serves: the index (every feed, with discovery links) and a
 * post's page (what feed items link to), each in its language and direction.
 */
public final class PageWriter {

    private static final String STYLE = "body{font:1rem/1.6 system-ui,sans-serif;max-width:46rem;margin:2rem auto;"
            + "padding:0 1rem}img{max-width:100%;height:auto}table{border-collapse:collapse}"
            + "td,th{border:1px solid #ccc;padding:.25rem .5rem}pre{overflow:auto}.meta{color:#555}";

    /**
     * What Polyfeed's pages may load and run: their one inline style (by its hash), images from anywhere
     * a post links them, and nothing else: no script, no frame, no form, no plugin, no other base. Content
     * is sanitised before it reaches a page; this is the second wall should anything get through.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'sha256-" + sha256(STYLE)
            + "'; img-src https: http: data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /** The site's icon, so that browsers and readers show it instead of asking for one that fails. */
    private String icon() {
        return "<link rel=\"icon\" type=\"image/svg+xml\" href=\"" + Address.SVG_ICON.url(site) + "\">\n";
    }

    private static String sha256(String text) {
        try {
            return java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private final Catalog catalog;
    private final Site site;

    public PageWriter(Catalog catalog) {
        this.catalog = catalog;
        this.site = catalog.site();
    }

    /** The index: every feed grouped by language, with a discovery link for each. */
    public byte[] index(List<FeedScope> scopes) {
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n").append(icon())
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(site.title())).append("</title>\n");
        if (!site.description().isBlank()) {
            html.append("<meta name=\"description\" content=\"").append(Html.escape(site.description())).append("\">\n");
        }
        for (FeedScope scope : scopes) {
            for (FeedFormat format : FeedFormat.values()) {
                discoveryLink(html, scope, format);
            }
        }
        html.append("<link rel=\"alternate\" type=\"text/x-opml\" title=\"").append(Html.escape(site.title()))
                .append(" (OPML)\" href=\"").append(Address.FEED_LIST.url(site)).append("\">\n")
                .append("<style>").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<h1>").append(Html.escape(site.title())).append("</h1>\n");
        if (!site.description().isBlank()) {
            html.append("<p>").append(Html.escape(site.description())).append("</p>\n");
        }
        html.append("<p>Every feed below as one subscription list: <a href=\"").append(Address.FEED_LIST.url(site))
                .append("\">OPML</a>.</p>\n");
        for (Language language : catalog.languages()) {
            languageSection(html, language, scopes);
        }
        List<FeedScope> crossLanguage = scopes.stream().filter(scope -> scope.languageIfAny().isEmpty()).toList();
        if (!crossLanguage.isEmpty()) {
            html.append("<section id=\"tags\">\n<h2>Tags and authors, all languages</h2>\n<ul>\n");
            crossLanguage.forEach(scope -> feedItem(html, scope));
            html.append("</ul>\n</section>\n");
        }
        html.append("</body>\n</html>\n");
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One language's feeds and posts, as a section of a page. */
    private void languageSection(StringBuilder html, Language language, List<FeedScope> scopes) {
        html.append("<section lang=\"").append(language.tag()).append("\" dir=\"").append(language.direction())
                .append("\" id=\"").append(language.tag()).append("\">\n<h2>")
                .append(Html.escape(language.nativeName())).append("</h2>\n<ul>\n");
        scopes.stream().filter(scope -> scope.languageIfAny().equals(java.util.Optional.of(language)))
                .forEach(scope -> feedItem(html, scope));
        html.append("</ul>\n<ul>\n");
        for (Post post : catalog.posts(language)) {
            html.append("<li><a href=\"").append(post.url()).append("\">").append(Html.escape(post.title()))
                    .append("</a> <time datetime=\"").append(post.published()).append("\">")
                    .append(date(post)).append("</time></li>\n");
        }
        html.append("</ul>\n</section>\n");
    }

    /**
     * A language's page ({@code /tr/}): its feeds and posts, in its language and direction, with a way
     * home, and discovery links for its main feed only.
     */
    public byte[] language(Language language, List<FeedScope> scopes) {
        StringBuilder html = new StringBuilder(4096);
        String title = site.titleFor(language);
        html.append("<!DOCTYPE html>\n<html lang=\"").append(language.tag()).append("\" dir=\"")
                .append(language.direction()).append("\">\n<head>\n<meta charset=\"utf-8\">\n").append(icon())
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n");
        for (FeedFormat format : FeedFormat.values()) {
            discoveryLink(html, FeedScope.of(language), format);
        }
        html.append("<style>").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<p><a href=\"").append(Address.HOME.url(site)).append("\">").append(Html.escape(site.title()))
                .append("</a></p>\n<h1>").append(Html.escape(title)).append("</h1>\n");
        String description = site.descriptionFor(language);
        if (!description.isBlank()) {
            html.append("<p>").append(Html.escape(description)).append("</p>\n");
        }
        languageSection(html, language, scopes);
        html.append("</body>\n</html>\n");
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A post's page: its full HTML with canonical, translation and feed links. */
    public byte[] post(Post post) {
        Language language = post.language();
        List<Post> translations = catalog.translationsOf(post);
        StringBuilder html = new StringBuilder(post.html().length() + 4096);
        html.append("<!DOCTYPE html>\n<html lang=\"").append(language.tag()).append("\" dir=\"")
                .append(language.direction()).append("\">\n<head>\n<meta charset=\"utf-8\">\n").append(icon())
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(post.title())).append("</title>\n")
                .append("<link rel=\"canonical\" href=\"").append(post.url()).append("\">\n");
        if (!post.summary().isBlank()) {
            html.append("<meta name=\"description\" content=\"").append(Html.escape(post.summary())).append("\">\n");
        }
        if (!post.keywords().isEmpty()) {
            html.append("<meta name=\"keywords\" content=\"").append(Html.escape(String.join(", ", post.keywords())))
                    .append("\">\n");
        }
        if (!translations.isEmpty()) {
            html.append("<link rel=\"alternate\" hreflang=\"").append(language.tag()).append("\" href=\"")
                    .append(post.url()).append("\">\n");
            for (Post translation : translations) {
                html.append("<link rel=\"alternate\" hreflang=\"").append(translation.language().tag())
                        .append("\" href=\"").append(translation.url()).append("\">\n");
            }
        }
        for (FeedFormat format : FeedFormat.values()) {
            discoveryLink(html, FeedScope.of(language), format);
        }
        html.append("<style>").append(STYLE).append("</style>\n</head>\n<body>\n")
                // a way back: the site, and the post's language's page
                .append("<nav><a href=\"").append(Address.HOME.url(site)).append("\">").append(Html.escape(site.title()))
                .append("</a> › <a href=\"").append(new Address.LanguagePage(language).url(site)).append("\">")
                .append(Html.escape(language.nativeName())).append("</a></nav>\n<article>\n<h1>")
                .append(Html.escape(post.title())).append("</h1>\n<p class=\"meta\">");
        if (!post.authors().isEmpty()) {
            html.append(post.authors().stream().map(author -> author.urlText()
                    .map(url -> "<a href=\"" + Html.escape(url) + "\">" + Html.escape(author.name()) + "</a>")
                    .orElse(Html.escape(author.name()))).collect(Collectors.joining(", "))).append(" · ");
        }
        html.append("<time datetime=\"").append(post.published()).append("\">").append(date(post)).append("</time>");
        for (Tag tag : post.tags()) {
            html.append(" · <a href=\"").append(FeedScope.of(language, tag).in(FeedFormat.ATOM).url(site))
                    .append("\">#").append(Html.escape(tag.label())).append("</a>");
        }
        html.append("</p>\n").append(post.html()).append('\n');
        if (!translations.isEmpty()) {
            html.append("<nav>\n<ul>\n");
            for (Post translation : translations) {
                html.append("<li lang=\"").append(translation.language().tag()).append("\" dir=\"")
                        .append(translation.language().direction()).append("\"><a hreflang=\"")
                        .append(translation.language().tag()).append("\" href=\"").append(translation.url())
                        .append("\">").append(Html.escape(translation.language().nativeName())).append(": ")
                        .append(Html.escape(translation.title())).append("</a></li>\n");
            }
            html.append("</ul>\n</nav>\n");
        }
        html.append("</article>\n</body>\n</html>\n");
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void discoveryLink(StringBuilder html, FeedScope scope, FeedFormat format) {
        html.append("<link rel=\"alternate\" type=\"").append(format.mediaType()).append("\" title=\"")
                .append(Html.escape(scope.title(site))).append(" (").append(format.displayName()).append(")\" href=\"")
                .append(scope.in(format).url(site)).append("\">\n");
    }

    private void feedItem(StringBuilder html, FeedScope scope) {
        html.append("<li>").append(Html.escape(scope.title(site))).append(": ");
        for (FeedFormat format : FeedFormat.values()) {
            html.append("<a type=\"").append(format.mediaType()).append("\" href=\"").append(scope.in(format).url(site))
                    .append("\">").append(format.displayName()).append("</a> ");
        }
        html.append("</li>\n");
    }

    private static String date(Post post) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(post.language().locale())
                .withZone(ZoneOffset.UTC).format(post.published());
    }
}
