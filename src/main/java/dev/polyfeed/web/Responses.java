package dev.polyfeed.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import jakarta.ws.rs.core.HttpHeaders;

import dev.polyfeed.config.PolyfeedConfig;
import dev.polyfeed.content.Urls;
import dev.polyfeed.page.PageWriter;
import dev.polyfeed.publish.RenderGate;
import dev.polyfeed.publish.Representation;

/**
 * Every HTTP answer Polyfeed gives, decided in one place: for a document its encoding, validators,
 * 304, caching and CORS; redirects, 404s with their reason, 400, 405 and 503. Both routes only copy
 * the {@link Reply} onto their response.
 */
final class Responses {

    static final String TEXT = "text/plain; charset=utf-8";
    static final String ALLOWED_METHODS = "GET, HEAD";
    static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
    static final String EXPOSE_HEADERS = "Access-Control-Expose-Headers";
    /** What a web-based reader's script may read: the validators, and a feed's WebSub discovery links. */
    static final String EXPOSED = "ETag, Last-Modified, Link";

    private Responses() {
    }

    /** The two Cache-Control headers there are, made once from the configuration rather than per response. */
    record Caching(Reply.Header current, Reply.Header archive) {
        static Caching of(PolyfeedConfig.Http http) {
            return new Caching(new Reply.Header(HttpHeaders.CACHE_CONTROL, "public, max-age=" + http.maxAge()),
                    new Reply.Header(HttpHeaders.CACHE_CONTROL, "public, max-age=" + http.archiveMaxAge()));
        }

        Reply.Header of(Representation.Kind kind) {
            return switch (kind) {
                case CURRENT -> current;
                case ARCHIVE, ASSET -> archive;
            };
        }
    }

    /*
     * The request headers read, by name: Netty's AsciiStrings, which Vert.x looks up without hashing the
     * name again on every request, as it does a plain string. The JAX-RS resource reads them by the same
     * names, case-insensitively.
     */
    static final CharSequence ACCEPT = io.vertx.core.http.HttpHeaders.ACCEPT;
    static final CharSequence ACCEPT_ENCODING = io.vertx.core.http.HttpHeaders.ACCEPT_ENCODING;
    static final CharSequence IF_NONE_MATCH = io.vertx.core.http.HttpHeaders.IF_NONE_MATCH;
    static final CharSequence IF_MODIFIED_SINCE = io.vertx.core.http.HttpHeaders.IF_MODIFIED_SINCE;

    /**
     * Which representation of a document a request gets: a feed's page when a browser navigates to the
     * feed (it asks for HTML and names no feed type), else the document itself. Browsers show
     * application/rss+xml as source or offer a download, and are dropping XSLT; feed readers ask for feed
     * types or for anything, and keep getting the feed, byte for byte.
     *
     * @param hasPage whether the document has a page for browsers (feeds do)
     * @param header the request's header by name, or null
     */
    static boolean wantsView(boolean hasPage, Function<CharSequence, String> header) {
        return hasPage && wantsPage(header.apply(ACCEPT));
    }

    /**
     * The document, gzip'd when the client accepts it, or 304 when the client's copy is current, with
     * its validators, caching and CORS headers. Decided from the request's headers alone, so that both
     * routes answer alike. If-None-Match wins over If-Modified-Since, as RFC 9110 section 13.2.2 says.
     *
     * @param kind what kind of document it is, for metrics
     * @param negotiated whether the document's address also serves another representation by Accept
     *        (a feed and its page), which caches must then tell apart
     * @param header the request's header by name, or null
     * @param answeredAt the second the answer's {@code Date} names, which its {@code Last-Modified} may not pass
     */
    static Reply document(DocumentKind kind, Representation dated, boolean negotiated, Function<CharSequence, String> header,
            Caching caching, long answeredAt) {
        Representation document = dated.notAfter(answeredAt);
        boolean gzip = acceptsGzip(header.apply(ACCEPT_ENCODING));
        String etag = gzip ? document.gzipEtag() : document.etag();
        String ifNoneMatch = header.apply(IF_NONE_MATCH);
        boolean current = ifNoneMatch != null ? matches(ifNoneMatch, etag)
                : notModifiedSince(header.apply(IF_MODIFIED_SINCE), document.lastModified());
        Prepared prepared = prepared(document, gzip, etag, negotiated, caching.of(document.kind()));
        if (current) {
            return new Reply(304, prepared.notModified(), null, kind, false);
        }
        return new Reply(200, prepared.ok(), gzip ? document.gzipBody() : document.body(), kind, gzip);
    }

