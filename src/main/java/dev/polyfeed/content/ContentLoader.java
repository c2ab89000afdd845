package dev.polyfeed.content;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a content folder from disk into a {@link Catalog}: with {@link BodyText.InFile}, which reads a
 * body when it is rendered, the only class of this package that does I/O. Files are found in a stable order and parsed in parallel; whatever cannot be used is
 * reported, never thrown, so one bad file never hides a good post.
 */
public final class ContentLoader {

    public static final String SITE_FILE = "site.yml";
    public static final String AUTHORS_FILE = "authors.yml";
    /** Larger files are reported, not read: no post is this long, and memory is not the author's to spend. */
    public static final long MAX_POST_BYTES = 4L * 1024 * 1024;

    /** Bytes of rendered post bodies kept when the caller does not say. */
    public static final long DEFAULT_BODY_CACHE_BYTES = 64L * 1024 * 1024;

    private final BodyRenderer bodies;
    private final PostPlacement placement;
    private final Clock clock;

    /** @param placement where the site serves each post's page */
    public ContentLoader(PostPlacement placement) {
        this(new BodyRenderer(new MarkdownRenderer(), DEFAULT_BODY_CACHE_BYTES), placement, Clock.systemUTC());
    }

    /**
     * @param bodies renders post bodies on demand; shared by successive loads, so its budget is counted once
     * @param placement where the site serves each post's page
     * @param clock what a load takes as now: which posts are due ({@link Listing})
     */
    public ContentLoader(BodyRenderer bodies, PostPlacement placement, Clock clock) {
        this.bodies = bodies;
        this.placement = placement;
        this.clock = clock;
    }

    /**
     * What a load produced: the catalog (with all problems), how many files were not posts, and the
     * fingerprint of the files it read (see {@link #fingerprint}).
     */
    public record Result(Catalog catalog, int skippedFiles, int ignoredFiles, String fingerprint, String layout,
            Parsed parsed) {
        public Result(Catalog catalog, int skippedFiles, int ignoredFiles, String fingerprint) {
            this(catalog, skippedFiles, ignoredFiles, fingerprint, "Polyfeed layout", Parsed.NONE);
        }

        public Result(Catalog catalog, int skippedFiles, int ignoredFiles, String fingerprint, String layout) {
            this(catalog, skippedFiles, ignoredFiles, fingerprint, layout, Parsed.NONE);
        }
    }

    /** A file's size and modification time: what tells, without reading it, that it is the file read before. */
    record FileStamp(long size, Instant modified) {
    }

    /**
     * What a load parsed, file by file, for the next load of the same folder to take as it is for every
     * file whose size and modification time did not change, as long as nothing every post depends on
     * (site.yml, authors.yml, the base URL) changed either: an edit re-parses the files it touched.
     * A file modified within {@link #RACY_MILLIS} of the load that read it is read again next time, as
     * Git does, since a second edit within the file system's time resolution would keep its stamp.
     */
    public static final class Parsed {
        public static final Parsed NONE = new Parsed(null, null, null, Map.of(), 0, null, List.of(), List.of(), false, null, true);

        private final Path folder;
        private final Site site;
        private final Map<String, Author> authors;
        private final Map<Path, Entry> byFile;
        private final int readNow;
        /** The catalog this load built, the post files it found in order, and what it found wrong before parsing any. */
        private final Catalog catalog;
        private final List<Path> files;
        private final List<ContentProblem> general;
        private final boolean patched;
        /** What the walk found, for the next load to update with the files the watcher saw change. */
        private final Found found;
        private final boolean walked;

        /**
         * @param settled whether the file was modified long enough before the load that read it for its
         *        stamp to tell a later edit apart (see {@link #RACY_MILLIS}); an unsettled file's result
         *        is kept only to compare the next version with
         */
        record Entry(FileStamp stamp, PostParser.Result result, boolean settled) {
        }

        private Parsed(Path folder, Site site, Map<String, Author> authors, Map<Path, Entry> byFile, int readNow,
                Catalog catalog, List<Path> files, List<ContentProblem> general, boolean patched, Found found,
                boolean walked) {
            this.readNow = readNow;
            this.folder = folder;
            this.site = site;
            this.authors = authors;
            this.byFile = byFile;
            this.catalog = catalog;
            this.files = files;
            this.general = general;
            this.patched = patched;
            this.found = found;
            this.walked = walked;
        }

