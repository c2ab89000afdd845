package dev.polyfeed.content;

import dev.polyfeed.address.Address;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A tree mixing good posts with every broken kind: every good post loads, every bad file is named. */
class ContentLoaderTest {

    @TempDir
    static Path root;
    static ContentLoader.Result result;
    static Catalog catalog;
    static List<ContentProblem> problems;

    @BeforeAll
    static void load() throws IOException {
        BrokenTree.write(root);
        result = new ContentLoader(Address::postPath).load(root, Optional.of("https://example.org"));
        catalog = result.catalog();
        // loading reports what files and front matter show; rendering the bodies reports the rest
        problems = new ArrayList<>(catalog.problems());
        problems.addAll(catalog.bodyProblems());
    }

    private static List<ContentProblem> problemsOf(String file) {
        String path = root.resolve(file).toString();
        return problems.stream().filter(p -> p.path().equals(path)).toList();
    }

    @Test
    void everyGoodPostIsServed() {
        assertEquals(BrokenTree.GOOD.get("tr").stream().sorted().toList(),
                catalog.posts(Language.parse("tr").orElseThrow()).stream().map(Post::slug).sorted().toList());
        assertEquals(BrokenTree.GOOD.get("ar"),
                catalog.posts(Language.parse("ar").orElseThrow()).stream().map(Post::slug).toList());
        assertEquals(List.of("lang-no"), catalog.posts(Language.parse("no").orElseThrow()).stream().map(Post::slug).toList());
        assertEquals(1, catalog.drafts());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "tr/latin1.md             | 2 | not valid UTF-8",
            "tr/empty.md              | 0 | the file is empty",
            "tr/unclosed.md           | 1 | never closed",
            "tr/yaml-error.md         | 4 | YAML cannot be read",
            "tr/java-tag.md           | 2 | Global tag is not allowed",
            "tr/alias-bomb.md         | 2 | aliases",
            "tr/deep.md               | 2 | Nesting Depth",
            "tr/huge-front-matter.md  | 2 | YAML cannot be read",
            "tr/missing-title.md      | 2 | has no title",
            "images/not-a-language.md | 0 | 'images' is not a BCP 47 language tag",
            "tr/huge.md               | 0 | over the 4194304-byte limit",
    })
    void everyBadFileIsSkippedAndNamedWithItsLineAndAHint(String file, int line, String message) {
        List<ContentProblem> errors = problemsOf(file).stream().filter(p -> p.severity() == Severity.ERROR).toList();
        assertEquals(1, errors.size(), () -> file + ": " + catalog.problems());
        ContentProblem error = errors.get(0);
        assertEquals(line, error.line(), error::toString);
        assertTrue(error.message().contains(message), error::toString);
        assertTrue(error.hintText().isPresent(), error::toString);
        assertTrue(error.toString().startsWith(root.resolve(file) + (line > 0 ? ":" + line : "") + ": "), error::toString);
    }

    @Test
    void aSecondPostWithTheSameSlugIsServedAtItsDateAndNamesBothFiles() {
        Language tr = Language.parse("tr").orElseThrow();
        ContentProblem duplicate = problemsOf("tr/zz-second-slug.md").get(0);
        assertEquals(Severity.WARNING, duplicate.severity(), duplicate::toString);
        assertTrue(duplicate.message().contains(root.resolve("tr/first-slug.md").toString()), duplicate::toString);
        assertTrue(duplicate.message().contains("/tr/posts/2024-01-06-first-slug"), duplicate::toString);
        // the older post keeps its address and id, exactly as if it were alone
        Post first = catalog.post(tr, "first-slug").orElseThrow();
        assertEquals("İlk", first.title());
        assertEquals("tag:example.org,2024:tr/first-slug", first.id());
        assertEquals("https://example.org/tr/posts/first-slug", first.url());
        Post second = catalog.post(tr, "2024-01-06-first-slug").orElseThrow();
        assertEquals("İkinci", second.title());
        assertEquals("tag:example.org,2024:tr/2024-01-06-first-slug", second.id());
        assertEquals("https://example.org/tr/posts/2024-01-06-first-slug", second.url());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "tr/map-tags.md       | 4 | should be a list",
            "tr/bad-date.md       | 3 | not a date",
            "tr/controls.md       | 2 | control character",
            "tr/script.md         | 5 | HTML that feeds must not carry was removed",
            "tr/plain-heading.md  | 1 | the first heading is the title",
            "tr/no-title-no-heading.md | 1 | the file's name 'no title no heading' is the title",
    })
    void forgivableProblemsAreWarningsAndThePostStays(String file, int line, String message) {
        List<ContentProblem> warnings = problemsOf(file);
        assertTrue(warnings.stream().allMatch(p -> p.severity() == Severity.WARNING), warnings::toString);
        assertTrue(warnings.stream().anyMatch(p -> p.line() == line && p.message().contains(message)), warnings::toString);
    }

    @Test
    void valuesArriveCleanAndMerged() {
        Language tr = Language.parse("tr").orElseThrow();
        Post controls = catalog.post(tr, "controls").orElseThrow();
        assertEquals("Kontrol ]]> <&\"", controls.title());
        assertTrue(controls.html().contains("ab"));
        Post tags = catalog.post(tr, "nfd-emoji").orElseThrow();
        assertEquals(List.of("café", "🚀-launch", "c-c++", "中文-english"), tags.tags().stream().map(Tag::key).toList());
        assertEquals("2024", catalog.post(tr, "number-title").orElseThrow().title());
        assertEquals(List.of("ai"), catalog.post(tr, "tags-string").orElseThrow().tags().stream().map(Tag::key).toList());
        Post script = catalog.post(tr, "script").orElseThrow();
        assertTrue(!script.html().contains("<script") && !script.html().contains("onerror"), script.html());
        assertEquals("Sadece başlık", catalog.post(tr, "plain-heading").orElseThrow().title());
    }

    @Test
    void treeProblemsAreReportedNotFatal() {
        // the symlink loop is reported once; hidden files and .git are never read
        List<ContentProblem> loop = problemsOf("tr/loop");
        if (java.nio.file.Files.isSymbolicLink(root.resolve("tr/loop"))) {
            assertEquals(1, loop.size(), catalog.problems()::toString);
            assertTrue(loop.get(0).message().contains("loops"), loop::toString);
        }
        assertTrue(catalog.problems().stream().noneMatch(p -> p.path().contains(".hidden") || p.path().contains(".git")),
                catalog.problems().stream().map(ContentProblem::toString).collect(Collectors.joining("\n")));
        assertEquals(1, result.ignoredFiles(), "notes.txt");
        assertEquals(11, result.skippedFiles());
    }
}
