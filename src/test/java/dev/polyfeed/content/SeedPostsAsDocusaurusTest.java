package dev.polyfeed.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.polyfeed.address.Address;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's posts are Docusaurus posts: laid out as a Docusaurus blog (Turkish the default
 * locale in blog/, the other languages under i18n/, authors.yml beside the posts) they come out as
 * they do from Polyfeed's own layout: same posts, titles, dates, tags, keywords, authors, summaries,
 * images, addresses and HTML.
 */
class SeedPostsAsDocusaurusTest {

    private static final Path CONTENT = Path.of("content");
    private static final Optional<String> BASE = Optional.of("https://feeds.example.org");

    @TempDir
    Path site;

    @Test
    void theSeedPostsComeOutTheSame() throws IOException {
        Files.writeString(site.resolve("docusaurus.config.js"), """
                module.exports = {
                  title: 'Polyfeed',
                  i18n: { defaultLocale: 'tr', locales: ['tr', 'ar', 'hi', 'id'] },
                };
                """);
        Path blog = Files.createDirectories(site.resolve("blog"));
        Files.copy(CONTENT.resolve("authors.yml"), blog.resolve("authors.yml"));
        try (var posts = Files.list(CONTENT.resolve("tr"))) {
            for (Path post : posts.toList()) {
                Files.copy(post, blog.resolve(post.getFileName()));
            }
        }
        for (String locale : List.of("ar", "hi", "id")) {
            Path i18n = Files.createDirectories(site.resolve("i18n").resolve(locale).resolve("docusaurus-plugin-content-blog"));
            try (var posts = Files.list(CONTENT.resolve(locale))) {
                for (Path post : posts.toList()) {
                    Files.copy(post, i18n.resolve(post.getFileName()));
                }
            }
        }
        Catalog own = new ContentLoader(Address::postPath).load(CONTENT, BASE).catalog();
        ContentLoader.Result result = new ContentLoader(Address::postPath).load(site, BASE);
        assertEquals(List.of(), result.catalog().problems());
        Catalog docusaurus = result.catalog();
        assertEquals(own.posts().size(), docusaurus.posts().size());
        Function<Catalog, Map<String, Post>> byAddress = catalog -> catalog.posts().stream()
                .collect(Collectors.toMap(post -> Address.postPath(post.language(), post.slug()), post -> post));
        Map<String, Post> expected = byAddress.apply(own);
        Map<String, Post> actual = byAddress.apply(docusaurus);
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((path, post) -> {
            Post other = actual.get(path);
            assertEquals(post.title(), other.title(), path);
            assertEquals(post.url(), other.link(), path);
            assertEquals(post.published(), other.published(), path);
            assertEquals(post.updated(), other.updated(), path);
            assertEquals(post.tags(), other.tags(), path);
            assertEquals(post.keywords(), other.keywords(), path);
            assertEquals(post.authors(), other.authors(), path);
            assertEquals(post.description(), other.description(), path);
            assertEquals(post.image(), other.image(), path);
            assertEquals(post.summary(), other.summary(), path);
            assertEquals(post.html(), other.html(), path);
            assertEquals(docusaurus.translationsOf(other).stream().map(p -> p.language().tag() + "/" + p.slug()).toList(),
                    own.translationsOf(post).stream().map(p -> p.language().tag() + "/" + p.slug()).toList(), path);
        });
    }
}