        /** Whether this load walked the folder, rather than looking only at the files the watcher named. */
        public boolean walked() {
            return walked;
        }

        /**
         * Whether this load's catalog was the previous one with the edited posts put in their places
         * ({@link Catalog#replacing}), rather than built from every post.
         */
        public boolean patched() {
            return patched;
        }

        /** What can be taken from this for a load of {@code folder} with this site and these authors. */
        Map<Path, Entry> reusableFor(Path folder, Site site, Map<String, Author> authors) {
            return folder.equals(this.folder) && site.equals(this.site) && authors.equals(this.authors) ? byFile : Map.of();
        }

        /** How many post files this load read and parsed (the others were unchanged since the previous load). */
        public int readNow() {
            return readNow;
        }
    }

    /**
     * What changed in the content folder since the previous load, as far as the caller knows: which
     * files, when a watcher saw them change, so that the folder need not be walked again; or anything.
     */
    public sealed interface Changes {
        /** Anything may have changed: the folder is walked. */
        Changes ANYTHING = new Anything();

        record Anything() implements Changes {
        }

        /** These files (absolute paths) were created, modified or deleted, and nothing else changed. */
        record Files(Set<Path> paths) implements Changes {
            public Files {
                paths = Set.copyOf(paths);
            }
        }
    }

    /** See {@link Parsed}: how recently modified a file may be for its parse result to be kept. */
    static final long RACY_MILLIS = 2_000;

    /**
     * What the content folder holds now, in one string: where it resolves to, and every file's path,
     * size and modification time. Equal fingerprints mean a load would read the same files; a watcher
     * compares them to find changes that file-system events miss (a symbolic link swapped to a new
     * release, a Kubernetes ConfigMap update, a network file system).
     */
    public static String fingerprint(Path root) {
        return find(root, snapshotOf(root), new ProblemCollector()).fingerprint();
    }

    /**
     * The folder to read: the content folder with its symbolic links resolved, and for a Kubernetes
     * ConfigMap volume the {@code ..data} it points to. Content swapped in by replacing a link
     * ({@code ln -sfn release-2 current}, or the kubelet's {@code ..data} swap) is then read from one
     * release, never from a mix of two.
     */
    static Path snapshotOf(Path root) {
        try {
            Path real = root.toRealPath();
            Path data = real.resolve("..data");
            return Files.isSymbolicLink(data) && Files.isDirectory(data) ? data.toRealPath() : real;
        } catch (IOException e) {
            return root;
        }
    }

    /**
     * @param root the content folder
     * @param baseUrlOverride the operator's base URL, which wins over site.yml
     */
    public Result load(Path root, Optional<String> baseUrlOverride) {
        return load(root, baseUrlOverride, GeneratorSite.Options.none());
    }

    /**
     * @param options what the operator says about the folder's layout; unset, it is detected
     */
    public Result load(Path root, Optional<String> baseUrlOverride, GeneratorSite.Options options) {
        return load(root, baseUrlOverride, options, Parsed.NONE);
    }

    /**
     * @param previous what the previous load of this folder parsed: files that did not change since are
     *        not read again
     */
    public Result load(Path root, Optional<String> baseUrlOverride, GeneratorSite.Options options, Parsed previous) {
        return load(root, baseUrlOverride, options, previous, Changes.ANYTHING);
    }

