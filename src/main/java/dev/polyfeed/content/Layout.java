package dev.polyfeed.content;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How a content folder is laid out: Polyfeed's own, or the root of a site of another generator. */
public enum Layout {
    POLYFEED, HUGO, DOCUSAURUS, JEKYLL;

    static final List<String> HUGO_CONFIGS = List.of("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml",
            "config.yaml", "config.yml", "config.json");
    static final List<String> DOCUSAURUS_CONFIGS = List.of("docusaurus.config.js", "docusaurus.config.ts",
            "docusaurus.config.mjs", "docusaurus.config.cjs", "docusaurus.config.mts");

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code polyfeed}, {@code hugo}, {@code docusaurus} or {@code jekyll}, in any case. */
    public static Optional<Layout> parse(String text) {
        for (Layout layout : values()) {
            if (layout.id().equalsIgnoreCase(text.strip())) {
                return Optional.of(layout);
            }
        }
        return Optional.empty();
    }

    /**
     * The layout a folder's configuration file names: {@code site.yml} is Polyfeed's, then a Docusaurus,
     * Hugo or Jekyll configuration; a folder with none is Polyfeed's.
     */
    public static Layout detect(Path root) {
        if (Files.isRegularFile(root.resolve(ContentLoader.SITE_FILE))) {
            return POLYFEED;
        }
        if (DOCUSAURUS_CONFIGS.stream().anyMatch(name -> Files.isRegularFile(root.resolve(name)))) {
            return DOCUSAURUS;
        }
        if (HUGO_CONFIGS.stream().anyMatch(name -> Files.isRegularFile(root.resolve(name)))
                || Files.isDirectory(root.resolve("config/_default"))) {
            return HUGO;
        }
        if (Files.isRegularFile(root.resolve("_config.yml")) || Files.isRegularFile(root.resolve("_config.yaml"))) {
            return JEKYLL;
        }
        return POLYFEED;
    }
}
