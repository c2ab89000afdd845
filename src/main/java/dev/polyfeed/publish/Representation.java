package dev.polyfeed.publish;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Bytes ready to send, identity and gzip'd, with what HTTP needs to serve and revalidate them. Made
 * once per load, so a request neither renders nor compresses anything.
 *
 * @param kind decides how long clients may cache it
 * @param mediaType full Content-Type, charset included
 * @param lastModified newest change of what it shows, second precision (as HTTP dates are)
 * @param etag strong entity tag of the identity bytes, quoted
 * @param gzipEtag strong entity tag of the gzip'd bytes, quoted: another representation, another tag
 * @param httpDate {@code lastModified} as HTTP writes dates, for {@code Last-Modified}
 * @param links {@code Link} field values (RFC 8288) its 200 carries, one field each: a feed's WebSub hub
 *        and self; derived from the body (a feed carries the same links inside), so one entity tag
 *        always has the same links
 */
public record Representation(Kind kind, byte[] body, byte[] gzipBody, String mediaType, Instant lastModified,
        String etag, String gzipEtag, String httpDate, List<String> links) {

    /** RFC 9110's IMF-fixdate; {@code RFC_1123_DATE_TIME} would drop the leading zero of the day. */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** What a document is, for caching. */
    public enum Kind {
        /** A current feed, the index, the OPML, a post page: changes when content does. */
        CURRENT,
        /** An RFC 5005 archive document: changes only if an old post is edited. */
        ARCHIVE,
        /** Part of the server itself (the feed stylesheet). */
        ASSET
    }

    public Representation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(gzipBody, "gzipBody");
        Objects.requireNonNull(mediaType, "mediaType");
        lastModified = Objects.requireNonNull(lastModified, "lastModified").with(ChronoField.NANO_OF_SECOND, 0);
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(gzipEtag, "gzipEtag");
        Objects.requireNonNull(httpDate, "httpDate");
        links = List.copyOf(links);
    }

    public static Representation of(Kind kind, byte[] body, String mediaType, Instant lastModified) {
        String etag = etagOf(body);
        return new Representation(kind, body, gzip(body), mediaType, lastModified, etag,
                etag.substring(0, etag.length() - 1) + "-gz\"", httpDate(lastModified), List.of());
    }

    /**
     * This representation as an answer sent at {@code epochSecond} dates it. RFC 9110 (section 8.8.2.1)
     * has a server with a clock send no {@code Last-Modified} later than the answer's {@code Date}, and
     * that date instead of one ahead of it: a post dated ahead and served at once, as Jekyll's
     * {@code future: true} and Docusaurus serve it, dates its feeds ahead.
     */
    public Representation notAfter(long epochSecond) {
        if (lastModified.getEpochSecond() <= epochSecond) {
            return this;
        }
        Instant answered = Instant.ofEpochSecond(epochSecond);
        return new Representation(kind, body, gzipBody, mediaType, answered, etag, gzipEtag, httpDate(answered), links);
    }

    /** This representation with the {@code Link} fields its 200 carries. */
    public Representation withLinks(List<String> fieldValues) {
        return new Representation(kind, body, gzipBody, mediaType, lastModified, etag, gzipEtag, httpDate, fieldValues);
    }

    /** An instant as HTTP writes dates (IMF-fixdate, to the second), for {@code Last-Modified} and {@code Date}. */
    public static String httpDate(Instant instant) {
        return HTTP_DATE.format(instant);
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192) {
            {
                // level 6: documents are compressed on their first request, where level 9 costs twice
                // the time for a few percent
                def.setLevel(Deflater.DEFAULT_COMPRESSION);
            }
        }) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String etagOf(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
