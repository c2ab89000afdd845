package dev.polyfeed.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Most files take a fast path (bytes checked, only the front matter decoded); it must give exactly
 * what decoding the whole file gives. Compared on many generated files mixing fences, every UTF-8
 * length, and each kind of byte the slow path repairs or refuses.
 */
class SourceTextTest {

    private static final String[] PIECES = {"---", "...", "--- ", "---\u2003", "----", "- x", ".", "title: a",
            "ç", "हिन्दी", "😀", "\u00a0", "\n", "\n", "\n", "\n", "a", " ", "\r", "\r\n", "\u0008", "\uFEFF", "\uFFFD",
            "\uFFFE", "\u007f", "\u0085"};
    /** Truncated, surrogate, beyond U+10FFFF, overlong, U+FFFF, a stray continuation byte. */
    private static final String[] BAD_BYTES = {"c3", "eda080", "f5808080", "c0af", "efbfbf", "80", "f0908d"};

    @Test
    void theFastPathAgreesWithDecodingTheWholeFile() throws ContentException {
        Random random = new Random(20261122);
        int clean = 0;
        int fast = 0;
        for (int n = 0; n < 20_000; n++) {
            byte[] bytes = file(random);
            String description = HexFormat.of().formatHex(bytes);
            boolean isClean = SourceText.isClean(bytes);
            SourceText decoded;
            try {
                decoded = SourceText.decode(bytes, "x.md");
            } catch (ContentException e) {
                assertFalse(isClean, () -> "refused by decoding, clean by the fast check: " + description);
                continue;
            }
            String plain = new String(bytes, StandardCharsets.UTF_8);
            if (!isClean) {
                assertTrue(!decoded.text().equals(plain) || !decoded.warnings().isEmpty() || bytes.length == 0,
                        () -> "decoding changed nothing, yet the fast check refused: " + description);
                continue;
            }
            clean++;
            assertEquals(plain, decoded.text(), description);
            assertTrue(decoded.warnings().isEmpty(), description);
            int head = FrontMatter.headLength(bytes);
            FrontMatter whole;
            try {
                whole = FrontMatter.split(decoded.text(), "x.md");
            } catch (ContentException unclosed) {
                assertEquals(-1, head, description);
                continue;
            }
            if (!whole.present()) {
                assertEquals(-1, head, description);
                continue;
            }
            fast++;
            FrontMatter split = FrontMatter.split(new String(bytes, 0, head, StandardCharsets.UTF_8), "x.md");
            assertEquals(whole.yaml(), split.yaml(), description);
            assertEquals(whole.yamlFirstLine(), split.yamlFirstLine(), description);
            assertEquals(whole.bodyFirstLine(), split.bodyFirstLine(), description);
            assertEquals(whole.body(), new String(bytes, head, bytes.length - head, StandardCharsets.UTF_8), description);
        }
        // the generator must exercise both paths, or this test proves nothing
        assertTrue(clean > 2_000 && fast > 1_000, "clean " + clean + ", fast " + fast);
    }

    private static byte[] file(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (random.nextBoolean()) {
            out.writeBytes("---\n".getBytes(StandardCharsets.UTF_8));
        }
        int pieces = random.nextInt(12);
        for (int i = 0; i < pieces; i++) {
            if (random.nextInt(40) == 0) {
                out.writeBytes(HexFormat.of().parseHex(BAD_BYTES[random.nextInt(BAD_BYTES.length)]));
            } else {
                String piece = PIECES[random.nextInt(random.nextInt(4) == 0 ? PIECES.length : 16)];
                out.writeBytes(piece.getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }
}
