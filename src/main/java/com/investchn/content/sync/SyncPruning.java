package com.investchn.content.sync;

import com.investchn.content.common.config.ContentApiConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Keeps the change log from growing without bound: removes entries that a later entry for the same
 * entity superseded (after {@code content-api.sync.superseded-retention}) and deletes older than
 * {@code content-api.sync.delete-retention}, remembering the newest pruned delete so that a cursor
 * from before it gets 410. Never removes the head entry, which every instance's change follower
 * reads; the response cache keys on the head's number only. Instances may prune at the same time:
 * each removal is idempotent and the horizon only moves forward.
 */
@ApplicationScoped
class SyncPruning {

  private static final Logger LOG = Logger.getLogger(SyncPruning.class);

  /** What one pruning run removed, and the horizon after it. */
  record Pruned(int superseded, int deletes, long prunedThrough) {}

  private final SyncLog log;
  private final ContentApiConfig.Sync config;
  private ScheduledExecutorService executor;

  SyncPruning(SyncLog log, ContentApiConfig config) {
    this.log = log;
    this.config = config.sync();
  }

  void start(@Observes StartupEvent event) {
    long interval = config.pruneInterval().toMillis();
    if (interval <= 0) {
      return;
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "change-log-pruning");
              thread.setDaemon(true);
              return thread;
            });
    executor.scheduleWithFixedDelay(this::pruneQuietly, interval, interval, TimeUnit.MILLISECONDS);
  }

  void stop(@Observes ShutdownEvent event) {
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  private void pruneQuietly() {
    try {
      Pruned pruned = prune(config.deleteRetention(), config.supersededRetention());
      LOG.debugf(
          "Pruned %d superseded entries and %d deletes; cursors below %d get 410",
          pruned.superseded(), pruned.deletes(), pruned.prunedThrough());
    } catch (RuntimeException e) {
      LOG.warn("Could not prune the change log; the next run retries", e);
    }
  }

  /** Prunes with these retentions, in a transaction of its own. */
  Pruned prune(Duration deleteRetention, Duration supersededRetention) {
    Instant now = Instant.now();
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              int superseded = log.pruneSuperseded(now.minus(supersededRetention));
              int deletes = log.pruneDeletes(now.minus(deleteRetention));
              return new Pruned(superseded, deletes, log.prunedThrough());
            });
  }
}
