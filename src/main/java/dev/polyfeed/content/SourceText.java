package dev.polyfeed.content;

import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns the bytes of an author's file into the text Polyfeed works on: strict UTF-8 (a file in
 * another encoding is reported, never guessed at), no byte order mark, LF line ends, and no
 * character that XML forbids.
 *
 * @param text the decoded text
 * @param warnings what was changed that the author should know about
 */
public record SourceText(String text, List<ContentProblem> warnings) {

    public SourceText {
        warnings = List.copyOf(warnings);
    }

    public static SourceText decode(byte[] bytes, String path) throws ContentException {
        // The JDK's own decoding is several times faster than a CharsetDecoder, and replaces bad bytes
        // with U+FFFD; only a text holding U+FFFD is worth checking strictly, for it may be a real one.
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            int offset = firstMalformedOffset(bytes);
            if (offset >= 0) {
                throw new ContentException(ContentProblem.error(path, ProblemKind.UNREADABLE)
                        .line(lineAtByte(bytes, offset))
                        .message("not valid UTF-8 (first bad byte at offset " + offset + ")")
                        .hint("save the file as UTF-8; Polyfeed does not guess encodings")
                        .build());
            }
        }
        return normalized(text, path, List.of());
    }

    /**
     * Like {@link #decode}, for a post already published whose body is read again to be rendered: bytes
     * that are not UTF-8 become U+FFFD and are reported, rather than losing the post.
     */
    public static SourceText repair(byte[] bytes, String path) {
        try {
            return decode(bytes, path);
        } catch (ContentException e) {
            ContentProblem bad = e.problem();
            ContentProblem warning = ContentProblem.warning(path, bad.kind()).line(bad.line())
                    .message(bad.message() + "; the bad bytes are shown as \uFFFD").hint(bad.hint()).build();
            return normalized(new String(bytes, StandardCharsets.UTF_8), path, List.of(warning));
        }
    }

    private static SourceText normalized(String decoded, String path, List<ContentProblem> found) {
        String text = decoded;
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        int illegal = XmlText.firstIllegalIndex(text);
        if (illegal < 0) {
            return new SourceText(text, found);
        }
        String cleaned = XmlText.clean(text);
        int removed = text.codePointCount(0, text.length()) - cleaned.codePointCount(0, cleaned.length());
        ContentProblem warning = ContentProblem.warning(path, ProblemKind.CONTROL_CHARACTERS)
                .line(lineAt(text, illegal))
                .message(removed + " control character(s) that XML forbids were removed, first U+"
                        + String.format("%04X", text.codePointAt(illegal)))
                .hint("remove them from the file; they are invisible and often pasted in by accident")
                .build();
        List<ContentProblem> warnings = new java.util.ArrayList<>(found);
        warnings.add(warning);
        return new SourceText(cleaned, warnings);
    }

    /**
     * Whether the bytes are already what {@link #decode} would make of them: valid UTF-8 without a byte
     * order mark, carriage return or character XML forbids. Most files are, and their bytes can then
     * be used as they are, without decoding them into a string first.
     */
    public static boolean isClean(byte[] bytes) {
        return isClean(bytes, bytes.length);
    }

    /** Whether the first {@code length} bytes are {@link #isClean(byte[]) clean}. */
    public static boolean isClean(byte[] bytes, int length) {
        if (length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF) {
            return false;
        }
        for (int i = 0; i < length;) {
            int b = bytes[i];
            if (b >= 0x20 || b == '\n' || b == '\t') {
                i++;
                continue;
            }
            if (b >= 0) {
                return false; // CR or another C0 control
            }
            int lead = b & 0xFF;
            int size;
            int codePoint;
            if (lead >= 0xC2 && lead <= 0xDF) {
                size = 2;
                codePoint = lead & 0x1F;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                size = 3;
                codePoint = lead & 0x0F;
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                size = 4;
                codePoint = lead & 0x07;
            } else {
                return false;
            }
            if (i + size > length) {
                return false;
            }
            for (int k = 1; k < size; k++) {
                int next = bytes[i + k] & 0xFF;
                if ((next & 0xC0) != 0x80) {
                    return false;
                }
                codePoint = (codePoint << 6) | (next & 0x3F);
            }
            // overlong forms, surrogates and what lies beyond U+10FFFF are not UTF-8; XML forbids U+FFFE and U+FFFF
            boolean valid = size == 2 || (size == 3 && codePoint >= 0x800 && (codePoint < 0xD800 || codePoint > 0xDFFF)
                    && codePoint < 0xFFFE) || (size == 4 && codePoint >= 0x10000 && codePoint <= 0x10FFFF);
            if (!valid) {
                return false;
            }
            i += size;
        }
        return true;
    }

    private static int firstMalformedOffset(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        var out = java.nio.CharBuffer.allocate(Math.max(16, bytes.length));
        var result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : -1;
    }

    private static int lineAtByte(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    static int lineAt(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
