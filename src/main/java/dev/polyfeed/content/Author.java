package dev.polyfeed.content;

import java.util.Objects;
import java.util.Optional;

/**
 * Someone credited on a post.
 *
 * @param name shown to readers; never blank
 * @param url home page, absolute, or null
 * @param image avatar URL, absolute, or null
 * @param title role or affiliation ("Turkish translator"), or null
 */
public record Author(String name, String url, String image, String title) {

    public Author {
        Objects.requireNonNull(name, "name");
        name = name.strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("an author needs a name");
        }
        url = blankToNull(url);
        image = blankToNull(image);
        title = blankToNull(title);
    }

    public Optional<String> urlText() {
        return Optional.ofNullable(url);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
