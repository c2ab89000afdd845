package dev.polyfeed.content;

import java.nio.charset.StandardCharsets;

/** URL text helpers shared by posts, feeds and pages. */
public final class Urls {

    private static final String HEX = "0123456789ABCDEF";

    private Urls() {
    }

    /** Percent-encodes everything but RFC 3986 unreserved characters: for one path segment. */
    public static String segment(String text) {
        // most slugs, tags and language tags need no escaping: a site has hundreds of thousands of paths
        if (isUnreserved(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                appendEscaped(out, c);
            }
        }
        return out.toString();
    }

    /**
     * Turns an IRI or a sloppy URL into an ASCII URI: percent-encodes non-ASCII characters, spaces and
     * characters no URI may hold, while keeping existing escapes and the URL's structure. Feed
     * validators and many readers reject raw non-ASCII in link attributes.
     */
    public static String toAscii(String url) {
        StringBuilder out = new StringBuilder(url.length() + 16);
        for (byte b : url.strip().getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c > 0x20 && c < 0x7F && "\"<>\\^`{|}".indexOf(c) < 0) {
                out.append((char) c);
            } else {
                appendEscaped(out, c);
            }
        }
        // a '%' not followed by two hex digits is a literal percent sign
        StringBuilder fixed = new StringBuilder(out.length());
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            if (c == '%' && !(i + 2 < out.length() && isHex(out.charAt(i + 1)) && isHex(out.charAt(i + 2)))) {
                fixed.append("%25");
            } else {
                fixed.append(c);
            }
        }
        return fixed.toString();
    }

    private static boolean isUnreserved(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static void appendEscaped(StringBuilder out, int c) {
        out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xF));
    }
}
