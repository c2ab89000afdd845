package dev.polyfeed.content;

import java.util.regex.Pattern;

/**
 * What an MDX post (Docusaurus) holds that is not Markdown a reader should see: {@code import} and
 * {@code export} lines and {@code {/* … *}{@literal /}} comments. They are blanked, not removed, so
 * that problems still point at the right line. Code blocks are left as they are.
 */
final class Mdx {

    private static final Pattern MODULE_LINE = Pattern.compile("^(?:import|export)\\s.*$");
    private static final Pattern COMMENT = Pattern.compile("\\{/\\*.*?\\*/\\}", Pattern.DOTALL);

    private Mdx() {
    }

    static String withoutModuleSyntax(String body) {
        StringBuilder out = new StringBuilder(body.length());
        boolean inFence = false;
        StringBuilder prose = new StringBuilder();
        for (String line : body.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
                out.append(blankComments(prose));
                prose.setLength(0);
                inFence = !inFence;
                out.append(line).append('\n');
                continue;
            }
            if (inFence) {
                out.append(line).append('\n');
            } else {
                prose.append(MODULE_LINE.matcher(line).matches() ? "" : line).append('\n');
            }
        }
        out.append(blankComments(prose));
        return out.substring(0, Math.max(0, out.length() - 1));
    }

    /** Each comment becomes as many line ends as it spanned. */
    private static String blankComments(CharSequence prose) {
        return COMMENT.matcher(prose).replaceAll(match -> "\n".repeat((int) match.group().chars().filter(c -> c == '\n').count()));
    }
}
