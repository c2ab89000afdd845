package dev.polyfeed.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A site owner reads one line per file and kind, and a count per kind. */
class ProblemSummaryTest {

    private static ContentProblem warning(String path, ProblemKind kind, int line, String message) {
        return ContentProblem.warning(path, kind).line(line).message(message).hint("fix it").build();
    }

    @Test
    void problemsOfOneKindInOneFileAreOneLineAndKindsAreCounted() {
        ProblemSummary summary = ProblemSummary.of(List.of(
                warning("b.md", ProblemKind.AUTHOR, 4, "author 'x' is not in authors.yml"),
                warning("a.md", ProblemKind.AUTHOR, 3, "author 'y' is not in authors.yml"),
                warning("a.md", ProblemKind.AUTHOR, 2, "author 'z' is not in authors.yml"),
                warning("a.md", ProblemKind.DATE, 5, "date: 'soon' is not a date"),
                ContentProblem.error("c.md", ProblemKind.YAML).line(1).message("YAML cannot be read").build()));
        assertEquals(List.of(
                "a.md:2: author 'z' is not in authors.yml; line 3: author 'y' is not in authors.yml (fix it)",
                "a.md:5: date: 'soon' is not a date (fix it)",
                "b.md:4: author 'x' is not in authors.yml (fix it)",
                "c.md:1: YAML cannot be read"), summary.lines().stream().map(ContentProblem::toString).toList());
        assertEquals("3 authors not in authors.yml (2 files), 1 front matter that is not valid YAML (1 file),"
                + " 1 dates that cannot be read (1 file)", summary.byKind());
        assertEquals(3, summary.count(Severity.WARNING));
        assertEquals("none", ProblemSummary.of(List.of()).byKind());
    }
}
