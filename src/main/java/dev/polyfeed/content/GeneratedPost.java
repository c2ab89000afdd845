package dev.polyfeed.content;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One post of a Hugo, Docusaurus or Jekyll site, read with its generator's keys and rules: Hugo's
 * {@code publishDate}/{@code lastmod}/{@code expiryDate}, {@code summary}, {@code images},
 * {@code categories}, {@code url}; Docusaurus's {@code slug}, {@code unlisted} and file-name dates;
 * Jekyll's {@code permalink}, {@code published} and {@code excerpt_separator}. Its template syntax is
 * rendered or reduced ({@link Templates}), and it links to its page on that site when the site's
 * address is known. Pure; used by {@link PostParser}.
 */
final class GeneratedPost {

    private static final Pattern FOLDER_DATE = Pattern.compile("^(?:.*/)?(\\d{4})/(\\d{1,2})/(\\d{1,2})(?:/.*)?$");

    private final GeneratorSite generator;
    private final Site site;
    private final Authors authors;
    private final BodyRenderer renderer;
    private final PostPlacement placement;

    GeneratedPost(GeneratorSite generator, Site site, Authors authors, BodyRenderer renderer, PostPlacement placement) {
        this.placement = placement;
        this.generator = generator;
        this.site = site;
        this.authors = authors;
        this.renderer = renderer;
    }

