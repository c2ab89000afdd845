package dev.polyfeed.content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/**
 * Writes a content tree that mixes good posts with every kind of broken or hostile file Polyfeed
 * must survive. Files that git cannot hold well (a 5 MB post, a symlink loop, invalid UTF-8) are
 * why it is written at test time rather than kept under src/test/resources.
 */
final class BrokenTree {

    /** Slugs of the posts that must be served, per language. */
    static final java.util.Map<String, java.util.List<String>> GOOD = java.util.Map.of(
            "tr", java.util.List.of("bom-crlf", "tags-string", "number-title", "map-tags", "bad-date", "first-slug",
                    "2024-01-06-first-slug", "no-title-no-heading",
                    "nfd-emoji", "controls", "script", "plain-heading", "nested"),
            "ar", java.util.List.of("rtl"));

    private BrokenTree() {
    }

    static void write(Path root) throws IOException {
        Files.createDirectories(root);
        text(root, "site.yml", "title: Broken on purpose\nid: {authority: example.org, date: 2024}\n");
        // good posts, some with forgivable problems
        bytes(root, "tr/bom-crlf.md", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "---\r\ntitle: BOM ve CRLF\r\ndate: 2024-01-01\r\n---\r\n\r\nGövde.\r\n".getBytes(StandardCharsets.UTF_8)));
        text(root, "tr/tags-string.md", "---\ntitle: Tek etiket\ndate: 2024-01-02\ntags: AI\n---\nx\n");
        text(root, "tr/number-title.md", "---\ntitle: 2024\ndate: 2024-01-03\n---\nx\n");
        text(root, "tr/map-tags.md", "---\ntitle: Harita\ndate: 2024-01-04\ntags: {a: b}\n---\nx\n");
        text(root, "tr/bad-date.md", "---\ntitle: Kötü tarih\ndate: 2024-02-30\n---\nx\n");
        text(root, "tr/first-slug.md", "---\ntitle: İlk\ndate: 2024-01-05\n---\nx\n");
        text(root, "tr/zz-second-slug.md", "---\ntitle: İkinci\ndate: 2024-01-06\nslug: first-slug\n---\nx\n");
        text(root, "tr/nfd-emoji.md", "---\ntitle: Etiketler\ndate: 2024-01-07\ntags: [\"cafe\\u0301\", \"🚀 Launch\", \"C/C++\", \"中文 English\"]\n---\nx\n");
        text(root, "tr/controls.md", "---\ntitle: \"Kontrol\u0008 ]]> <&\\\" \uFFFF\"\ndate: 2024-01-08\n---\na\u0001b\n");
        text(root, "tr/script.md", "---\ntitle: Betik\ndate: 2024-01-09\n---\n<script>alert(1)</script><img src=x onerror=alert(1)>\n");
        text(root, "tr/plain-heading.md", "# Sadece başlık\n\nFront matter yok.\n");
        text(root, "tr/2024/nested.md", "---\ntitle: İç içe\ndate: 2024-01-10\n---\nx\n");
        text(root, "tr/lang-no.md", "---\ntitle: Norsk\ndate: 2024-01-11\nlang: no\n---\nx\n");
        text(root, "ar/rtl.md", "---\ntitle: مرحبا\ndate: 2024-01-12\n---\nنص\n");
        // files that cannot become posts
        bytes(root, "tr/latin1.md", "---\ntitle: Ça\n---\n".getBytes(StandardCharsets.ISO_8859_1));
        text(root, "tr/empty.md", "");
        text(root, "tr/unclosed.md", "---\ntitle: açık\n\nbody\n");
        text(root, "tr/no-title-no-heading.md", "Just prose.\n");
        text(root, "tr/yaml-error.md", "---\ntitle: x\ntags: [a, b\n---\n");
        text(root, "tr/java-tag.md", "---\ntitle: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[]]]\n---\n");
        text(root, "tr/alias-bomb.md", "---\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
                + "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ntitle: bomb\n---\n");
        text(root, "tr/deep.md", "---\ntitle: x\na: " + "[".repeat(50) + "]".repeat(50) + "\n---\n");
        text(root, "tr/huge-front-matter.md", "---\ntitle: x\nbig: \"" + "y".repeat(300_000) + "\"\n---\n");
        text(root, "tr/missing-title.md", "---\ndate: 2024-01-01\n---\nx\n");
        text(root, "tr/draft.md", "---\ntitle: Taslak\ndraft: true\n---\nx\n");
        text(root, "images/not-a-language.md", "---\ntitle: x\n---\n");
        Path huge = root.resolve("tr/huge.md");
        Files.write(huge, new byte[5 * 1024 * 1024]);
        // not posts: ignored or skipped quietly, but counted
        text(root, "tr/notes.txt", "not a post");
        text(root, "tr/.hidden.md", "---\ntitle: hidden\n---\n");
        text(root, ".git/HEAD", "ref: refs/heads/main");
        try {
            Files.createSymbolicLink(root.resolve("tr/loop"), root.resolve("tr"));
        } catch (UnsupportedOperationException | IOException e) {
            // file systems without symbolic links cannot hold this case
        }
        // a fixed modified time for the post without a date
        Files.setLastModifiedTime(root.resolve("tr/plain-heading.md"), FileTime.from(Instant.parse("2024-06-01T00:00:00Z")));
    }

    private static void text(Path root, String path, String text) throws IOException {
        bytes(root, path, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(Path root, String path, byte[] bytes) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
