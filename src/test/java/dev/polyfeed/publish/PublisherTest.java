package dev.polyfeed.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.polyfeed.address.Address;
import dev.polyfeed.content.ContentLoader;

class PublisherTest {

    @TempDir
    Path content;

    private Publication publish() {
        return Publisher.publish(new ContentLoader(Address::postPath).load(content, Optional.of("https://example.org")), 20, Optional.empty(), 1 << 24);
    }

    private void write(String path, String text) throws IOException {
        Path file = content.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void etagsChangeOnlyForDocumentsWhoseBytesChanged() throws IOException {
        write("site.yml", "title: T\nid: {authority: example.org, date: 2024}\n");
        write("tr/a.md", "---\ntitle: Bir\ndate: 2024-01-01\ntags: [x]\n---\nMetin.\n");
        write("ar/b.md", "---\ntitle: واحد\ndate: 2024-01-02\ntags: [y]\n---\nنص.\n");
        Publication before = publish();
        Publication same = publish();
        write("tr/a.md", "---\ntitle: Bir (düzeltildi)\ndate: 2024-01-01\ntags: [x]\n---\nMetin.\n");
        Publication after = publish();

        for (String path : new String[] {"/tr/atom.xml", "/tr/rss.xml", "/tr/feed.json", "/tags/x/atom.xml", "/tr/posts/a"}) {
            assertEquals(etag(before, path), etag(same, path), path + " is stable across loads");
            assertNotEquals(etag(before, path), etag(after, path), path + " changed");
            assertNotEquals(before.find(path).orElseThrow().gzipEtag(), after.find(path).orElseThrow().gzipEtag());
        }
        for (String path : new String[] {"/ar/atom.xml", "/ar/rss.xml", "/tags/y/rss.xml", "/ar/posts/b"}) {
            assertEquals(etag(before, path), etag(after, path), path + " did not change");
        }
    }

    @Test
    void aPostWithNothingToSummariseHasNoEmptySummary() throws IOException {
        write("site.yml", "title: T\nid: {authority: example.org, date: 2024}\n");
        write("tr/empty-body.md", "---\ntitle: Yalnız başlık\ndate: 2024-01-01\n---\n<script>x()</script>\n");
        Publication publication = publish();
        String atom = publication.find("/tr/atom.xml").orElseThrow().text();
        String rss = publication.find("/tr/rss.xml").orElseThrow().text();
        assertEquals(false, atom.contains("<summary"), atom);
        assertEquals(true, rss.contains("<description>Yalnız başlık</description>"), rss);
        assertEquals(true, atom.contains("<title type=\"text\">Yalnız başlık</title>"), atom);
    }

    private static String etag(Publication publication, String path) {
        return publication.find(path).orElseThrow().etag();
    }
}