    Post parse(PostSource source, ProblemCollector problems, Map<String, ContentProblem> dropped) throws ContentException {
        String path = source.path();
        if (source.bytes().length == 0) {
            throw new ContentException(ContentProblem.error(path, ProblemKind.UNREADABLE).message("the file is empty")
                    .hint("add front matter with a title, then the post's text").build());
        }
        Layout layout = generator.layout;
        PostSource.Origin origin = source.origin();
        SourceText text = SourceText.decode(source.bytes(), path);
        problems.addAll(text.warnings());
        GeneratorFrontMatter front = GeneratorFrontMatter.split(text.text(), path, layout == Layout.HUGO);
        String body = front.body();
        if (source.fileName().toLowerCase(Locale.ROOT).endsWith(".mdx")) {
            // the truncate comment ends the summary: kept as the marker Markdown writes, other comments go
            body = Mdx.withoutModuleSyntax(body.replaceAll("\\{/\\*\\s*truncate\\s*\\*/\\}", "<!-- truncate -->"));
        }
        Fields fields = new Fields(front.mapping(), path, problems, ProblemKind.VALUE);
        front.mapping().repeatedKeys().forEach((key, lines) -> fields.warn(key, "'" + key + "' is written "
                + (lines.size() + 1) + " times; the last one is used", "keep one " + key + ": in the front matter"));

        Language language = origin.language();
        if (layout == Layout.JEKYLL) {
            Optional<String> declared = fields.text("lang");
            if (declared.isPresent()) {
                language = Language.parse(declared.get()).orElse(language);
            }
        }
        String stem = origin.stem();
        Optional<String> declaredSlug = fields.text(layout == Layout.DOCUSAURUS ? "slug" : "slug");
        String slug;
        if (declaredSlug.isPresent() && declaredSlug.get().contains("/")) {
            String[] parts = declaredSlug.get().split("/");
            String last = "";
            for (String part : parts) {
                last = part.isBlank() ? last : part;
            }
            slug = PostParser.cleanSlug(last);
            if (slug.isEmpty()) {
                slug = PostParser.slug(stem, new Fields(YamlMapping.empty(), path, problems, ProblemKind.VALUE));
            }
        } else {
            slug = PostParser.slug(stem, fields);
        }
        String bodyText = body;
        String title = PostParser.title(new FrontMatter("", front.present() ? 1 : 0, body, front.bodyFirstLine()),
                () -> bodyText, stem, fields, path, problems);

        Optional<Instant> dated = dateOf(origin, fields);
        Instant published = dated.orElseGet(() -> PostParser.undated(source, problems));
        Instant updated = first(fields, "lastmod", "modified", "last_modified_at", "updated").orElse(published);
        boolean hidden = fields.flag("draft").orElse(false);
        // future-dated pages wait for their date, as the generator would leave them out of a build until then
        Listing listing = Listing.ALWAYS;
        switch (layout) {
            case HUGO -> {
                listing = PostParser.listing(dated);
                Optional<Instant> expiry = first(fields, "expiryDate", "unpublishdate");
                if (expiry.isPresent()) {
                    listing = listing.until(expiry.get());
                }
                Object build = GeneratorSite.get(front.mapping().values(), "build");
                if (build instanceof Map<?, ?> options) {
                    hidden |= "never".equals(String.valueOf(options.get("list"))) || "never".equals(String.valueOf(options.get("render")));
                }
                hidden |= fields.flag("headless").orElse(false);
            }
            case DOCUSAURUS -> hidden |= fields.flag("unlisted").orElse(false);
            case JEKYLL -> {
                hidden |= !fields.flag("published").orElse(true);
                listing = generator.future ? Listing.ALWAYS : PostParser.listing(dated);
            }
            default -> {
            }
        }

        String declaredUrl = switch (layout) {
            case HUGO -> fields.text("url").orElse(null);
            case DOCUSAURUS -> declaredSlug.orElse(null);
            case JEKYLL -> fields.text("permalink").orElse(null);
            default -> null;
        };
        String pageSlug = layout == Layout.DOCUSAURUS ? null : declaredSlug.orElse(null);
        GeneratorSite.Page facts = new GeneratorSite.Page(language, origin, pageSlug, declaredUrl, published, title);
        Optional<String> page = generator.pageUrl(facts);
        if (generator.address == null) {
            generator.sitePaths.put(path, GeneratorSite.pathKey(generator.pagePath(facts)));
        }
        String url = site.url(placement.path(language, slug));

        Language postLanguage = language;
        String polyfeedSlug = slug;
        Templates.Links links = new Templates.Links() {
            @Override
            public String ref(String target) {
                return hugoRef(target, origin, postLanguage);
            }

            @Override
            public String postUrl(String name) {
                return jekyllPostUrl(name, origin, postLanguage);
            }

            @Override
            public String link(String target) {
                Matcher post = Pattern.compile("(?:^|/)_posts/(?:.*/)?([^/]+)\\.[a-z]+$").matcher(target);
                if (post.find()) {
                    return jekyllPostUrl(post.group(1), origin, postLanguage);
                }
                String html = target.replaceAll("\\.(md|markdown)$", ".html");
                return generator.address == null ? "/" + html : generator.address + "/" + html;
            }

            @Override
            public Optional<String> param(String name) {
                return GeneratorSite.dotted(front.mapping().values(), name).or(() -> GeneratorSite.dotted(generator.params, name));
            }

            @Override
            public Optional<String> siteValue(String name) {
                return GeneratorSite.dotted(generator.params, name);
            }

            @Override
            public String siteUrl() {
                return generator.origin() == null ? "" : generator.origin();
            }

            @Override
            public String baseurl() {
                return generator.baseurl();
            }
        };
        Templates.Dialect dialect = switch (layout) {
            case HUGO -> Templates.Dialect.HUGO;
            case JEKYLL -> Templates.Dialect.JEKYLL;
            default -> Templates.Dialect.DOCUSAURUS;
        };
        String separator = layout == Layout.JEKYLL ? fields.text("excerpt_separator").orElse(generator.excerptSeparator) : null;
        Templates.Result rendered = Templates.apply(body, dialect, links, separator);
        rendered.dropped().forEach((name, line) -> dropped.put(name, ContentProblem.warning(path, ProblemKind.TEMPLATE)
                .line(front.bodyFirstLine() + line - 1)
                .message(describe(dialect, name) + (name.startsWith("{{") ? " cannot be filled in: it was left out"
                        : " is not rendered: its markers were left out and the text inside kept"))
                .hint("reported once for the whole site; check how this post reads in the feed").build()));
        byte[] markdown = rendered.markdown().getBytes(StandardCharsets.UTF_8);
        int summaryBytes = rendered.summaryEnd() < 0 ? -1
                : rendered.markdown().substring(0, rendered.summaryEnd()).getBytes(StandardCharsets.UTF_8).length;

        PostBody.Resolution resolution;
        String root = generator.rootForAbsolutePaths();
        if (page.isPresent() && layout != Layout.DOCUSAURUS) {
            resolution = new PostBody.Resolution(page.get(), false, root, summaryBytes);
        } else {
            // Docusaurus rewrites relative images to hashed names; Polyfeed serves them beside its own page
            resolution = new PostBody.Resolution(null, true, root, summaryBytes);
        }
        PostBody postBody = new PostBody(path, front.bodyFirstLine(), markdown, language, url, renderer, resolution);

        String description = (layout == Layout.HUGO ? fields.text("summary").or(() -> fields.text("description"))
                : layout == Layout.JEKYLL ? fields.text("description").or(() -> fields.text("excerpt"))
                : fields.text("description")).orElse("");
        String image = image(fields, layout).map(i -> resolve(i, postBody.base(), root)).orElse(null);
        List<String> spellings = new ArrayList<>(words(fields, "tags", layout));
        if (layout != Layout.DOCUSAURUS) {
            spellings.addAll(words(fields, "categories", layout));
            if (layout == Layout.JEKYLL) {
                spellings.addAll(words(fields, "category", layout));
            }
        }
        String id = fields.text("id").filter(GeneratedPost::isAbsoluteUri).orElse(site.postId(language, polyfeedSlug));
        Post.Keys keys = layout == Layout.HUGO
                ? new Post.Keys(fields.text("translationKey").orElse(null), aliases(fields, generator.pagePath(facts)))
                : Post.Keys.NONE;
        return new Post(path, language, slug, id, url, title, published, updated, PostParser.tags(fields, spellings),
                fields.textList("keywords"), authors.of(fields), description, image, postBody, hidden,
                page.orElse(null), origin.folder(), keys, listing);
    }

