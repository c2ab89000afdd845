package dev.polyfeed.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import dev.polyfeed.address.Address;
import dev.polyfeed.content.Catalog;
import dev.polyfeed.content.ContentLoader;
import dev.polyfeed.content.GeneratorSite;
import dev.polyfeed.content.Post;

/**
 * Whole content trees, generated: page bundles with and without dates, dated file names, sub-folders,
 * many posts sharing a few slugs (and ids), slugs in several scripts or of nothing but dashes, blank
 * lines before front matter, tags spelled with every kind of space. However they combine, every file
 * with a title is served, each at an address and with an id of its own, and every feed is well-formed XML.
 */
class GeneratedTreeProperties {

    /** One post file: where it goes and what it says. */
    record PostFile(String path, String text) {
    }

    @Provide
    Arbitrary<List<PostFile>> trees() {
        Arbitrary<String> language = Arbitraries.of("tr", "ar", "hi", "en", "zh-CN", "pt-BR");
        Arbitrary<String> slug = Arbitraries.of("notes", "hello", "güncelleme", "مرحبا", "---", "a b", "index");
        Arbitrary<String> date = Arbitraries.of("", "2024-01-01", "2024-01-01", "2023-06-15", "2024-02-30", "2025-12-31T23:59:59Z");
        Arbitrary<Integer> layout = Arbitraries.integers().between(0, 4);
        Arbitrary<String> tag = Arbitraries.of("AI", "ai", "kata\u00a0containers", "kata containers", "kata\u3000containers",
                "açık kaynak", "/", "C/C++", " ");
        Arbitrary<String> extra = Arbitraries.of("slug: notes", "slug: ''", "slug: [a]", "id: tag:example.org,2024:same",
                "id: not a uri", "author: ''", "authors: [\"\", ~]", "Author: Jane Doe (Acme)", "description: a < b",
                "updated: 2020-01-01", "draft: no", "");
        Arbitrary<PostFile> file = Combinators.combine(language, slug, date, layout, tag.list().ofMaxSize(3), extra,
                Arbitraries.integers().between(0, 1_000_000), Arbitraries.of(true, false))
                .as((lang, name, day, kind, tags, more, n, blankFirst) -> {
                    String prefix = day.length() >= 10 && !day.startsWith("2024-02-30") ? day.substring(0, 10) + "-" : "";
                    String path = switch (kind) {
                        case 0 -> lang + "/" + name + "-" + n + ".md";
                        case 1 -> lang + "/" + prefix + name + ".md";
                        case 2 -> lang + "/" + prefix + name + "/index.md";
                        case 3 -> lang + "/2024/" + name + "/index.md";
                        default -> lang + "/" + name + ".markdown";
                    };
                    String tagList = tags.stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(", ", "[", "]"));
                    String text = (blankFirst ? "\n \n" : "") + "---\ntitle: \"Post " + n + "\"\n"
                            + (day.isEmpty() ? "" : "date: " + day + "\n") + "tags: " + tagList + "\n" + more + "\n---\n"
                            + "Text <!-- note --> of " + n + ".\n";
                    return new PostFile(path, text);
                });
        return file.list().ofMinSize(1).ofMaxSize(25).uniqueElements(PostFile::path);
    }

    @Property(tries = 60)
    void everyFileWithATitleIsServedAtItsOwnAddressAndEveryFeedIsXml(@ForAll("trees") List<PostFile> files)
            throws Exception {
        Path root = Files.createTempDirectory("generated-tree");
        try {
            write(root, files);
            ContentLoader.Result load = new ContentLoader(Address::postPath).load(root, Optional.of("https://example.org"));
            Catalog catalog = load.catalog();
            String problems = catalog.problems().stream().map(Object::toString).collect(Collectors.joining("\n"));
            assertEquals(files.size(), catalog.posts().size(), problems);
            Set<String> urls = new HashSet<>();
            Set<String> ids = new HashSet<>();
            for (Post post : catalog.posts()) {
                assertTrue(urls.add(post.url()), () -> "two posts at " + post.url() + "\n" + problems);
                assertTrue(ids.add(post.id()), () -> "two posts with id " + post.id() + "\n" + problems);
            }
            Publication publication = Publisher.publish(load, 5, Optional.empty(), 16 << 20);
            var parser = DocumentBuilderFactory.newInstance();
            parser.setNamespaceAware(true);
            List<Address> addresses = publication.addresses();
            assertEquals(addresses.size(), publication.documentCount(), "documents counted as listed");
            for (Address address : addresses) {
                String path = address.path();
                // every document is found again by its path, however odd the generated slug or tag
                assertEquals(Optional.of(address), publication.addressAt(path), path);
                if (path.endsWith(".xml")) {
                    byte[] body = publication.find(path).orElseThrow().body();
                    parser.newDocumentBuilder().parse(new ByteArrayInputStream(body));
                }
            }
            for (Post post : catalog.posts()) {
                String path = Address.of(post).path();
                assertTrue(publication.addressAt(path).isPresent(), path);
                assertTrue(new String(publication.find(path).orElseThrow().body(), StandardCharsets.UTF_8)
                        .contains(post.title()), path);
            }
        } finally {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The tree on disk: a site.yml and every post file. */
    private static void write(Path root, List<PostFile> files) throws IOException {
        Files.writeString(root.resolve("site.yml"), "title: Generated\nid: {authority: example.org, date: 2024}\n");
        for (PostFile file : files) {
            Path path = root.resolve(file.path());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.text());
        }
    }

    /** An edit to a generated tree: to one of its files (by index, modulo their number), or a new file. */
    record Edit(int file, int kind, int n) {
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        return Combinators.combine(Arbitraries.integers().between(0, 100), Arbitraries.integers().between(0, 6),
                Arbitraries.integers().between(0, 1_000)).as(Edit::new).list().ofMinSize(1).ofMaxSize(3);
    }

    /**
     * A reload after edits (a title, a body, tags, a date, a slug, a deleted or a new file) builds the
     * catalog a first load of the edited tree builds, whether it patched the previous catalog or built
     * a new one.
     */
    @Property(tries = 80)
    void aReloadAfterEditsBuildsWhatAFullLoadBuilds(@ForAll("trees") List<PostFile> files, @ForAll("edits") List<Edit> edits)
            throws Exception {
        Path root = Files.createTempDirectory("edited-tree");
        try {
            write(root, files);
            ContentLoader loader = new ContentLoader(Address::postPath);
            ContentLoader.Result first = loader.load(root, Optional.of("https://example.org"), GeneratorSite.Options.none(),
                    ContentLoader.Parsed.NONE);
            Set<Path> touched = new HashSet<>();
            for (Edit edit : edits) {
                Path path = root.resolve(files.get(edit.file() % files.size()).path());
                if (!Files.exists(path)) {
                    continue;
                }
                touched.add((edit.kind() == 6 ? path.resolveSibling("new-" + edit.n() + ".md") : path).toAbsolutePath().normalize());
                String text = Files.readString(path);
                switch (edit.kind()) {
                    case 0 -> Files.writeString(path, text.replaceFirst("title: .*", "title: \"Edited " + edit.n() + "\""));
                    case 1 -> Files.writeString(path, text + "More text " + edit.n() + ".\n");
                    case 2 -> Files.writeString(path, text.replaceFirst("tags: .*", "tags: [t" + edit.n() % 3 + "]"));
                    case 3 -> Files.writeString(path, text.replaceFirst("title: ", "date: 2019-0" + (1 + edit.n() % 9) + "-01\ntitle: "));
                    case 4 -> Files.writeString(path, text.replaceFirst("title: ", "slug: moved-" + edit.n() % 2 + "\ntitle: "));
                    case 5 -> Files.delete(path);
                    default -> Files.writeString(path.resolveSibling("new-" + edit.n() + ".md"),
                            "---\ntitle: New " + edit.n() + "\ntags: [AI]\n---\nNew.\n");
                }
            }
            ContentLoader.Result walked = loader.load(root, Optional.of("https://example.org"), GeneratorSite.Options.none(),
                    first.parsed());
            // as the watcher tells a reload: the files it saw change, so that the folder is not walked again
            ContentLoader.Result named = loader.load(root, Optional.of("https://example.org"), GeneratorSite.Options.none(),
                    first.parsed(), new ContentLoader.Changes.Files(touched));
            ContentLoader.Result full = loader.load(root, Optional.of("https://example.org"), GeneratorSite.Options.none(),
                    ContentLoader.Parsed.NONE);
            for (ContentLoader.Result reloaded : List.of(walked, named)) {
                assertSameCatalog(full.catalog(), reloaded.catalog());
                assertEquals(full.skippedFiles(), reloaded.skippedFiles());
                assertEquals(full.ignoredFiles(), reloaded.ignoredFiles());
                // the periodic check walks the folder and compares: what a reload read must fingerprint alike
                assertEquals(full.fingerprint(), reloaded.fingerprint());
            }
            // every way must be tried: patching the previous catalog or building it anew, walking or not
            Statistics.label("catalog").collect(named.parsed().patched() ? "patched" : "built");
            Statistics.label("folder").collect(named.parsed().walked() ? "walked" : "not walked");
            Statistics.label("catalog").coverage(coverage -> {
                coverage.check("patched").count(times -> times > 0);
                coverage.check("built").count(times -> times > 0);
            });
            Statistics.label("folder").coverage(coverage -> {
                coverage.check("walked").count(times -> times > 0);
                coverage.check("not walked").count(times -> times > 0);
            });
        } finally {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Every way feeds and pages look posts up gives the same posts in the same order, and the same problems. */
    static void assertSameCatalog(Catalog expected, Catalog actual) {
        assertEquals(expected.posts(), actual.posts());
        assertEquals(expected.drafts(), actual.drafts());
        assertEquals(expected.languages(), actual.languages());
        assertEquals(expected.tags(), actual.tags());
        assertEquals(expected.authors(), actual.authors());
        for (var language : expected.languages()) {
            assertEquals(expected.posts(language), actual.posts(language), language.tag());
            assertEquals(expected.tags(language), actual.tags(language), language.tag());
            assertEquals(expected.authors(language), actual.authors(language), language.tag());
            for (var tag : expected.tags(language)) {
                assertEquals(expected.posts(language, tag.key()), actual.posts(language, tag.key()), tag.key());
            }
            for (var author : expected.authors(language)) {
                assertEquals(expected.postsBy(language, author.key()), actual.postsBy(language, author.key()));
            }
        }
        for (var tag : expected.tags()) {
            assertEquals(expected.posts(tag.key()), actual.posts(tag.key()), tag.key());
        }
        for (var author : expected.authors()) {
            assertEquals(expected.postsBy(author.key()), actual.postsBy(author.key()));
        }
        for (Post post : expected.posts()) {
            assertEquals(expected.translationsOf(post), actual.translationsOf(post), post.source());
            assertEquals(expected.post(post.language(), post.slug()), actual.post(post.language(), post.slug()));
        }
        assertEquals(expected.problems().stream().sorted(dev.polyfeed.content.ContentProblem.BY_PLACE).map(Object::toString).toList(),
                actual.problems().stream().sorted(dev.polyfeed.content.ContentProblem.BY_PLACE).map(Object::toString).toList());
    }
}
