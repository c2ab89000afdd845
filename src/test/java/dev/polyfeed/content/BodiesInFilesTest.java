package dev.polyfeed.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.polyfeed.address.Address;

/**
 * Bodies stay in their files until rendered, and a load takes from the previous one every file that
 * did not change. Each test writes its own small tree in a temporary folder: what is tested is how
 * files on disk and their changes are read.
 */
class BodiesInFilesTest {

    /** Long enough ago that a load trusts the file's stamp (see {@link ContentLoader#RACY_MILLIS}). */
    private static final FileTime SETTLED = FileTime.from(Instant.parse("2025-01-01T00:00:00Z"));

    @TempDir
    Path content;

    private void write(String path, String text) throws IOException {
        write(path, text.getBytes(StandardCharsets.UTF_8));
    }

    private void write(String path, byte[] bytes) throws IOException {
        Path file = content.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        Files.setLastModifiedTime(file, SETTLED);
    }

    /** A second edit of a file: a later modification time, as an editor's save has. */
    private void edit(String path, String text) throws IOException {
        Path file = content.resolve(path);
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.from(SETTLED.toInstant().plusSeconds(60)));
    }

    private final ContentLoader loader = new ContentLoader(Address::postPath);

    private ContentLoader.Result load(ContentLoader.Parsed previous) {
        return loader.load(content, Optional.of("https://example.org"), GeneratorSite.Options.none(), previous);
    }

    private static Post post(ContentLoader.Result result, String language, String slug) {
        return result.catalog().post(Language.parse(language).orElseThrow(), slug).orElseThrow();
    }

    private void writeSite() throws IOException {
        write("site.yml", "title: Site\nid: {authority: example.org, date: 2024}\n");
        write("tr/bir.md", "---\ntitle: Bir\ndate: 2024-01-01\n---\n# Başlık\n\nİlk metin.\n");
        write("ar/wahid.md", "---\ntitle: واحد\ndate: 2024-01-02\n---\nنص أول.\n");
        write("en/one.md", "---\r\ntitle: One\r\ndate: 2024-01-03\r\n---\r\nWindows line ends.\r\n");
    }

    @Test
    void aCleanFilesBodyIsLeftInItsFileAndReadWhenRendered() throws IOException {
        writeSite();
        ContentLoader.Result result = load(ContentLoader.Parsed.NONE);
        Post bir = post(result, "tr", "bir");
        BodyText.InFile text = assertInstanceOf(BodyText.InFile.class, bir.body().text());
        assertEquals(content.resolve("tr/bir.md"), text.file());
        assertTrue(bir.html().contains("İlk metin."), bir.html());
        // a file whose bytes need repair (carriage returns) is read whole, and its repaired body kept
        assertInstanceOf(BodyText.Inline.class, post(result, "en", "one").body().text());
        assertTrue(post(result, "en", "one").html().contains("Windows line ends."));
    }

    @Test
    void aBodyEditedUnderItsUnchangedFrontMatterIsServedAsItIsNow() throws IOException {
        writeSite();
        Post bir = post(load(ContentLoader.Parsed.NONE), "tr", "bir");
        edit("tr/bir.md", "---\ntitle: Bir\ndate: 2024-01-01\n---\n# Başlık\n\nDüzeltilmiş, daha uzun bir metin.\n");
        assertTrue(bir.html().contains("Düzeltilmiş, daha uzun bir metin."), bir.html());
    }

    @Test
    void aFileWhoseFrontMatterChangedOrThatIsGoneIsUnavailableUntilReloaded() throws IOException {
        writeSite();
        ContentLoader.Result result = load(ContentLoader.Parsed.NONE);
        edit("tr/bir.md", "---\ntitle: Başka\ndate: 2024-01-01\n---\nBaşka metin.\n");
        BodyText.Unavailable changed = assertThrows(BodyText.Unavailable.class, () -> post(result, "tr", "bir").html());
        assertTrue(changed.getMessage().contains("tr/bir.md") && changed.getMessage().contains("front matter changed"),
                changed.getMessage());
        // the check says so, as a warning naming the file and the body's first line, and goes on
        List<ContentProblem> problems = post(result, "tr", "bir").body().problems();
        assertEquals(1, problems.size(), problems::toString);
        assertEquals(Severity.WARNING, problems.get(0).severity());
        assertEquals(5, problems.get(0).line());

        Files.delete(content.resolve("ar/wahid.md"));
        assertThrows(BodyText.Unavailable.class, () -> post(result, "ar", "wahid").html());
    }

    @Test
    void bytesABodyCannotUseAreRepairedWhenRenderedAndReportedAtTheirLineOfTheFile() throws IOException {
        write("site.yml", "title: Site\n");
        byte[] head = "---\ntitle: Bozuk\ndate: 2024-01-01\n---\nGüzel satır.\n".getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = "Kötü söz.\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] control = "Zil \u0007 sesi.\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + latin1.length + control.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        System.arraycopy(latin1, 0, bytes, head.length, latin1.length);
        System.arraycopy(control, 0, bytes, head.length + latin1.length, control.length);
        write("tr/bozuk.md", bytes);

        Post post = post(load(ContentLoader.Parsed.NONE), "tr", "bozuk");
        // the post is served: its front matter is good, and its body loses only what it cannot carry
        assertTrue(post.html().contains("Güzel satır.") && post.html().contains("K\uFFFDt\uFFFD s\uFFFDz."), post.html());
        assertTrue(!post.html().contains("\u0007"), post.html());
        List<ContentProblem> problems = post.body().problems();
        assertEquals(2, problems.size(), problems::toString);
        assertEquals(6, problems.get(0).line(), problems::toString);
        assertTrue(problems.get(0).message().contains("not valid UTF-8"), problems::toString);
        assertTrue(problems.get(1).message().contains("control character"), problems::toString);
        assertTrue(problems.stream().allMatch(p -> p.severity() == Severity.WARNING && p.hintText().isPresent()));
    }

    @Test
    void aReloadParsesOnlyTheFilesThatChanged() throws IOException {
        writeSite();
        ContentLoader.Result first = load(ContentLoader.Parsed.NONE);
        assertEquals(3, first.parsed().readNow());

        ContentLoader.Result same = load(first.parsed());
        assertEquals(0, same.parsed().readNow());
        assertSame(post(first, "ar", "wahid"), post(same, "ar", "wahid"));

        edit("tr/bir.md", "---\ntitle: Bir, düzeltildi\ndate: 2024-01-01\n---\nMetin.\n");
        ContentLoader.Result edited = load(same.parsed());
        assertEquals(1, edited.parsed().readNow());
        assertEquals("Bir, düzeltildi", post(edited, "tr", "bir").title());
        assertSame(post(first, "ar", "wahid"), post(edited, "ar", "wahid"));
        // an unchanged post's body is the same body: its rendering is found in the cache, not redone
        assertEquals(post(first, "ar", "wahid").body(), post(edited, "ar", "wahid").body());
    }

    @Test
    void whatEveryPostDependsOnChangingMakesEveryFileParsedAgain() throws IOException {
        writeSite();
        ContentLoader.Result first = load(ContentLoader.Parsed.NONE);
        edit("site.yml", "title: Another site\nid: {authority: example.org, date: 2024}\n");
        ContentLoader.Result reloaded = load(first.parsed());
        assertEquals(3, reloaded.parsed().readNow());
        assertNotSame(post(first, "ar", "wahid"), post(reloaded, "ar", "wahid"));
    }

    @Test
    void aFileModifiedJustBeforeALoadIsReadAgainByTheNext() throws IOException {
        writeSite();
        // a second save within the file system's time resolution would keep size and time: not trusted
        Files.setLastModifiedTime(content.resolve("tr/bir.md"), FileTime.from(Instant.now()));
        ContentLoader.Result first = load(ContentLoader.Parsed.NONE);
        ContentLoader.Result next = load(first.parsed());
        assertEquals(1, next.parsed().readNow());
        assertEquals("Bir", post(next, "tr", "bir").title());
    }

    @Test
    void aPostWhoseFrontMatterIsLongerThanTheFirstReadIsStillReadRight() throws IOException {
        write("site.yml", "title: Site\n");
        String description = "uzun ".repeat(4000);
        write("tr/uzun.md", "---\ntitle: Uzun\ndate: 2024-01-01\ndescription: " + description + "\n---\nGövde.\n");
        Post post = post(load(ContentLoader.Parsed.NONE), "tr", "uzun");
        assertEquals(description.strip(), post.description());
        assertTrue(post.html().contains("Gövde.") && !post.html().contains("uzun uzun"), post.html());
    }
}
