package dev.polyfeed.content;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A Markdown file split into its YAML front matter and its body.
 *
 * @param yaml the text between the {@code ---} fences, empty when the file has none
 * @param yamlFirstLine file line of the first YAML line (1-based), 0 when there is no front matter
 * @param body the Markdown after the closing fence
 * @param bodyFirstLine file line of the first body line (1-based)
 */
public record FrontMatter(String yaml, int yamlFirstLine, String body, int bodyFirstLine) {

    public FrontMatter {
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(body, "body");
    }

    public boolean present() {
        return yamlFirstLine > 0;
    }

    /**
     * Splits a decoded file (LF line ends, no BOM). A file whose first line that is not blank is not
     * {@code ---} has no front matter (blank lines before it are allowed, as Hugo allows them); one
     * whose front matter is never closed is an error, since guessing where it ends would publish YAML
     * as prose.
     */
    public static FrontMatter split(String text, String path) throws ContentException {
        int fenceStart = 0;
        int fenceLine = 1;
        for (int end = text.indexOf('\n'); end >= 0 && text.substring(fenceStart, end).isBlank();
                end = text.indexOf('\n', fenceStart)) {
            fenceStart = end + 1;
            fenceLine++;
        }
        int fenceEnd = text.indexOf('\n', fenceStart);
        String firstLine = fenceEnd < 0 ? text.substring(fenceStart) : text.substring(fenceStart, fenceEnd);
        if (!isFence(firstLine)) {
            return new FrontMatter("", 0, text, 1);
        }
        int start = fenceEnd;
        if (start < 0) {
            throw unclosed(path, fenceLine);
        }
        int lineNumber = fenceLine + 1;
        int position = start + 1;
        while (position <= text.length()) {
            int end = text.indexOf('\n', position);
            String line = end < 0 ? text.substring(position) : text.substring(position, end);
            if (isFence(line) || line.stripTrailing().equals("...")) {
                String yaml = text.substring(start + 1, position);
                String body = end < 0 ? "" : text.substring(end + 1);
                return new FrontMatter(yaml, fenceLine + 1, body, lineNumber + 1);
            }
            if (end < 0) {
                break;
            }
            position = end + 1;
            lineNumber++;
        }
        throw unclosed(path, fenceLine);
    }

    /**
     * Bytes from the start of a file to where its body starts, read from the bytes of a file that
     * {@link SourceText#isClean is clean}: only the front matter then needs decoding. -1 when the file
     * has no front matter or it is never closed, which {@link #split} decides and reports.
     */
    public static int headLength(byte[] bytes) {
        boolean firstLine = true;
        int fenceStart = 0;
        while (true) {
            int end = fenceStart;
            while (end < bytes.length && (bytes[end] == ' ' || bytes[end] == '\t')) {
                end++;
            }
            if (end >= bytes.length || bytes[end] != '\n') {
                break;
            }
            fenceStart = end + 1;
        }
        for (int lineStart = fenceStart; lineStart <= bytes.length;) {
            int end = lineStart;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            byte lead = lineStart < end ? bytes[lineStart] : 0;
            // only a line that starts like a fence is decoded to be judged by the same rule as split()
            if (lead == '-' || (!firstLine && lead == '.')) {
                String line = new String(bytes, lineStart, end - lineStart, StandardCharsets.UTF_8);
                boolean fence = isFence(line);
                if (firstLine && !fence) {
                    return -1;
                }
                if (!firstLine && (fence || line.stripTrailing().equals("..."))) {
                    return end < bytes.length ? end + 1 : end;
                }
            } else if (firstLine) {
                return -1;
            }
            if (end >= bytes.length) {
                return -1;
            }
            firstLine = false;
            lineStart = end + 1;
        }
        return -1;
    }

    private static boolean isFence(String line) {
        return line.stripTrailing().equals("---");
    }

    private static ContentException unclosed(String path, int line) {
        return new ContentException(ContentProblem.error(path, ProblemKind.FRONT_MATTER).line(line)
                .message("front matter opened with '---' on line " + line + " is never closed")
                .hint("add a line with only '---' after the last front-matter key")
                .build());
    }
}
