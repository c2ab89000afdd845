package dev.polyfeed.content;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one {@link PostSource} into a {@link Post}: pure, thread-safe, no I/O. Whatever is wrong is
 * reported as {@link ContentProblem}s; only a file that cannot be made into a post at all (unreadable,
 * bad YAML, no title, no language) yields no post. Nothing in a file makes it throw: should a bug
 * still do so, that file alone is reported and skipped.
 */
public final class PostParser {

    /** Where a result came from and what is wrong with it; {@code post} is null when unusable. */
    public record Result(Post post, List<ContentProblem> problems, Map<String, ContentProblem> dropped) {
        public Result {
            problems = List.copyOf(problems);
            dropped = Map.copyOf(dropped);
        }

        public Result(Post post, List<ContentProblem> problems) {
            this(post, problems, Map.of());
        }

        public Optional<Post> postIfAny() {
            return Optional.ofNullable(post);
        }
    }

    private static final Pattern FIRST_HEADING = Pattern.compile("(?m)^#[ \\t]+(.+?)[ \\t#]*$");
    /** What a slug may not hold: any white space (no-break and ideographic spaces too) and path separators. */
    private static final Pattern SLUG_SEPARATORS = Pattern.compile("[\\h\\v\\s/\\\\]+");
    /** The file name of a page bundle's post: {@code my-post/index.md} is the post {@code my-post}. */
    private static final String BUNDLE_INDEX = "index";

    private final Site site;
    private final Authors authors;
    private final BodyRenderer renderer;
    private final PostPlacement placement;
    private final GeneratorSite generator;

    /** @param placement where the site serves each post's page, which its relative links resolve against */
    public PostParser(Site site, Map<String, Author> authors, BodyRenderer renderer, PostPlacement placement) {
        this(site, authors, renderer, placement, null);
    }

    /** @param generator the Hugo, Docusaurus or Jekyll site the files come from, or null for Polyfeed's layout */
    PostParser(Site site, Map<String, Author> authors, BodyRenderer renderer, PostPlacement placement,
            GeneratorSite generator) {
        this.site = site;
        this.authors = new Authors(authors);
        this.renderer = renderer;
        this.placement = placement;
        this.generator = generator;
    }

    public Result parse(PostSource source) {
        return parse(source, (java.nio.file.Path) null);
    }

    /**
     * @param folder for a file of Polyfeed's own layout, the folder it is in: what its relative images
     *        are beside, which Polyfeed serves below the post's address; null when unknown
     */
    public Result parse(PostSource source, java.nio.file.Path folder) {
        ProblemCollector problems = new ProblemCollector();
        try {
            if (generator != null && source.origin() != null) {
                Map<String, ContentProblem> dropped = new LinkedHashMap<>();
                Post post = new GeneratedPost(generator, site, authors, renderer, placement).parse(source, problems, dropped);
                return new Result(post, problems.byPlace(), dropped);
            }
            Post post = parse(source, folder, problems);
            return new Result(post, problems.byPlace());
        } catch (ContentException e) {
            problems.add(e.problem());
            return new Result(null, problems.byPlace());
        } catch (RuntimeException e) {
            // a bug of ours must cost one file, never the load: the rest of the site is still served
            problems.add(ContentProblem.error(source.path(), ProblemKind.INTERNAL)
                    .message("Polyfeed failed reading this file: " + e)
                    .hint("please report this with the file; the rest of the site is served").build());
            return new Result(null, problems.byPlace());
        }
    }

