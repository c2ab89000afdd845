package dev.polyfeed.content;

import java.util.List;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * YAML values of every shape an author (or a generator, or a copy from another system) puts under a
 * front-matter key, written as YAML text: nothing, empty and blank text, text in every script with
 * control characters and quotes, numbers, booleans, explicitly tagged values ({@code !!binary},
 * {@code !!timestamp}, {@code !!set}…), lists and mappings nested in each other, anchors and aliases.
 */
final class YamlShapes {

    private YamlShapes() {
    }

    /** Any value, written so that it can follow "key: " on one line. */
    static Arbitrary<String> anyValue() {
        return Arbitraries.lazyOf(YamlShapes::scalar, YamlShapes::tagged, () -> list(2), () -> mapping(2),
                YamlShapes::blockList, YamlShapes::anchored);
    }

    static Arbitrary<String> scalar() {
        return Arbitraries.oneOf(
                Arbitraries.of("", "~", "null", "''", "\"\"", "\" \"", "\"\\u00A0\"", "\"\\t\\n\"", "true", "False",
                        "no", "yes", "0", "-1", "3.14", "1e10", "0x1F", ".inf", "2025-01-30", "2025-02-30",
                        "2025-01-30T10:15:00+03:00", "2025-01-30 10:15:00 +0300", "\"2024\"", "'it''s'",
                        "\"\\x01\\x08 control\"", "\"\\uFFFE\"", "\"]]> <&>\"", "\"Jane Doe (Acme), [Li Wei](https://example.org/li)\"",
                        "\"javascript:alert(1)\"", "\"../../etc/passwd\"", "\"a/b\\\\c\"", "\"   \""),
                plainText(),
                quotedText(),
                Arbitraries.strings().ofMinLength(2000).ofMaxLength(5000).withCharRange('a', 'z').map(s -> "\"" + s + "\""));
    }

    /** Text without YAML syntax, in several scripts. */
    static Arbitrary<String> plainText() {
        return Arbitraries.strings().withChars("abcXYZ019 çğışöüİ中文日本語한국어العربيةहिंदीעבריתрусский-_.")
                .ofMinLength(1).ofMaxLength(30).map(String::strip).filter(s -> !s.isEmpty()
                        && !s.startsWith("-") && !s.equalsIgnoreCase("null") && !s.equals("~"));
    }

    /** Any characters at all, in double quotes with YAML escapes. */
    static Arbitrary<String> quotedText() {
        return Arbitraries.strings().all().ofMaxLength(40).map(YamlShapes::doubleQuoted);
    }

    static String doubleQuoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(c -> {
            if (c == '"' || c == '\\') {
                out.append('\\').appendCodePoint(c);
            } else if (c < 0x20 || c == 0x7F || (c >= 0xD800 && c <= 0xDFFF) || c == 0xFFFE || c == 0xFFFF) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append('"').toString();
    }

    static Arbitrary<String> tagged() {
        return Arbitraries.of("!!int 5", "!!float 1.5", "!!binary aGVsbG8=", "!!timestamp 2024-01-01",
                "!!timestamp 2024-01-01T10:00:00Z", "!!set {a, b}", "!!omap [a: 1, b: 2]", "!!pairs [a: 1, a: 2]",
                "!!str 42", "!!bool true", "!!null ''", "!!seq [x]", "!!map {x: y}");
    }

    static Arbitrary<String> list(int depth) {
        Arbitrary<String> item = depth == 0 ? scalar() : Arbitraries.oneOf(scalar(), list(depth - 1), mapping(depth - 1));
        return item.list().ofMaxSize(4).map(items -> items.stream()
                .map(i -> i.isEmpty() ? "''" : i).collect(Collectors.joining(", ", "[", "]")));
    }

    static Arbitrary<String> mapping(int depth) {
        Arbitrary<String> value = depth == 0 ? scalar() : Arbitraries.oneOf(scalar(), list(depth - 1), mapping(depth - 1));
        Arbitrary<String> key = Arbitraries.of("name", "label", "url", "image_url", "title", "email", "x", "Name");
        return Combinators.combine(key, value).as((k, v) -> k + ": " + (v.isEmpty() ? "''" : v)).list().ofMaxSize(3)
                .uniqueElements(entry -> entry.substring(0, entry.indexOf(':')))
                .map(entries -> String.join(", ", entries)).map(inner -> "{" + inner + "}");
    }

    /** A block list on the lines after the key. */
    static Arbitrary<String> blockList() {
        return Arbitraries.oneOf(scalar(), list(1)).list().ofMinSize(1).ofMaxSize(3)
                .map(items -> items.stream().map(i -> "\n  - " + i).collect(Collectors.joining()));
    }

    static Arbitrary<String> anchored() {
        return Arbitraries.oneOf(scalar(), list(1)).map(v -> "&anchor " + (v.isEmpty() ? "''" : v));
    }

    /** Every key Polyfeed reads, in the spellings authors use, and one it does not. */
    static final List<String> KEYS = List.of("title", "Title", "date", "updated", "tags", "keywords", "authors",
            "author", "Author", "description", "image", "slug", "lang", "id", "draft", "unknown_key");
}