    /**
     * @param changes what changed since {@code previous} was loaded: when it names files, and the
     *        previous load walked the same folder, only those files are looked at again
     */
    public Result load(Path root, Optional<String> baseUrlOverride, GeneratorSite.Options options, Parsed previous,
            Changes changes) {
        Instant now = clock.instant();
        Path snapshot = snapshotOf(root);
        Layout layout = options.layout().map(text -> Layout.parse(text).orElseThrow(() -> new IllegalArgumentException(
                "polyfeed.layout is '" + text + "'; it is one of polyfeed, hugo, docusaurus, jekyll")))
                .orElseGet(() -> Layout.detect(snapshot));
        if (layout != Layout.POLYFEED && Files.isDirectory(root)) {
            return loadGenerated(root, baseUrlOverride, options, layout, now);
        }
        ProblemCollector problems = new ProblemCollector();
        String rootName = display(root);
        if (!Files.isDirectory(root)) {
            problems.add(ContentProblem.error(rootName, ProblemKind.TREE).message("the content folder does not exist")
                    .hint("set polyfeed.content-dir (POLYFEED_CONTENT_DIR) to the folder holding site.yml").build());
        }
        Path source = snapshotOf(root);
        // files are read from the snapshot, and named as the operator knows them: under polyfeed.content-dir
        Function<Path, String> display = file -> display(root.resolve(source.relativize(file).toString()));
        Site site = SiteFiles.site(readText(source.resolve(SITE_FILE), display, problems),
                display.apply(source.resolve(SITE_FILE)), baseUrlOverride, problems);
        Map<String, Author> authors = SiteFiles.authors(readText(source.resolve(AUTHORS_FILE), display, problems),
                display.apply(source.resolve(AUTHORS_FILE)), problems);

        long started = System.currentTimeMillis();
        Optional<Found> updated = changes instanceof Changes.Files files && previous.found != null
                && source.equals(previous.folder) ? updated(previous.found, source, files.paths()) : Optional.empty();
        updated.ifPresent(known -> problems.addAll(known.problems()));
        boolean walked = updated.isEmpty();
        Found found = updated.orElseGet(() -> find(root, source, problems));
        List<ContentProblem> general = problems.byPlace();
        PostParser parser = new PostParser(site, authors, bodies, placement);
        Map<Path, Parsed.Entry> reusable = previous.reusableFor(source, site, authors);
        // sized for every file at once: filled from every core, resizing it is contended
        Map<Path, Parsed.Entry> parsed = new java.util.concurrent.ConcurrentHashMap<>(found.posts().size());
        java.util.concurrent.atomic.AtomicInteger readNow = new java.util.concurrent.atomic.AtomicInteger();
        // files read again, each with its parse result of the previous load (if any) and of this one
        Map<PostParser.Result, PostParser.Result> reread = new java.util.concurrent.ConcurrentHashMap<>();
        List<PostParser.Result> results = found.posts().parallelStream()
                .map(file -> {
                    Parsed.Entry before = reusable.get(file);
                    if (before != null && before.settled() && before.stamp().equals(found.stamps().get(file))) {
                        parsed.put(file, before);
                        return before.result();
                    }
                    readNow.incrementAndGet();
                    Optional<PostSource> read = read(source, file, display, problems, true);
                    if (read.isEmpty()) {
                        return null;
                    }
                    PostParser.Result result = parser.parse(read.get(), file.getParent());
                    FileStamp stamp = stampOf(read.get());
                    parsed.put(file, new Parsed.Entry(stamp, result, stamp.modified().toEpochMilli() < started - RACY_MILLIS));
                    if (before != null) {
                        reread.put(result, before.result());
                    }
                    return result;
                })
                .toList();
        List<Post> posts = new ArrayList<>();
        int skipped = found.posts().size();
        for (PostParser.Result result : results) {
            if (result == null) {
                continue;
            }
            problems.addAll(result.problems());
            if (result.post() != null) {
                posts.add(result.post());
                skipped--;
            }
        }
        List<ContentProblem> loadProblems = problems.byPlace();
        // a post that came in or went since the previous catalog was built changes its lists: built anew
        boolean sameListing = previous.catalog == null
                || previous.catalog.nextListingChange().map(change -> change.isAfter(now)).orElse(true);
        Optional<Catalog> patched = reusable.isEmpty() || !sameListing ? Optional.empty()
                : patched(previous, found.posts(), general, results, reread, loadProblems);
        Catalog catalog = patched.orElseGet(() -> Catalog.of(site, posts, loadProblems, placement, now));
        int duplicates = posts.size() - catalog.drafts() - catalog.unlisted() - catalog.posts().size();
        return new Result(catalog, skipped + duplicates, found.ignored(), found.fingerprint(), "Polyfeed layout",
                new Parsed(source, site, authors, java.util.Collections.unmodifiableMap(parsed), readNow.get(), catalog,
                        found.posts(), general, patched.isPresent(), found, walked));
    }

