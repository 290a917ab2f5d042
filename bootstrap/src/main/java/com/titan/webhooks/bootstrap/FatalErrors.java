package com.titan.webhooks.bootstrap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the process when a thread dies of an {@link Error} (an OutOfMemoryError above all): a
 * service whose worker or inbox writer is gone still answers its health routes while nothing is
 * applied or stored any more. Better to exit and let the supervisor start a clean one; every
 * acknowledged delivery is already in the store or the spool. Only {@code serve} installs it;
 * the JVM flag {@code -XX:+ExitOnOutOfMemoryError} covers the threads this cannot see.
 */
final class FatalErrors {

    /** The exit code of a process that stopped because a thread died (sysexits' EX_SOFTWARE). */
    static final int EXIT_CODE = 70;

    private static final Logger LOG = LoggerFactory.getLogger(FatalErrors.class);

    private FatalErrors() {
    }

    static void install() {
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> {
            if (failure instanceof Error) {
                try {
                    LOG.error("thread {} died of {}; stopping the process so that it can be restarted",
                            thread.getName(), failure.toString());
                } finally {
                    // halt, not exit: shutdown hooks could wait on the very thread that died
                    Runtime.getRuntime().halt(EXIT_CODE);
                }
            } else {
                LOG.error("thread {} died: {}", thread.getName(), failure.toString());
            }
        });
    }
}