    private Post parse(PostSource source, java.nio.file.Path folder, ProblemCollector problems) throws ContentException {
        String path = source.path();
        if (source.bytes().length == 0) {
            throw new ContentException(ContentProblem.error(path, ProblemKind.UNREADABLE).message("the file is empty")
                    .hint("add front matter with a title, then the post's text").build());
        }
        byte[] bytes = source.bytes();
        FrontMatter split;
        BodyText markdown;
        if (source.bodyInFile().isPresent()) {
            // the loader read only the front matter, and left the body in the file until it is rendered
            split = FrontMatter.split(new String(bytes, StandardCharsets.UTF_8), path);
            markdown = source.bodyInFile().get();
        } else {
            int head = SourceText.isClean(bytes) ? FrontMatter.headLength(bytes) : -1;
            byte[] body;
            if (head >= 0) {
                // only the front matter is decoded, and the body is kept as the file's own bytes
                split = FrontMatter.split(new String(bytes, 0, head, StandardCharsets.UTF_8), path);
                body = Arrays.copyOfRange(bytes, head, bytes.length);
            } else {
                SourceText text = SourceText.decode(bytes, path);
                problems.addAll(text.warnings());
                split = FrontMatter.split(text.text(), path);
                body = split.body().getBytes(StandardCharsets.UTF_8);
            }
            if (source.fileName().toLowerCase(java.util.Locale.ROOT).endsWith(".mdx")) {
                body = Mdx.withoutModuleSyntax(new String(body, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
            }
            markdown = new BodyText.Inline(body);
        }
        YamlMapping yaml = YamlMapping.parse(split.yaml(), path, split.yamlFirstLine());
        Fields fields = new Fields(yaml, path, problems, ProblemKind.VALUE);
        yaml.repeatedKeys().forEach((key, lines) -> fields.warn(key, "'" + key + "' is written " + (lines.size() + 1)
                + " times (again on line " + lines.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))
                + "); the last one is used", "keep one " + key + ": in the front matter"));

        Language language = language(source, fields);
        String stem = postStem(source);
        String slug = slug(stem, fields);
        String url = site.url(placement.path(language, slug));
        String title = title(split, () -> markdown.read(path).text(), stem, fields, path, problems);
        Optional<Instant> dated = dateOf(stem, fields);
        Instant published = dated.orElseGet(() -> undated(source, problems));
        Instant updated = fields.text("updated").flatMap(t -> date(fields, "updated", t)).orElse(published);
        if (updated.isBefore(published)) {
            fields.warn(ProblemKind.DATE, "updated", "'updated' is before the post's date; the date is used",
                    "updated: is when the post last changed, on or after date:");
        }
        // rendered when a feed first needs it; what rendering finds is reported by PostBody.problem()
        // img.png beside content/tr/foo.md or content/tr/foo/index.md is below the post's address, where
        // Polyfeed serves it from that folder, as for a generator's site: against the post's URL it would
        // land a level up, among the posts' own addresses
        PostBody body = new PostBody(path, split.bodyFirstLine(), markdown, language, url, renderer,
                folder == null ? PostBody.Resolution.POST_URL : PostBody.Resolution.POST_FOLDER);
        String description = fields.text("description").orElse("");
        String image = fields.text("image").map(i -> absolute(i, body.base())).orElse(null);
        boolean draft = fields.flag("draft").orElse(false);
        return new Post(path, language, slug, id(fields, language, slug), url, title, published, updated,
                tags(fields), fields.textList("keywords"), authors.of(fields), description, image, body, draft, null,
                folder, Post.Keys.NONE, listing(dated));
    }

    /**
     * The name a post's slug and date come from: the file's name without its extension, or for a page
     * bundle ({@code 2024-05-01-my-post/index.md}, images beside it) the name of its folder.
     */
    static String postStem(PostSource source) {
        String stem = source.stem();
        // the first folder names the language, so only a folder below it can be a bundle
        if (stem.equals(BUNDLE_INDEX) && source.folders().size() >= 2) {
            return source.folders().get(source.folders().size() - 1);
        }
        return stem;
    }

    private Language language(PostSource source, Fields fields) throws ContentException {
        Optional<String> declared = fields.text("lang");
        if (declared.isPresent()) {
            Optional<Language> language = Language.parse(declared.get());
            if (language.isPresent()) {
                return language.get();
            }
            fields.warn("lang", "lang: '" + ContentProblem.quote(declared.get())
                    + "' is not a BCP 47 language tag; it was ignored", "write a tag such as tr, ar or pt-BR");
        }
        if (source.folders().isEmpty()) {
            throw new ContentException(ContentProblem.error(source.path(), ProblemKind.NO_LANGUAGE)
                    .message("the post is in no language folder and has no lang:")
                    .hint("move it into a folder named by its language, such as content/tr/, or add lang: tr")
                    .build());
        }
        String folder = source.folders().get(0);
        return Language.parse(folder).orElseThrow(() -> new ContentException(
                ContentProblem.error(source.path(), ProblemKind.NO_LANGUAGE)
                        .message("folder '" + folder + "' is not a BCP 47 language tag, so the post's language is unknown")
                        .hint("name the folder by its language, such as tr, hi, ar or pt-BR, or add lang: to the front matter")
                        .build()));
    }

    static String slug(String stem, Fields fields) {
        Optional<String> declared = fields.text("slug").map(PostParser::cleanSlug).filter(s -> !s.isEmpty());
        if (fields.yaml().has("slug") && declared.isEmpty()) {
            fields.warn("slug", "slug: is empty once '/' and spaces are removed; the file name is used",
                    "write slug: my-post");
        }
        return declared.orElseGet(() -> {
            String fromName = cleanSlug(PostDates.withoutDatePrefix(stem));
            if (fromName.isEmpty()) {
                fromName = cleanSlug(stem);
            }
            if (fromName.isEmpty()) {
                fields.warn("slug", "the file name '" + ContentProblem.quote(stem)
                        + "' leaves nothing for the post's address; 'post' is used", "add slug: my-post");
                return "post";
            }
            return fromName;
        });
    }

    /** A slug is one readable path segment: NFC, no slashes, no spaces of any script. */
    static String cleanSlug(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        return SLUG_SEPARATORS.matcher(nfc).replaceAll("-").replaceAll("^[-.]+|-+$", "");
    }

