package dev.polyfeed.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a string setting of a Docusaurus configuration without running it. A configuration is
 * JavaScript, and sites often compute their address ({@code url: process.env.URL || 'https://x.org'},
 * a {@code const} bound above the object, a template literal); Polyfeed never evaluates it, but reads
 * the static forms such code takes: a string or plain template literal, the literal a {@code ||} or
 * {@code ??} falls back to, and a {@code const}/{@code let}/{@code var} binding of those used by name.
 * What it still cannot read is reported with the file, the line and the setting that replaces it.
 */
final class DocusaurusConfig {

    private static final int MAX_INDIRECTIONS = 4;
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][\\w$]*");

    private DocusaurusConfig() {
    }

    /**
     * The setting's value, or empty when the configuration does not set it or computes it beyond
     * reading (then reported, unless {@code quiet}: the operator already said what to use).
     *
     * @param file the configuration file, as reported
     */
    static Optional<String> value(String config, String key, String file, boolean quiet, ProblemCollector problems) {
        String code = withoutComments(config);
        Matcher property = Pattern.compile("(?:^|[\\s{,])['\"]?" + Pattern.quote(key) + "['\"]?\\s*(:|(?=\\s*[,}]))")
                .matcher(code);
        if (!property.find()) {
            return Optional.empty();
        }
        String expression = property.group(1).isEmpty() ? key : expression(code, property.end());
        Optional<String> value = evaluate(expression, code, 0);
        // `process.env.URL || 'http://localhost:3000'` falls back to where its author previews the site
        Optional<String> development = value.filter(DocusaurusConfig::isDevelopmentAddress);
        if ((value.isEmpty() || development.isPresent()) && !quiet) {
            String why = development.map(url -> " falls back to " + url + ", a development address,")
                    .orElse(" is computed in JavaScript");
            problems.add(ContentProblem.warning(file, ProblemKind.SITE).line(lineOf(config, code, property.start()))
                    .message("the site's " + key + " (" + key + ": " + shortened(expression) + ")" + why
                            + " and Polyfeed does not run the configuration: items link to Polyfeed's post pages")
                    .hint("set polyfeed.site-url (POLYFEED_SITE_URL) to the site's address, such as https://example.org/blog")
                    .build());
        }
        return development.isPresent() ? Optional.empty() : value;
    }

    private static boolean isDevelopmentAddress(String value) {
        try {
            String host = java.net.URI.create(value.strip()).getHost();
            return host != null && (host.equals("localhost") || host.endsWith(".localhost") || host.endsWith(".local")
                    || host.startsWith("127.") || host.equals("0.0.0.0") || host.equals("[::1]"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The text of an expression starting at {@code from}, up to the comma, brace or line that ends it. */
    private static String expression(String code, int from) {
        int depth = 0;
        char quote = 0;
        for (int i = from; i < code.length(); i++) {
            char c = code.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                depth--;
            } else if (depth == 0 && (c == ',' || c == ';' || c == '}' || c == ')' || c == ']'
                    || c == '\n' && !continues(code, i))) {
                return code.substring(from, i).strip();
            }
        }
        return code.substring(from).strip();
    }

    /** Whether the expression goes on past a line end: an operator ends this line or starts the next. */
    private static boolean continues(String code, int newline) {
        String before = code.substring(0, newline).stripTrailing();
        String after = code.substring(newline + 1).stripLeading();
        return before.endsWith("||") || before.endsWith("??") || before.endsWith("=") || before.endsWith("+")
                || after.startsWith("||") || after.startsWith("??");
    }

    private static Optional<String> evaluate(String expression, String code, int depth) {
        String text = expression.strip();
        while (text.startsWith("(") && text.endsWith(")") && text.length() > 1) {
            text = text.substring(1, text.length() - 1).strip();
        }
        List<String> alternatives = split(text);
        if (alternatives.size() > 1) {
            // `process.env.URL || 'https://x'`: the first operand that can be read without running anything
            for (String alternative : alternatives) {
                Optional<String> value = evaluate(alternative, code, depth);
                if (value.isPresent()) {
                    return value;
                }
            }
            return Optional.empty();
        }
        Optional<String> literal = literal(text);
        if (literal.isPresent() || depth >= MAX_INDIRECTIONS || !IDENTIFIER.matcher(text).matches()) {
            return literal;
        }
        Matcher binding = Pattern.compile("\\b(?:const|let|var)\\s+" + Pattern.quote(text) + "\\s*=").matcher(code);
        return binding.find() ? evaluate(expression(code, binding.end()), code, depth + 1) : Optional.empty();
    }

    /** A string literal, or a template literal that substitutes nothing. */
    private static Optional<String> literal(String text) {
        if (text.length() < 2) {
            return Optional.empty();
        }
        char quote = text.charAt(0);
        if ((quote != '\'' && quote != '"' && quote != '`') || text.charAt(text.length() - 1) != quote) {
            return Optional.empty();
        }
        String inner = text.substring(1, text.length() - 1);
        if (inner.indexOf(quote) >= 0 || inner.indexOf('\\') >= 0 || quote == '`' && inner.contains("${")) {
            return Optional.empty();
        }
        return Optional.of(inner.strip());
    }

    /** The operands of {@code ||} and {@code ??} at the top level of an expression. */
    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (depth == 0 && i + 1 < text.length() && (c == '|' || c == '?') && text.charAt(i + 1) == c) {
                parts.add(text.substring(start, i));
                start = i + 2;
                i++;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    /** The code with its comments blanked out, every other character (and so every offset) kept. */
    private static String withoutComments(String config) {
        StringBuilder out = new StringBuilder(config);
        char quote = 0;
        for (int i = 0; i < config.length(); i++) {
            char c = config.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote || c == '\n' && quote != '`') {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '/' && i + 1 < config.length() && config.charAt(i + 1) == '/'
                    && (i == 0 || config.charAt(i - 1) != ':')) {
                // "https://" is no comment; a line comment runs to the end of its line
                for (; i < config.length() && config.charAt(i) != '\n'; i++) {
                    out.setCharAt(i, ' ');
                }
            } else if (c == '/' && i + 1 < config.length() && config.charAt(i + 1) == '*') {
                int end = config.indexOf("*/", i + 2);
                end = end < 0 ? config.length() : end + 2;
                for (; i < end; i++) {
                    if (config.charAt(i) != '\n') {
                        out.setCharAt(i, ' ');
                    }
                }
                i--;
            }
        }
        return out.toString();
    }

    private static int lineOf(String config, String code, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < config.length(); i++) {
            if (config.charAt(i) == '\n') {
                line++;
            }
        }
        // the match starts at the character before the key, which may be the line's own end
        return Character.isWhitespace(code.charAt(offset)) && code.charAt(offset) == '\n' ? line + 1 : line;
    }

    private static String shortened(String expression) {
        String line = expression.replaceAll("\\s+", " ");
        return line.length() > 60 ? line.substring(0, 60) + "…" : line;
    }
}
