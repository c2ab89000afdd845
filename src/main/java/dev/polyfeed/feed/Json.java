package dev.polyfeed.feed;

import java.util.List;
import java.util.Map;

import dev.polyfeed.content.XmlText;

/**
 * Just enough JSON writing for JSON Feed: objects keep insertion order, null values are left out,
 * strings are escaped per RFC 8259. A JSON library would bring a whole object mapper for this.
 */
final class Json {

    private Json() {
    }

    static String write(Object value) {
        StringBuilder out = new StringBuilder(4096);
        write(out, value, 0);
        return out.append('\n').toString();
    }

    private static void write(StringBuilder out, Object value, int depth) {
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (entry.getValue() == null) {
                    continue;
                }
                out.append(first ? "" : ",").append('\n').append("  ".repeat(depth + 1));
                string(out, String.valueOf(entry.getKey()));
                out.append(": ");
                write(out, entry.getValue(), depth + 1);
                first = false;
            }
            out.append(first ? "" : "\n" + "  ".repeat(depth)).append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",").append('\n').append("  ".repeat(depth + 1));
                write(out, list.get(i), depth + 1);
            }
            out.append(list.isEmpty() ? "" : "\n" + "  ".repeat(depth)).append(']');
        } else if (value instanceof Boolean || value instanceof Number) {
            out.append(value);
        } else {
            string(out, String.valueOf(value));
        }
    }

    private static void string(StringBuilder out, String text) {
        out.append('"');
        String clean = XmlText.clean(text);
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                // U+2028/9 are legal JSON but end lines in JavaScript that embeds it
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
