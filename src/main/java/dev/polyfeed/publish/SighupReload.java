package dev.polyfeed.publish;

import org.jboss.logging.Logger;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * {@code kill -HUP <pid>} reloads the content, the way operators reload nginx. The JVM's own SIGHUP
 * handler would shut the server down; this one replaces it, and only asks for a reload: the signal
 * thread never does the work.
 */
final class SighupReload {

    private static final Logger LOG = Logger.getLogger(SighupReload.class);

    private SighupReload() {
    }

    static void install(Runnable requestReload) {
        try {
            SignalHandler before = Signal.handle(new Signal("HUP"), signal -> {
                LOG.info("SIGHUP: reloading content");
                requestReload.run();
            });
            if (before == SignalHandler.SIG_IGN) {
                // the JVM keeps a signal ignored that it was started ignoring (nohup does that): no handler runs
                LOG.warn("SIGHUP is ignored by this process (started under nohup or with SIGHUP blocked), so"
                        + " 'kill -HUP' will not reload content; start it without nohup, or use polyfeed.watch");
            }
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            LOG.infof("SIGHUP cannot be handled on this platform (%s); use polyfeed.watch to reload", e.getMessage());
        }
    }
}
