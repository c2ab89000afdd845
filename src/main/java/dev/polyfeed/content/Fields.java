package dev.polyfeed.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed reading of a {@link YamlMapping}, forgiving where the intent is clear ({@code tags: AI} is a
 * list of one, {@code title: 2024} is the text "2024") and reporting, at the key's line, whatever
 * it had to leave out.
 */
final class Fields {

    private final YamlMapping yaml;
    private final String path;
    private final List<ContentProblem> problems;

    Fields(YamlMapping yaml, String path, List<ContentProblem> problems) {
        this.yaml = yaml;
        this.path = path;
        this.problems = problems;
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
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            warn(key, "'" + key + "' should be text, not a " + YamlMapping.kindOf(value) + "; it was ignored",
                    "write " + key + ": followed by the text on the same line");
            return Optional.empty();
        }
        String text = XmlText.clean(String.valueOf(value)).strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
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
        List<?> items = value instanceof List<?> list ? list : List.of(value);
        List<String> texts = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof Map<?, ?> map && map.get("label") != null) {
                item = map.get("label"); // Docusaurus tag objects: {label, permalink}
            }
            if (item == null || item instanceof Map<?, ?> || item instanceof List<?>) {
                warn(key, "an item of '" + key + "' is a " + YamlMapping.kindOf(item) + ", not text; it was left out",
                        "write each item as plain text");
                continue;
            }
            String text = XmlText.clean(String.valueOf(item)).strip();
            if (!text.isEmpty()) {
                texts.add(text);
            }
        }
        return List.copyOf(texts);
    }

    /** A yes/no value: YAML true/false, or the text "true"/"false" in any case. */
    Optional<Boolean> flag(String key) {
        Object value = yaml.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Boolean bool) {
            return Optional.of(bool);
        }
        String text = String.valueOf(value).strip();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Optional.of(Boolean.parseBoolean(text));
        }
        warn(key, "'" + key + "' should be true or false, not '" + text + "'; it was ignored",
                "write " + key + ": true or " + key + ": false");
        return Optional.empty();
    }

    ContentProblem.Builder error(String key) {
        return ContentProblem.error(path).line(yaml.lineOf(key));
    }

    void warn(String key, String message, String hint) {
        problems.add(ContentProblem.warning(path).line(yaml.lineOf(key)).message(message).hint(hint).build());
    }
}
