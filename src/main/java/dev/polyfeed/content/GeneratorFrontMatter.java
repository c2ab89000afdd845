package dev.polyfeed.content;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

/**
 * Front matter as Hugo reads it: YAML between {@code ---} lines, TOML between {@code +++} lines, or a
 * JSON object at the top of the file. Pure; a front matter that cannot be read is a
 * {@link ContentException} at its line, as YAML's is.
 *
 * @param mapping the keys and values, empty when the file has none
 * @param present whether the file has front matter
 * @param body the Markdown after it
 * @param bodyFirstLine file line of the body's first line
 */
record GeneratorFrontMatter(YamlMapping mapping, boolean present, String body, int bodyFirstLine) {

    private static final TomlMapper TOML = TomlMapper.builder().build();
    private static final ObjectMapper JSON = new ObjectMapper(new com.fasterxml.jackson.core.JsonFactoryBuilder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(YamlMapping.MAX_NESTING)
                    .maxStringLength(YamlMapping.MAX_CODE_POINTS).build()).build());

    static GeneratorFrontMatter split(String text, String path, boolean hugo) throws ContentException {
        int start = 0;
        int line = 1;
        while (hugo) {
            int end = text.indexOf('\n', start);
            if (end < 0 || !text.substring(start, end).isBlank()) {
                break;
            }
            start = end + 1;
            line++;
        }
        String rest = text.substring(start);
        if (hugo && firstLine(rest).stripTrailing().equals("+++")) {
            return toml(text, start, line, path);
        }
        if (hugo && rest.startsWith("{")) {
            return json(text, start, line, path);
        }
        if (!hugo && !firstLine(text).stripTrailing().equals("---")) {
            // Jekyll and Docusaurus read front matter only when the file starts with it
            return new GeneratorFrontMatter(YamlMapping.empty(), false, text, 1);
        }
        FrontMatter split = FrontMatter.split(text, path);
        YamlMapping mapping = YamlMapping.parse(split.yaml(), path, split.yamlFirstLine());
        return new GeneratorFrontMatter(mapping, split.present(), split.body(), split.bodyFirstLine());
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    private static GeneratorFrontMatter toml(String text, int start, int fenceLine, String path) throws ContentException {
        int open = text.indexOf('\n', start);
        int position = open + 1;
        int line = fenceLine + 1;
        while (open >= 0 && position <= text.length()) {
            int end = text.indexOf('\n', position);
            String current = end < 0 ? text.substring(position) : text.substring(position, end);
            if (current.stripTrailing().equals("+++")) {
                String toml = text.substring(open + 1, position);
                Map<String, Object> values = parseToml(toml, path, fenceLine + 1);
                return new GeneratorFrontMatter(YamlMapping.of(values, keyLines(toml, fenceLine + 1, '=')), true,
                        end < 0 ? "" : text.substring(end + 1), line + 1);
            }
            if (end < 0) {
                break;
            }
            position = end + 1;
            line++;
        }
        throw new ContentException(ContentProblem.error(path, ProblemKind.FRONT_MATTER).line(fenceLine)
                .message("front matter opened with '+++' on line " + fenceLine + " is never closed")
                .hint("add a line with only '+++' after the last front-matter key").build());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parseToml(String toml, String path, int firstLine) throws ContentException {
        if (toml.codePointCount(0, toml.length()) > YamlMapping.MAX_CODE_POINTS) {
            throw new ContentException(ContentProblem.error(path, ProblemKind.YAML).line(firstLine)
                    .message("TOML front matter is over " + YamlMapping.MAX_CODE_POINTS + " characters")
                    .hint("keep front matter small").build());
        }
        try {
            Object value = TOML.readValue(toml, Map.class);
            return value == null ? Map.of() : (Map<String, Object>) value;
        } catch (JsonProcessingException | RuntimeException e) {
            int line = e instanceof JsonProcessingException json && json.getLocation() != null
                    ? Math.max(0, json.getLocation().getLineNr() - 1) : 0;
            throw new ContentException(ContentProblem.error(path, ProblemKind.YAML).line(firstLine + line)
                    .message("TOML cannot be read: " + firstLineOf(e instanceof JsonProcessingException json
                            ? json.getOriginalMessage() : String.valueOf(e.getMessage())))
                    .hint("quote text values (title = \"…\") and write dates as 2025-01-30").build());
        }
    }

    @SuppressWarnings("unchecked")
    private static GeneratorFrontMatter json(String text, int start, int firstLine, String path) throws ContentException {
        try (JsonParser parser = JSON.createParser(text.substring(start))) {
            Object value = JSON.readValue(parser, Map.class);
            long consumed = parser.currentLocation().getCharOffset();
            int bodyStart = start + (int) consumed;
            String json = text.substring(start, bodyStart);
            int bodyLine = firstLine + (int) json.chars().filter(c -> c == '\n').count();
            String body = text.substring(bodyStart);
            int newline = body.indexOf('\n');
            if (newline >= 0 && body.substring(0, newline).isBlank()) {
                body = body.substring(newline + 1);
                bodyLine++;
            }
            return new GeneratorFrontMatter(YamlMapping.of(value == null ? Map.of() : (Map<String, Object>) value,
                    keyLines(json, firstLine, ':')), true, body, bodyLine);
        } catch (java.io.IOException | RuntimeException e) {
            throw new ContentException(ContentProblem.error(path, ProblemKind.YAML).line(firstLine)
                    .message("JSON front matter cannot be read: " + firstLineOf(String.valueOf(e.getMessage())))
                    .hint("write one JSON object at the top of the file, then the post").build());
        }
    }

    /** The line of each top-level-looking {@code key =} / {@code "key":} of a front matter, for problems. */
    private static Map<String, Integer> keyLines(String text, int firstLine, char separator) {
        Map<String, Integer> lines = new LinkedHashMap<>();
        List<String> all = List.of(text.split("\n", -1));
        for (int i = 0; i < all.size(); i++) {
            String current = all.get(i).strip();
            int at = current.indexOf(separator);
            if (at > 0) {
                String key = current.substring(0, at).strip().replaceAll("^\"|\"$", "");
                if (key.matches("[\\w.-]+")) {
                    lines.putIfAbsent(key, firstLine + i);
                }
            }
        }
        return lines;
    }

    private static String firstLineOf(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
