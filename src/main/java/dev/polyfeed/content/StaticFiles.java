package dev.polyfeed.content;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The files a generator's site publishes as they are (Hugo's and Docusaurus's {@code static/}, a
 * Jekyll site's files outside its {@code _} folders), for a site whose address is unknown: its posts'
 * root-relative images ({@code /images/map.png}) then point at Polyfeed, which serves them at that path.
 * Listed once per load, so that serving never looks at the disk to learn whether a file exists, and
 * only media files are listed: never Markdown, configuration, HTML, scripts, or anything hidden, linked
 * or in a folder the generator does not publish.
 *
 * @param folders where each folder's files are served, and which they are
 */
public record StaticFiles(List<Folder> folders) {

    public static final StaticFiles NONE = new StaticFiles(List.of());

    /** The media types served, by extension: what posts show, nothing a browser would run. */
    public static final Map<String, String> TYPES = Map.ofEntries(Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"), Map.entry("avif", "image/avif"), Map.entry("svg", "image/svg+xml"),
            Map.entry("ico", "image/x-icon"), Map.entry("mp4", "video/mp4"), Map.entry("webm", "video/webm"),
            Map.entry("mp3", "audio/mpeg"), Map.entry("pdf", "application/pdf"));

    private static final int MAX_FILES = 50_000;

    /**
     * @param prefix the site path the folder is served at, with slashes at both ends ({@code /}, {@code /docs/})
     * @param root the folder
     * @param files the served files' paths below the folder, {@code /}-separated, as written on disk
     */
    public record Folder(String prefix, Path root, Set<String> files) {
        public Folder {
            files = Set.copyOf(files);
        }
    }

    public StaticFiles {
        folders = List.copyOf(folders);
    }

    /** A served file: where it is and its media type. */
    public record Found(Path root, Path file, String type) {
    }

    /** The file a decoded site path names, if it is one of the listed files; no I/O. */
    public Optional<Found> find(String decodedPath) {
        for (Folder folder : folders) {
            if (decodedPath.startsWith(folder.prefix()) && folder.files().contains(decodedPath.substring(folder.prefix().length()))) {
                String relative = decodedPath.substring(folder.prefix().length());
                return Optional.of(new Found(folder.root(), folder.root().resolve(relative), typeOf(relative)));
            }
        }
        return Optional.empty();
    }

    /** The media type a file name gives, or null when it is not served. */
    public static String typeOf(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? null : TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /**
     * Lists a folder's media files: regular files, not links, not hidden, in no folder {@code skipFolder}
     * refuses (Jekyll's {@code _} folders and {@code exclude}).
     */
    static Folder list(String prefix, Path root, Predicate<String> skipFolder, Function<Path, String> display,
            ProblemCollector problems) {
        Set<String> files = new HashSet<>();
        if (!Files.isDirectory(root)) {
            return new Folder(prefix, root, files);
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    return dir.equals(root) || !name.startsWith(".") && !skipFolder.test(name) ? FileVisitResult.CONTINUE
                            : FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = file.getFileName().toString();
                    // not following links: a link could lead anywhere on the server
                    if (attrs.isRegularFile() && !name.startsWith(".") && typeOf(name) != null) {
                        files.add(root.relativize(file).toString().replace(java.io.File.separatorChar, '/'));
                    }
                    return files.size() >= MAX_FILES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.add(ContentProblem.warning(display.apply(root), ProblemKind.TREE).message("cannot be listed: " + e.getMessage())
                    .hint("check the folder's permissions; its files are not served").build());
        }
        if (files.size() >= MAX_FILES) {
            problems.add(ContentProblem.warning(display.apply(root), ProblemKind.TREE)
                    .message("holds over " + MAX_FILES + " media files; only the first " + MAX_FILES + " found are served")
                    .hint("set polyfeed.site-url so that posts' images link the site itself").build());
        }
        return new Folder(prefix, root, files);
    }
}