    /**
     * The previous load's catalog with the posts read again put in their places, when that is what
     * building it from every post would give: the same files, nothing new found wrong outside them, and
     * every post read again indexed as its previous version was ({@link Catalog#indexesAlike}).
     * Otherwise empty, and the catalog is built from every post.
     */
    private static Optional<Catalog> patched(Parsed previous, List<Path> files, List<ContentProblem> general,
            List<PostParser.Result> results, Map<PostParser.Result, PostParser.Result> reread,
            List<ContentProblem> loadProblems) {
        if (previous.catalog == null || !previous.general.equals(general)
                || !previous.files.equals(files)) {
            return Optional.empty();
        }
        if (results.contains(null)) {
            return Optional.empty(); // a file that could be read before and cannot now
        }
        Map<Post, Post> replaced = new java.util.IdentityHashMap<>();
        for (Map.Entry<PostParser.Result, PostParser.Result> change : reread.entrySet()) {
            Post before = change.getValue().post();
            Post now = change.getKey().post();
            if (before == null && now == null) {
                continue; // a file that is no post, still: what is wrong with it is in the problems
            }
            if (before == null || now == null) {
                return Optional.empty();
            }
            if (!before.equals(now)) { // read again only because it was modified just before the last load
                replaced.put(before, now);
            }
        }
        // files read again only because they were modified just before the last load do not count here
        return replaced.size() > PATCHED_POSTS ? Optional.empty() : previous.catalog.replacing(replaced, loadProblems);
    }

    /** Beyond this many posts read again, building the catalog from every post costs no more than patching it. */
    private static final int PATCHED_POSTS = 64;

    private static FileStamp stampOf(PostSource read) {
        return new FileStamp(read.bodyInFile().map(BodyText.InFile::size).orElse((long) read.bytes().length), read.modified());
    }

    /** A Hugo, Docusaurus or Jekyll site's tree, read as its generator reads it. */
    private Result loadGenerated(Path root, Optional<String> baseUrlOverride, GeneratorSite.Options options, Layout layout,
            Instant now) {
        ProblemCollector problems = new ProblemCollector();
        Path source = snapshotOf(root);
        Function<Path, String> display = file -> display(root.resolve(source.relativize(file).toString()));
        GeneratorSite generator = GeneratorSite.read(source, layout, options, baseUrlOverride, display, problems);
        PostParser parser = new PostParser(generator.site, generator.authors, bodies, placement, generator);
        List<PostParser.Result> results = generator.entries.parallelStream()
                .map(entry -> read(source, entry.file(), display, problems)
                        .map(file -> new PostSource(file.path(), file.folders(), file.fileName(), file.bytes(),
                                file.modified(), entry.origin()))
                        .map(parser::parse).orElse(null))
                .toList();
        List<Post> posts = new ArrayList<>();
        int skipped = generator.entries.size();
        // one warning per construct for the whole site, at its first file, saying how many files have it
        Map<String, ContentProblem> dropped = new java.util.TreeMap<>();
        Map<String, Integer> droppedFiles = new java.util.HashMap<>();
        for (PostParser.Result result : results) {
            if (result == null) {
                continue;
            }
            problems.addAll(result.problems());
            result.dropped().forEach((name, problem) -> {
                droppedFiles.merge(name, 1, Integer::sum);
                dropped.merge(name, problem, (a, b) -> ContentProblem.BY_PLACE.compare(a, b) <= 0 ? a : b);
            });
            if (result.post() != null) {
                posts.add(result.post());
                skipped--;
            }
        }
        dropped.forEach((name, problem) -> {
            int files = droppedFiles.get(name);
            problems.add(files == 1 ? problem : ContentProblem.warning(problem.path(), problem.kind()).line(problem.line())
                    .message(problem.message() + " (here and in " + (files - 1) + " other file" + (files == 2 ? "" : "s") + ")")
                    .hint(problem.hint()).build());
        });
        posts = withRefs(posts, generator, display);
        posts = withSiteLinks(posts, generator, now);
        Catalog catalog = Catalog.of(generator.site, posts, problems.byPlace(), placement, now);
        int duplicates = posts.size() - catalog.drafts() - catalog.unlisted() - catalog.posts().size();
        String fingerprint = find(root, source, new ProblemCollector()).fingerprint();
        // a generator site's posts depend on each other (links filled in, template values): all read again
        return new Result(catalog, skipped + duplicates, 0, fingerprint, generator.summary,
                new Parsed(null, null, null, Map.of(), generator.entries.size(), null, List.of(), List.of(), false, null,
                        true));
    }