    /**
     * Hugo's {@code aliases}, as site paths: one starting with {@code /} is that path; any other is
     * beside the page's own address, as Hugo places it ({@code old} of {@code /posts/new/} is {@code /posts/old}).
     */
    private static List<String> aliases(Fields fields, String pagePath) {
        List<String> aliases = new ArrayList<>();
        String parent = pagePath.startsWith("http") ? "" : pagePath.replaceAll("/+$", "").replaceAll("/[^/]*$", "");
        for (String alias : fields.textList("aliases")) {
            String path = alias.startsWith("/") ? alias : parent + "/" + alias;
            if (alias.startsWith("//") || alias.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                fields.warn("aliases", "alias '" + alias + "' is not a path of the site; it is not redirected",
                        "write aliases as paths, such as /2019/01/old-post/");
                continue;
            }
            try {
                path = java.net.URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                // kept as written: a '%' that starts no escape is part of the path
            }
            aliases.add(Post.Keys.aliasKey(path));
        }
        return aliases;
    }

    private static String describe(Templates.Dialect dialect, String name) {
        if (name.startsWith("{{") && dialect == Templates.Dialect.JEKYLL) {
            return "Liquid output " + name;
        }
        return switch (dialect) {
            case HUGO -> "Hugo shortcode '" + name + "' ({{< " + name + " >}})";
            case JEKYLL -> "Liquid tag '" + name + "' ({% " + name + " %})";
            case DOCUSAURUS -> Character.isUpperCase(name.charAt(0)) ? "MDX component <" + name + ">"
                    : "Hugo shortcode '" + name + "' ({{< " + name + " >}})";
        };
    }

    /** The date the author gave: in the front matter, else the file's name, else its folders' (Docusaurus). */
    private Optional<Instant> dateOf(PostSource.Origin origin, Fields fields) {
        Optional<Instant> declared = generator.layout == Layout.HUGO
                ? first(fields, "publishDate", "pubdate", "published", "date")
                : first(fields, "date");
        if (declared.isPresent()) {
            return declared;
        }
        Optional<Instant> fromName = PostDates.fromFileName(origin.stem());
        if (fromName.isPresent()) {
            return fromName;
        }
        Matcher folders = FOLDER_DATE.matcher(String.join("/", origin.folders()));
        if (folders.matches()) {
            return PostDates.parse(String.format("%s-%02d-%02d", folders.group(1),
                    Integer.parseInt(folders.group(2)), Integer.parseInt(folders.group(3))));
        }
        return Optional.empty();
    }

