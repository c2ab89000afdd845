package dev.polyfeed.content;

import dev.polyfeed.address.Address;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every front-matter key Polyfeed reads, given every YAML shape (see {@link YamlShapes}): no exception
 * escapes, a post with a usable title is never lost, and every problem names the file, with a line
 * where it has one, and a hint.
 */
class FrontMatterProperties {

    private static final Instant MODIFIED = Instant.parse("2024-06-01T12:00:00Z");
    private static final Site SITE = new Site("Site", "", "https://example.org/blog", "example.org", "2024", Map.of());
    private static final Map<String, Author> AUTHORS = Map.of("lark", new Author("Lark", null, null, null));
    private static final PostParser PARSER = new PostParser(SITE, AUTHORS,
            new BodyRenderer(new MarkdownRenderer(), 1 << 20), Address::postPath);
    private static final String PATH = "content/tr/generated.md";

    private static PostParser.Result parse(String file) {
        return PARSER.parse(new PostSource(PATH, List.of("tr"), "generated.md", file.getBytes(StandardCharsets.UTF_8),
                MODIFIED));
    }

    private static String file(String key, String value) {
        StringBuilder front = new StringBuilder("---\n");
        if (!key.equalsIgnoreCase("title")) {
            front.append("title: Başlık\n");
        }
        front.append(key).append(": ").append(value).append('\n');
        return front.append("---\nGövde *metni*.\n").toString();
    }

    @Provide
    Arbitrary<String> keys() {
        return Arbitraries.of(YamlShapes.KEYS);
    }

    @Provide
    Arbitrary<String> values() {
        return YamlShapes.anyValue();
    }

    @Property(tries = 3000)
    void anyShapeUnderAnyKeyIsAProblemLineAndAFallbackNeverAnException(@ForAll("keys") String key,
            @ForAll("values") String value) {
        String file = file(key, value);
        PostParser.Result result = parse(file);
        assertProblemsAreReadable(result, file);
        if (result.problems().stream().anyMatch(p -> p.kind() == ProblemKind.YAML)) {
            return; // YAML that does not parse (an anchor that is never defined, say) is the one skip allowed here
        }
        if (!key.equalsIgnoreCase("title")) {
            // no value of any other key costs the post
            Post post = result.postIfAny().orElseThrow(() -> new AssertionError(file + "\n" + result.problems()));
            assertEquals("Başlık", post.title(), file);
            if (!key.equals("lang")) {
                assertEquals("tr", post.language().tag(), file); // "lang: no" is Norwegian, "lang: yes" Yessan-Mayo
            }
            assertFalse(post.slug().isBlank(), file);
            assertTrue(post.html().contains("<em>metni</em>"), file);
            post.authors().forEach(author -> assertFalse(author.name().isBlank(), file));
        } else if (result.post() == null) {
            // a title that is no text: the file is skipped and said so, at the title's line
            ContentProblem error = result.problems().stream().filter(p -> p.severity() == Severity.ERROR)
                    .findFirst().orElseThrow(() -> new AssertionError(file + "\n" + result.problems()));
            assertEquals(ProblemKind.NO_TITLE, error.kind(), error::toString);
        } else {
            assertFalse(result.post().title().isBlank(), file);
        }
    }

    @Provide
    Arbitrary<String> wholeFrontMatter() {
        Arbitrary<String> entry = Combinators.combine(keys(), values()).as((k, v) -> k + ": " + v);
        return entry.list().ofMaxSize(8).uniqueElements(e -> e.substring(0, e.indexOf(':')).toLowerCase(Locale.ROOT))
                .map(entries -> String.join("\n", entries));
    }

    @Provide
    Arbitrary<String> bodies() {
        return Arbitraries.of("", "x", "# Heading\n\ntext", "<!-- note -->\ntext", "<script>alert(1)</script>",
                "{{< figure src=\"x.png\" >}}", "[a](javascript:alert(1))", "| a |\n|---|\n| 1 |", "```\ncode\n```",
                "<div onclick=\"x()\">y</div>", "\u0000\u0008 controls", "مرحبا <bdi>עברית</bdi>");
    }

    @Property(tries = 1500)
    void anyWholeFrontMatterLoadsOrIsReportedByName(@ForAll("wholeFrontMatter") String yaml,
            @ForAll("bodies") String body, @ForAll boolean blankLinesFirst) {
        String file = (blankLinesFirst ? "\n  \n" : "") + "---\n" + yaml + "\n---\n" + body + "\n";
        PostParser.Result result = parse(file);
        assertProblemsAreReadable(result, file);
        if (result.post() != null) {
            Post post = result.post();
            assertFalse(post.title().isBlank(), file);
            assertNotNull(post.html(), file);
            assertFalse(post.html().contains("<script"), file);
            post.body().problem().ifPresent(problem -> assertTrue(problem.line() > 0, problem::toString));
        } else {
            assertTrue(result.problems().stream().anyMatch(p -> p.severity() == Severity.ERROR), file);
        }
    }

    private static void assertProblemsAreReadable(PostParser.Result result, String file) {
        String all = result.problems().stream().map(ContentProblem::toString).collect(Collectors.joining("\n"));
        for (ContentProblem problem : result.problems()) {
            assertTrue(problem.kind() != ProblemKind.INTERNAL, () -> "an exception escaped the parser on\n" + file
                    + "\n" + all);
            assertEquals(PATH, problem.path(), all);
            assertFalse(problem.message().isBlank(), all);
            assertTrue(problem.hintText().isPresent(), all);
            assertTrue(problem.line() <= file.split("\n", -1).length, all);
            // a 5,000-character value is quoted, not repeated whole
            assertTrue(problem.message().length() < 1000, all);
        }
    }
}