    /**
     * Fills in Hugo's {@code ref}/{@code relref} links, which name a page by its content path, with that
     * page's address: its link on the site, or Polyfeed's page for it. A path that names no post is
     * matched by its last name (as Hugo does), else it links Polyfeed's page for that name.
     */
    private List<Post> withRefs(List<Post> posts, GeneratorSite generator, Function<Path, String> display) {
        if (posts.stream().noneMatch(post -> post.body().markdown().contains(GeneratedPost.REF_SCHEME))) {
            return posts;
        }
        Map<String, String> keyOf = new java.util.HashMap<>();
        for (GeneratorSite.Entry entry : generator.entries) {
            List<String> parts = new ArrayList<>(entry.origin().folders());
            parts.add(entry.origin().stem());
            keyOf.put(display.apply(entry.file()), String.join("/", parts).toLowerCase(Locale.ROOT));
        }
        Map<String, String> byPath = new java.util.HashMap<>();
        Map<String, List<String>> byName = new java.util.HashMap<>();
        for (Post post : posts) {
            String key = keyOf.get(post.source());
            if (key == null) {
                continue;
            }
            String language = post.language().tag() + ":";
            byPath.putIfAbsent(language + key, post.link());
            byName.computeIfAbsent(language + key.substring(key.lastIndexOf('/') + 1), k -> new ArrayList<>()).add(post.link());
        }
        List<Post> filled = new ArrayList<>(posts.size());
        for (Post post : posts) {
            if (!post.body().markdown().contains(GeneratedPost.REF_SCHEME)) {
                filled.add(post);
                continue;
            }
            filled.add(post.withBody(post.body().rewritten(markdown -> GeneratedPost.REF.matcher(markdown).replaceAll(ref -> {
                String language = ref.group(1) + ":";
                String path = ref.group(2).toLowerCase(Locale.ROOT);
                String name = path.substring(path.lastIndexOf('/') + 1);
                List<String> named = byName.getOrDefault(language + name, List.of());
                String link = byPath.getOrDefault(language + path, named.size() == 1 ? named.get(0)
                        : generator.site.url(placement.path(post.language(), PostParser.cleanSlug(PostDates.withoutDatePrefix(name).isEmpty()
                                ? "post" : PostDates.withoutDatePrefix(name)))));
                return java.util.regex.Matcher.quoteReplacement(link + (ref.group(3) == null ? "" : ref.group(3)));
            }))));
        }
        return filled;
    }

    private static final java.util.regex.Pattern ROOT_LINK = java.util.regex.Pattern.compile(
            "(\\]\\(\\s*<?|\\]:\\s*|(?:href|src)\\s*=\\s*[\"'])(/[^/\\s)\"'>][^\\s)\"'>]*)");

    /**
     * For a site without an address: links from one post to another by the other's path on the site
     * ({@code [x](/blog/my-post/)}), which would point at Polyfeed's host where nothing is, link
     * Polyfeed's page for that post instead.
     */
    private static List<Post> withSiteLinks(List<Post> posts, GeneratorSite generator, Instant now) {
        if (generator.address != null || generator.sitePaths.isEmpty()) {
            return posts;
        }
        Map<String, String> byPath = new java.util.HashMap<>();
        for (Post post : posts) {
            String key = generator.sitePaths.get(post.source());
            if (key != null && post.listedAt(now)) {
                byPath.putIfAbsent(key, post.url());
            }
        }
        List<Post> linked = new ArrayList<>(posts.size());
        for (Post post : posts) {
            String markdown = post.body().markdown();
            java.util.regex.Matcher m = ROOT_LINK.matcher(markdown);
            boolean any = false;
            while (m.find()) {
                if (byPath.containsKey(GeneratorSite.pathKey(m.group(2)))) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                linked.add(post);
                continue;
            }
            linked.add(post.withBody(post.body().rewritten(text -> ROOT_LINK.matcher(text).replaceAll(link -> {
                String target = byPath.get(GeneratorSite.pathKey(link.group(2)));
                String fragment = link.group(2).contains("#") ? link.group(2).substring(link.group(2).indexOf('#')) : "";
                return java.util.regex.Matcher.quoteReplacement(link.group(1) + (target == null ? link.group(2) : target + fragment));
            }))));
        }
        return linked;
    }

