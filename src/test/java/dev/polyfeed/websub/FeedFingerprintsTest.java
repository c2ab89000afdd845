package dev.polyfeed.websub;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.polyfeed.address.Address;
import dev.polyfeed.address.FeedFormat;
import dev.polyfeed.content.ContentLoader;
import dev.polyfeed.publish.Publication;
import dev.polyfeed.publish.Publisher;

/** Which feeds a change of content makes the hub hear of, worked out without rendering any, and how it is told. */
class FeedFingerprintsTest {

    static final String BASE = "https://example.org/blog";
    static final int FEED_SIZE = 2;

    @TempDir
    Path content;

    private FeedFingerprints fingerprints() {
        Publication publication = Publisher.publish(new ContentLoader(Address::postPath).load(content, Optional.of(BASE)),
                FEED_SIZE, Optional.of("https://hub.example.net/"), 1 << 24);
        return FeedFingerprints.of(publication, FEED_SIZE);
    }

    private void write(String path, String text) throws IOException {
        Path file = content.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private void post(String path, String title, String date, String tags, String authors) throws IOException {
        write(path, "---\ntitle: " + title + "\ndate: " + date + "\ntags: [" + tags + "]\nauthors: [" + authors
                + "]\n---\nMetin.\n");
    }

    /**
     * With two items a feed: the site's feed (/) holds d and a; /tr/ holds a and b (c and old are in its archive); /tags/x/ holds d and a
     * (b only in its archive); /tr/tags/x/ holds a and b; /tr/tags/z/ and /tags/z/ hold c; old is in
     * no current document at all.
     */
    @BeforeEach
    void tree() throws IOException {
        write("site.yml", "title: T\nid: {authority: example.org, date: 2024}\n");
        write("authors.yml", "ada:\n  name: Ada Lovelace\n");
        post("tr/a.md", "Bir", "2024-01-03", "x, y", "ada");
        post("tr/b.md", "İki", "2024-01-02", "x", "");
        post("tr/c.md", "Üç", "2024-01-01", "z", "");
        post("tr/old.md", "Eski", "2023-01-01", "", "");
        post("ar/d.md", "أربعة", "2024-01-04", "x", "ada");
    }

    /** The URLs of these feeds' current documents, in every format. */
    private static Set<String> feeds(String... folders) {
        Set<String> urls = new TreeSet<>();
        for (String folder : folders) {
            for (FeedFormat format : FeedFormat.values()) {
                urls.add(BASE + folder + format.fileName());
            }
        }
        return urls;
    }

    private static Set<String> set(List<String> urls) {
        assertEquals(urls.size(), Set.copyOf(urls).size(), "each URL once: " + urls);
        return new TreeSet<>(urls);
    }

    @Test
    void anUnchangedTreeChangesNothing() {
        assertEquals(List.of(), fingerprints().changedSince(fingerprints()));
    }

    @Test
    void aRetitledPostChangesExactlyTheFeedsWhoseCurrentDocumentHoldsIt() throws IOException {
        FeedFingerprints before = fingerprints();
        post("tr/a.md", "Bir (düzeltildi)", "2024-01-03", "x, y", "ada");
        assertEquals(feeds("/", "/tr/", "/tr/tags/x/", "/tr/tags/y/", "/tags/x/", "/tags/y/", "/tr/authors/ada/",
                "/authors/ada/"), set(fingerprints().changedSince(before)));
    }

    @Test
    void aPostInAFeedsArchiveOnlyDoesNotChangeThatFeed() throws IOException {
        FeedFingerprints before = fingerprints();
        post("tr/b.md", "İki (düzeltildi)", "2024-01-02", "x", "");
        // /tags/x/ and / hold d and a: b is in their archives only
        assertEquals(feeds("/tr/", "/tr/tags/x/"), set(fingerprints().changedSince(before)));

        before = fingerprints();
        post("tr/c.md", "Üç (düzeltildi)", "2024-01-01", "z", "");
        assertEquals(feeds("/tr/tags/z/", "/tags/z/"), set(fingerprints().changedSince(before)),
                "c is beyond the feed size of /tr/");

        before = fingerprints();
        post("tr/old.md", "Eski (düzeltildi)", "2023-01-01", "", "");
        assertEquals(List.of(), fingerprints().changedSince(before), "old is in no current document");
    }

    @Test
    void aBodyEditChangesItsFeeds() throws IOException {
        FeedFingerprints before = fingerprints();
        write("tr/c.md", "---\ntitle: Üç\ndate: 2024-01-01\ntags: [z]\n---\nYeni metin.\n");
        assertEquals(feeds("/tr/tags/z/", "/tags/z/"), set(fingerprints().changedSince(before)));
    }

    @Test
    void aNewPostChangesItsFeedsAndNamesNewOnesButNotTheFeedsItLeft() throws IOException {
        FeedFingerprints before = fingerprints();
        // c moves from tag z (whose feeds are gone: they answer 404 now) to the new tag w
        post("tr/c.md", "Üç", "2024-01-01", "w", "");
        assertEquals(feeds("/tr/tags/w/", "/tags/w/"), set(fingerprints().changedSince(before)));

        before = fingerprints();
        post("tr/e.md", "Beş", "2024-02-01", "", "ada");
        // the newest in the site's feed, in /tr/ (which now links one more archive page) and in both of Ada's
        assertEquals(feeds("/", "/tr/", "/tr/authors/ada/", "/authors/ada/"), set(fingerprints().changedSince(before)));
    }

    @Test
    void anAuthorsNameChangesTheFeedsOfTheirPosts() throws IOException {
        FeedFingerprints before = fingerprints();
        write("authors.yml", "ada:\n  name: Ada King\n");
        assertEquals(feeds("/", "/tr/", "/tr/tags/x/", "/tr/tags/y/", "/tags/x/", "/tags/y/", "/tr/authors/ada/",
                "/authors/ada/", "/ar/", "/ar/tags/x/", "/ar/authors/ada/"), set(fingerprints().changedSince(before)));
    }

    @Test
    void changedUrlsAreSentInBatches() {
        List<String> urls = IntStream.range(0, 250).mapToObj(i -> BASE + "/tags/t" + i + "/rss.xml").toList();
        List<List<String>> batches = PublishRequests.batches(urls, 100);
        assertEquals(List.of(100, 100, 50), batches.stream().map(List::size).toList());
        List<String> all = new ArrayList<>();
        batches.forEach(all::addAll);
        assertEquals(urls, all, "every URL once, in order");
        assertEquals(List.of(), PublishRequests.batches(List.of(), 100), "nothing changed, nothing sent");
    }

    @Test
    void aPublishRequestRepeatsHubUrl() {
        assertEquals("hub.mode=publish&hub.url=https%3A%2F%2Fexample.org%2Fblog%2Ftr%2Frss.xml"
                + "&hub.url=https%3A%2F%2Fexample.org%2Fblog%2Ftags%2Fa%25C3%25A7%2Fatom.xml",
                PublishRequests.form(List.of(BASE + "/tr/rss.xml", BASE + "/tags/a%C3%A7/atom.xml")));
    }

    @Test
    void retriesWaitLongerEachTime() {
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(25)),
                IntStream.range(0, PublishRequests.RETRIES).mapToObj(i -> PublishRequests.backoff(Duration.ofSeconds(1), i))
                        .toList());
    }
}
