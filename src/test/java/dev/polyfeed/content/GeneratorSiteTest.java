package dev.polyfeed.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.polyfeed.address.Address;
import org.junit.jupiter.api.io.TempDir;

/** Which layout a folder has, and how a site's configuration chooses its posts. */
class GeneratorSiteTest {

    private static final Path SITES = Path.of("src/test/resources/sites");
    private static final Optional<String> BASE = Optional.of("https://feeds.example.org");

    @TempDir
    Path root;

    @Test
    void layoutsAreDetectedFromTheirConfigurationFiles() throws IOException {
        assertEquals(Layout.HUGO, Layout.detect(SITES.resolve("hugo")));
        assertEquals(Layout.HUGO, Layout.detect(SITES.resolve("hugo-no-address")));
        assertEquals(Layout.DOCUSAURUS, Layout.detect(SITES.resolve("docusaurus")));
        assertEquals(Layout.JEKYLL, Layout.detect(SITES.resolve("jekyll")));
        assertEquals(Layout.POLYFEED, Layout.detect(Path.of("content")));
        assertEquals(Layout.POLYFEED, Layout.detect(root));
        Files.createDirectories(root.resolve("config/_default"));
        assertEquals(Layout.HUGO, Layout.detect(root));
        assertEquals(Optional.of(Layout.JEKYLL), Layout.parse(" Jekyll "));
        assertEquals(Optional.empty(), Layout.parse("gatsby"));
    }

    @Test
    void withoutMainSectionsTheSectionWithTheMostDatedPagesHoldsThePosts() throws IOException {
        Files.writeString(root.resolve("hugo.yaml"), "baseURL: https://example.net/\ntitle: Mixed\n");
        write("content/docs/a.md", "---\ntitle: A\n---\nUndated.\n");
        write("content/docs/b.md", "---\ntitle: B\ndate: 2024-01-01\n---\nOne dated doc.\n");
        write("content/news/one.md", "+++\ntitle = \"One\"\ndate = 2024-02-01\n+++\nNews.\n");
        write("content/news/two.md", "---\ntitle: Two\ndate: 2024-03-01\n---\nMore news.\n");
        ContentLoader.Result result = new ContentLoader(Address::postPath).load(root, BASE);
        assertEquals(List.of("Two", "One"), result.catalog().posts().stream().map(Post::title).toList());
        assertTrue(result.layout().contains("'news'"), result.layout());
        assertEquals("https://example.net/news/two/", result.catalog().posts().get(0).link());
        // the operator can name other sections
        ContentLoader.Result docs = new ContentLoader(Address::postPath).load(root, BASE, new GeneratorSite.Options(Optional.empty(),
                Optional.empty(), Optional.empty(), List.of("docs")));
        // A has no date: its file's modified time, today, is its date
        assertEquals(List.of("A", "B"), docs.catalog().posts().stream().map(Post::title).toList());
        assertTrue(docs.layout().contains("polyfeed.sections"), docs.layout());
    }

    @Test
    void theOperatorCanSayTheLayoutAndTheSiteAddress() throws IOException {
        write("blog/2024-01-05-hello.md", "---\ntitle: Hello\n---\nHi.\n");
        ContentLoader.Result result = new ContentLoader(Address::postPath).load(root, BASE, new GeneratorSite.Options(Optional.of("docusaurus"),
                Optional.of("https://blog.example.com/"), Optional.empty(), List.of()));
        Post post = result.catalog().posts().get(0);
        assertEquals("https://blog.example.com/blog/2024/01/05/hello", post.link());
        assertEquals("https://feeds.example.org/en/posts/hello", post.url());
    }

    @Test
    void badTomlIsReportedAtItsLineAndLosesOnlyItsFile() throws IOException {
        Files.writeString(root.resolve("config.toml"), "baseURL = \"https://example.net/\"\n");
        write("content/posts/good.md", "+++\ntitle = \"Good\"\ndate = 2024-01-01\n+++\nFine.\n");
        write("content/posts/bad.md", "+++\ntitle = \"Bad\"\ndate = = 2024\n+++\nBroken.\n");
        ContentLoader.Result result = new ContentLoader(Address::postPath).load(root, BASE);
        assertEquals(List.of("Good"), result.catalog().posts().stream().map(Post::title).toList());
        ContentProblem problem = result.catalog().problems().stream().filter(p -> p.kind() == ProblemKind.YAML)
                .findFirst().orElseThrow();
        assertTrue(problem.path().endsWith("bad.md"), problem.toString());
        assertEquals(3, problem.line(), problem.toString());
    }

