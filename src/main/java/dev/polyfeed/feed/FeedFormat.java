package dev.polyfeed.feed;

/** The syndication formats Polyfeed writes, with the file name and media type of each. */
public enum FeedFormat {
    RSS("rss.xml", "application/rss+xml", "RSS"),
    ATOM("atom.xml", "application/atom+xml", "Atom");

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
}
