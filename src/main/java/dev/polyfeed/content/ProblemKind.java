package dev.polyfeed.content;

/**
 * What sort of thing is wrong, so that a site owner with a thousand posts is told about ten kinds of
 * problem to fix, each with a count, rather than reading a thousand lines.
 */
public enum ProblemKind {
    UNREADABLE("files that cannot be read (empty, too large, not UTF-8, no permission)"),
    FRONT_MATTER("front matter missing or never closed"),
    YAML("front matter that is not valid YAML"),
    NO_TITLE("posts without a title"),
    NO_LANGUAGE("posts without a language"),
    VALUE("front-matter values of the wrong shape"),
    DATE("dates that cannot be read"),
    NO_DATE("posts without a date"),
    AUTHOR("authors not in authors.yml"),
    TAG("tags with nothing left in them"),
    SAME_ADDRESS("posts sharing a slug or an id with another"),
    CONTROL_CHARACTERS("characters XML forbids"),
    UNSAFE_HTML("HTML that feeds must not carry"),
    RENDERING("bodies that cannot be rendered"),
    TEMPLATE("template syntax Polyfeed does not render (shortcodes, Liquid tags, MDX components), markers dropped"),
    SITE("site.yml and authors.yml"),
    TREE("folders and links that cannot be walked"),
    INTERNAL("files Polyfeed failed on (a bug: please report it)");

    private final String description;

    ProblemKind(String description) {
        this.description = description;
    }

    /** How a summary names the kind: a plural noun phrase. */
    public String description() {
        return description;
    }
}
