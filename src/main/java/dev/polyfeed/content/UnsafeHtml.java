package dev.polyfeed.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Safelist;

import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlInlineBase;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.HtmlInnerBlockComment;
import com.vladsch.flexmark.ast.LinkNodeBase;
import com.vladsch.flexmark.util.ast.Node;

/**
 * Says what sanitising removes from a body and on which line of the Markdown, so that an author is
 * told "{@code <script>} on line 12" rather than "something somewhere". Unsafe markup can only come
 * from raw HTML or from a link's address (Markdown itself writes nothing unsafe), so the Markdown's
 * syntax tree is searched for those two, at the lines flexmark knows. The sanitiser still decides
 * what is removed; this only names it.
 */
public final class UnsafeHtml {

    /** A removed element, attribute or link, and the line of the Markdown it is on (1-based). */
    public record Removal(String what, int line) {
    }

    private static final Pattern SCHEME = Pattern.compile("^\\s*([A-Za-z][A-Za-z0-9+.-]*):");
    private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto", "ftp");

    private UnsafeHtml() {
    }

    /**
     * Whether the Markdown holds raw HTML other than comments (which are removed without a word): only
     * raw HTML can bring markup that the Markdown renderer does not write itself.
     */
    static boolean hasRawHtml(Node markdown) {
        for (Node node : markdown.getDescendants()) {
            if ((node instanceof HtmlBlockBase || node instanceof HtmlInlineBase) && !isComment(node)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isComment(Node node) {
        return node instanceof HtmlCommentBlock || node instanceof HtmlInlineComment || node instanceof HtmlInnerBlockComment;
    }

    static List<Removal> find(Node markdown, Safelist safelist, String postUrl) {
        List<Removal> removals = new ArrayList<>();
        for (Node node : markdown.getDescendants()) {
            if (isComment(node)) {
                continue; // comments are dropped without a word: translators keep the original in them
            }
            int line = node.getStartLineNumber() + 1;
            if (node instanceof HtmlBlockBase || node instanceof HtmlInlineBase) {
                html(node.getChars().toString(), line, safelist, postUrl, removals);
            } else if (node instanceof LinkNodeBase link) {
                Matcher scheme = SCHEME.matcher(link.getUrl());
                if (scheme.find() && !SAFE_SCHEMES.contains(scheme.group(1).toLowerCase(Locale.ROOT))) {
                    removals.add(new Removal(scheme.group(1).toLowerCase(Locale.ROOT) + ": link", line));
                }
            }
        }
        return removals;
    }

    private static void html(String html, int firstLine, Safelist safelist, String postUrl, List<Removal> removals) {
        Document chunk = Parser.htmlParser().setTrackPosition(true).parseInput(html, postUrl);
        // the whole document: a parser puts <script> and <style> in the head it makes up
        for (Element element : chunk.getAllElements()) {
            if (element == chunk || element == chunk.head() || element == chunk.body() || element.parent() == chunk) {
                continue;
            }
            int line = firstLine + Math.max(0, element.sourceRange().start().lineNumber() - 1);
            String tag = element.normalName();
            if (!safelist.isSafeTag(tag)) {
                removals.add(new Removal("<" + tag + ">", line));
                continue;
            }
            for (Attribute attribute : element.attributes()) {
                if (!safelist.isSafeAttribute(tag, element, attribute)) {
                    removals.add(new Removal(attribute.getKey() + "=\"" + ContentProblem.quote(attribute.getValue())
                            + "\" on <" + tag + ">", line));
                }
            }
        }
    }
}
