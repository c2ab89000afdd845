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
}
