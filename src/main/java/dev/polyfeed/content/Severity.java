package dev.polyfeed.content;

/** How much a content problem costs the reader. */
public enum Severity {
    /** The post or file was still used, with a fallback the author should know about. */
    WARNING,
    /** The post or file could not be used and is not served. */
    ERROR
}
