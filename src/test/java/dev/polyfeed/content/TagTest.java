package dev.polyfeed.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TagTest {

    private final Locale defaultLocale = Locale.getDefault();

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(defaultLocale);
    }

    @Test
    void spellingsThatDifferOnlyInCaseShareOneKey() {
        assertEquals("ai", Tag.keyOf("AI"));
        assertEquals("ai", Tag.keyOf("ai"));
        assertEquals("ai", Tag.keyOf("  Ai "));
    }

    @Test
    void turkishDefaultLocaleDoesNotTurnCapitalIIntoDotlessI() {
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        // With the Turkish locale, "AI".toLowerCase() is "aı" (U+0131): the key must not be.
        assertEquals("aı", "AI".toLowerCase());
        assertEquals("ai", Tag.keyOf("AI"));
    }

    @Test
    void decomposedAndComposedFormsMerge() {
        String composed = "caf\u00e9";
        String decomposed = "cafe\u0301";
        assertEquals(Tag.keyOf(composed), Tag.keyOf(decomposed));
        assertEquals("caf\u00e9", Tag.keyOf(decomposed));
        assertEquals("caf\u00e9", Tag.of(decomposed).orElseThrow().label());
    }

    @Test
    void runsOfWhitespaceAndSlashesBecomeOneDash() {
        assertEquals("açık-kaynak", Tag.keyOf("Açık   Kaynak"));
        assertEquals("c-c++", Tag.keyOf("C/C++"));
        assertEquals("a-b", Tag.keyOf("a / b"));
        assertEquals("ai", Tag.keyOf("/AI/"));
    }

    @Test
    void lettersOfEveryScriptAreKept() {
        assertEquals("الذكاء-الاصطناعي", Tag.keyOf("الذكاء الاصطناعي"));
        assertEquals("ओपन-सोर्स", Tag.keyOf("ओपन-सोर्स"));
        assertEquals("人工智能", Tag.keyOf("人工智能"));
        assertEquals("🚀-launch", Tag.keyOf("🚀 Launch"));
    }

    @Test
    void nothingLeftMeansNoTag() {
        assertTrue(Tag.of(" / ").isEmpty());
        assertTrue(Tag.of("").isEmpty());
    }
}
