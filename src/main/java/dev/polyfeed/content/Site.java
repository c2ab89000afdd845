package dev.polyfeed.content;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What {@code site.yml} says about the whole site.
 *
 * @param baseUrl absolute http(s) URL without a trailing slash; every link starts with it
 * @param idAuthority the RFC 4151 authority (a domain or e-mail address) of every permanent id
 * @param idDate the RFC 4151 date ({@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD})
 * @param languages per-language titles and descriptions, keyed by canonical BCP 47 tag
 * @param files the files a generator's site without a known address has Polyfeed serve as they are
 */
public record Site(String title, String description, String baseUrl, String idAuthority, String idDate,
        Map<String, LanguageText> languages, StaticFiles files) {

    public static final String DEFAULT_TITLE = "Polyfeed";
    public static final String DEFAULT_BASE_URL = "http://localhost:8080";

    static final Pattern AUTHORITY = Pattern.compile("^(?:[^@\\s]+@)?[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?$");
    static final Pattern TAG_DATE = Pattern.compile("^\\d{4}(?:-\\d{2}(?:-\\d{2})?)?$");

    /** A language's own title and description ("Polyfeed Türkçe"), so each feed reads in its language. */
    public record LanguageText(String title, String description) {
    }

    public Site(String title, String description, String baseUrl, String idAuthority, String idDate,
            Map<String, LanguageText> languages) {
        this(title, description, baseUrl, idAuthority, idDate, languages, StaticFiles.NONE);
    }

    public Site {
        Objects.requireNonNull(title, "title");
        files = files == null ? StaticFiles.NONE : files;
        description = description == null ? "" : description;
        baseUrl = normaliseBaseUrl(baseUrl);
        if (!AUTHORITY.matcher(idAuthority).matches()) {
            throw new IllegalArgumentException("not a domain name or e-mail address: " + idAuthority);
        }
        if (!TAG_DATE.matcher(idDate).matches()) {
            throw new IllegalArgumentException("not a YYYY[-MM[-DD]] date: " + idDate);
        }
        languages = Map.copyOf(languages);
    }

    /** The base URL without its trailing slash, or an exception naming what is wrong with it. */
    public static String normaliseBaseUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URL: " + url, e);
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("not an absolute http(s) URL without query or fragment: " + url);
        }
        String text = uri.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return text;
    }

    public Site withBaseUrl(String url) {
        return new Site(title, description, url, idAuthority, idDate, languages, files);
    }

    /** An RFC 4151 {@code tag:} URI for something of this site; {@code specific} must be URI-safe. */
    public String tagUri(String specific) {
        return "tag:" + idAuthority + "," + idDate + ":" + specific;
    }

    /** The permanent id a post has unless it declares its own: it never holds the base URL or the title. */
    public String postId(Language language, String slug) {
        return tagUri(language.tag() + "/" + Urls.segment(slug));
    }

    public String titleFor(Language language) {
        return Optional.ofNullable(languages.get(language.tag())).map(LanguageText::title)
                .filter(t -> !t.isBlank()).orElse(title + " (" + language.nativeName() + ")");
    }

    public String descriptionFor(Language language) {
        return Optional.ofNullable(languages.get(language.tag())).map(LanguageText::description)
                .filter(t -> !t.isBlank()).orElse(description);
    }

    /** Absolute URL of a site path such as {@code /tr/rss.xml}. */
    public String url(String path) {
        return baseUrl + path;
    }
}
