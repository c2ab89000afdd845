package dev.polyfeed.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** MDX module syntax and comments are blanked line for line, code blocks kept. */
class MdxTest {

    @Test
    void importsExportsAndCommentsBecomeBlankLinesAndCodeStays() {
        String mdx = "import A from 'a';\nText {/* one */} here.\n{/* two\nlines */}\n```\nimport b from 'b';\n```\nexport default X;";
        assertEquals("\nText  here.\n\n\n```\nimport b from 'b';\n```\n", Mdx.withoutModuleSyntax(mdx));
        assertEquals(mdx.split("\n", -1).length, Mdx.withoutModuleSyntax(mdx).split("\n", -1).length);
    }
}