    private static Optional<Instant> first(Fields fields, String... keys) {
        for (String key : keys) {
            if (fields.yaml().has(key)) {
                Optional<Instant> date = fields.text(key).flatMap(t -> PostParser.date(fields, key, t));
                if (date.isPresent()) {
                    return date;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> image(Fields fields, Layout layout) {
        if (layout == Layout.HUGO && fields.yaml().has("images")) {
            List<String> images = fields.textList("images");
            if (!images.isEmpty()) {
                return Optional.of(images.get(0));
            }
        }
        Object image = fields.yaml().get("image");
        if (image instanceof Map<?, ?> map && map.get("path") != null) {
            return Fields.scalarText(map.get("path")); // Jekyll themes: image: {path: …}
        }
        return image instanceof Map<?, ?> ? Optional.empty() : fields.text("image");
    }

    /** Jekyll reads {@code tags: a b} as two tags; lists are lists everywhere. */
    private static List<String> words(Fields fields, String key, Layout layout) {
        Object value = fields.yaml().get(key);
        if (layout == Layout.JEKYLL && value instanceof String text) {
            return List.of(text.strip().split("\\s+"));
        }
        return fields.textList(key);
    }

    private static boolean isAbsoluteUri(String text) {
        try {
            return new URI(Urls.toAscii(text)).isAbsolute() && text.contains(":") && !text.matches("^[a-zA-Z]:.*") ;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    static String resolve(String link, String base, String root) {
        if (root != null && link.startsWith("/") && !link.startsWith("//")) {
            return Urls.toAscii(root + link);
        }
        return PostParser.absolute(link, base);
    }

    /** Hugo's {@code ref}/{@code relref}: the page a content path names, on the site or on Polyfeed. */
    private String hugoRef(String target, PostSource.Origin origin, Language language) {
        String anchor = "";
        int hash = target.indexOf('#');
        if (hash >= 0) {
            anchor = target.substring(hash);
            target = target.substring(0, hash);
        }
        if (target.isEmpty()) {
            return anchor;
        }
        String clean = target.replaceAll("\\.(md|markdown|html)$", "").replaceAll("/(_?index)$", "").replaceAll("/+$", "");
        List<String> parts = new ArrayList<>();
        if (!clean.startsWith("/")) {
            parts.addAll(origin.folders());
            if (origin.bundle()) {
                parts.add(origin.stem());
            }
        }
        for (String part : clean.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else {
                parts.add(part);
            }
        }
        // filled in by the loader once every page's address is known: a permalink needs the page's own date
        return REF_SCHEME + language.tag() + ":" + String.join("/", parts) + anchor;
    }

    /** How a Hugo {@code ref} waits, in a body's Markdown, for the address of the page it names. */
    static final String REF_SCHEME = "polyfeed-ref:";
    static final Pattern REF = Pattern.compile("polyfeed-ref:([A-Za-z0-9-]+):([^#\\s)\"'<>]*)(#[^\\s)\"'<>]*)?");

    /** Jekyll's {@code post_url}: a post of the same folder, by its file name without extension. */
    private String jekyllPostUrl(String name, PostSource.Origin origin, Language language) {
        String stem = name.contains("/") ? name.substring(name.lastIndexOf('/') + 1) : name;
        Instant date = PostDates.fromFileName(stem).orElse(Instant.EPOCH);
        Optional<String> page = generator.pageUrl(new GeneratorSite.Page(language,
                new PostSource.Origin(language, origin.folders(), stem, false, origin.section(), origin.folder()),
                null, null, date, stem));
        return page.orElseGet(() -> site.url(placement.path(language, PostParser.cleanSlug(PostDates.withoutDatePrefix(stem)))));
    }
}
