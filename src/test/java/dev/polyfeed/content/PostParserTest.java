package dev.polyfeed.content;

import dev.polyfeed.address.Address;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PostParserTest {

    private static final Instant MODIFIED = Instant.parse("2024-06-01T12:00:00Z");
    private static final Site SITE = new Site("Site", "", "https://example.org/blog", "example.org", "2024", Map.of());
    private static final Map<String, Author> AUTHORS = Map.of("lark", new Author("Lark", "https://example.org/lark", null, null));
    private final PostParser parser = new PostParser(SITE, AUTHORS, new BodyRenderer(new MarkdownRenderer(), 1 << 20), Address::postPath);

    private PostParser.Result parse(String folder, String fileName, String text) {
        return parse(folder, fileName, text.getBytes(StandardCharsets.UTF_8));
    }

    private PostParser.Result parse(String folder, String fileName, byte[] bytes) {
        List<String> folders = folder.isEmpty() ? List.of() : List.of(folder);
        String path = "content/" + (folder.isEmpty() ? "" : folder + "/") + fileName;
        return parser.parse(new PostSource(path, folders, fileName, bytes, MODIFIED));
    }

    private static Post post(PostParser.Result result) {
        assertTrue(result.postIfAny().isPresent(), () -> "expected a post, got " + result.problems());
        return result.post();
    }

    private static ContentProblem onlyError(PostParser.Result result) {
        assertNull(result.post(), "expected no post");
        List<ContentProblem> errors = result.problems().stream().filter(p -> p.severity() == Severity.ERROR).toList();
        assertEquals(1, errors.size(), errors::toString);
        return errors.get(0);
    }

    @Test
    void docusaurusFrontMatterAsInTheSeeds() {
        Post post = post(parse("tr", "deepseek.md", """
                ---
                title: "DeepSeek'in Açık Kaynak Devrimi: İçgörüler"
                tags: [AI, açık kaynak, DeepSeek]
                keywords: [DeepSeek, AI zirvesi]
                authors: [lark]
                description: Kısa açıklama.
                image: "https://example.org/og?title=DeepSeek'in%20Açık"
                date: 2025-01-30
                ---

                Gövde.
                """));
        assertEquals("DeepSeek'in Açık Kaynak Devrimi: İçgörüler", post.title());
        assertEquals("tr", post.language().tag());
        assertEquals("deepseek", post.slug());
        assertEquals("tag:example.org,2024:tr/deepseek", post.id());
        assertEquals("https://example.org/blog/tr/posts/deepseek", post.url());
        assertEquals(List.of("ai", "açık-kaynak", "deepseek"), post.tags().stream().map(Tag::key).toList());
        assertEquals(List.of("AI", "açık kaynak", "DeepSeek"), post.tags().stream().map(Tag::label).toList());
        assertEquals(List.of("DeepSeek", "AI zirvesi"), post.keywords());
        assertEquals("Lark", post.authors().get(0).name());
        assertEquals("Kısa açıklama.", post.summary());
        assertEquals("https://example.org/og?title=DeepSeek'in%20A%C3%A7%C4%B1k", post.image());
        assertEquals(Instant.parse("2025-01-30T00:00:00Z"), post.published());
        assertEquals(post.published(), post.updated());
        assertTrue(post.html().startsWith("<div lang=\"tr\" dir=\"ltr\">"), post.html());
    }

    @Test
    void bomAndCrlfAreHandled() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "---\r\ntitle: Merhaba\r\ndate: 2024-01-01\r\n---\r\n\r\nSatır\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, bytes, 0, bom.length);
        System.arraycopy(text, 0, bytes, bom.length, text.length);
        Post post = post(parse("tr", "a.md", bytes));
        assertEquals("Merhaba", post.title());
        assertFalse(post.html().contains("\r"));
    }

    @Test
    void theBodyIsExactlyWhatFollowsTheFrontMatterInEveryScript() {
        // one, two, three and four UTF-8 bytes a character in the front matter, before the body starts
        String file = "---\ntitle: \"hi, ç, हिन्दी, 😀\"\ndate: 2024-01-01\n---\nपाठ 😀 \u00e7 end\n";
        Post verbatim = post(parse("hi", "a.md", file));
        Post rewritten = post(parse("hi", "b.md", file.replace("\n", "\r\n")));
        String html = "<div lang=\"hi\" dir=\"ltr\"><p>पाठ 😀 ç end</p>\n</div>";
        assertEquals(html, verbatim.html());
        assertEquals(html, rewritten.html());
        assertEquals("पाठ 😀 ç end\n", verbatim.body().markdown());
    }

    @Test
    void aRealReplacementCharacterIsNotABadByte() {
        Post post = post(parse("tr", "a.md", "---\ntitle: \"\uFFFD\"\ndate: 2024-01-01\n---\nx\uFFFD\n"));
        assertEquals("\uFFFD", post.title());
        assertTrue(post.html().contains("x\uFFFD"), post.html());
    }

    @Test
    void invalidUtf8IsReportedNotGuessed() {
        byte[] latin1 = "---\ntitle: Ça va\n---\n".getBytes(StandardCharsets.ISO_8859_1);
        ContentProblem problem = onlyError(parse("fr", "a.md", latin1));
        assertEquals(2, problem.line());
        assertTrue(problem.message().contains("not valid UTF-8"), problem.toString());
    }

    @Test
    void unclosedFrontMatterIsAnError() {
        ContentProblem problem = onlyError(parse("tr", "a.md", "---\ntitle: x\n\nbody\n"));
        assertEquals(1, problem.line());
        assertTrue(problem.message().contains("never closed"), problem.toString());
    }

    @Test
    void missingTitleIsAnErrorNamingFileAndHint() {
        ContentProblem problem = onlyError(parse("tr", "a.md", "---\ndate: 2024-01-01\n---\nbody\n"));
        assertEquals("content/tr/a.md:2: the front matter has no title (add title: \"…\"; quote it if it contains ':')",
                problem.toString());
    }

    @Test
    void emptyFileIsAnError() {
        assertTrue(onlyError(parse("tr", "a.md", "")).message().contains("empty"));
    }

    @Test
    void plainMarkdownTakesItsTitleFromTheFirstHeading() {
        PostParser.Result result = parse("tr", "2024-02-02-notlar.md", "Giriş\n\n# Notlarım *bugün*\n\nMetin.\n");
        Post post = post(result);
        assertEquals("Notlarım bugün", post.title());
        assertEquals(Instant.parse("2024-02-02T00:00:00Z"), post.published());
        assertTrue(result.problems().stream().anyMatch(p -> p.line() == 3 && p.message().contains("first heading")),
                result.problems()::toString);
    }

    @Test
    void wrongTypesAreForgivenWhereTheIntentIsClear() {
        PostParser.Result result = parse("tr", "a.md", "---\ntitle: 2024\ntags: AI\nauthors: lark\ndate: 2024-01-01\n---\n");
        Post post = post(result);
        assertEquals("2024", post.title());
        assertEquals(List.of("ai"), post.tags().stream().map(Tag::key).toList());
        assertEquals("Lark", post.authors().get(0).name());
    }

    @Test
    void aMapWhereAListBelongsIsReportedAtItsLine() {
        PostParser.Result result = parse("tr", "a.md", "---\ntitle: t\ndate: 2024-01-01\ntags: {a: b}\n---\n");
        assertTrue(post(result).tags().isEmpty());
        assertTrue(result.problems().stream().anyMatch(p -> p.line() == 4 && p.severity() == Severity.WARNING),
                result.problems()::toString);
    }

    @Test
    void dateFallsBackToTheFileNameThenTheModifiedTimeWithAWarning() {
        assertEquals(Instant.parse("2023-05-06T00:00:00Z"),
                post(parse("tr", "2023-05-06-x.md", "---\ntitle: t\n---\n")).published());
        PostParser.Result undated = parse("tr", "x.md", "---\ntitle: t\n---\n");
        assertEquals(MODIFIED, post(undated).published());
        assertTrue(undated.problems().stream().anyMatch(p -> p.hint().contains("add date:")), undated.problems()::toString);
    }

    @Test
    void invalidDateIsReportedAndTheFallbackUsed() {
        PostParser.Result result = parse("tr", "2023-05-06-x.md", "---\ntitle: t\ndate: 2023-02-30\n---\n");
        assertEquals(Instant.parse("2023-05-06T00:00:00Z"), post(result).published());
        assertTrue(result.problems().stream().anyMatch(p -> p.line() == 3 && p.message().contains("not a date")),
                result.problems()::toString);
    }

    @Test
    void slugFromFrontMatterOrFileNameWithoutDatePrefix() {
        assertEquals("merhaba", post(parse("tr", "2024-01-01-merhaba.md", "---\ntitle: t\n---\n")).slug());
        assertEquals("hello", post(parse("tr", "x.md", "---\ntitle: t\nslug: hello\ndate: 2024-01-01\n---\n")).slug());
    }

    @Test
    void ownIdWins() {
        Post post = post(parse("tr", "x.md", "---\ntitle: t\ndate: 2024-01-01\nid: urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427\n---\n"));
        assertEquals("urn:uuid:1b4e28ba-2fa1-11d2-883f-0016d3cca427", post.id());
    }

    @Test
    void idSurvivesAChangeOfBaseUrlAndTitle() {
        String text = "---\ntitle: %s\ndate: 2024-01-01\n---\n";
        Post before = post(parse("tr", "x.md", text.formatted("Eski")));
        Site moved = SITE.withBaseUrl("http://other.example:8080/");
        Post after = new PostParser(moved, AUTHORS, new BodyRenderer(new MarkdownRenderer(), 1 << 20), Address::postPath)
                .parse(new PostSource("content/tr/x.md", List.of("tr"), "x.md",
                        text.formatted("Yeni").getBytes(StandardCharsets.UTF_8), MODIFIED)).post();
        assertEquals(before.id(), after.id());
        assertEquals("http://other.example:8080/tr/posts/x", after.url());
    }

    @Test
    void langKeyOverridesTheFolderAndYamlNoIsNorwegian() {
        assertEquals("no", post(parse("tr", "x.md", "---\ntitle: t\nlang: no\ndate: 2024-01-01\n---\n")).language().tag());
    }

    @Test
    void aFolderThatIsNoLanguageIsReported() {
        ContentProblem problem = onlyError(parse("drafts", "x.md", "---\ntitle: t\n---\n"));
        assertTrue(problem.message().contains("'drafts' is not a BCP 47 language tag"), problem.toString());
    }

    @Test
    void unknownAuthorKeysAreShownAndReported() {
        PostParser.Result result = parse("tr", "x.md", "---\ntitle: t\ndate: 2024-01-01\nauthors: [lark, zed, {name: Inline, url: https://e.org}]\n---\n");
        assertEquals(List.of("Lark", "zed", "Inline"), post(result).authors().stream().map(Author::name).toList());
        assertTrue(result.problems().stream().anyMatch(p -> p.message().contains("'zed'")), result.problems()::toString);
    }

    @Test
    void blankLinesAndAByteOrderMarkBeforeTheFrontMatterAreFine() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        String text = "\n  \n\t\n---\ntitle: Boşluk\ndate: 2024-01-01\n---\nGövde.\n";
        for (byte[] bytes : List.of(text.getBytes(StandardCharsets.UTF_8),
                concat(bom, text.getBytes(StandardCharsets.UTF_8)))) {
            PostParser.Result result = parse("tr", "x.md", bytes);
            assertEquals("Boşluk", post(result).title());
            assertEquals(List.of(), result.problems());
            assertTrue(post(result).html().contains("<p>Gövde.</p>"), post(result).html());
        }
        // a YAML error is reported at its line, counting the blank lines
        assertEquals(6, onlyError(parse("tr", "x.md", "\n\n---\ntitle: t\ntags: [a\n---\n")).line());
    }

    @Test
    void aPageBundleIsNamedAndDatedByItsFolder() {
        Post dated = post(parser.parse(new PostSource("content/tr/2024-05-01-my-post/index.md",
                List.of("tr", "2024-05-01-my-post"), "index.md", "---\ntitle: t\n---\n".getBytes(StandardCharsets.UTF_8),
                MODIFIED)));
        assertEquals("my-post", dated.slug());
        assertEquals(Instant.parse("2024-05-01T00:00:00Z"), dated.published());
        assertEquals("https://example.org/blog/tr/posts/my-post", dated.url());
        Post undated = post(parser.parse(new PostSource("content/tr/2024/başka/index.md", List.of("tr", "2024", "başka"),
                "index.md", "---\ntitle: t\ndate: 2023-01-01\n---\n".getBytes(StandardCharsets.UTF_8), MODIFIED)));
        assertEquals("başka", undated.slug());
        // an index.md right in the language folder is no bundle: its name is its slug
        assertEquals("index", post(parse("tr", "index.md", "---\ntitle: t\ndate: 2024-01-01\n---\n")).slug());
    }

    @Test
    void aFileNameThatLeavesNoSlugGivesPostAndAWarning() {
        PostParser.Result result = parse("tr", "---.md", "---\ntitle: t\ndate: 2024-01-01\n---\n");
        assertEquals("post", post(result).slug());
        assertTrue(result.problems().stream().anyMatch(p -> p.message().contains("leaves nothing")), result.problems()::toString);
    }

    @Test
    void emptyAuthorsAreNoAuthorsAndNoMistake() {
        for (String authors : List.of("author: \"\"", "author: \" \"", "authors: [\"\"]", "authors: [~, '']", "author:")) {
            PostParser.Result result = parse("tr", "x.md", "---\ntitle: t\ndate: 2024-01-01\n" + authors + "\n---\n");
            assertEquals(List.of(), post(result).authors(), authors);
            assertEquals(List.of(), result.problems(), authors);
        }
    }

    @Test
    void draftsAreMarked() {
        assertTrue(post(parse("tr", "x.md", "---\ntitle: t\ndate: 2024-01-01\ndraft: true\n---\n")).draft());
    }

    @Test
    void controlCharactersAreRemovedWithAWarning() {
        PostParser.Result result = parse("tr", "x.md", "---\ntitle: \"a\u0008b\"\ndate: 2024-01-01\n---\nc\u0001d\n");
        assertEquals("ab", post(result).title());
        assertTrue(post(result).html().contains("cd"));
        assertTrue(result.problems().stream().anyMatch(p -> p.line() == 2 && p.message().contains("U+0008")),
                result.problems()::toString);
    }

    @Test
    void summaryIsAnExcerptWhenThereIsNoDescription() {
        Post post = post(parse("tr", "x.md", "---\ntitle: t\ndate: 2024-01-01\n---\n## Başlık\n\nBir **kalın** söz.\n"));
        assertEquals("Başlık Bir kalın söz.", post.summary());
        assertEquals("", post.description());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
