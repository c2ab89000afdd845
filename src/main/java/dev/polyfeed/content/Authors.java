package dev.polyfeed.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a post's {@code authors:} (or {@code author:}) however a site writes it: keys of
 * {@code authors.yml} (matched without regard to case), inline {@code {name, url}} objects, or the
 * free text Hugo and Jekyll sites put there ({@code "Jane Doe (Acme), [Li Wei](https://…)"}), which
 * is read as names, with a link's address as the author's URL and a trailing parenthesis as their
 * affiliation. Only a bare word that looks like a key of a site that has an authors.yml is reported.
 */
final class Authors {

    /** Something written as a key: one lower-case word, such as {@code lark} or {@code jane_doe}. */
    private static final Pattern KEY_LIKE = Pattern.compile("^[a-z0-9][a-z0-9_.-]*$");
    private static final Pattern TRAILING_PARENTHESIS = Pattern.compile("^(.*?)\\s*[(（]([^()（）]*)[)）]\\s*$",
            Pattern.DOTALL);
    private static final Pattern EMAIL = Pattern.compile("\\s*<[^<>\\s]+@[^<>\\s]+>\\s*");
    private static final Pattern AND = Pattern.compile("(?i)\\s+(?:and|&)\\s+");

    private final Map<String, Author> byKey;
    private final Map<String, Author> byLowerCaseKey;

    Authors(Map<String, Author> authorsFile) {
        this.byKey = Map.copyOf(authorsFile);
        Map<String, Author> lower = new LinkedHashMap<>();
        authorsFile.forEach((key, author) -> lower.putIfAbsent(key.toLowerCase(Locale.ROOT), author));
        this.byLowerCaseKey = lower;
    }

    List<Author> of(Fields fields) {
        String key = fields.yaml().has("authors") ? "authors" : "author";
        Object value = fields.yaml().get(key);
        if (value == null) {
            return List.of();
        }
        List<Author> found = new ArrayList<>();
        for (Object item : Fields.items(value)) {
            if (item instanceof Map<?, ?> inline) {
                SiteFiles.authorOf(inline).ifPresentOrElse(found::add, () -> fields.warn(key,
                        "an inline author has no name; it was left out", "write {name: Full Name, url: https://…}"));
                continue;
            }
            Optional<String> text = item == null ? Optional.of("") : Fields.scalarText(item);
            if (text.isEmpty()) {
                fields.warn(key, "an item of '" + key + "' is a " + YamlMapping.kindOf(item)
                        + ", not an author; it was left out", "write each author as a key of authors.yml or a name");
                continue;
            }
            found.addAll(named(text.get(), fields, key));
        }
        return List.copyOf(found);
    }

    private List<Author> named(String text, Fields fields, String key) {
        if (text.isEmpty()) {
            return List.of(); // author: "" is a template's empty default, not a mistake worth a line
        }
        Optional<Author> known = known(text);
        if (known.isPresent()) {
            return List.of(known.get());
        }
        if (KEY_LIKE.matcher(text).matches() && !byKey.isEmpty()) {
            fields.warn(ProblemKind.AUTHOR, key, "author '" + ContentProblem.quote(text)
                    + "' is not in authors.yml; the key is shown as the name",
                    "add " + text + ": {name: Full Name} to authors.yml, or write the full name");
            return List.of(new Author(text, null, null, null));
        }
        List<Author> people = new ArrayList<>();
        // "\"[Ana](…), [Li](…)\"" in a folded YAML scalar keeps its quotes, which name nobody
        String unquoted = text.matches("(?s)^[\"“].*[\"”]$") && text.length() > 1 ? text.substring(1, text.length() - 1) : text;
        for (String part : split(unquoted)) {
            known(part).or(() -> person(part)).ifPresent(people::add);
        }
        return people;
    }

    private Optional<Author> known(String key) {
        return Optional.ofNullable(byKey.getOrDefault(key, byLowerCaseKey.get(key.toLowerCase(Locale.ROOT))));
    }

    /** The people a free-text author field names, in order, none of them keys of authors.yml. */
    static List<Author> people(String text) {
        return new Authors(Map.of()).named(text, null, null);
    }

    private static Optional<Author> person(String part) {
        String text = EMAIL.matcher(part).replaceAll(" ").strip();
        String url = null;
        int labelEnd = text.indexOf("](");
        if (text.startsWith("[") && labelEnd > 0) {
            // [Name](https://…) with an address that may hold parentheses of its own
            int depth = 0;
            int end = labelEnd + 1;
            for (; end < text.length(); end++) {
                char c = text.charAt(end);
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                if (depth == 0) {
                    break;
                }
            }
            String target = text.substring(labelEnd + 2, Math.min(end, text.length())).strip();
            String address = target.isEmpty() ? "" : target.split("\\s+")[0].replaceAll("^<|>$", "");
            url = address.matches("(?i)^(https?:|mailto:).+") ? address : null;
            text = (text.substring(1, labelEnd) + " " + (end < text.length() ? text.substring(end + 1) : "")).strip();
        }
        String title = null;
        Matcher parenthesis = TRAILING_PARENTHESIS.matcher(text);
        if (parenthesis.matches() && !parenthesis.group(1).isBlank()) {
            text = parenthesis.group(1).strip();
            title = parenthesis.group(2).strip();
        }
        String name = text.replaceAll("[*_`]", "").replaceAll("\\s+", " ").strip();
        return name.isEmpty() ? Optional.empty() : Optional.of(new Author(name, url, null, title));
    }

    /**
     * Splits at commas, semicolons, line ends and "and"/"&" outside brackets and parentheses, so that
     * "Jane Doe (Acme, Inc.), [Li Wei](https://…)" is two people, not three.
     */
    private static List<String> split(String text) {
        List<String> people = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '[' || c == '（') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '）') && depth > 0) {
                depth--;
            } else if (depth == 0) {
                int separator = SEPARATORS.indexOf(c) >= 0 ? 1 : conjunctionAt(text, i);
                if (separator > 0) {
                    people.add(text.substring(start, i));
                    start = i + separator;
                    i = start - 1;
                }
            }
        }
        people.add(text.substring(start));
        return people.stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    private static final String SEPARATORS = ",;\n،、，；";

    /** Length of " and " or " & " at {@code i}, or 0. */
    private static int conjunctionAt(String text, int i) {
        Matcher and = AND.matcher(text).region(i, text.length());
        return and.lookingAt() ? and.end() - i : 0;
    }
}