    @Test
    void unknownTemplatesAreReportedOncePerName() {
        ContentLoader.Result result = new ContentLoader(Address::postPath).load(SITES.resolve("hugo"), BASE);
        List<ContentProblem> templates = result.catalog().problems().stream()
                .filter(p -> p.kind() == ProblemKind.TEMPLATE).toList();
        assertEquals(2, templates.size(), templates.toString());
        assertTrue(templates.get(0).toString().contains("'notice'"), templates.toString());
        assertTrue(templates.get(1).toString().contains("'callout'"), templates.toString());
    }

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void docusaurusAddressesWrittenAsCodeAreReadWithoutRunningIt() throws IOException {
        Map<String, String> configs = new java.util.LinkedHashMap<>();
        configs.put("url: process.env.URL || 'https://one.example.org',\n  baseUrl: '/',", "https://one.example.org");
        configs.put("url: process.env.SITE_URL ?? \"https://two.example.org\",\n  baseUrl: '/blog/',", "https://two.example.org/blog");
        configs.put("url: `https://three.example.org`,\n  baseUrl: `/`,", "https://three.example.org");
        configs.put("url,\n  baseUrl,", "https://four.example.org/docs");
        configs.put("url: siteUrl, // the production address\n  baseUrl: '/',", "https://five.example.org");
        for (Map.Entry<String, String> config : configs.entrySet()) {
            Files.writeString(root.resolve("docusaurus.config.js"), """
                    const url = 'https://four.example.org';
                    const baseUrl = '/docs/';
                    const siteUrl =
                      process.env.DEPLOY_URL ||
                      'https://five.example.org';
                    module.exports = {
                      title: 'Code',
                      %s
                    };
                    """.formatted(config.getKey()));
            write("blog/2024-01-01-one.md", "---\ntitle: One\n---\nText.\n");
            ContentLoader.Result result = new ContentLoader(Address::postPath).load(root, BASE);
            assertEquals(List.of(), result.catalog().problems(), config.getKey());
            assertTrue(result.catalog().posts().get(0).link().startsWith(config.getValue() + "/blog/2024/01/01/one"),
                    config.getKey() + " -> " + result.catalog().posts().get(0).link());
        }
        // a template literal that substitutes is code: reported, not guessed
        Files.writeString(root.resolve("docusaurus.config.js"),
                "module.exports = {\n  title: 'Code',\n  url: `https://${process.env.HOST}`,\n};\n");
        ContentLoader.Result result = new ContentLoader(Address::postPath).load(root, BASE);
        assertEquals(1, result.catalog().problems().size(), result.catalog().problems().toString());
        assertEquals(3, result.catalog().problems().get(0).line());
        assertEquals("https://feeds.example.org/en/posts/one", result.catalog().posts().get(0).link());
        // a fallback to where the author previews the site is no address for readers
        Files.writeString(root.resolve("docusaurus.config.js"),
                "const siteURL = process.env.SITE_URL || \"http://localhost:3000\";\nmodule.exports = {\n  url: siteURL,\n};\n");
        List<ContentProblem> development = new ContentLoader(Address::postPath).load(root, BASE).catalog().problems();
        assertEquals(1, development.size(), development.toString());
        assertTrue(development.get(0).message().contains("falls back to http://localhost:3000"), development.toString());
        // the operator's polyfeed.site-url says where: nothing to report
        ContentLoader.Result told = new ContentLoader(Address::postPath).load(root, BASE, new GeneratorSite.Options(
                Optional.empty(), Optional.of("https://told.example.org"), Optional.empty(), List.of()));
        assertEquals(List.of(), told.catalog().problems());
    }
}
