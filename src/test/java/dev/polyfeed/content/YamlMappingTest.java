package dev.polyfeed.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class YamlMappingTest {

    private static YamlMapping parse(String yaml) throws ContentException {
        return YamlMapping.parse(yaml, "content/tr/x.md", 2);
    }

    private static ContentProblem failure(String yaml) {
        return assertThrows(ContentException.class, () -> parse(yaml)).problem();
    }

    @Test
    void yaml11SurprisesStayText() throws ContentException {
        YamlMapping yaml = parse("lang: no\ndate: 2025-01-30\nflag: yes\ncount: 012\ndraft: true\n");
        assertEquals("no", yaml.get("lang"));
        assertEquals("2025-01-30", yaml.get("date"));
        assertEquals("yes", yaml.get("flag"));
        assertEquals("012", yaml.get("count"));
        assertEquals(Boolean.TRUE, yaml.get("draft"));
    }

    @Test
    void syntaxErrorsNameTheFileLine() {
        // YAML line 2 (0-based 1) is file line 3 when the YAML starts on file line 2
        ContentProblem problem = failure("title: ok\ntags: [a, b\nother: x\n");
        assertEquals(Severity.ERROR, problem.severity());
        assertEquals("content/tr/x.md", problem.path());
        assertEquals(4, problem.line(), problem.toString());
        assertTrue(problem.message().contains("started on line 3"), problem.toString());
        assertTrue(problem.toString().startsWith("content/tr/x.md:" + problem.line() + ": YAML cannot be read"),
                problem.toString());
        assertTrue(problem.hintText().isPresent());
    }

    @Test
    void unquotedColonGetsAHintAboutQuoting() {
        ContentProblem problem = failure("title: Part 1: the start\n");
        assertEquals(2, problem.line());
        assertTrue(problem.hint().contains("quoted"), problem.toString());
    }

    @Test
    void aKeyWrittenTwiceIsTheLastAndItsRepeatsAreListed() throws ContentException {
        YamlMapping yaml = YamlMapping.parse("title: a\ndate: 2024-01-01\ntitle: b\n", "x.md", 2);
        assertEquals("b", yaml.get("title"));
        assertEquals(java.util.Map.of("title", java.util.List.of(4)), yaml.repeatedKeys());
        assertEquals(2, yaml.lineOf("title"));
    }

    @Test
    void javaTagsAreRejected() {
        ContentProblem problem = failure("title: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[]]]\n");
        assertTrue(problem.hint().contains("not allowed"), problem.toString());
    }

    @Test
    void aliasBombsAreRejected() {
        String bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n"
                + "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                + "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n";
        ContentProblem problem = failure(bomb);
        assertTrue(problem.message().contains("YAML cannot be read"), problem.toString());
    }

    @Test
    void deepNestingIsRejected() {
        String deep = "a: " + "[".repeat(100) + "]".repeat(100) + "\n";
        failure(deep);
    }

    @Test
    void aListInsteadOfAMappingIsReported() {
        ContentProblem problem = failure("- title\n- date\n");
        assertTrue(problem.message().contains("not a mapping"), problem.toString());
    }

    @Test
    void linesOfKeysAreFileLines() throws ContentException {
        YamlMapping yaml = parse("title: a\ntags: [x]\n");
        assertEquals(2, yaml.lineOf("title"));
        assertEquals(3, yaml.lineOf("tags"));
        assertEquals(List.of("x"), yaml.get("tags"));
    }
}