    /**
     * The headers of a document's 304 and of its 200, in one encoding, made when it is first served and
     * then taken from {@link #PREPARED}: a document is served many times over, with the same headers.
     */
    private record Prepared(String etag, boolean gzip, String httpDate, String mediaType, Reply.Header cacheControl,
            boolean negotiated, List<Reply.Header> notModified, List<Reply.Header> ok) {

        boolean isFor(String etag, boolean gzip, Representation document, boolean negotiated, Reply.Header cacheControl) {
            // the strings of one representation are the same objects each time: equals stops at ==
            return this.etag.equals(etag) && this.gzip == gzip && httpDate.equals(document.httpDate())
                    && mediaType.equals(document.mediaType()) && this.cacheControl.equals(cacheControl)
                    && this.negotiated == negotiated;
        }
    }

    /**
     * Recently served documents' headers by their entity tag's hash, one per slot, the newest winning a
     * slot. Only strings are kept, never a document's bytes, so a retired publication's documents are not
     * held here. Entries are immutable, so event loops may race on a slot: each sees a whole entry or null.
     */
    private static final Prepared[] PREPARED = new Prepared[256];

    private static Prepared prepared(Representation document, boolean gzip, String etag, boolean negotiated,
            Reply.Header cacheControl) {
        int slot = etag.hashCode() & (PREPARED.length - 1);
        Prepared prepared = PREPARED[slot];
        if (prepared != null && prepared.isFor(etag, gzip, document, negotiated, cacheControl)) {
            return prepared;
        }
        List<Reply.Header> headers = new ArrayList<>(11);
        headers.add(new Reply.Header(HttpHeaders.ETAG, etag));
        headers.add(new Reply.Header(HttpHeaders.LAST_MODIFIED, document.httpDate()));
        headers.add(cacheControl);
        headers.add(negotiated ? VARY_NEGOTIATED : VARY);
        headers.add(CORS);
        headers.add(EXPOSE);
        List<Reply.Header> notModified = List.copyOf(headers);
        headers.add(new Reply.Header(HttpHeaders.CONTENT_TYPE, document.mediaType()));
        for (String link : document.links()) {
            headers.add(new Reply.Header(LINK, link));
        }
        if (document.mediaType().startsWith("text/html")) {
            headers.addAll(PAGE_SAFETY);
        }
        if (gzip) {
            headers.add(GZIP);
        }
        prepared = new Prepared(etag, gzip, document.httpDate(), document.mediaType(), cacheControl, negotiated, notModified,
                List.copyOf(headers));
        PREPARED[slot] = prepared;
        return prepared;
    }

    private static final Reply.Header CORS = new Reply.Header(ALLOW_ORIGIN, "*");
    private static final CharSequence LINK = io.vertx.core.http.HttpHeaders.createOptimized("Link");
    private static final Reply.Header GZIP = new Reply.Header(HttpHeaders.CONTENT_ENCODING, "gzip");
    private static final Reply.Header EXPOSE = new Reply.Header(EXPOSE_HEADERS, EXPOSED);
    private static final Reply.Header VARY = new Reply.Header(HttpHeaders.VARY, "Accept-Encoding");
    private static final Reply.Header VARY_NEGOTIATED = new Reply.Header(HttpHeaders.VARY, "Accept, Accept-Encoding");
    private static final Reply.Header PLAIN = new Reply.Header(HttpHeaders.CONTENT_TYPE, TEXT);
    private static final Reply.Header NOSNIFF = new Reply.Header("X-Content-Type-Options", "nosniff");
    /** On every HTML page: what it may load, no sniffing, and no full address sent to sites it links. */
    private static final List<Reply.Header> PAGE_SAFETY = List.of(
            new Reply.Header("Content-Security-Policy", PageWriter.CONTENT_SECURITY_POLICY), NOSNIFF,
            new Reply.Header("Referrer-Policy", "strict-origin-when-cross-origin"));

    static Reply notFound(String reason) {
        return Reply.text(404, reason, List.of(PLAIN, NOSNIFF), DocumentKind.NOT_FOUND);
    }

