package dev.polyfeed.publish;

/** A new publication is being served: fired once per reload that succeeded, startup's included. */
public record Published(Publication publication) {
}
