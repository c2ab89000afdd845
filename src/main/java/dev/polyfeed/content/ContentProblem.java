package dev.polyfeed.content;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing wrong with the content, reported as {@code path[:line]: what is wrong (hint)} so that an
 * author can jump straight to it.
 *
 * @param kind what sort of problem it is, for summaries
 * @param path the file, as the operator knows it (content folder included)
 * @param line 1-based line in that file, or 0 when unknown
 */
public record ContentProblem(Severity severity, ProblemKind kind, String path, int line, String message,
        String hint) {

    /** By file, then line: the order an author fixes them in. */
    public static final Comparator<ContentProblem> BY_PLACE = Comparator.comparing(ContentProblem::path)
            .thenComparingInt(ContentProblem::line);

    public ContentProblem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        if (line < 0) {
            throw new IllegalArgumentException("line must be 0 (unknown) or positive: " + line);
        }
        hint = hint == null || hint.isBlank() ? null : hint.strip();
    }

    public static Builder error(String path, ProblemKind kind) {
        return new Builder(Severity.ERROR, kind, path);
    }

    public static Builder warning(String path, ProblemKind kind) {
        return new Builder(Severity.WARNING, kind, path);
    }

    /** Author's text quoted in a message: on one line, and cut so that a 300 KB value makes no 300 KB line. */
    public static String quote(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.codePointCount(0, oneLine.length()) <= 80 ? oneLine
                : oneLine.substring(0, oneLine.offsetByCodePoints(0, 80)) + "…";
    }

    public Optional<String> hintText() {
        return Optional.ofNullable(hint);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(path);
        if (line > 0) {
            text.append(':').append(line);
        }
        text.append(": ").append(message);
        if (hint != null) {
            text.append(" (").append(hint).append(')');
        }
        return text.toString();
    }

    /** Builds a problem step by step, in the order an author reads it: where, what, what to do. */
    public static final class Builder {
        private Severity severity;
        private final ProblemKind kind;
        private final String path;
        private int line;
        private String message;
        private String hint;

        private Builder(Severity severity, ProblemKind kind, String path) {
            this.severity = severity;
            this.kind = kind;
            this.path = path;
        }

        public Builder severity(Severity severity) {
            this.severity = severity;
            return this;
        }

        public Builder line(int line) {
            this.line = Math.max(0, line);
            return this;
        }

        public Builder message(String message) {
            this.message = message;
            return this;
        }

        public Builder hint(String hint) {
            this.hint = hint;
            return this;
        }

        public ContentProblem build() {
            return new ContentProblem(severity, kind, path, line, message, hint);
        }
    }
}
