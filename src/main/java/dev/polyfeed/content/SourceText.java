package dev.polyfeed.content;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
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
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            int offset = firstMalformedOffset(bytes);
            throw new ContentException(ContentProblem.error(path)
                    .line(lineAtByte(bytes, offset))
                    .message("not valid UTF-8 (first bad byte at offset " + offset + ")")
                    .hint("save the file as UTF-8; Polyfeed does not guess encodings")
                    .build());
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        int illegal = XmlText.firstIllegalIndex(text);
        if (illegal < 0) {
            return new SourceText(text, List.of());
        }
        String cleaned = XmlText.clean(text);
        int removed = text.codePointCount(0, text.length()) - cleaned.codePointCount(0, cleaned.length());
        ContentProblem warning = ContentProblem.warning(path)
                .line(lineAt(text, illegal))
                .message(removed + " control character(s) that XML forbids were removed, first U+"
                        + String.format("%04X", text.codePointAt(illegal)))
                .hint("remove them from the file; they are invisible and often pasted in by accident")
                .build();
        return new SourceText(cleaned, List.of(warning));
    }

    private static int firstMalformedOffset(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        var out = java.nio.CharBuffer.allocate(Math.max(16, bytes.length));
        var result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : 0;
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
