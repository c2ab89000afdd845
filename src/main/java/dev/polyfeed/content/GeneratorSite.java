package dev.polyfeed.content;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The root of an existing Hugo, Docusaurus or Jekyll site, read as its generator reads it: its
 * configuration (title, languages, where the site is published, its permalink rules), which of its
 * files are posts and in which language, and the rules that give a post its page on that site. Reads
 * only configuration files and the tree; posts themselves are read by {@link ContentLoader} and parsed
 * by {@link PostParser}.
 */
public final class GeneratorSite {

    private static final String FALLBACK_ID_DATE = "2000";

    /** What the operator says about a generator's site: {@code polyfeed.layout}, {@code .site-url}, {@code .permalink}, {@code .sections}. */
    public record Options(Optional<String> layout, Optional<String> siteUrl, Optional<String> permalink,
            List<String> sections) {
        public Options {
            sections = List.copyOf(sections);
        }

        public static Options none() {
            return new Options(Optional.empty(), Optional.empty(), Optional.empty(), List.of());
        }
    }

    /** A post file of the site and what its place in the tree says about it. */
    record Entry(Path file, PostSource.Origin origin) {
    }

    final Layout layout;
    final Site site;
    final Map<String, Author> authors;
    final List<Entry> entries;
    /** Where the site publishes its pages (scheme, host, base path; no trailing slash), or null when unknown. */
    final String address;
    /** {@code polyfeed.permalink}, or null. */
    final String permalinkOption;
    /** Which sections, languages and address were used, for the startup log. */
    final String summary;

    /** Hugo's {@code params}, Jekyll's whole configuration: what {@code param} and {@code site.x} read. */
    Map<String, Object> params = Map.of();
    private Map<String, String> permalinks = Map.of();
    private String defaultLanguage = "en";
    private boolean defaultInSubdir;
    // Docusaurus
    private String routeBasePath = "blog";
    private String staticPrefix = "/";
    // Jekyll
    private String jekyllPermalink = "date";
    private String baseurl = "";
    String excerptSeparator;
    boolean future = true;

    private GeneratorSite(Layout layout, Site site, Map<String, Author> authors, List<Entry> entries, String address,
            String permalinkOption, String summary) {
        this.layout = layout;
        this.site = site;
        this.authors = authors;
        this.entries = entries;
        this.address = address;
        this.permalinkOption = permalinkOption;
        this.summary = summary;
    }

    /** Reads the site at {@code root}; whatever its configuration lacks is reported and defaulted. */
    static GeneratorSite read(Path root, Layout layout, Options options, Optional<String> baseUrlOverride,
            Function<Path, String> display, ProblemCollector problems) {
        return switch (layout) {
            case HUGO -> hugo(root, options, baseUrlOverride, display, problems);
            case DOCUSAURUS -> docusaurus(root, options, baseUrlOverride, display, problems);
            case JEKYLL -> jekyll(root, options, baseUrlOverride, display, problems);
            case POLYFEED -> throw new IllegalArgumentException("Polyfeed's own layout is read by ContentLoader");
        };
    }

    // ------------------------------------------------------------------------------------------------ Hugo

