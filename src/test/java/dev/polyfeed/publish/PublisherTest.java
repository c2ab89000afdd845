package dev.polyfeed.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
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
        String[] changing = {"/tr/atom.xml", "/tr/rss.xml", "/tr/feed.json", "/tags/x/atom.xml", "/tr/posts/a"};
        String[] unchanged = {"/ar/atom.xml", "/ar/rss.xml", "/tags/y/rss.xml", "/ar/posts/b"};
        // rendered before the edit: a publication reads its bodies from the files it loaded, and one
        // whose file has changed since is not rendered (the reload the change starts replaces it)
        Publication before = publish();
        Map<String, Representation> was = rendered(before, changing, unchanged);
        Map<String, Representation> same = rendered(publish(), changing, unchanged);
        write("tr/a.md", "---\ntitle: Bir (düzeltildi)\ndate: 2024-01-01\ntags: [x]\n---\nMetin.\n");
        Map<String, Representation> after = rendered(publish(), changing, unchanged);

        for (String path : changing) {
            assertEquals(was.get(path).etag(), same.get(path).etag(), path + " is stable across loads");
            assertNotEquals(was.get(path).etag(), after.get(path).etag(), path + " changed");
            assertNotEquals(was.get(path).gzipEtag(), after.get(path).gzipEtag());
        }
        for (String path : unchanged) {
            assertEquals(was.get(path).etag(), after.get(path).etag(), path + " did not change");
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

    private static Map<String, Representation> rendered(Publication publication, String[]... paths) {
        Map<String, Representation> documents = new HashMap<>();
        for (String[] some : paths) {
            for (String path : some) {
                documents.put(path, publication.find(path).orElseThrow());
            }
        }
        return documents;
    }
}
