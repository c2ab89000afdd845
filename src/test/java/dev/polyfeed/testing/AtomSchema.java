package dev.polyfeed.testing;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import com.thaiopensource.validate.rng.CompactSchemaReader;

/** Validates Atom documents against the RELAX NG schema of RFC 4287 (Appendix B), with Jing. */
public final class AtomSchema {

    private AtomSchema() {
    }

    /** The schema violations of a document; empty when it is valid. */
    public static List<String> violations(byte[] document) {
        List<String> errors = new ArrayList<>();
        ErrorHandler collector = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        };
        PropertyMapBuilder properties = new PropertyMapBuilder();
        ValidateProperty.ERROR_HANDLER.put(properties, collector);
        ValidationDriver driver = new ValidationDriver(properties.toPropertyMap(), CompactSchemaReader.getInstance());
        try {
            InputSource schema = new InputSource(AtomSchema.class.getResource("/schema/atom.rnc").toExternalForm());
            if (!driver.loadSchema(schema)) {
                throw new IllegalStateException("the RFC 4287 schema did not load: " + errors);
            }
            driver.validate(new InputSource(new ByteArrayInputStream(document)));
        } catch (java.io.IOException | org.xml.sax.SAXException e) {
            errors.add(e.toString());
        }
        return errors;
    }
}
