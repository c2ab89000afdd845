package dev.polyfeed.content;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a content folder from disk into a {@link Catalog}: the only class of this package that does
 * I/O. Files are found in a stable order and parsed in parallel; whatever cannot be used is
 * reported, never thrown, so one bad file never hides a good post.
 */
public final class ContentLoader {

    public static final String SITE_FILE = "site.yml";
    public static final String AUTHORS_FILE = "authors.yml";
    /** Larger files are reported, not read: no post is this long, and memory is not the author's to spend. */
    public static final long MAX_POST_BYTES = 4L * 1024 * 1024;

    /** Bytes of rendered post bodies kept when the caller does not say. */
    public static final long DEFAULT_BODY_CACHE_BYTES = 64L * 1024 * 1024;

    private final MarkdownRenderer markdown = new MarkdownRenderer();
    private final long bodyCacheBytes;

    public ContentLoader() {
        this(DEFAULT_BODY_CACHE_BYTES);
    }

    /** @param bodyCacheBytes most bytes of rendered post bodies kept in memory */
    public ContentLoader(long bodyCacheBytes) {
        this.bodyCacheBytes = bodyCacheBytes;
    }

    /** What a load produced: the catalog (with all problems) and how many files were not posts. */
    public record Result(Catalog catalog, int skippedFiles, int ignoredFiles) {
    }

    /**
     * @param root the content folder
     * @param baseUrlOverride the operator's base URL, which wins over site.yml
     */
    public Result load(Path root, Optional<String> baseUrlOverride) {
        List<ContentProblem> problems = Collections.synchronizedList(new ArrayList<>());
        String rootName = display(root);
        if (!Files.isDirectory(root)) {
            problems.add(ContentProblem.error(rootName, ProblemKind.TREE).message("the content folder does not exist")
                    .hint("set polyfeed.content-dir (POLYFEED_CONTENT_DIR) to the folder holding site.yml").build());
        }
        Site site = SiteFiles.site(readText(root.resolve(SITE_FILE), problems), display(root.resolve(SITE_FILE)),
                baseUrlOverride, problems);
        Map<String, Author> authors = SiteFiles.authors(readText(root.resolve(AUTHORS_FILE), problems),
                display(root.resolve(AUTHORS_FILE)), problems);

        Found found = find(root, problems);
        PostParser parser = new PostParser(site, authors, new BodyRenderer(markdown, bodyCacheBytes));
        List<PostParser.Result> results = found.posts().parallelStream()
                .map(file -> read(root, file, problems).map(parser::parse).orElse(null))
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
        List<ContentProblem> ordered = new ArrayList<>(problems);
        ordered.sort(ContentProblem.BY_PLACE);
        Catalog catalog = Catalog.of(site, posts, ordered);
        int duplicates = posts.size() - catalog.drafts() - catalog.posts().size();
        return new Result(catalog, skipped + duplicates, found.ignored());
    }

    private record Found(List<Path> posts, int ignored) {
    }

    private Found find(Path root, List<ContentProblem> problems) {
        List<Path> posts = new ArrayList<>();
        int[] ignored = {0};
        if (!Files.isDirectory(root)) {
            return new Found(posts, 0);
        }
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
                            if (isHidden(file) || isSiteFile(root, file)) {
                                return FileVisitResult.CONTINUE;
                            }
                            if (isMarkdown(file) && !isSectionPage(file)) {
                                posts.add(file);
                            } else {
                                ignored[0]++;
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            String what = e instanceof FileSystemLoopException
                                    ? "a symbolic link loops back to a folder above it; it was not followed"
                                    : "cannot be read: " + e.getMessage();
                            problems.add(ContentProblem.error(display(file), ProblemKind.TREE).message(what)
                                    .hint("fix or remove the link, or the file's permissions").build());
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            problems.add(ContentProblem.error(display(root), ProblemKind.TREE).message("cannot be listed: " + e.getMessage())
                    .hint("check the folder's permissions").build());
        }
        posts.sort(Path::compareTo);
        return new Found(posts, ignored[0]);
    }

    private static boolean isSiteFile(Path root, Path file) {
        return file.getParent().equals(root)
                && (file.getFileName().toString().equals(SITE_FILE) || file.getFileName().toString().equals(AUTHORS_FILE));
    }

    private static boolean isHidden(Path path) {
        return path.getFileName() != null && path.getFileName().toString().startsWith(".");
    }

    /** Hugo's {@code _index.md} introduces a section (a list page); it is not a post. */
    private static boolean isSectionPage(Path file) {
        return file.getFileName().toString().startsWith("_index.");
    }

    private static boolean isMarkdown(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".md") || name.endsWith(".markdown");
    }

    private static Optional<PostSource> read(Path root, Path file, List<ContentProblem> problems) {
        String path = display(file);
        try {
            long size = Files.size(file);
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
            return Optional.of(new PostSource(path, folders, file.getFileName().toString(), Files.readAllBytes(file),
                    Files.getLastModifiedTime(file).toInstant()));
        } catch (IOException e) {
            problems.add(ContentProblem.error(path, ProblemKind.UNREADABLE).message("cannot be read: " + e)
                    .hint("check the file's permissions").build());
            return Optional.empty();
        }
    }

    private static Optional<String> readText(Path file, List<ContentProblem> problems) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(SourceText.decode(Files.readAllBytes(file), display(file)).text());
        } catch (ContentException e) {
            problems.add(e.problem());
        } catch (IOException e) {
            problems.add(ContentProblem.error(display(file), ProblemKind.SITE).message("cannot be read: " + e)
                    .hint("check the file's permissions").build());
        }
        return Optional.empty();
    }

    private static String display(Path path) {
        return path.normalize().toString();
    }
}
