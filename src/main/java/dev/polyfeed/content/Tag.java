package dev.polyfeed.content;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A tag: its identity ({@code key}, used in URLs and to merge spellings) and the label readers see.
 *
 * @param key normalised identity, see {@link #keyOf(String)}
 * @param label the spelling shown to readers
 */
public record Tag(String key, String label) {

    /**
     * White space of every kind (no-break, ideographic, thin…: {@code \h} and {@code \v} are Unicode
     * aware, {@code \s} is not), invisible zero-width spaces, and slashes.
     */
    private static final Pattern SEPARATOR_RUNS = Pattern.compile("[\\h\\v\\s/\\u200B\\u2060\\uFEFF]+");
    private static final Pattern SPACE_RUNS = Pattern.compile("[\\h\\v\\s\\u200B\\u2060\\uFEFF]+");
    private static final Pattern EDGE_DASHES = Pattern.compile("^-+|-+$");

    public Tag {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("a tag key cannot be empty");
        }
    }

    /** A tag as written by an author; empty when nothing of it is left after normalising. */
    public static Optional<Tag> of(String spelling) {
        if (spelling == null) {
            return Optional.empty();
        }
        // one instance per spelling, which the catalog then finds already canonical, and one normalisation
        return SPELLINGS.of(spelling);
    }

    private static final Spellings<Tag> SPELLINGS = new Spellings<>(65_536, Tag::normalised);

    private static Optional<Tag> normalised(String spelling) {
        String label = SPACE_RUNS.matcher(Normalizer.normalize(spelling, Normalizer.Form.NFC)).replaceAll(" ").strip();
        String key = keyOf(label);
        return key.isEmpty() ? Optional.empty() : Optional.of(new Tag(key, label));
    }

    /**
     * The identity of a tag: trimmed, Unicode NFC, lower-cased without regard to the JVM's locale
     * (a Turkish default locale must not turn {@code AI} into {@code aı}), runs of white space of any
     * kind and {@code /} turned into one {@code -}. Letters of every script are kept.
     */
    public static String keyOf(String spelling) {
        String nfc = Normalizer.normalize(spelling.strip(), Normalizer.Form.NFC);
        String lower = Normalizer.normalize(nfc.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
        String dashed = SEPARATOR_RUNS.matcher(lower).replaceAll("-");
        return EDGE_DASHES.matcher(dashed).replaceAll("");
    }
}
