package dev.polyfeed.publish;

import org.jboss.logging.Logger;

import sun.misc.Signal;

/**
 * {@code kill -HUP <pid>} reloads the content, the way operators reload nginx. The JVM's own SIGHUP
 * handler would shut the server down; this one replaces it.
 */
final class SighupReload {

    private static final Logger LOG = Logger.getLogger(SighupReload.class);

    private SighupReload() {
    }

    static void install(Runnable reload) {
        try {
            Signal.handle(new Signal("HUP"), signal -> {
                LOG.info("SIGHUP: reloading content");
                Thread worker = new Thread(reload, "polyfeed-sighup-reload");
                worker.setDaemon(true);
                worker.start();
            });
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            LOG.infof("SIGHUP cannot be handled on this platform (%s); use polyfeed.watch to reload", e.getMessage());
        }
    }
}