    /** Seconds a client is asked to wait when every render is busy. */
    static final String RETRY_AFTER_SECONDS = "1";

    /** Every render is busy: come back shortly, rather than everyone waiting long. */
    static Reply busy(DocumentKind kind) {
        return Reply.text(503, "Every render is busy; please retry in a second.",
                List.of(PLAIN, NOSNIFF, CORS, new Reply.Header("Retry-After", RETRY_AFTER_SECONDS)), kind);
    }

    /** A document holds a post whose file changed since it was loaded; the reload that brings it is under way. */
    static Reply reloading(DocumentKind kind) {
        return Reply.text(503, "The content changed on disk and is being loaded again; please retry in a second.",
                List.of(PLAIN, NOSNIFF, CORS, new Reply.Header("Retry-After", RETRY_AFTER_SECONDS)), kind);
    }

    /** What a failed render of a document answers, if it is not a fault of Polyfeed's (then empty). */
    static java.util.Optional<Reply> unrendered(Throwable failure, DocumentKind kind) {
        if (failure instanceof RenderGate.Busy) {
            return java.util.Optional.of(busy(kind));
        }
        if (failure instanceof dev.polyfeed.content.BodyText.Unavailable) {
            return java.util.Optional.of(reloading(kind));
        }
        return java.util.Optional.empty();
    }

    static Reply badRequest(String reason) {
        return Reply.text(400, reason, List.of(PLAIN, NOSNIFF), DocumentKind.REJECTED);
    }

    /** Polyfeed only reads: any other method, on any path, with what is allowed. */
    static Reply methodNotAllowed() {
        return Reply.text(405, "Polyfeed serves feeds read-only: use GET or HEAD.",
                List.of(PLAIN, NOSNIFF, new Reply.Header(HttpHeaders.ALLOW, ALLOWED_METHODS)), DocumentKind.REJECTED);
    }

    /** To the canonical path of what was asked for, or to a request target's percent-encoded form. */
    static Reply movedTo(String pathOrTarget) {
        return new Reply(301, List.of(new Reply.Header(HttpHeaders.LOCATION, Urls.toAscii(pathOrTarget)), CORS), null,
                DocumentKind.REDIRECT, false);
    }

    /** A browser navigating to a feed: asks for HTML and names no feed type. */
    static boolean wantsPage(String accept) {
        if (accept == null) {
            return false;
        }
        String lower = accept.toLowerCase(Locale.ROOT);
        return lower.contains("text/html") && !lower.contains("rss+xml") && !lower.contains("atom+xml")
                && !lower.contains("feed+json");
    }

    /** Whether gzip is acceptable: named (or {@code *}) with a non-zero q-value. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        if (acceptEncoding.indexOf(';') < 0 && acceptEncoding.indexOf('*') < 0) {
            // what nearly every client sends ("gzip", "gzip, deflate, br"): no q-values to weigh
            return hasToken(acceptEncoding, "gzip") || hasToken(acceptEncoding, "x-gzip");
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

    /** Whether a comma-separated list holds the token, in any case, without splitting it. */
    private static boolean hasToken(String list, String token) {
        int from = 0;
        while (true) {
            int at = indexOfIgnoreCase(list, token, from);
            if (at < 0) {
                return false;
            }
            int end = at + token.length();
            if (isListBoundary(list, at - 1) && isListBoundary(list, end)) {
                return true;
            }
            from = at + 1;
        }
    }

    private static int indexOfIgnoreCase(String text, String token, int from) {
        for (int i = from; i + token.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, token, 0, token.length())) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isListBoundary(String list, int index) {
        if (index < 0 || index >= list.length()) {
            return true;
        }
        char c = list.charAt(index);
        return c == ',' || c == ' ' || c == '\t';
    }

    /** Whether the client's copy is current, If-None-Match winning over If-Modified-Since (RFC 9110 section 13.2.2). */
    static boolean isCurrent(String ifNoneMatch, String ifModifiedSince, String etag, Instant lastModified) {
        return ifNoneMatch != null ? matches(ifNoneMatch, etag) : notModifiedSince(ifModifiedSince, lastModified);
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch.equals(etag)) {
            return true; // the usual revalidation: the one tag the client was given
        }
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
