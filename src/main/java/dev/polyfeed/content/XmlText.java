package dev.polyfeed.content;

/**
 * Keeps text within the characters XML 1.0 allows. Everything that reaches a feed passes through
 * here: one stray U+0008 in a post would otherwise make the XML writer throw and the whole feed 500.
 */
public final class XmlText {

    private XmlText() {
    }

    /** Whether XML 1.0 allows this code point in character data. */
    public static boolean isLegal(int codePoint) {
        return codePoint == 0x9 || codePoint == 0xA || codePoint == 0xD
                || (codePoint >= 0x20 && codePoint <= 0xD7FF)
                || (codePoint >= 0xE000 && codePoint <= 0xFFFD)
                || (codePoint >= 0x10000 && codePoint <= 0x10FFFF);
    }

    /** The text without the characters XML 1.0 forbids, lone surrogates included. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        int firstBad = firstIllegalIndex(text);
        if (firstBad < 0) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length());
        kept.append(text, 0, firstBad);
        for (int i = firstBad; i < text.length();) {
            int codePoint = text.codePointAt(i);
            if (isLegal(codePoint) && !Character.isSurrogate((char) codePoint)) {
                kept.appendCodePoint(codePoint);
            }
            i += Character.charCount(codePoint);
        }
        return kept.toString();
    }

    /** Index of the first character XML 1.0 forbids, or -1. */
    public static int firstIllegalIndex(String text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            // every file's every character passes here: the common case first, without decoding code points
            if ((c >= 0x20 && c < 0xD800) || c == '\n' || c == '\t' || c == '\r' || (c >= 0xE000 && c <= 0xFFFD)) {
                continue;
            }
            // a surrogate pair is a code point from U+10000 up, all legal; a lone surrogate is not
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
                continue;
            }
            return i;
        }
        return -1;
    }
}
