package dev.polyfeed.address;

/** The syndication formats Polyfeed writes, with the file name and media type of each. */
public enum FeedFormat {
    RSS("rss.xml", "application/rss+xml", "RSS"),
    ATOM("atom.xml", "application/atom+xml", "Atom"),
    JSON("feed.json", "application/feed+json", "JSON Feed");

    private final String fileName;
    private final String mediaType;
    private final String displayName;

    FeedFormat(String fileName, String mediaType, String displayName) {
        this.fileName = fileName;
        this.mediaType = mediaType;
        this.displayName = displayName;
    }

    public String fileName() {
        return fileName;
    }

    public String mediaType() {
        return mediaType;
    }

    public String displayName() {
        return displayName;
    }

    /** The format whose file name this is. */
    public static java.util.Optional<FeedFormat> byFileName(String name) {
        for (FeedFormat format : values()) {
            if (format.fileName.equals(name)) {
                return java.util.Optional.of(format);
            }
        }
        return java.util.Optional.empty();
    }
}
