package dev.polyfeed.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a generator's templates put in a post body, turned into Markdown and safe HTML before the
 * Markdown is rendered: Hugo shortcodes ({@code {{< figure >}}}, {@code {{% details %}}}), Jekyll's
 * Liquid ({@code {% highlight %}}, {@code {{ site.baseurl }}}), Docusaurus admonitions
 * ({@code :::note}) and MDX components ({@code <Tabs>}). The generators' common built-ins are rendered
 * as their sites render them, with embeds as links (feeds may not carry frames); any other keeps the
 * Markdown inside it and loses its markers, and its name is returned so that the site hears of it once.
 * Also finds where the author ended the summary ({@code <!--more-->}, {@code <!-- truncate -->}, a
 * Jekyll {@code excerpt_separator}). Pure and total: no input makes it throw.
 */
public final class Templates {

    /** Nesting deeper than this is not followed: its markers are dropped, its text kept. */
    private static final int MAX_DEPTH = 32;

    /** How a site resolves what its templates link to. */
    public interface Links {
        /** Hugo's {@code ref}/{@code relref} target, as written, to a URL. */
        default String ref(String target) {
            return target;
        }

        /** Jekyll's {@code post_url} name ({@code 2024-01-30-my-post}) to a URL. */
        default String postUrl(String name) {
            return name;
        }

        /** Jekyll's {@code link} path to a URL. */
        default String link(String path) {
            return path;
        }

        /** Hugo's {@code param}: the page's front-matter value, else the site's {@code params}. */
        default java.util.Optional<String> param(String name) {
            return java.util.Optional.empty();
        }

        /**
         * Jekyll's {@code site.x}: the site's {@code _config.yml} and {@code _data} ({@code data.x}), never
         * the page's front matter, which Liquid reads as {@code page.x}.
         */
        default java.util.Optional<String> siteValue(String name) {
            return param(name);
        }

        /** Jekyll's {@code site.url}. */
        default String siteUrl() {
            return "";
        }

        /** Jekyll's {@code site.baseurl}. */
        default String baseurl() {
            return "";
        }
    }

    /**
     * @param markdown the body with every template construct rendered or reduced
     * @param summaryEnd where the author's summary ends in {@code markdown} (a char index), or -1
     * @param dropped each construct that was reduced rather than rendered, by name, with the line of
     *        the body it was first found on (1-based)
     */
    public record Result(String markdown, int summaryEnd, Map<String, Integer> dropped) {
        public Result {
            dropped = Map.copyOf(dropped);
        }
    }

    public enum Dialect {
        HUGO, DOCUSAURUS, JEKYLL
    }

    private final Dialect dialect;
    private final Links links;
    private final String excerptSeparator;
    private final Map<String, Integer> dropped = new LinkedHashMap<>();
    private String original = "";

    private Templates(Dialect dialect, Links links, String excerptSeparator) {
        this.dialect = dialect;
        this.links = links;
        this.excerptSeparator = excerptSeparator;
    }

    /**
     * @param excerptSeparator Jekyll's {@code excerpt_separator}, or null
     */
    public static Result apply(String markdown, Dialect dialect, Links links, String excerptSeparator) {
        Templates templates = new Templates(dialect, links, excerptSeparator);
        templates.original = markdown;
        String out = switch (dialect) {
            case HUGO -> templates.hugo(markdown, 0);
            case JEKYLL -> templates.liquid(markdown, 0);
            // Docusaurus blogs moved from Hugo keep shortcodes that Docusaurus itself would show as text
            case DOCUSAURUS -> templates.hugo(templates.docusaurus(markdown), 0);
        };
        return templates.summary(out);
    }

    // ------------------------------------------------------------------------------------------ Hugo

    /** One shortcode marker: {@code {{< name args >}}}, {@code {{% /name %}}}, {@code {{< name />}}}. */
    private record Token(int start, int end, String name, boolean closing, boolean selfClosing, String args,
            boolean escaped, String text) {
    }