    private static GeneratorSite hugo(Path root, Options options, Optional<String> override,
            Function<Path, String> display, ProblemCollector problems) {
        Map<String, Object> config = hugoConfig(root, display, problems);
        String defaultLanguage = text(config, "defaultContentLanguage").orElse("en");
        boolean inSubdir = text(config, "defaultContentLanguageInSubdir").map(Boolean::parseBoolean).orElse(false);
        Map<String, Object> languages = map(config, "languages");
        if (languages.isEmpty()) {
            languages = Map.of(defaultLanguage, Map.of());
        }
        String contentDir = text(config, "contentDir").orElse("content");
        Map<String, Language> languageOf = new LinkedHashMap<>();
        Map<String, Path> roots = new LinkedHashMap<>();
        Map<String, Site.LanguageText> texts = new LinkedHashMap<>();
        for (Map.Entry<String, Object> language : languages.entrySet()) {
            Map<String, Object> settings = language.getValue() instanceof Map<?, ?> m ? cast(m) : Map.of();
            String key = language.getKey();
            Optional<Language> parsed = Language.parse(key)
                    .or(() -> text(settings, "languageCode").flatMap(Language::parse))
                    .or(() -> text(settings, "locale").flatMap(Language::parse));
            if (parsed.isEmpty()) {
                problems.add(ContentProblem.warning(display.apply(root), ProblemKind.SITE)
                        .message("language '" + key + "' of the Hugo configuration is not a BCP 47 tag; its pages are left out")
                        .hint("give it languageCode: such as pt-BR").build());
                continue;
            }
            languageOf.put(key, parsed.get());
            text(settings, "contentDir").ifPresent(dir -> roots.put(key, root.resolve(dir)));
            String title = text(settings, "title").orElse("");
            String description = text(map(settings, "params"), "description").orElse(text(settings, "description").orElse(""));
            if (!title.isEmpty() || !description.isEmpty()) {
                texts.put(parsed.get().tag(), new Site.LanguageText(title, description));
            }
        }
        Path content = root.resolve(contentDir);
        Path shared = null;
        if (roots.isEmpty()) {
            for (String key : languageOf.keySet()) {
                if (Files.isDirectory(content.resolve(key))) {
                    roots.put(key, content.resolve(key));
                }
            }
            shared = content;
        }
        String address = options.siteUrl().or(() -> text(config, "baseURL")).map(GeneratorSite::address).orElse(null);

        // every page, with its language and section
        List<Entry> pages = new ArrayList<>();
        Set<Path> languageRoots = Set.copyOf(roots.values());
        for (Map.Entry<String, Path> languageRoot : roots.entrySet()) {
            walkHugo(languageRoot.getValue(), languageOf.get(languageRoot.getKey()), languageOf, Set.of(), pages,
                    display, problems);
        }
        if (shared != null && Files.isDirectory(shared)) {
            walkHugo(shared, languageOf.getOrDefault(defaultLanguage, Language.parse(defaultLanguage).orElse(
                    Language.parse("en").orElseThrow())), languageOf, languageRoots, pages, display, problems);
        }
        // posts are the main sections: the site's own rule, then the operator's, then the busiest section
        List<String> sections = textList(map(config, "params"), "mainSections");
        String why = "params.mainSections";
        if (sections.isEmpty() && !options.sections().isEmpty()) {
            sections = options.sections();
            why = "polyfeed.sections";
        }
        if (sections.isEmpty()) {
            Map<String, Integer> dated = new TreeMap<>();
            for (Entry page : pages) {
                if (!page.origin().section().isEmpty() && isDated(page.file())) {
                    dated.merge(page.origin().section(), 1, Integer::sum);
                }
            }
            sections = dated.entrySet().stream().max(Map.Entry.comparingByValue()).map(e -> List.of(e.getKey()))
                    .orElse(List.of());
            why = "the section with the most dated pages (" + (sections.isEmpty() ? 0 : dated.get(sections.get(0)))
                    + "; set polyfeed.sections to choose)";
        }
        Set<String> chosen = Set.copyOf(sections);
        List<Entry> posts = pages.stream().filter(page -> chosen.contains(page.origin().section())).toList();
        // Hugo publishes static/ (not assets/, which only its pipes read) at the site's root
        StaticFiles files = address != null ? StaticFiles.NONE : new StaticFiles(textList(config, "staticDir").stream()
                .findFirst().or(() -> Optional.of("static")).map(dir -> StaticFiles.list("/", root.resolve(dir),
                        name -> false, display, problems)).stream().toList());
        Site site = site(config, "title", text(map(config, "params"), "description").orElse(""), address, override, texts,
                files);
        GeneratorSite hugo = new GeneratorSite(Layout.HUGO, site, Map.of(), posts, address,
                options.permalink().orElse(null), "Hugo site; posts from section " + sections.stream()
                        .map(s -> "'" + s + "'").collect(Collectors.joining(", ")) + " (" + why + "), languages "
                        + languageOf.keySet() + "; " + describeAddress(address));
        hugo.defaultLanguage = defaultLanguage;
        hugo.params = map(config, "params");
        hugo.defaultInSubdir = inSubdir;
        Map<String, String> patterns = new LinkedHashMap<>();
        Map<String, Object> permalinks = map(config, "permalinks");
        Map<String, Object> pagePermalinks = map(permalinks, "page");
        for (Map<String, Object> source : List.of(permalinks, pagePermalinks)) {
            source.forEach((section, pattern) -> {
                if (pattern instanceof String text) {
                    patterns.put(section.toLowerCase(Locale.ROOT), text);
                }
            });
        }
        hugo.permalinks = patterns;
        return hugo;
    }

    private static final Pattern DATED = Pattern.compile("(?m)^\\s*\"?(?:date|publishDate|pubdate|published)\"?\\s*[:=]",
            Pattern.CASE_INSENSITIVE);

