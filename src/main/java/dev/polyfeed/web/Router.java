package dev.polyfeed.web;

import java.util.List;

import dev.polyfeed.address.Address;
import dev.polyfeed.address.AddressParser;
import dev.polyfeed.publish.Publication;

/**
 * What a request path leads to in a publication: the address it names ({@link Address#parse}), and
 * whether that publication has a document there.
 */
final class Router {

    /** What a path leads to. */
    sealed interface Route {
    }

    /** A document exists at this canonical address (it may still have to be rendered). */
    record Found(Address address) implements Route {
        String path() {
            return address.path();
        }
    }

    record Moved(String canonicalPath) implements Route {
    }

    record Missing(String reason) implements Route {
    }

    private final Publication publication;

    Router(Publication publication) {
        this.publication = publication;
    }

    /** @param segments the decoded path segments, empty for {@code /} */
    Route route(List<String> segments) {
        AddressParser.Parsed parsed = Address.parse(segments, publication.catalog());
        if (parsed instanceof AddressParser.Unknown unknown) {
            return new Missing(unknown.reason());
        }
        boolean exact = parsed instanceof AddressParser.Exact;
        Address address = exact ? ((AddressParser.Exact) parsed).address() : ((AddressParser.Variant) parsed).canonical();
        String path = address.path();
        if (!publication.exists(path)) {
            return new Missing(address instanceof Address.FeedDocument feed && feed.page() > 0
                    ? "No archive " + feed.page() + " of this feed." : "Nothing at " + path + ".");
        }
        return exact ? new Found(address) : new Moved(path);
    }
}
