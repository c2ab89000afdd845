package dev.polyfeed.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class XmlTextTest {

    @Test
    void removesEveryCharacterXmlForbids() {
        String dirty = "a\u0000b\u0008c\u000Bd\u001Fe\uFFFEf\uFFFFg\uD800h\uDC00i";
        assertEquals("abcdefghi", XmlText.clean(dirty));
    }

    @Test
    void keepsTabsNewlinesEmojiAndEveryScript() {
        String text = "\tline\r\n😀 مرحبا हिन्दी 中文 <&\"]]>";
        assertSame(text, XmlText.clean(text));
    }

    @Test
    void everySingleCharacterIsJudgedByTheXmlRanges() {
        for (char c = 0; c < 0xFFFF; c++) {
            // a surrogate alone is never a character; the ranges are XML 1.0's Char production
            boolean legal = !Character.isSurrogate(c) && (c == 0x9 || c == 0xA || c == 0xD
                    || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD));
            String name = "U+" + Integer.toHexString(c);
            assertEquals(legal ? -1 : 0, XmlText.firstIllegalIndex(String.valueOf(c)), name);
        }
        assertEquals(-1, XmlText.firstIllegalIndex("x\uDBFF\uDFFF"), "U+10FFFF, the last code point");
        assertEquals(1, XmlText.firstIllegalIndex("x\uD83D"), "a high surrogate at the very end");
        assertEquals(1, XmlText.firstIllegalIndex("x\uDE00\uD83D"), "a pair in the wrong order");
    }
}
