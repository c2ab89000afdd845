package dev.polyfeed.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Date;
import java.util.Locale;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import dev.polyfeed.config.PolyfeedConfig;
import dev.polyfeed.content.Urls;
import dev.polyfeed.publish.Representation;

/** The HTTP side of serving a pre-rendered document: encodings, validators, 304s, caching, CORS. */
final class Responses {

    static final String TEXT = "text/plain; charset=utf-8";
    /** How a browser is sent a feed, so that it applies the feed's stylesheet instead of showing source. */
    static final String XML_FOR_BROWSERS = "application/xml; charset=utf-8";

    private Responses() {
    }

    /**
     * The document, gzip'd when the client accepts it, or 304 when the client's copy is current.
     * If-None-Match wins over If-Modified-Since, as RFC 9110 section 13.2.2 says.
     */
    static Response document(Representation document, HttpHeaders headers, PolyfeedConfig.Http http) {
        boolean gzip = acceptsGzip(headers.getHeaderString(HttpHeaders.ACCEPT_ENCODING));
        boolean feedXml = isFeedXml(document.mediaType());
        // Browsers show application/rss+xml and application/atom+xml as source (Chromium) or offer a
        // download; the same bytes as application/xml get the stylesheet applied. Feed readers either ask
        // for feed types or for anything, and keep getting the registered types.
        boolean browser = feedXml && wantsPage(headers.getHeaderString(HttpHeaders.ACCEPT));
        String etag = gzip ? document.gzipEtag() : document.etag();
        if (browser) {
            etag = etag.substring(0, etag.length() - 1) + "-page\"";
        }
        String ifNoneMatch = headers.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        boolean current = ifNoneMatch != null ? matches(ifNoneMatch, etag)
                : notModifiedSince(headers.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE), document.lastModified());
        Response.ResponseBuilder response;
        if (current) {
            response = Response.notModified();
        } else {
            response = Response.ok(gzip ? document.gzipBody() : document.body(),
                    browser ? XML_FOR_BROWSERS : document.mediaType());
            if (gzip) {
                response.header("Content-Encoding", "gzip");
            }
        }
        int maxAge = switch (document.kind()) {
            case CURRENT -> http.maxAge();
            case ARCHIVE, ASSET -> http.archiveMaxAge();
        };
        return response.header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.LAST_MODIFIED, Date.from(document.lastModified()))
                .header(HttpHeaders.CACHE_CONTROL, "public, max-age=" + maxAge)
                .header(HttpHeaders.VARY, feedXml ? "Accept, Accept-Encoding" : "Accept-Encoding")
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Expose-Headers", "ETag, Last-Modified")
                .build();
    }

    static Response notFound(String reason) {
        return plain(Response.Status.NOT_FOUND, reason);
    }

    static Response badRequest(String reason) {
        return plain(Response.Status.BAD_REQUEST, reason);
    }

    private static Response plain(Response.Status status, String reason) {
        return Response.status(status).type(TEXT).header("X-Content-Type-Options", "nosniff")
                .entity(reason + "\n").build();
    }

    /** A piece of the request, safe to quote back: no control characters, at most 80 characters. */
    static String quoted(String text) {
        String visible = text.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return visible.length() > 80 ? visible.substring(0, 80) + "…" : visible;
    }

    static Response movedTo(String path) {
        return Response.status(Response.Status.MOVED_PERMANENTLY).header(HttpHeaders.LOCATION, Urls.toAscii(path))
                .header("Access-Control-Allow-Origin", "*").build();
    }

    static boolean isFeedXml(String mediaType) {
        return mediaType.startsWith("application/rss+xml") || mediaType.startsWith("application/atom+xml");
    }

    /** A browser navigating to a feed: asks for HTML and names no feed type. */
    static boolean wantsPage(String accept) {
        if (accept == null) {
            return false;
        }
        String lower = accept.toLowerCase(Locale.ROOT);
        return lower.contains("text/html") && !lower.contains("rss+xml") && !lower.contains("atom+xml");
    }

    /** Whether gzip is acceptable: named (or {@code *}) with a non-zero q-value. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        double gzip = -1;
        double any = -1;
        for (String part : acceptEncoding.split(",")) {
            String[] pieces = part.strip().split(";");
            String coding = pieces[0].strip().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < pieces.length; i++) {
                String parameter = pieces[i].strip().toLowerCase(Locale.ROOT);
                if (parameter.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(parameter.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                gzip = q;
            } else if (coding.equals("*")) {
                any = q;
            }
        }
        return gzip >= 0 ? gzip > 0 : any > 0;
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::strip)
                .map(candidate -> candidate.startsWith("W/") ? candidate.substring(2) : candidate)
                .anyMatch(candidate -> candidate.equals("*") || candidate.equals(etag));
    }

    private static boolean notModifiedSince(String ifModifiedSince, Instant lastModified) {
        if (ifModifiedSince == null) {
            return false;
        }
        try {
            Instant since = ZonedDateTime.parse(ifModifiedSince.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .withZoneSameInstant(ZoneOffset.UTC).toInstant();
            return !lastModified.isAfter(since);
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