    static String title(FrontMatter split, java.util.function.Supplier<String> markdown, String stem, Fields fields,
            String path, ProblemCollector problems) throws ContentException {
        Optional<String> title = fields.text("title");
        if (title.isPresent()) {
            return title.get();
        }
        // Hugo and Docusaurus publish a post whose title is only its first heading; so does Polyfeed
        // read only here: most posts have a title, and their bodies stay unread until rendered
        String body = markdown.get();
        Matcher heading = FIRST_HEADING.matcher(body);
        if (heading.find()) {
            String text = XmlText.clean(heading.group(1)).replaceAll("[*_`]", "").strip();
            if (!text.isEmpty()) {
                problems.add(ContentProblem.warning(path, ProblemKind.NO_TITLE)
                        .line(split.bodyFirstLine() + SourceText.lineAt(body, heading.start()) - 1)
                        .message(split.present() ? "no title: in the front matter; the first heading is the title"
                                : "no front matter; the first heading is the title")
                        .hint(split.present() ? "add title: \"…\" to the front matter"
                                : "start the file with ---, title: \"…\", date: …, ---").build());
                return text;
            }
        }
        String fromName = cleanSlug(PostDates.withoutDatePrefix(stem)).replaceAll("[-_]+", " ").strip();
        if (!split.present() && !fromName.isEmpty()) {
            // a bare Markdown file is a page to Hugo and Jekyll, titled by its name: not a post to lose
            problems.add(ContentProblem.warning(path, ProblemKind.NO_TITLE).line(1)
                    .message("no front matter and no '# heading'; the file's name '" + fromName + "' is the title")
                    .hint("start the file with ---, title: \"…\", ---").build());
            return fromName;
        }
        if (!split.present()) {
            throw new ContentException(ContentProblem.error(path, ProblemKind.NO_TITLE).line(1)
                    .message("no front matter and no '# heading', so the post has no title")
                    .hint("start the file with ---, title: \"…\", ---").build());
        }
        throw new ContentException(fields.error("title", ProblemKind.NO_TITLE).line(split.yamlFirstLine())
                .message("the front matter has no title")
                .hint("add title: \"…\"; quote it if it contains ':'").build());
    }

    /** The date the author gave: front matter {@code date}, else the file name's {@code YYYY-MM-DD-}. */
    private static Optional<Instant> dateOf(String stem, Fields fields) {
        return fields.text("date").flatMap(text -> date(fields, "date", text)).or(() -> PostDates.fromFileName(stem));
    }

    /**
     * A post with a date is listed from that date on (a scheduled post); one without is listed at once:
     * only a date the author wrote schedules, never a file's modified time, which a copy from a machine
     * whose clock runs ahead would set in the future.
     */
    static Listing listing(Optional<Instant> dated) {
        return dated.map(Listing::from).orElse(Listing.ALWAYS);
    }

    /** A post without a date is dated by its file's modified time, and told so. */
    static Instant undated(PostSource source, ProblemCollector problems) {
        problems.add(ContentProblem.warning(source.path(), ProblemKind.NO_DATE)
                .message("no date; the file's modified time " + source.modified() + " is used, which changes"
                        + " when the file is copied")
                .hint("add date: to the front matter, such as date: 2025-01-30").build());
        return source.modified();
    }

    static Optional<Instant> date(Fields fields, String key, String text) {
        Optional<Instant> date = PostDates.parse(text);
        if (date.isEmpty()) {
            fields.warn(ProblemKind.DATE, key, key + ": '" + ContentProblem.quote(text) + "' is not a date; it was ignored",
                    "write " + key + ": 2025-01-30 or 2025-01-30T10:15:00+03:00");
        }
        return date;
    }

    String id(Fields fields, Language language, String slug) {
        Optional<String> declared = fields.text("id");
        if (declared.isPresent()) {
            try {
                URI uri = new URI(Urls.toAscii(declared.get()));
                if (uri.isAbsolute()) {
                    return uri.toString();
                }
            } catch (java.net.URISyntaxException e) {
                // reported below
            }
            fields.warn("id", "id: '" + ContentProblem.quote(declared.get())
                    + "' is not an absolute URI; a tag: URI is used",
                    "remove id: or give a full URI such as tag:example.org,2025:my-post");
        }
        return site.postId(language, slug);
    }

    static List<Tag> tags(Fields fields) {
        return tags(fields, fields.textList("tags"));
    }

    static List<Tag> tags(Fields fields, List<String> spellings) {
        Map<String, Tag> tags = new LinkedHashMap<>();
        for (String spelling : spellings) {
            Optional<Tag> tag = Tag.of(spelling);
            if (tag.isEmpty()) {
                fields.warn(ProblemKind.TAG, "tags", "tag '" + ContentProblem.quote(spelling)
                        + "' is empty once spaces and '/' are removed; it was left out", "use letters or digits in tags");
                continue;
            }
            tags.putIfAbsent(tag.get().key(), tag.get());
        }
        return List.copyOf(tags.values());
    }

    static String absolute(String link, String base) {
        try {
            return Urls.toAscii(URI.create(Urls.toAscii(base)).resolve(Urls.toAscii(link)).toString());
        } catch (IllegalArgumentException e) {
            return Urls.toAscii(link);
        }
    }
}
