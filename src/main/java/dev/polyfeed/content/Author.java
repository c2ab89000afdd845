package dev.polyfeed.content;

import java.util.Objects;
import java.util.Optional;

/**
 * Someone credited on a post.
 *
 * @param key identity in addresses ({@code /authors/ada/atom.xml}): the author's key in authors.yml,
 *        else the name made into a path segment as tags are ("Jane Doe" is {@code jane-doe})
 * @param name shown to readers; never blank
 * @param url home page, absolute, or null
 * @param image avatar URL, absolute, or null
 * @param title role or affiliation ("Turkish translator"), or null
 */
public record Author(String key, String name, String url, String image, String title) {

    public Author {
        Objects.requireNonNull(name, "name");
        name = name.strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("an author needs a name");
        }
        key = key == null || Tag.keyOf(key).isEmpty() ? Tag.keyOf(name) : Tag.keyOf(key);
        if (key.isEmpty()) {
            key = "author";
        }
        url = blankToNull(url);
        image = blankToNull(image);
        title = blankToNull(title);
    }

    /** Someone known by name only: the key is made from the name. */
    public Author(String name, String url, String image, String title) {
        this(null, name, url, image, title);
    }

    /** The same person under the key authors.yml gives them. */
    public Author withKey(String authorsFileKey) {
        return new Author(authorsFileKey, name, url, image, title);
    }

    public Optional<String> urlText() {
        return Optional.ofNullable(url);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