    private static boolean isDated(Path file) {
        try (var in = Files.newInputStream(file)) {
            return DATED.matcher(new String(in.readNBytes(4096), java.nio.charset.StandardCharsets.UTF_8)).find();
        } catch (IOException e) {
            return false;
        }
    }

    /** Hugo's pages under one content root: leaf bundles count once, {@code _index} pages are not pages. */
    private static void walkHugo(Path contentRoot, Language language, Map<String, Language> languages, Set<Path> skip,
            List<Entry> pages, Function<Path, String> display, ProblemCollector problems) {
        List<Path> files = markdownFiles(contentRoot, skip, name -> false, display, problems);
        Set<Path> bundles = new LinkedHashSet<>();
        for (Path file : files) {
            if (isIndex(file)) {
                bundles.add(file.getParent());
            }
        }
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.startsWith("_index.")) {
                continue;
            }
            Path relative = contentRoot.relativize(file);
            boolean inBundle = false;
            for (Path dir = file.getParent(); dir != null && dir.startsWith(contentRoot) && !dir.equals(contentRoot);
                    dir = dir.getParent()) {
                if (bundles.contains(dir) && !(isIndex(file) && dir.equals(file.getParent()))) {
                    inBundle = true;
                    break;
                }
            }
            if (inBundle) {
                continue;
            }
            List<String> folders = new ArrayList<>();
            for (int i = 0; i < relative.getNameCount() - 1; i++) {
                folders.add(relative.getName(i).toString());
            }
            String stem = stem(name);
            Language pageLanguage = language;
            int dot = stem.lastIndexOf('.');
            if (dot > 0 && languages.containsKey(stem.substring(dot + 1))) {
                pageLanguage = languages.get(stem.substring(dot + 1));
                stem = stem.substring(0, dot);
            }
            boolean bundle = isIndex(file);
            if (bundle && !folders.isEmpty()) {
                stem = folders.remove(folders.size() - 1);
            } else if (bundle) {
                continue; // the language root's own index is the home page
            }
            String section = folders.isEmpty() ? "" : folders.get(0);
            pages.add(new Entry(file, new PostSource.Origin(pageLanguage, folders, stem, bundle, section, file.getParent())));
        }
    }

    private static boolean isIndex(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith("index.") && isMarkdown(name) && stem(name).equals("index")
                || name.matches("index\\.[a-zA-Z-]{2,8}\\.(md|markdown)");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> hugoConfig(Path root, Function<Path, String> display, ProblemCollector problems) {
        Map<String, Object> config = new LinkedHashMap<>();
        for (String name : Layout.HUGO_CONFIGS) {
            Path file = root.resolve(name);
            if (Files.isRegularFile(file)) {
                merge(config, configFile(file, display, problems));
                break;
            }
        }
        Path defaults = root.resolve("config/_default");
        if (Files.isDirectory(defaults)) {
            try (var listing = Files.list(defaults)) {
                for (Path file : listing.sorted().toList()) {
                    String name = file.getFileName().toString();
                    if (!name.matches(".+\\.(toml|yaml|yml|json)")) {
                        continue;
                    }
                    Map<String, Object> values = configFile(file, display, problems);
                    String key = name.substring(0, name.indexOf('.'));
                    if (key.equals("hugo") || key.equals("config")) {
                        merge(config, values);
                    } else {
                        Map<String, Object> nested = new LinkedHashMap<>();
                        nested.put(key, values);
                        merge(config, nested);
                    }
                }
            } catch (IOException e) {
                problems.add(ContentProblem.warning(display.apply(defaults), ProblemKind.SITE)
                        .message("cannot be listed: " + e.getMessage()).hint("check the folder's permissions").build());
            }
        }
        return config;
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> into, Map<String, Object> from) {
        from.forEach((key, value) -> {
            Object existing = into.get(key);
            if (existing instanceof Map<?, ?> a && value instanceof Map<?, ?> b) {
                Map<String, Object> merged = new LinkedHashMap<>((Map<String, Object>) a);
                merge(merged, (Map<String, Object>) b);
                into.put(key, merged);
            } else {
                into.put(key, value);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> configFile(Path file, Function<Path, String> display, ProblemCollector problems) {
        String path = display.apply(file);
        try {
            String text = SourceText.decode(Files.readAllBytes(file), path).text();
            String name = file.getFileName().toString();
            if (name.endsWith(".toml")) {
                return GeneratorFrontMatter.parseToml(text, path, 1);
            }
            if (name.endsWith(".json")) {
                Object value = new com.fasterxml.jackson.databind.ObjectMapper().readValue(text, Map.class);
                return value == null ? Map.of() : (Map<String, Object>) value;
            }
            return new LinkedHashMap<>(YamlMapping.parse(text, path, 1).values());
        } catch (ContentException e) {
            // the site builds with it: what Polyfeed cannot read of a configuration is a warning, never a skipped file
            ContentProblem problem = e.problem();
            problems.add(ContentProblem.warning(problem.path(), ProblemKind.SITE).line(problem.line())
                    .message(problem.message() + "; its settings were not used").hint(problem.hint()).build());
        } catch (IOException | RuntimeException e) {
            problems.add(ContentProblem.warning(path, ProblemKind.SITE).message("cannot be read: " + e.getMessage())
                    .hint("check the file").build());
        }
        return Map.of();
    }

    // ------------------------------------------------------------------------------------------ Docusaurus

    private static GeneratorSite docusaurus(Path root, Options options, Optional<String> override,
            Function<Path, String> display, ProblemCollector problems) {
        String config = "";
        Path configFile = null;
        for (String name : Layout.DOCUSAURUS_CONFIGS) {
            if (Files.isRegularFile(root.resolve(name))) {
                configFile = root.resolve(name);
                try {
                    config = Files.readString(configFile);
                } catch (IOException | RuntimeException e) {
                    problems.add(ContentProblem.warning(display.apply(configFile), ProblemKind.SITE)
                            .message("cannot be read: " + e.getMessage()).hint("check the file").build());
                }
                break;
            }
        }
        String configName = configFile == null ? "docusaurus.config.js" : display.apply(configFile);
        String url = DocusaurusConfig.value(config, "url", configName, options.siteUrl().isPresent(), problems).orElse(null);
        // without an address, its base path is only where Polyfeed serves static/: not worth a second warning
        String base = DocusaurusConfig.value(config, "baseUrl", configName, options.siteUrl().isPresent() || url == null,
                problems).orElse("/");
        String address = options.siteUrl().map(GeneratorSite::address)
                .orElse(url == null ? null : address(url + (base.startsWith("/") ? base : "/" + base)));
        String defaultLocale = jsString(config, "defaultLocale").orElse("en");
        List<String> locales = new ArrayList<>();
        Matcher list = Pattern.compile("locales\\s*:\\s*\\[([^\\]]*)\\]").matcher(config);
        if (list.find()) {
            Matcher item = Pattern.compile("['\"]([^'\"]+)['\"]").matcher(list.group(1));
            while (item.find()) {
                locales.add(item.group(1));
            }
        }
        String blogBlock = blogBlock(config);
        String blogPath = jsString(blogBlock, "path").orElse("blog");
        String routeBasePath = jsString(blogBlock, "routeBasePath").orElse("blog").replaceAll("^/+|/+$", "");
        Path blog = root.resolve(blogPath);
        Language defaultLanguage = language(defaultLocale, "en");
        List<Entry> entries = new ArrayList<>();
        List<Path> files = markdownFiles(blog, Set.of(), name -> name.startsWith("_"), display, problems);
        int translated = 0;
        for (Path file : files) {
            Path relative = blog.relativize(file);
            entries.add(docusaurusEntry(file, relative, defaultLanguage));
            for (String locale : locales) {
                if (locale.equals(defaultLocale)) {
                    continue;
                }
                Path translation = root.resolve("i18n").resolve(locale).resolve("docusaurus-plugin-content-blog")
                        .resolve(relative.toString());
                if (Files.isRegularFile(translation)) {
                    entries.add(docusaurusEntry(translation, relative, language(locale, locale)));
                    translated++;
                }
            }
        }
        Map<String, Author> authors = Map.of();
        Path authorsFile = blog.resolve("authors.yml");
        if (Files.isRegularFile(authorsFile)) {
            try {
                authors = SiteFiles.authors(Optional.of(SourceText.decode(Files.readAllBytes(authorsFile),
                        display.apply(authorsFile)).text()), display.apply(authorsFile), problems);
            } catch (ContentException e) {
                problems.add(e.problem());
            } catch (IOException e) {
                problems.add(ContentProblem.warning(display.apply(authorsFile), ProblemKind.SITE)
                        .message("cannot be read: " + e.getMessage()).hint("check the file's permissions").build());
            }
        }
        Map<String, Site.LanguageText> texts = new LinkedHashMap<>();
        Map<String, Object> values = new LinkedHashMap<>();
        jsString(config, "title").ifPresent(t -> values.put("title", t));
        // static/ is published under the base URL, as /img/x.png of a post is
        String prefix = ("/" + base + "/").replaceAll("/{2,}", "/");
        StaticFiles published = address != null ? StaticFiles.NONE
                : new StaticFiles(List.of(StaticFiles.list(prefix, root.resolve("static"), name -> false, display, problems)));
        Site site = site(values, "title", jsString(config, "tagline").orElse(""), address, override, texts, published);
        GeneratorSite docusaurus = new GeneratorSite(Layout.DOCUSAURUS, site, authors, entries, address,
                options.permalink().orElse(null), "Docusaurus site; posts from " + blogPath + "/ (" + files.size()
                        + " files) and " + translated + " translations under i18n/*/docusaurus-plugin-content-blog/"
                        + ", locales " + (locales.isEmpty() ? List.of(defaultLocale) : locales) + "; "
                        + describeAddress(address));
        docusaurus.routeBasePath = routeBasePath;
        docusaurus.staticPrefix = prefix;
        docusaurus.defaultLanguage = defaultLocale;
        return docusaurus;
    }

    private static Entry docusaurusEntry(Path file, Path relative, Language language) {
        List<String> folders = new ArrayList<>();
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            folders.add(relative.getName(i).toString());
        }
        String stem = stem(file.getFileName().toString());
        boolean bundle = stem.equals("index") && !folders.isEmpty();
        if (bundle) {
            stem = folders.remove(folders.size() - 1);
        }
        return new Entry(file, new PostSource.Origin(language, folders, stem, bundle, "", file.getParent()));
    }

    /** The text of the blog preset's options in a Docusaurus configuration, or "". */
    private static String blogBlock(String config) {
        Matcher blog = Pattern.compile("\\bblog\\s*:\\s*\\{").matcher(config);
        if (!blog.find()) {
            return "";
        }
        int depth = 0;
        for (int i = blog.end() - 1; i < config.length(); i++) {
            char c = config.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return config.substring(blog.end(), i);
            }
        }
        return "";
    }

    private static Optional<String> jsString(String config, String key) {
        Matcher m = Pattern.compile("(?m)(?:^|[\\s{,])['\"]?" + Pattern.quote(key) + "['\"]?\\s*:\\s*(['\"`])([^'\"`]*)\\1").matcher(config);
        return m.find() ? Optional.of(m.group(2)) : Optional.empty();
    }

    // -------------------------------------------------------------------------------------------- Jekyll

    private static GeneratorSite jekyll(Path root, Options options, Optional<String> override,
            Function<Path, String> display, ProblemCollector problems) {
        Path configFile = Files.isRegularFile(root.resolve("_config.yml")) ? root.resolve("_config.yml")
                : root.resolve("_config.yaml");
        Map<String, Object> config = Files.isRegularFile(configFile) ? configFile(configFile, display, problems) : Map.of();
        String url = text(config, "url").orElse("");
        String baseurl = text(config, "baseurl").orElse("").replaceAll("/+$", "");
        if (!baseurl.isEmpty() && !baseurl.startsWith("/")) {
            baseurl = "/" + baseurl;
        }
        String address = options.siteUrl().map(GeneratorSite::address)
                .orElse(url.isBlank() ? null : address(url + baseurl));
        Language siteLanguage = text(config, "lang").flatMap(Language::parse).orElse(Language.parse("en").orElseThrow());
        Set<String> excluded = new LinkedHashSet<>(textList(config, "exclude"));
        excluded.addAll(List.of("node_modules", "vendor"));
        List<Entry> entries = new ArrayList<>();
        Pattern postName = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}-.+\\.(md|markdown|mkd|mkdn|mdown)$");
        List<Path> files = markdownFiles(root, Set.of(), name -> (name.startsWith("_") && !name.equals("_posts"))
                || excluded.contains(name), display, problems);
        Set<String> folderLanguages = new java.util.TreeSet<>();
        for (Path file : files) {
            Path relative = root.relativize(file);
            int posts = -1;
            for (int i = 0; i < relative.getNameCount() - 1; i++) {
                if (relative.getName(i).toString().equals("_posts")) {
                    posts = i;
                    break;
                }
            }
            if (posts < 0 || !postName.matcher(file.getFileName().toString()).matches()) {
                continue;
            }
            List<String> categories = new ArrayList<>();
            for (int i = 0; i < posts; i++) {
                categories.add(relative.getName(i).toString());
            }
            Language language = siteLanguage;
            if (!categories.isEmpty() && categories.get(0).length() <= 6) {
                Optional<Language> fromFolder = Language.parse(categories.get(0));
                if (fromFolder.isPresent()) {
                    language = fromFolder.get();
                    folderLanguages.add(categories.get(0));
                }
            }
            entries.add(new Entry(file, new PostSource.Origin(language, categories, stem(file.getFileName().toString()),
                    false, "_posts", file.getParent())));
        }
        // Jekyll copies every file outside its _ folders and exclude: as it is, below baseurl
        StaticFiles published = address != null ? StaticFiles.NONE : new StaticFiles(List.of(StaticFiles.list(baseurl + "/", root,
                name -> name.startsWith("_") || excluded.contains(name), display, problems)));
        Site site = site(config, "title", text(config, "description").orElse(""), address, override, Map.of(), published);
        GeneratorSite jekyll = new GeneratorSite(Layout.JEKYLL, site, Map.of(), entries, address,
                options.permalink().orElse(null), "Jekyll site; posts from every _posts folder (" + entries.size()
                        + " files), languages " + (folderLanguages.isEmpty() ? "[" + siteLanguage + "]" : folderLanguages)
                        + "; " + describeAddress(address));
        Map<String, Object> params = new LinkedHashMap<>(config);
        // what {{ site.data.x }} reads; Jekyll fills site.data from _data alone, whatever _config.yml says
        params.put("data", JekyllData.read(root.resolve(text(config, "data_dir").orElse("_data")), display, problems));
        jekyll.params = params;
        jekyll.jekyllPermalink = text(config, "permalink").orElse("date");
        jekyll.baseurl = baseurl;
        jekyll.excerptSeparator = text(config, "excerpt_separator").orElse(null);
        jekyll.future = text(config, "future").map(Boolean::parseBoolean).orElse(false);
        return jekyll;
    }

    // ---------------------------------------------------------------------------------------- permalinks

    /** What a post's page address is made of. */
    record Page(Language language, PostSource.Origin origin, String slug, String declaredUrl, Instant date,
            String title) {
    }

    /**
     * The post's page on the site, absolute, when the site's address is known.
     *
     * @return empty when the site has no address
     */
    Optional<String> pageUrl(Page page) {
        if (address == null) {
            return Optional.empty();
        }
        String path = pagePath(page);
        if (path.startsWith("http://") || path.startsWith("https://")) {
            return Optional.of(Urls.toAscii(path));
        }
        return Optional.of(Urls.toAscii(address + path));
    }

    /** The path of the post's page on the site, below its address (or an absolute URL a post declared). */
    String pagePath(Page page) {
        String path = switch (layout) {
            case HUGO -> hugoPath(page);
            case DOCUSAURUS -> docusaurusPath(page);
            case JEKYLL -> jekyllPath(page);
            case POLYFEED -> "/";
        };
        if (path.startsWith("http://") || path.startsWith("https://")) {
            return path;
        }
        return (path.startsWith("/") ? path : "/" + path).replaceAll("/{2,}", "/");
    }

    /**
     * Each post's page path on the site, by its file (as reported): for a site without an address, what
     * its posts' root-relative links to each other ({@code /blog/my-post/}) are turned into.
     */
    final Map<String, String> sitePaths = new java.util.concurrent.ConcurrentHashMap<>();

    /** A site path as links write it, to compare: decoded, lower case, without trailing slash, query or fragment. */
    static String pathKey(String path) {
        String bare = path.replaceAll("[?#].*$", "").replaceAll("(/index\\.html|\\.html|/)+$", "");
        try {
            bare = java.net.URLDecoder.decode(bare.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // kept as written
        }
        return bare.toLowerCase(Locale.ROOT);
    }

    /** The host part of the address ({@code https://example.org}), which root-relative links resolve against. */
    String origin() {
        if (address == null) {
            return null;
        }
        URI uri = URI.create(address);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    /** Where {@code /img/x.png} in a post is served: Docusaurus serves its static files under its base URL. */
    String rootForAbsolutePaths() {
        if (address == null) {
            // Polyfeed serves the static files under the base path the site's build would (StaticFiles)
            return layout == Layout.DOCUSAURUS && !staticPrefix.equals("/")
                    ? site.url(staticPrefix.substring(0, staticPrefix.length() - 1)) : null;
        }
        return layout == Layout.DOCUSAURUS ? address : origin();
    }

    private String languagePrefix(Language language) {
        String key = layout == Layout.DOCUSAURUS ? defaultLanguage : defaultLanguage;
        boolean isDefault = language.tag().equalsIgnoreCase(key) || Language.parse(key).map(language::equals).orElse(false);
        return isDefault && !(layout == Layout.HUGO && defaultInSubdir) ? "" : "/" + language.tag();
    }

    private String hugoPath(Page page) {
        PostSource.Origin origin = page.origin();
        String prefix = languagePrefix(page.language());
        if (page.declaredUrl() != null) {
            return page.declaredUrl().startsWith("http") ? page.declaredUrl() : page.declaredUrl();
        }
        String pattern = permalinkOption != null ? permalinkOption : permalinks.get(origin.section().toLowerCase(Locale.ROOT));
        String name = page.slug() != null ? page.slug() : origin.stem();
        if (pattern != null) {
            return prefix + expand(pattern, page, name, String.join("/", origin.folders()));
        }
        List<String> parts = new ArrayList<>(origin.folders());
        parts.add(name);
        return prefix + "/" + parts.stream().map(GeneratorSite::urlize).collect(Collectors.joining("/")) + "/";
    }

    private String docusaurusPath(Page page) {
        String prefix = languagePrefix(page.language()) + "/" + routeBasePath;
        if (permalinkOption != null) {
            return expand(permalinkOption, page, page.slug() != null ? page.slug() : page.origin().stem(), "");
        }
        if (page.declaredUrl() != null) {
            String slug = page.declaredUrl();
            return prefix + (slug.startsWith("/") ? slug : "/" + slug);
        }
        List<String> parts = new ArrayList<>(page.origin().folders());
        parts.add(page.origin().stem());
        String path = String.join("/", parts);
        Matcher date = Pattern.compile("^(.*?)(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})[-/](.+)$").matcher(path);
        if (date.matches()) {
            path = date.group(1) + date.group(2) + "/" + date.group(3) + "/" + date.group(4) + "/" + date.group(5);
        }
        return prefix + "/" + path;
    }

    private String jekyllPath(Page page) {
        if (page.declaredUrl() != null) {
            return baseurlLess(page.declaredUrl());
        }
        String style = permalinkOption != null ? permalinkOption : switch (jekyllPermalink) {
            case "date" -> "/:categories/:year/:month/:day/:title:output_ext";
            case "pretty" -> "/:categories/:year/:month/:day/:title/";
            case "ordinal" -> "/:categories/:year/:y_day/:title:output_ext";
            case "weekdate" -> "/:categories/:year/W:week/:short_day/:title:output_ext";
            case "none" -> "/:categories/:title:output_ext";
            default -> jekyllPermalink;
        };
        String title = page.slug() != null ? page.slug() : PostDates.withoutDatePrefix(page.origin().stem());
        return expand(style, page, title, String.join("/", page.origin().folders()));
    }

    private String baseurlLess(String path) {
        return path;
    }

    private static final Pattern TOKEN = Pattern.compile(":(year|month|monthname|day|i_month|i_day|short_year|y_day|slugorfilename|slugorcontentbasename|slug|title|filename|contentbasename|sections|section|categories|lang|output_ext)");

    private String expand(String pattern, Page page, String name, String sections) {
        ZonedDateTime date = page.date().atZone(ZoneOffset.UTC);
        Matcher m = TOKEN.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "year" -> String.format("%04d", date.getYear());
                case "short_year" -> String.format("%02d", date.getYear() % 100);
                case "month" -> String.format("%02d", date.getMonthValue());
                case "i_month" -> String.valueOf(date.getMonthValue());
                case "monthname" -> date.getMonth().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
                case "day" -> String.format("%02d", date.getDayOfMonth());
                case "i_day" -> String.valueOf(date.getDayOfMonth());
                case "y_day" -> String.format("%03d", date.getDayOfYear());
                case "slug", "slugorfilename", "slugorcontentbasename" -> urlize(name);
                case "title" -> layout == Layout.JEKYLL ? name : urlize(page.title());
                case "filename", "contentbasename" -> urlize(page.origin().stem());
                case "section" -> urlize(page.origin().section());
                case "sections", "categories" -> sections;
                case "lang" -> page.language().tag();
                case "output_ext" -> ".html";
                default -> m.group();
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        String path = out.toString().replaceAll("/{2,}", "/");
        return path.startsWith("/") ? path : "/" + path;
    }

    /** As Hugo makes a path: lower case, spaces as hyphens. */
    static String urlize(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
    }

    /** Jekyll's base URL, for {@code {{ site.baseurl }}}. */
    String baseurl() {
        return baseurl;
    }

    // -------------------------------------------------------------------------------------------- shared

    private static Site site(Map<String, Object> config, String titleKey, String description, String address,
            Optional<String> override, Map<String, Site.LanguageText> texts, StaticFiles files) {
        String title = text(config, titleKey).filter(t -> !t.isBlank()).orElse(Site.DEFAULT_TITLE);
        String baseUrl = override.map(Site::normaliseBaseUrl).orElse(Site.DEFAULT_BASE_URL);
        String authority = URI.create(address != null ? address : baseUrl).getHost();
        if (authority == null || !Site.AUTHORITY.matcher(authority).matches()) {
            authority = "localhost";
        }
        return new Site(XmlText.clean(title), XmlText.clean(description), baseUrl, authority, FALLBACK_ID_DATE, texts, files);
    }

    /** An http(s) URL without its trailing slash, or null when it is none (Hugo's {@code baseURL = ""}). */
    static String address(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            return Site.normaliseBaseUrl(url);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String describeAddress(String address) {
        return address == null ? "no site address in its configuration (set polyfeed.site-url): items link to Polyfeed's post pages"
                : "items link to the posts' pages at " + address;
    }

    private static List<Path> markdownFiles(Path root, Set<Path> skip, java.util.function.Predicate<String> skipName,
            Function<Path, String> display, ProblemCollector problems) {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try {
            Files.walkFileTree(root, Set.of(java.nio.file.FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                            boolean hidden = !dir.equals(root) && (name.startsWith(".") || skipName.test(name));
                            return hidden || skip.contains(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            String name = file.getFileName().toString();
                            if (!name.startsWith(".") && !skipName.test(name) && isMarkdown(name) && attrs.isRegularFile()) {
                                files.add(file);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            if (!(e instanceof java.nio.file.NoSuchFileException)) {
                                problems.add(ContentProblem.error(display.apply(file), ProblemKind.TREE)
                                        .message(e instanceof java.nio.file.FileSystemLoopException
                                                ? "a symbolic link loops back to a folder above it; it was not followed"
                                                : "cannot be read: " + e.getMessage())
                                        .hint("fix or remove the link, or the file's permissions").build());
                            }
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            problems.add(ContentProblem.error(display.apply(root), ProblemKind.TREE).message("cannot be listed: " + e.getMessage())
                    .hint("check the folder's permissions").build());
        }
        files.sort(Path::compareTo);
        return files;
    }

    private static boolean isMarkdown(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".md") || lower.endsWith(".markdown") || lower.endsWith(".mdx") || lower.endsWith(".mkd")
                || lower.endsWith(".mkdn") || lower.endsWith(".mdown");
    }

    private static String stem(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static Language language(String tag, String fallback) {
        return Language.parse(tag).or(() -> Language.parse(fallback)).orElse(Language.parse("en").orElseThrow());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    /** A key of a generator's configuration, matched without regard to case as Hugo does. */
    static Object get(Map<String, Object> map, String key) {
        if (map.containsKey(key)) {
            return map.get(key);
        }
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(key)) {
                return entry.getValue();
            }
        }
        return null;
    }

    static Optional<String> text(Map<String, Object> map, String key) {
        Object value = get(map, key);
        return value == null || value instanceof Map<?, ?> || value instanceof Collection<?> ? Optional.empty()
                : Optional.of(String.valueOf(value).strip());
    }

    /** A dotted key ({@code vers.otel}) of a nested mapping, as Hugo's {@code param} reads it. */
    static Optional<String> dotted(Map<String, Object> map, String key) {
        // Liquid's site.data.team[0].name and site.data["team"].name are the dotted path team.0.name
        String path = key.replaceAll("\\[\\s*(\\d+)\\s*]", ".$1").replaceAll("\\[\\s*['\"]([^'\"]*)['\"]\\s*]", ".$1");
        Object current = map;
        for (String part : path.split("\\.")) {
            if (current instanceof Map<?, ?> m) {
                current = get(cast(m), part);
            } else if (current instanceof List<?> list && part.matches("\\d{1,6}") && Integer.parseInt(part) < list.size()) {
                current = list.get(Integer.parseInt(part));
            } else {
                return Optional.empty();
            }
        }
        return current == null || current instanceof Map<?, ?> || current instanceof Collection<?> ? Optional.empty()
                : Optional.of(String.valueOf(current).strip());
    }

    static Map<String, Object> map(Map<String, Object> map, String key) {
        return get(map, key) instanceof Map<?, ?> m ? cast(m) : Map.of();
    }

    static List<String> textList(Map<String, Object> map, String key) {
        Object value = get(map, key);
        if (value == null || value instanceof Map<?, ?>) {
            return List.of();
        }
        return Fields.items(value).stream().filter(v -> v != null && !(v instanceof Map<?, ?>))
                .map(v -> String.valueOf(v).strip()).filter(v -> !v.isEmpty()).toList();
    }
}
