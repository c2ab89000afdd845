package dev.polyfeed.content;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed reading of a {@link YamlMapping}, forgiving where the intent is clear ({@code tags: AI} is a
 * list of one, {@code title: 2024} is the text "2024", an empty value is no value) and reporting, at
 * the key's line, whatever it had to leave out. No YAML shape under any key makes it throw.
 */
final class Fields {

    private final YamlMapping yaml;
    private final String path;
    private final ProblemCollector problems;
    private final ProblemKind kind;

    /** @param kind the kind of problem a value of the wrong shape is reported as */
    Fields(YamlMapping yaml, String path, ProblemCollector problems, ProblemKind kind) {
        this.yaml = yaml;
        this.path = path;
        this.problems = problems;
        this.kind = kind;
    }

    YamlMapping yaml() {
        return yaml;
    }

    /** A single text value; a list or mapping there is reported and ignored. */
    Optional<String> text(String key) {
        Object value = yaml.get(key);
        if (value == null) {
            return Optional.empty();
        }
        Optional<String> text = scalarText(value);
        if (text.isEmpty()) {
            warn(key, "'" + key + "' should be text, not a " + YamlMapping.kindOf(value) + "; it was ignored",
                    "write " + key + ": followed by the text on the same line");
            return Optional.empty();
        }
        return text.filter(t -> !t.isEmpty());
    }

    /** A list of text values; a single value is a list of one. Items that are not text are reported. */
    List<String> textList(String key) {
        Object value = yaml.get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof Map<?, ?>) {
            warn(key, "'" + key + "' should be a list, not a mapping; it was ignored",
                    "write " + key + ": [first, second]");
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        for (Object item : items(value)) {
            if (item instanceof Map<?, ?> map && map.get("label") != null) {
                item = map.get("label"); // Docusaurus tag objects: {label, permalink}
            }
            if (item == null) {
                continue; // "tags: [a, , b]" or a blank list item: nothing was meant
            }
            Optional<String> text = scalarText(item);
            if (text.isEmpty()) {
                warn(key, "an item of '" + key + "' is a " + YamlMapping.kindOf(item) + ", not text; it was left out",
                        "write each item as plain text");
                continue;
            }
            text.filter(t -> !t.isEmpty()).ifPresent(texts::add);
        }
        return List.copyOf(texts);
    }

    /** A yes/no value: YAML true/false, or the text "true"/"false"/"yes"/"no" in any case. */
    Optional<Boolean> flag(String key) {
        Object value = yaml.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Boolean bool) {
            return Optional.of(bool);
        }
        String text = scalarText(value).orElse("");
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("yes")) {
            return Optional.of(true);
        }
        if (text.equalsIgnoreCase("false") || text.equalsIgnoreCase("no") || text.isEmpty()) {
            return Optional.of(false);
        }
        warn(key, "'" + key + "' should be true or false, not '" + ContentProblem.quote(text) + "'; it was ignored",
                "write " + key + ": true or " + key + ": false");
        return Optional.empty();
    }

    /**
     * The text of a single YAML value, cleaned of characters XML forbids and stripped; empty for a
     * list, mapping or binary value. Explicitly tagged values ({@code !!int 5}, {@code !!timestamp})
     * read as what they say.
     */
    static Optional<String> scalarText(Object value) {
        if (value == null || value instanceof Map<?, ?> || value instanceof Collection<?> || value instanceof byte[]
                || value instanceof Object[]) {
            return Optional.empty();
        }
        String text = value instanceof Date date ? date.toInstant().toString() : String.valueOf(value);
        return Optional.of(XmlText.clean(text).strip());
    }

    /** A list's items, a set's, or a single value as a list of one. */
    static List<?> items(Object value) {
        if (value instanceof List<?> list) {
            return list;
        }
        if (value instanceof Collection<?> collection) {
            return List.copyOf(collection);
        }
        return java.util.Collections.singletonList(value);
    }

    ContentProblem.Builder error(String key, ProblemKind problemKind) {
        return ContentProblem.error(path, problemKind).line(yaml.lineOf(key));
    }

    void warn(String key, String message, String hint) {
        warn(kind, key, message, hint);
    }

    void warn(ProblemKind problemKind, String key, String message, String hint) {
        problems.add(ContentProblem.warning(path, problemKind).line(yaml.lineOf(key)).message(message).hint(hint)
                .build());
    }
}
