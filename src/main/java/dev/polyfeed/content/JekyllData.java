package dev.polyfeed.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A Jekyll site's {@code _data} folder as Liquid sees it under {@code site.data}: each YAML, JSON or
 * CSV file by its name without extension, each folder a nested mapping ({@code _data/team/ada.yml} is
 * {@code site.data.team.ada}). Read with the same safety as front matter; a file that cannot be read is
 * reported and left out, and the values it held are then reported where posts use them.
 */
final class JekyllData {

    private static final int MAX_FILES = 2_000;
    private static final long MAX_BYTES = 1024L * 1024;

    private JekyllData() {
    }

    static Map<String, Object> read(Path folder, Function<Path, String> display, ProblemCollector problems) {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return Map.of();
        }
        return Collections.unmodifiableMap(folder(folder, display, problems, new int[] {0}));
    }

    private static Map<String, Object> folder(Path folder, Function<Path, String> display, ProblemCollector problems,
            int[] files) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<Path> children;
        try (var listing = Files.list(folder)) {
            children = listing.sorted().toList();
        } catch (IOException e) {
            problems.add(ContentProblem.warning(display.apply(folder), ProblemKind.SITE)
                    .message("cannot be listed: " + e.getMessage()).hint("check the folder's permissions").build());
            return values;
        }
        for (Path child : children) {
            String name = child.getFileName().toString();
            if (name.startsWith(".") || Files.isSymbolicLink(child)) {
                continue;
            }
            if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                values.put(name, folder(child, display, problems, files));
                continue;
            }
            int dot = name.lastIndexOf('.');
            String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
            if (!List.of("yml", "yaml", "json", "csv", "tsv").contains(extension) || ++files[0] > MAX_FILES) {
                continue;
            }
            Object value = file(child, extension, display.apply(child), problems);
            if (value != null) {
                values.put(name.substring(0, dot), value);
            }
        }
        return values;
    }

    private static Object file(Path file, String extension, String path, ProblemCollector problems) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                problems.add(ContentProblem.warning(path, ProblemKind.SITE)
                        .message("is over " + MAX_BYTES + " bytes; its values are not filled in")
                        .hint("posts can use values of smaller _data files").build());
                return null;
            }
            String text = SourceText.decode(Files.readAllBytes(file), path).text();
            return switch (extension) {
                case "json" -> new com.fasterxml.jackson.databind.ObjectMapper().readValue(text, Object.class);
                case "csv" -> table(text, ',');
                case "tsv" -> table(text, '\t');
                default -> yaml(text, path);
            };
        } catch (ContentException e) {
            ContentProblem problem = e.problem();
            problems.add(ContentProblem.warning(problem.path(), ProblemKind.SITE).line(problem.line())
                    .message(problem.message() + "; its values are not filled in").hint(problem.hint()).build());
        } catch (IOException | RuntimeException e) {
            problems.add(ContentProblem.warning(path, ProblemKind.SITE).message("cannot be read: " + firstLine(e.getMessage())
                    + "; its values are not filled in").hint("check that the file is valid " + extension.toUpperCase(Locale.ROOT)).build());
        }
        return null;
    }

    /**
     * Front matter's reader wants a mapping; a data file may be a list or a scalar, so it is read as
     * the value of one key, indented (which keeps block scalars and nesting as they are).
     */
    private static Object yaml(String text, String path) throws ContentException {
        String body = text.startsWith("---\n") ? "\n" + text.substring(4) : text;
        String wrapped = "data:\n" + body.lines().map(line -> "  " + line).collect(Collectors.joining("\n"));
        return YamlMapping.parse(wrapped, path, 0).values().get("data");
    }

    /** A CSV file as Jekyll reads it: a list of rows, each a mapping from the header's names. */
    static List<Map<String, Object>> table(String text, char separator) {
        List<List<String>> rows = rows(text, separator);
        List<Map<String, Object>> table = new ArrayList<>();
        if (rows.isEmpty()) {
            return table;
        }
        List<String> header = rows.get(0);
        for (List<String> row : rows.subList(1, rows.size())) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                values.put(header.get(i).strip(), i < row.size() ? row.get(i) : "");
            }
            table.add(values);
        }
        return table;
    }

    private static List<List<String>> rows(String text, char separator) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.length() == 0) {
                quoted = true;
            } else if (c == separator) {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                if (!(row.size() == 1 && row.get(0).isEmpty())) {
                    rows.add(row);
                }
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }

    private static String firstLine(String message) {
        String text = message == null ? "" : message.strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