    /**
     * What a walk of the content folder found.
     *
     * @param posts the post files, in path order
     * @param stamps each post file's size and modification time, as the walk saw them
     * @param bundles the folders of page bundles ({@code my-post/index.md})
     * @param problems what the walk could not read
     * @param root the folder walked, as its fingerprint names it
     * @param high the sum of every file's hash, high half (see {@link #fileHash})
     * @param low the sum of every file's hash, low half
     */
    private record Found(List<Path> posts, int ignored, Map<Path, FileStamp> stamps, Set<Path> bundles,
            List<ContentProblem> problems, String root, long high, long low) {

        /**
         * The folder and every file's path, size and time, summed file by file rather than digested in
         * walk order: the same files give the same fingerprint however they were listed, and one file
         * changed is one hash taken out and one put in (see {@link #updated}).
         */
        String fingerprint() {
            return root + "/" + Long.toHexString(high) + Long.toHexString(low) + "/" + posts.size();
        }
    }

    private static Found find(Path configured, Path root, ProblemCollector collector) {
        List<Path> posts = new ArrayList<>();
        Map<Path, FileStamp> stamps = new java.util.HashMap<>();
        List<ContentProblem> problems = new ArrayList<>();
        int[] ignored = {0};
        long[] sum = new long[2];
        if (!Files.isDirectory(root)) {
            return new Found(posts, 0, Map.of(), Set.of(), List.of(), "missing: " + configured, 0, 0);
        }
        MessageDigest digest = sha256();
        // every file's path starts with the root's: its relative path is the rest of the string, made
        // without Path.relativize, which every reload would otherwise do for every file
        int rootLength = root.toString().length() + 1;
        Function<Path, String> display = file -> display(configured.resolve(root.relativize(file).toString()));
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            return !dir.equals(root) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE
                                    : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (isHidden(file)) {
                                return FileVisitResult.CONTINUE;
                            }
                            add(sum, fileHash(digest, file.toString().substring(rootLength), attrs.size(),
                                    attrs.lastModifiedTime().toMillis()), 1);
                            if (isSiteFile(root, file)) {
                                return FileVisitResult.CONTINUE;
                            }
                            if (isMarkdown(file) && !isSectionPage(file)) {
                                posts.add(file);
                                stamps.put(file, new FileStamp(attrs.size(), attrs.lastModifiedTime().toInstant()));
                            } else {
                                ignored[0]++;
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            if (e instanceof NoSuchFileException || isHidden(file)) {
                                // renamed or removed while the folder was walked, as editors and rsync do
                                return FileVisitResult.CONTINUE;
                            }
                            String what = e instanceof FileSystemLoopException
                                    ? "a symbolic link loops back to a folder above it; it was not followed"
                                    : "cannot be read: " + e.getMessage();
                            problems.add(ContentProblem.error(display.apply(file), ProblemKind.TREE).message(what)
                                    .hint("fix or remove the link, or the file's permissions").build());
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            problems.add(ContentProblem.error(display(configured), ProblemKind.TREE).message("cannot be listed: " + e.getMessage())
                    .hint("check the folder's permissions").build());
        }
        collector.addAll(problems);
        int resources = posts.size();
        // bundles are known from the files already found: no file-system look-up per post
        Set<Path> bundles = new HashSet<>();
        for (Path post : posts) {
            if (isBundleIndex(post) && root.relativize(post).getNameCount() >= 3) {
                bundles.add(post.getParent());
            }
        }
        if (!bundles.isEmpty()) {
            posts.removeIf(post -> isBundleResource(root, post, bundles));
        }
        ignored[0] += resources - posts.size();
        posts.sort(Path::compareTo);
        return new Found(posts, ignored[0], stamps, bundles, List.copyOf(problems), root.toString(), sum[0], sum[1]);
    }

