package dev.polyfeed.feed;

import java.util.Set;

import org.jdom2.Element;
import org.jdom2.Namespace;

import com.rometools.rome.feed.module.Module;
import com.rometools.rome.io.ModuleGenerator;

/**
 * The language of an Atom feed or entry as {@code xml:lang} (RFC 4287 section 2), which ROME's Atom
 * model has no field for on entries. Readers pick fonts, hyphenation and direction from it, and an entry
 * carries its own so that it keeps its language when an aggregator copies it into another feed.
 */
public final class LanguageModule extends ValueModule<String> {

    private static final long serialVersionUID = 1L;
    /** The XML namespace's URI names this module: the attribute is in it. */
    public static final String URI = Namespace.XML_NAMESPACE.getURI();

    /** ROME copies modules by reflection: it needs a public no-argument constructor. */
    public LanguageModule() {
        super(LanguageModule.class, URI);
    }

    LanguageModule(String language) {
        this();
        setValue(language);
    }

    /** Sets {@code xml:lang} on the feed or entry element. */
    public static final class Generator implements ModuleGenerator {
        @Override
        public String getNamespaceUri() {
            return URI;
        }

        @Override
        public Set<Namespace> getNamespaces() {
            // the xml prefix is bound in every document: nothing to declare
            return Set.of();
        }

        @Override
        public void generate(Module module, Element element) {
            String language = ((LanguageModule) module).getValue();
            if (language != null) {
                element.setAttribute("lang", language, Namespace.XML_NAMESPACE);
            }
        }
    }
}
