package dev.polyfeed.content;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A post file as read from disk, before parsing: parsing needs nothing else, so it stays pure.
 *
 * @param path the file as reported to the operator, content folder included
 * @param folders folders between the content folder and the file; the first names the language
 * @param fileName the file's name, extension included
 * @param modified the file's modification time: the date of last resort
 * @param bytes the whole file; or, when {@code bodyInFile} is present, only its front matter
 * @param bodyInFile the rest of the file, left there until it is rendered; empty when {@code bytes}
 *        hold the whole file
 */
public record PostSource(String path, List<String> folders, String fileName, byte[] bytes, Instant modified,
        Origin origin, Optional<BodyText.InFile> bodyInFile) {

    /**
     * Where a file of a Hugo, Docusaurus or Jekyll site sits in that site, as its generator sees it.
     *
     * @param language the language its folder or name gives it
     * @param folders folders between the language's content root (Hugo), the blog folder (Docusaurus) or
     *        the site (Jekyll: the categories above {@code _posts}) and the file; for a bundle, without
     *        the bundle's own folder
     * @param stem the file's name without extension and language suffix; a bundle's folder name
     * @param section Hugo's section (the first folder), else ""
     * @param folder the folder the file is in: what its relative links and images are beside
     */
    public record Origin(Language language, List<String> folders, String stem, boolean bundle, String section,
            java.nio.file.Path folder) {
        public Origin {
            folders = List.copyOf(folders);
        }
    }

    /** A file of Polyfeed's own layout, read whole. */
    public PostSource(String path, List<String> folders, String fileName, byte[] bytes, Instant modified) {
        this(path, folders, fileName, bytes, modified, null, Optional.empty());
    }

    /** A file of a generator's site, read whole. */
    public PostSource(String path, List<String> folders, String fileName, byte[] bytes, Instant modified, Origin origin) {
        this(path, folders, fileName, bytes, modified, origin, Optional.empty());
    }

    public PostSource {
        Objects.requireNonNull(path, "path");
        folders = List.copyOf(folders);
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(modified, "modified");
        Objects.requireNonNull(bodyInFile, "bodyInFile");
    }

    /** The file name without its extension. */
    public String stem() {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
