package dev.polyfeed.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LanguageTest {

    @ParameterizedTest
    @ValueSource(strings = {"ar", "fa", "he", "ur", "ps", "yi", "ckb", "az-Arab", "pa-Arab", "ar-EG"})
    void rightToLeftLanguagesAndScripts(String tag) {
        Language language = Language.parse(tag).orElseThrow();
        assertTrue(language.rightToLeft(), tag);
        assertEquals("rtl", language.direction());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tr", "hi", "id", "en", "zh", "ja", "ru", "az-Latn", "pt-BR", "uz-Cyrl"})
    void leftToRightLanguages(String tag) {
        assertFalse(Language.parse(tag).orElseThrow().rightToLeft(), tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {"drafts", "images", "x", "en_US_bad!", "", "2024", "tags"})
    void folderNamesThatAreNotLanguages(String name) {
        assertTrue(Language.parse(name).isEmpty(), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pt-br", "PT-BR", "pt_BR"})
    void tagsAreCanonicalised(String spelling) {
        assertEquals("pt-BR", Language.parse(spelling).orElseThrow().tag());
    }

    @org.junit.jupiter.api.Test
    void nativeNamesAreInTheLanguageItself() {
        assertEquals("Türkçe", Language.parse("tr").orElseThrow().nativeName());
        assertEquals("العربية", Language.parse("ar").orElseThrow().nativeName());
    }
}
