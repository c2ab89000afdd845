package dev.polyfeed.content;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A post file as read from disk, before parsing: parsing needs nothing else, so it stays pure.
 *
 * @param path the file as reported to the operator, content folder included
 * @param folders folders between the content folder and the file; the first names the language
 * @param fileName the file's name, extension included
 * @param modified the file's modification time: the date of last resort
 */
public record PostSource(String path, List<String> folders, String fileName, byte[] bytes, Instant modified) {

    public PostSource {
        Objects.requireNonNull(path, "path");
        folders = List.copyOf(folders);
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(modified, "modified");
    }

    /** The file name without its extension. */
    public String stem() {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }
}