    private static List<Token> shortcodes(String text) {
        List<Token> tokens = new ArrayList<>();
        int from = 0;
        while (true) {
            int open = text.indexOf("{{", from);
            if (open < 0 || open + 2 >= text.length()) {
                return tokens;
            }
            char kind = text.charAt(open + 2);
            if (kind != '<' && kind != '%') {
                from = open + 2;
                continue;
            }
            String closer = (kind == '<' ? ">" : "%") + "}}";
            int i = open + 3;
            char quote = 0;
            int end = -1;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (quote != 0) {
                    if (c == '\\' && quote == '"') {
                        i += 2;
                        continue;
                    }
                    if (c == quote) {
                        quote = 0;
                    }
                } else if (c == '"' || c == '`') {
                    quote = c;
                } else if (text.startsWith(closer, i)) {
                    end = i + 3;
                    break;
                } else if (c == '\n' && text.startsWith("\n\n", i)) {
                    break; // a marker never spans a paragraph: this "{{<" is text
                }
                i++;
            }
            if (end < 0) {
                from = open + 3;
                continue;
            }
            String inside = text.substring(open + 3, end - 3).strip();
            boolean escaped = inside.startsWith("/*") && inside.endsWith("*/");
            if (escaped) {
                inside = inside.substring(2, inside.length() - 2).strip();
            }
            boolean closing = inside.startsWith("/");
            if (closing) {
                inside = inside.substring(1).strip();
            }
            boolean selfClosing = inside.endsWith("/");
            if (selfClosing) {
                inside = inside.substring(0, inside.length() - 1).strip();
            }
            Matcher name = Pattern.compile("^([^\\s\"`]+)\\s*(.*)$", Pattern.DOTALL).matcher(inside);
            if (!name.matches()) {
                from = open + 3;
                continue;
            }
            tokens.add(new Token(open, end, name.group(1), closing, selfClosing, name.group(2), escaped,
                    text.substring(open, end)));
            from = end;
        }
    }

    private String hugo(String text, int depth) {
        List<Token> tokens = shortcodes(text);
        if (tokens.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int position = 0;
        for (int k = 0; k < tokens.size(); k++) {
            Token token = tokens.get(k);
            out.append(text, position, token.start());
            position = token.end();
            if (token.escaped()) {
                // {{</* x */>}} is how a Hugo post shows a shortcode: Hugo prints it without the comment
                out.append(token.text().replaceFirst("\\{\\{([<%])\\s*/\\*\\s*", "{{$1 ").replaceFirst("\\s*\\*/\\s*([>%])\\}\\}$", " $1}}"));
                continue;
            }
            if (token.closing()) {
                drop(token.name(), token.start());
                continue;
            }
            int close = token.selfClosing() ? -1 : matchingClose(tokens, k);
            Map<String, String> args = arguments(token.args());
            if (close < 0) {
                out.append(hugoSingle(token, args));
                continue;
            }
            Token end = tokens.get(close);
            String inner = text.substring(token.end(), end.start());
            String rendered = depth >= MAX_DEPTH ? stripShortcodes(inner) : hugo(inner, depth + 1);
            out.append(hugoPaired(token, args, inner, rendered));
            position = end.end();
            k = close;
        }
        out.append(text, position, text.length());
        return out.toString();
    }

    private static int matchingClose(List<Token> tokens, int open) {
        String name = tokens.get(open).name();
        int depth = 0;
        for (int k = open + 1; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            if (t.escaped() || !t.name().equals(name)) {
                continue;
            }
            if (t.closing()) {
                if (depth == 0) {
                    return k;
                }
                depth--;
            } else if (!t.selfClosing()) {
                depth++;
            }
        }
        return -1;
    }

    private static String stripShortcodes(String text) {
        StringBuilder out = new StringBuilder();
        int position = 0;
        for (Token token : shortcodes(text)) {
            out.append(text, position, token.start());
            position = token.end();
        }
        return out.append(text, position, text.length()).toString();
    }

    private String hugoSingle(Token token, Map<String, String> args) {
        String name = token.name().toLowerCase(Locale.ROOT);
        switch (name) {
            case "figure":
                return figure(args);
            case "youtube": {
                String id = arg(args, "id", 0);
                if (id.isEmpty()) {
                    break;
                }
                String title = args.getOrDefault("title", "Video on YouTube");
                return "<a href=\"https://www.youtube.com/watch?v=" + Urls.segment(id) + "\"><img src=\"https://i.ytimg.com/vi/"
                        + Urls.segment(id) + "/hqdefault.jpg\" alt=\"" + Html.escape(title) + "\" title=\""
                        + Html.escape(title) + "\"></a>";
            }
            case "vimeo": {
                String id = arg(args, "id", 0);
                if (id.isEmpty()) {
                    break;
                }
                String title = args.getOrDefault("title", "Video on Vimeo");
                return "<a href=\"https://vimeo.com/" + Urls.segment(id) + "\">" + Html.escape(title) + "</a>";
            }
            case "x":
            case "tweet":
            case "twitter": {
                String user = args.getOrDefault("user", "");
                String id = arg(args, "id", user.isEmpty() ? 0 : 1);
                if (id.isEmpty()) {
                    break;
                }
                String host = name.equals("x") ? "x.com" : "twitter.com";
                String href = user.isEmpty() ? "https://" + host + "/i/web/status/" + Urls.segment(id)
                        : "https://" + host + "/" + Urls.segment(user) + "/status/" + Urls.segment(id);
                String what = user.isEmpty() ? "A post on X" : "A post by @" + user + " on X";
                return "\n\n<blockquote><p><a href=\"" + href + "\">" + Html.escape(what) + "</a></p></blockquote>\n\n";
            }
            case "gist": {
                String user = arg(args, "user", 0);
                String id = arg(args, "id", 1);
                if (user.isEmpty() || id.isEmpty()) {
                    break;
                }
                String file = arg(args, "file", 2);
                return "<a href=\"https://gist.github.com/" + Urls.segment(user) + "/" + Urls.segment(id)
                        + (file.isEmpty() ? "" : "#file-" + Urls.segment(file.replace('.', '-'))) + "\">Gist " + Html.escape(user) + "/"
                        + Html.escape(id) + (file.isEmpty() ? "" : " (" + Html.escape(file) + ")") + "</a>";
            }
            case "ref":
            case "relref": {
                String target = arg(args, "path", 0);
                return target.isEmpty() ? "" : links.ref(target);
            }
            case "param": {
                String key = arg(args, "name", 0);
                java.util.Optional<String> value = links.param(key);
                if (value.isPresent()) {
                    return value.get();
                }
                break;
            }
            case "comment":
                return "";
            default:
                break;
        }
        drop(token.name(), token.start());
        return "";
    }

    private String hugoPaired(Token token, Map<String, String> args, String raw, String inner) {
        switch (token.name().toLowerCase(Locale.ROOT)) {
            case "highlight": {
                String language = arg(args, "lang", 0);
                return codeBlock(language, raw);
            }
            case "details": {
                String summary = args.getOrDefault("summary", "Details");
                boolean open = "true".equalsIgnoreCase(args.getOrDefault("open", ""));
                return "\n\n<details" + (open ? " open" : "") + "><summary>" + Html.escape(summary) + "</summary>\n\n"
                        + inner.strip() + "\n\n</details>\n\n";
            }
            case "comment":
                return "";
            case "figure":
                return figure(args) + inner;
            default:
                drop(token.name(), token.start());
                return inner;
        }
    }

    private String figure(Map<String, String> args) {
        String src = args.getOrDefault("src", "");
        if (src.isEmpty()) {
            return "";
        }
        StringBuilder html = new StringBuilder("<figure>");
        String link = args.getOrDefault("link", "");
        if (!link.isEmpty()) {
            html.append("<a href=\"").append(Html.escape(link)).append("\">");
        }
        html.append("<img src=\"").append(Html.escape(src)).append("\" alt=\"")
                .append(Html.escape(args.getOrDefault("alt", args.getOrDefault("caption", "")))).append('"');
        for (String size : List.of("width", "height")) {
            if (args.getOrDefault(size, "").matches("\\d{1,5}")) {
                html.append(' ').append(size).append("=\"").append(args.get(size)).append('"');
            }
        }
        html.append('>');
        if (!link.isEmpty()) {
            html.append("</a>");
        }
        String title = args.getOrDefault("title", "");
        String caption = args.getOrDefault("caption", "");
        String attr = args.getOrDefault("attr", "");
        if (!title.isEmpty() || !caption.isEmpty() || !attr.isEmpty()) {
            html.append("<figcaption>");
            if (!title.isEmpty()) {
                html.append("<strong>").append(Html.escape(title)).append("</strong>");
                if (!caption.isEmpty() || !attr.isEmpty()) {
                    html.append(' ');
                }
            }
            html.append(Html.escape(caption));
            if (!attr.isEmpty()) {
                String attrLink = args.getOrDefault("attrlink", "");
                html.append(caption.isEmpty() ? "" : " ");
                html.append(attrLink.isEmpty() ? Html.escape(attr)
                        : "<a href=\"" + Html.escape(attrLink) + "\">" + Html.escape(attr) + "</a>");
            }
            html.append("</figcaption>");
        }
        return html.append("</figure>").toString();
    }

    /** Shortcode arguments: {@code key="value"} pairs, and positional ones under "0", "1"… */
    static Map<String, String> arguments(String text) {
        Map<String, String> args = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?:([A-Za-z_][\\w-]*)\\s*=\\s*)?(\"((?:[^\"\\\\]|\\\\.)*)\"|`([^`]*)`|'([^']*)'|([^\\s\"'`]+))")
                .matcher(text);
        int position = 0;
        while (m.find()) {
            String value = m.group(3) != null ? m.group(3).replace("\\\"", "\"") : m.group(4) != null ? m.group(4)
                    : m.group(5) != null ? m.group(5) : m.group(6);
            if (m.group(1) != null) {
                args.put(m.group(1).toLowerCase(Locale.ROOT), value);
            } else {
                args.put(String.valueOf(position++), value);
            }
        }
        return args;
    }

    private static String arg(Map<String, String> args, String key, int position) {
        return args.getOrDefault(key, args.getOrDefault(String.valueOf(position), "")).strip();
    }

    private static String codeBlock(String language, String code) {
        String body = code.replaceAll("^\\s*\\n", "").replaceAll("\\s+$", "");
        String fence = "```";
        while (body.contains(fence)) {
            fence += "`";
        }
        return "\n\n" + fence + language.replaceAll("[^A-Za-z0-9_+#.-]", "") + "\n" + body + "\n" + fence + "\n\n";
    }

    // ---------------------------------------------------------------------------------------- Liquid

    private static final Pattern LIQUID = Pattern.compile("\\{%-?\\s*(\\w+)(.*?)-?%\\}|\\{\\{-?(.*?)-?\\}\\}", Pattern.DOTALL);
    private static final Pattern STRING_FILTER = Pattern.compile(
            "^\\s*(?:\"([^\"]*)\"|'([^']*)')\\s*\\|\\s*(relative_url|absolute_url)\\s*$");

    private String liquid(String text, int depth) {
        StringBuilder out = new StringBuilder(text.length());
        Matcher m = LIQUID.matcher(text);
        int position = 0;
        while (position < text.length() && m.find(position)) {
            out.append(text, position, m.start());
            position = m.end();
            if (m.group(1) == null) {
                out.append(liquidOutput(m.group(3).strip(), m.start()));
                continue;
            }
            String tag = m.group(1);
            String args = m.group(2).strip();
            String lower = tag.toLowerCase(Locale.ROOT);
            if (lower.startsWith("end") || lower.equals("else") || lower.equals("elsif") || lower.equals("when")) {
                if (!Set.LIQUID_QUIET.contains(lower)) {
                    drop(tag.substring(lower.startsWith("end") ? 3 : 0), m.start());
                }
                continue;
            }
            int[] end = endTag(text, tag, m.end());
            if (lower.equals("raw") && end != null) {
                String raw = text.substring(m.end(), end[0]);
                // shown as written; outside a code block it is code a reader should see as such
                boolean inCode = insideFence(text, m.start()) || insideInlineCode(text, m.start());
                out.append(inCode || raw.contains("`") || raw.contains("\n") || !raw.contains("{") ? raw : "`" + raw + "`");
                position = end[1];
                continue;
            }
            if ((lower.equals("comment")) && end != null) {
                position = end[1];
                continue;
            }
            if (lower.equals("highlight") && end != null) {
                out.append(codeBlock(args.split("\\s+")[0], text.substring(m.end(), end[0])));
                position = end[1];
                continue;
            }
            switch (lower) {
                case "post_url" -> out.append(links.postUrl(args.split("\\s+")[0]));
                case "link" -> out.append(links.link(args.split("\\s+")[0]));
                case "assign", "capture", "increment", "decrement", "cycle", "break", "continue" -> {
                    if (lower.equals("capture") && end != null) {
                        position = end[1];
                    }
                }
                default -> {
                    drop(tag, m.start());
                    if (end != null) {
                        String inner = text.substring(m.end(), end[0]);
                        out.append(depth >= MAX_DEPTH ? LIQUID.matcher(inner).replaceAll("") : liquid(inner, depth + 1));
                        position = end[1];
                    }
                }
            }
        }
        out.append(text, Math.min(position, text.length()), text.length());
        return out.toString();
    }

    /** Where {@code {% endtag %}} matching a tag opened before {@code from} starts and ends, or null. */
    private static int[] endTag(String text, String tag, int from) {
        Matcher m = Pattern.compile("\\{%-?\\s*(end)?" + Pattern.quote(tag) + "\\b.*?-?%\\}", Pattern.DOTALL)
                .matcher(text);
        int depth = 0;
        int position = from;
        while (m.find(position)) {
            position = m.end();
            if (m.group(1) == null) {
                if (!tag.equalsIgnoreCase("raw") && !tag.equalsIgnoreCase("comment")) {
                    depth++;
                }
            } else if (depth == 0) {
                return new int[] {m.start(), m.end()};
            } else {
                depth--;
            }
        }
        return null;
    }

    private String liquidOutput(String expression, int at) {
        Matcher filtered = STRING_FILTER.matcher(expression);
        if (filtered.matches()) {
            String path = filtered.group(1) != null ? filtered.group(1) : filtered.group(2);
            String relative = links.baseurl() + (path.startsWith("/") ? path : "/" + path);
            return filtered.group(3).equals("absolute_url") ? links.siteUrl() + relative : relative;
        }
        String variable = expression.split("[\\s|]", 2)[0];
        switch (variable) {
            case "site.url":
                return links.siteUrl();
            case "site.baseurl":
                return links.baseurl();
            case "":
                return "";
            default:
                if (variable.startsWith("site.")) {
                    java.util.Optional<String> value = links.siteValue(variable.substring("site.".length()));
                    if (value.isPresent()) {
                        return value.get();
                    }
                }
                drop("{{ " + variable + " }}", at);
                return "";
        }
    }

    /** Liquid block words that say nothing on their own: their opening tag was reported. */
    private static final class Set {
        static final java.util.Set<String> LIQUID_QUIET = java.util.Set.of("else", "elsif", "when", "endif", "endunless",
                "endfor", "endcase", "endcapture", "endcomment", "endraw", "endhighlight", "endtablerow");
    }

    // ------------------------------------------------------------------------------------ Docusaurus

    private static final Pattern ADMONITION_OPEN = Pattern.compile("^(\\s*)(:{3,})([A-Za-z][\\w-]*)(?:\\[(.*)\\]|\\s+(.*?))?\\s*(?:\\{.*\\})?\\s*$");
    private static final Pattern ADMONITION_CLOSE = Pattern.compile("^\\s*(:{3,})\\s*$");
    private static final Pattern JSX_TAG = Pattern.compile("</?([A-Z][A-Za-z0-9]*(?:\\.[A-Za-z0-9]+)*)(?=[\\s/>])");

    private String docusaurus(String text) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        List<String> open = new ArrayList<>();
        String fence = null;
        StringBuilder prose = new StringBuilder();
        int proseStart = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            if (fence != null) {
                out.append(line).append('\n');
                if (trimmed.startsWith(fence) && trimmed.replace(fence.substring(0, 1), "").isBlank()) {
                    fence = null;
                }
                continue;
            }
            if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
                out.append(jsx(prose.toString(), proseStart));
                prose.setLength(0);
                fence = trimmed.substring(0, trimmed.startsWith("`") ? countLeading(trimmed, '`') : countLeading(trimmed, '~'));
                out.append(line).append('\n');
                proseStart = i + 1;
                continue;
            }
            Matcher opening = ADMONITION_OPEN.matcher(line);
            Matcher closing = ADMONITION_CLOSE.matcher(line);
            if (closing.matches()) {
                // a closing fence with nothing open closes nothing and says nothing to a reader
                if (!open.isEmpty()) {
                    open.remove(open.size() - 1);
                    prose.append("\n</blockquote>\n\n");
                }
                continue;
            }
            if (opening.matches()) {
                String type = opening.group(3);
                String title = opening.group(4) != null ? opening.group(4) : opening.group(5);
                if (title == null || title.isBlank()) {
                    title = type.substring(0, 1).toUpperCase(Locale.ROOT) + type.substring(1).toLowerCase(Locale.ROOT);
                }
                open.add(type);
                prose.append("\n<blockquote>\n\n<p><strong>").append(Html.escape(title.strip())).append("</strong></p>\n\n");
                continue;
            }
            if (prose.length() == 0) {
                proseStart = i;
            }
            prose.append(line).append('\n');
        }
        for (int k = 0; k < open.size(); k++) {
            prose.append("\n</blockquote>\n");
        }
        out.append(jsx(prose.toString(), proseStart));
        return out.length() > 0 ? out.substring(0, out.length() - 1) : "";
    }

    private static int countLeading(String text, char c) {
        int n = 0;
        while (n < text.length() && text.charAt(n) == c) {
            n++;
        }
        return Math.max(3, n);
    }

    /** Drops MDX component markers ({@code <Tabs>}, {@code </TabItem>}, {@code <Note />}), keeping what is inside. */
    private String jsx(String prose, int firstLine) {
        String text = TRUNCATE_MDX.matcher(prose).replaceAll(TRUNCATE_MARK);
        Matcher m = JSX_TAG.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int position = 0;
        while (position < text.length() && m.find(position)) {
            if (insideInlineCode(text, m.start())) {
                out.append(text, position, m.end());
                position = m.end();
                continue;
            }
            int end = tagEnd(text, m.end());
            if (end < 0) {
                out.append(text, position, m.end());
                position = m.end();
                continue;
            }
            out.append(text, position, m.start());
            dropAtLine(m.group(1), firstLine + 1 + (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count());
            position = end;
        }
        out.append(text, Math.min(position, text.length()), text.length());
        return out.toString();
    }

    /** Whether {@code at} is inside a fenced code block: an odd number of fence lines before it. */
    private static boolean insideFence(String text, int at) {
        int fences = 0;
        for (String line : text.substring(0, at).split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
                fences++;
            }
        }
        return fences % 2 == 1;
    }

    private static boolean insideInlineCode(String text, int at) {
        int lineStart = text.lastIndexOf('\n', at - 1) + 1;
        int ticks = 0;
        for (int i = lineStart; i < at; i++) {
            if (text.charAt(i) == '`') {
                ticks++;
            }
        }
        return ticks % 2 == 1;
    }

    /** The end of a JSX tag whose name ends at {@code from}: past its {@code >}, skipping quotes and braces. */
    private static int tagEnd(String text, int from) {
        int braces = 0;
        char quote = 0;
        for (int i = from; i < text.length() && i < from + 4000; i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '{') {
                braces++;
            } else if (c == '}') {
                braces = Math.max(0, braces - 1);
            } else if (c == '>' && braces == 0) {
                return i + 1;
            }
        }
        return -1;
    }

    // --------------------------------------------------------------------------------------- summary

    private static final String TRUNCATE_MARK = "<!-- truncate -->";
    private static final Pattern TRUNCATE_MDX = Pattern.compile("\\{/\\*\\s*truncate\\s*\\*/\\}");
    private static final Pattern SUMMARY_MARKER = Pattern.compile("<!--\\s*(?:more|truncate)\\s*-->", Pattern.CASE_INSENSITIVE);

    private Result summary(String markdown) {
        String text = dialect == Dialect.DOCUSAURUS ? TRUNCATE_MDX.matcher(markdown).replaceAll(TRUNCATE_MARK) : markdown;
        int end = -1;
        Matcher marker = SUMMARY_MARKER.matcher(text);
        if (marker.find()) {
            end = marker.start();
            text = text.substring(0, marker.start()) + text.substring(marker.end());
        } else if (excerptSeparator != null && !excerptSeparator.isEmpty() && !excerptSeparator.equals("\n\n")) {
            int at = text.indexOf(excerptSeparator);
            if (at >= 0) {
                end = at;
                text = text.substring(0, at) + text.substring(at + excerptSeparator.length());
            }
        }
        return new Result(text, end, dropped);
    }

    // -------------------------------------------------------------------------------------- reporting

    private void drop(String name, int offsetInText) {
        // offsets of nested text are not those of the original body: the first line found is good enough
        int at = Math.max(0, Math.min(offsetInText, original.length()));
        int line = 1 + (int) original.substring(0, at).chars().filter(c -> c == '\n').count();
        dropped.putIfAbsent(name, line);
    }

    private void dropAtLine(String name, int line) {
        dropped.putIfAbsent(name, line);
    }

    /** For tests and callers that only want the text. */
    static String render(String markdown, Dialect dialect) {
        return apply(markdown, dialect, new Links() {
        }, null).markdown();
    }

}
