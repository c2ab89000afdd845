package dev.polyfeed.content;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import com.vladsch.flexmark.ast.AnchorRefTarget;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.html.renderer.HeaderIdGeneratorFactory;
import com.vladsch.flexmark.html.renderer.HtmlIdGenerator;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;

/**
 * Heading ids that keep every script whole. flexmark's own generator keeps letters only, so it strips
 * the vowel signs of Devanagari and other Indic scripts ({@code डीपसीक} became {@code डपसक}); these
 * ids keep letters, combining marks and digits, lower-cased with {@code Locale.ROOT}, and number
 * repeats ({@code intro}, {@code intro-1}) as GitHub does.
 */
final class HeadingIds implements HtmlIdGenerator {

    static final HeaderIdGeneratorFactory FACTORY = new HeaderIdGeneratorFactory() {
        @Override
        public HtmlIdGenerator create(LinkResolverContext context) {
            return new HeadingIds();
        }

        @Override
        public HtmlIdGenerator create() {
            return new HeadingIds();
        }
    };

    private final Map<String, Integer> used = new HashMap<>();

    @Override
    public void generateIds(Document document) {
        for (Node node : document.getDescendants()) {
            if (node instanceof Heading heading && !heading.isExplicitAnchorRefId()) {
                heading.setAnchorRefId(unique(slug(heading.getAnchorRefText())));
            }
        }
    }

    @Override
    public String getId(Node node) {
        return node instanceof AnchorRefTarget target ? target.getAnchorRefId() : null;
    }

    @Override
    public String getId(CharSequence text) {
        return slug(text.toString());
    }

    private String unique(String id) {
        Integer count = used.get(id);
        used.put(id, count == null ? 1 : count + 1);
        return count == null ? id : id + "-" + count;
    }

    static String slug(String text) {
        String lower = Normalizer.normalize(text, Normalizer.Form.NFC).strip().toLowerCase(Locale.ROOT);
        StringBuilder id = new StringBuilder(lower.length());
        lower.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (Character.isLetterOrDigit(c) || type == Character.NON_SPACING_MARK
                    || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK || c == '_') {
                id.appendCodePoint(c);
            } else if (Character.isWhitespace(c) || c == '-') {
                id.append('-');
            }
        });
        return id.toString();
    }
}
