package dev.polyfeed.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import dev.polyfeed.address.AddressParser;

/** The request target as a valid URI, for requests that send characters a URI may not hold. */
final class RequestUris {

    private static final String HEX = "0123456789ABCDEF";
    /** ASCII characters RFC 3986 allows nowhere in a path or query, though browsers send some of them. */
    private static final String NOT_IN_URIS = "\"<>\\^`{|}[] ";

    private RequestUris() {
    }

    /**
     * The URI with every character no URI may hold percent-encoded, and every {@code %} that starts no
     * escape written {@code %25}; the same string when there is nothing to change. A request line's
     * bytes above 0x7F arrive as one character each (ISO-8859-1), so each is one encoded byte, and UTF-8
     * sent raw comes out as its UTF-8 escapes; characters beyond that are encoded as UTF-8.
     */
    static String encoded(String uri) {
        if (isValid(uri)) {
            return uri;
        }
        StringBuilder out = new StringBuilder(uri.length() + 16);
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c == '%' && !(i + 2 < uri.length() && isHex(uri.charAt(i + 1)) && isHex(uri.charAt(i + 2)))) {
                escape(out, '%');
            } else if (c > 0x20 && c < 0x7F && NOT_IN_URIS.indexOf(c) < 0) {
                out.append(c);
            } else if (c <= 0xFF) {
                escape(out, c);
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < uri.length() ? i + 2 : i + 1;
                for (byte b : uri.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    escape(out, b & 0xFF);
                }
                i = end - 1;
            }
        }
        return out.toString();
    }

    /** See {@link AddressParser#segments}. */
    static Optional<List<String>> segments(String rawPath) {
        return AddressParser.segments(rawPath);
    }

    private static boolean isValid(String uri) {
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c <= 0x20 || c >= 0x7F || NOT_IN_URIS.indexOf(c) >= 0) {
                return false;
            }
            if (c == '%' && !(i + 2 < uri.length() && isHex(uri.charAt(i + 1)) && isHex(uri.charAt(i + 2)))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static void escape(StringBuilder out, int c) {
        out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xF));
    }
}
