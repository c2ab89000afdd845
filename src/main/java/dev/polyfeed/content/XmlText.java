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
        for (int i = 0; i < text.length();) {
            int codePoint = text.codePointAt(i);
            // codePointAt returns a lone surrogate as itself, which is outside every legal range
            if (!isLegal(codePoint) || (codePoint <= 0xFFFF && Character.isSurrogate((char) codePoint))) {
                return i;
            }
            i += Character.charCount(codePoint);
        }
        return -1;
    }
}
