package dev.polyfeed.feed;

import java.util.Set;

import org.jdom2.Element;
import org.jdom2.Namespace;

import com.rometools.rome.feed.module.Module;
import com.rometools.rome.io.ModuleGenerator;

/**
 * RFC 5005 feed history as a ROME module: {@code <fh:complete/>} on a feed whose one document holds
 * every post, {@code <fh:archive/>} on an archive document. ROME writes it into RSS channels and Atom
 * feeds through {@link Generator}, registered in {@code rome.properties}.
 */
public final class FeedHistoryModule extends ValueModule<FeedHistoryModule.Marker> {

    private static final long serialVersionUID = 1L;
    public static final String URI = "http://purl.org/syndication/history/1.0";
    static final Namespace NAMESPACE = Namespace.getNamespace("fh", URI);

    /** What a document is in its feed's history. */
    public enum Marker {
        COMPLETE("complete"), ARCHIVE("archive");

        private final String element;

        Marker(String element) {
            this.element = element;
        }
    }

    /** ROME copies modules by reflection: it needs a public no-argument constructor. */
    public FeedHistoryModule() {
        super(FeedHistoryModule.class, URI);
    }

    FeedHistoryModule(Marker marker) {
        this();
        setValue(marker);
    }

    /** Writes the marker into the channel or feed element. */
    public static final class Generator implements ModuleGenerator {
        @Override
        public String getNamespaceUri() {
            return URI;
        }

        @Override
        public Set<Namespace> getNamespaces() {
            return Set.of(NAMESPACE);
        }

        @Override
        public void generate(Module module, Element element) {
            Marker marker = ((FeedHistoryModule) module).getValue();
            if (marker != null) {
                element.addContent(new Element(marker.element, NAMESPACE));
            }
        }
    }
}
