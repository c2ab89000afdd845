package dev.polyfeed.content;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates as authors write them in front matter and file names. Times without a zone are UTC. */
public final class PostDates {

    private static final Pattern DATE_TIME = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2})(?:[Tt ]+(\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?)\\s*(Z|z|UTC|[+-]\\d{2}(?::?\\d{2})?)?)?$");
    private static final Pattern FILE_NAME_DATE = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})-(.+)$");

    private PostDates() {
    }

    /**
     * Reads {@code 2025-01-30}, {@code 2025-01-30T10:15}, {@code 2025-01-30 10:15:00 +0300},
     * {@code 2025-01-30T10:15:00Z} and the like.
     *
     * @return empty when the text is not such a date or names a day that does not exist
     */
    public static Optional<Instant> parse(String text) {
        Matcher m = DATE_TIME.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            LocalDate date = LocalDate.parse(m.group(1));
            // "5:00:00" as Jekyll sites write it is 05:00:00
            LocalTime time = m.group(2) == null ? LocalTime.MIDNIGHT
                    : LocalTime.parse(m.group(2).indexOf(':') == 1 ? "0" + m.group(2) : m.group(2));
            return Optional.of(date.atTime(time).toInstant(offset(m.group(3))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static ZoneOffset offset(String text) {
        if (text == null || text.equalsIgnoreCase("Z") || text.equals("UTC")) {
            return ZoneOffset.UTC;
        }
        String digits = text.replace(":", "");
        String normalised = digits.length() == 3 ? digits + ":00"
                : digits.substring(0, 3) + ":" + digits.substring(3);
        return ZoneOffset.of(normalised);
    }

    /** The {@code YYYY-MM-DD-} prefix of a file name, as Jekyll and Hugo authors use it. */
    public static Optional<Instant> fromFileName(String stem) {
        Matcher m = FILE_NAME_DATE.matcher(stem);
        return m.matches() ? parse(m.group(1)) : Optional.empty();
    }

    /** The file name without its date prefix: what the slug defaults to. */
    public static String withoutDatePrefix(String stem) {
        Matcher m = FILE_NAME_DATE.matcher(stem);
        return m.matches() && parse(m.group(1)).isPresent() ? m.group(2) : stem;
    }
}
