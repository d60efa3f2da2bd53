package com.investchn.content.common.health;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * An OutOfMemoryError leaves the JVM in an unknown state (an embedded database may have closed its
 * store, a thread may hold a lock forever), so the process ends at once instead of serving half
 * alive; every acknowledged write is already committed, and the supervisor starts a fresh one. The
 * run commands also pass -XX:+ExitOnOutOfMemoryError, which covers errors nobody catches.
 */
@ApplicationScoped
public class FatalErrors {

  private static final Logger LOG = Logger.getLogger(FatalErrors.class);

  /** Exit status of a process that stopped itself after a fatal error. */
  static final int EXIT_STATUS = 3;

  void installHandler(@Observes StartupEvent event) {
    Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, error) -> {
          haltIfFatal(error);
          if (previous != null) {
            previous.uncaughtException(thread, error);
          }
        });
  }

  /** Ends the process when the error (or one of its causes) is an OutOfMemoryError. */
  public static void haltIfFatal(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof OutOfMemoryError) {
        try {
          LOG.fatal("Out of memory; stopping the process so that it can be restarted", cause);
        } finally {
          Runtime.getRuntime().halt(EXIT_STATUS);
        }
      }
      if (cause.getCause() == cause) {
        return;
      }
    }
  }
}