    /**
     * The walk's findings, updated for the files the watcher saw change instead of walking the folder
     * again: their stamps taken anew, posts that appeared put in their place in path order, those gone
     * taken out, and the fingerprint moved by their hashes. Empty when a change is one only a walk can
     * tell (a folder, a site file, a bundle, a file that is not a post, a path outside the folder): then
     * the folder is walked.
     */
    private static Optional<Found> updated(Found before, Path root, Set<Path> changed) {
        List<Path> posts = new ArrayList<>(before.posts());
        Map<Path, FileStamp> stamps = new java.util.HashMap<>(before.stamps());
        long[] sum = {before.high(), before.low()};
        MessageDigest digest = sha256();
        for (Path file : changed) {
            if (!file.startsWith(root) || file.equals(root)) {
                return Optional.empty();
            }
            Path relative = root.relativize(file);
            boolean hidden = false;
            for (Path name : relative) {
                hidden |= name.toString().startsWith(".");
            }
            if (hidden) {
                continue; // the walk never sees it either
            }
            if (isSiteFile(root, file) || !isMarkdown(file) || isSectionPage(file) || isBundleIndex(file)
                    || isBundleResource(root, file, before.bundles())) {
                return Optional.empty();
            }
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(file, BasicFileAttributes.class);
            } catch (NoSuchFileException e) {
                attributes = null;
            } catch (IOException e) {
                return Optional.empty(); // the walk reports what cannot be read
            }
            if (attributes != null && !attributes.isRegularFile()) {
                return Optional.empty();
            }
            String name = relative.toString();
            FileStamp old = stamps.remove(file);
            if (old == null && attributes == null) {
                return Optional.empty(); // gone, and no post: a folder named like one, or a file come and gone
            }
            if (old != null) {
                add(sum, fileHash(digest, name, old.size(), old.modified().toEpochMilli()), -1);
            }
            int at = java.util.Collections.binarySearch(posts, file);
            if (attributes == null) {
                if (at >= 0) {
                    posts.remove(at);
                }
                continue;
            }
            FileStamp now = new FileStamp(attributes.size(), attributes.lastModifiedTime().toInstant());
            stamps.put(file, now);
            add(sum, fileHash(digest, name, now.size(), attributes.lastModifiedTime().toMillis()), 1);
            if (at < 0) {
                posts.add(-at - 1, file);
            }
        }
        return Optional.of(new Found(posts, before.ignored(), stamps, before.bundles(), before.problems(), before.root(),
                sum[0], sum[1]));
    }

    /** A file's path (relative to the folder), size and time, hashed: 128 bits, as two longs. */
    private static long[] fileHash(MessageDigest digest, String relative, long size, long modifiedMillis) {
        digest.update(relative.getBytes(StandardCharsets.UTF_8));
        digest.update(java.nio.ByteBuffer.allocate(2 * Long.BYTES + 1).put((byte) 0).putLong(size).putLong(modifiedMillis)
                .array());
        java.nio.ByteBuffer hash = java.nio.ByteBuffer.wrap(digest.digest());
        return new long[] {hash.getLong(), hash.getLong()};
    }

    /** Adds (sign 1) or takes out (sign -1) a file's hash from the sum: 128-bit arithmetic, wrapping. */
    private static void add(long[] sum, long[] hash, int sign) {
        long low = sign > 0 ? sum[1] + hash[1] : sum[1] - hash[1];
        boolean carry = sign > 0 ? Long.compareUnsigned(low, sum[1]) < 0 : Long.compareUnsigned(sum[1], hash[1]) < 0;
        sum[0] = sign > 0 ? sum[0] + hash[0] + (carry ? 1 : 0) : sum[0] - hash[0] - (carry ? 1 : 0);
        sum[1] = low;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static boolean isSiteFile(Path root, Path file) {
        return file.getParent().equals(root)
                && (file.getFileName().toString().equals(SITE_FILE) || file.getFileName().toString().equals(AUTHORS_FILE));
    }

    private static boolean isHidden(Path path) {
        return path.getFileName() != null && path.getFileName().toString().startsWith(".");
    }

    /**
     * A Markdown file inside a page bundle ({@code my-post/index.md} beside {@code my-post/notes.md}) is
     * one of the bundle's resources, as Hugo has it, not a post of its own. The language folder itself
     * is no bundle.
     */
    private static boolean isBundleResource(Path root, Path file, Set<Path> bundles) {
        Path relative = root.relativize(file);
        for (int depth = relative.getNameCount() - 1; depth >= 2; depth--) {
            boolean isIndex = depth == relative.getNameCount() - 1 && isBundleIndex(file);
            if (!isIndex && bundles.contains(root.resolve(relative.subpath(0, depth)))) {
                return true;
            }
        }
        return false;
    }

    private static final List<String> BUNDLE_INDEXES = List.of("index.md", "index.markdown", "index.mdx");

    private static boolean isBundleIndex(Path file) {
        return BUNDLE_INDEXES.contains(file.getFileName().toString());
    }

    /** Hugo's {@code _index.md} introduces a section (a list page); it is not a post. */
    private static boolean isSectionPage(Path file) {
        return file.getFileName().toString().startsWith("_index.");
    }

    private static boolean isMarkdown(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".md") || name.endsWith(".markdown") || name.endsWith(".mdx");
    }

    private static Optional<PostSource> read(Path root, Path file, Function<Path, String> display,
            ProblemCollector problems) {
        return read(root, file, display, problems, false);
    }

    /**
     * @param bodyInFile whether to read only the front matter where it can be told apart, and leave the
     *        body in the file until it is rendered (see {@link BodyText.InFile})
     */
    private static Optional<PostSource> read(Path root, Path file, Function<Path, String> display,
            ProblemCollector problems, boolean bodyInFile) {
        String path = display.apply(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            long size = attributes.size();
            if (size > MAX_POST_BYTES) {
                problems.add(ContentProblem.error(path, ProblemKind.UNREADABLE)
                        .message("is " + size + " bytes, over the " + MAX_POST_BYTES + "-byte limit for a post")
                        .hint("split it into several posts, or move embedded data out of it").build());
                return Optional.empty();
            }
            Path relative = root.relativize(file);
            List<String> folders = new ArrayList<>();
            for (int i = 0; i < relative.getNameCount() - 1; i++) {
                folders.add(relative.getName(i).toString());
            }
            String name = file.getFileName().toString();
            Instant modified = attributes.lastModifiedTime().toInstant();
            byte[] bytes = readUpTo(channel, bodyInFile ? Math.min(size, HEAD_READ_BYTES) : size);
            if (!bodyInFile) {
                return Optional.of(new PostSource(path, folders, name, bytes, modified));
            }
            int head = FrontMatter.headLength(bytes);
            // a fence at the very end of what was read may be the start of a longer line: read it all
            if ((head < 0 || head == bytes.length) && bytes.length < size) {
                bytes = readUpTo(channel, size);
                head = FrontMatter.headLength(bytes);
            }
            if (head < 0 || !SourceText.isClean(bytes, head)) {
                // no front matter to tell apart, or one whose bytes need repair: the parser reads it all
                byte[] whole = bytes.length < size ? readUpTo(channel, size) : bytes;
                return Optional.of(new PostSource(path, folders, name, whole, modified));
            }
            BodyText.InFile body = new BodyText.InFile(file, head, size, attributes.lastModifiedTime(),
                    BodyText.InFile.crc(bytes, head), name.toLowerCase(Locale.ROOT).endsWith(".mdx"));
            return Optional.of(new PostSource(path, folders, name, Arrays.copyOf(bytes, head), modified, null,
                    Optional.of(body)));
        } catch (IOException e) {
            problems.add(ContentProblem.error(path, ProblemKind.UNREADABLE).message("cannot be read: " + e)
                    .hint("check the file's permissions").build());
            return Optional.empty();
        }
    }

    /** Enough for the front matter of nearly every post: the body is not read at load. */
    static final int HEAD_READ_BYTES = 4 * 1024;

    /** The file's first bytes, at most {@code limit}, fewer if it is shorter now than it was. */
    private static byte[] readUpTo(FileChannel channel, long limit) throws IOException {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate((int) limit);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, buffer.position()) < 0) {
                break;
            }
        }
        return buffer.position() == buffer.capacity() ? buffer.array() : Arrays.copyOf(buffer.array(), buffer.position());
    }

    private static Optional<String> readText(Path file, Function<Path, String> display, ProblemCollector problems) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(SourceText.decode(Files.readAllBytes(file), display.apply(file)).text());
        } catch (ContentException e) {
            problems.add(e.problem());
        } catch (IOException e) {
            problems.add(ContentProblem.error(display.apply(file), ProblemKind.SITE).message("cannot be read: " + e)
                    .hint("check the file's permissions").build());
        }
        return Optional.empty();
    }

    private static String display(Path path) {
        return path.normalize().toString();
    }
}
