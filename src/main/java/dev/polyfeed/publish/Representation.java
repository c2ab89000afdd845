package dev.polyfeed.publish;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * Bytes ready to send, with what HTTP needs to serve and revalidate them. Made once per load, so a
 * request does no rendering at all.
 *
 * @param mediaType full Content-Type, charset included
 * @param lastModified newest change of what it shows, second precision (as HTTP dates are)
 * @param etag strong entity tag, quoted, derived from the bytes
 */
public record Representation(byte[] body, String mediaType, Instant lastModified, String etag) {

    public Representation {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(mediaType, "mediaType");
        lastModified = Objects.requireNonNull(lastModified, "lastModified").with(java.time.temporal.ChronoField.NANO_OF_SECOND, 0);
        Objects.requireNonNull(etag, "etag");
    }

    public static Representation of(byte[] body, String mediaType, Instant lastModified) {
        return new Representation(body, mediaType, lastModified, etagOf(body));
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
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
