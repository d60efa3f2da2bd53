package com.investchn.content.common.change;

import com.investchn.content.common.config.ContentApiConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Follows the change log for what other instances commit: it reads the log's head (one indexed row)
 * every {@code content-api.change-log.poll-interval}, moves this instance's {@link ChangeHead} (and
 * so every cache keyed by it) and tells the catalogs which kinds of content changed. This poll is
 * the only coordination between instances, and its interval is the bound on how stale one instance
 * can be after a write through another.
 */
@ApplicationScoped
class ChangeFollower {

  private static final Logger LOG = Logger.getLogger(ChangeFollower.class);

  private final AgroalDataSource dataSource;
  private final ChangeHead head;
  private final Event<ChangesCommitted> committed;
  private final long intervalMillis;
  private ScheduledExecutorService executor;

  /** The log has been scanned for the kinds of its entries up to here. */
  private long scannedThrough = -1;

  public ChangeFollower(
      AgroalDataSource dataSource,
      ChangeHead head,
      Event<ChangesCommitted> committed,
      ContentApiConfig config) {
    this.dataSource = dataSource;
    this.head = head;
    this.committed = committed;
    this.intervalMillis = Math.max(10, config.changeLog().pollInterval().toMillis());
  }

  /** Reads the head once before the service answers, then follows it. */
  void start(@Observes @Priority(20) StartupEvent event) {
    poll();
    executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "change-log-follower");
              thread.setDaemon(true);
              return thread;
            });
    executor.scheduleWithFixedDelay(
        this::pollQuietly, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
  }

  void stop(@Observes ShutdownEvent event) {
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  private void pollQuietly() {
    try {
      poll();
    } catch (RuntimeException e) {
      // The database may be briefly unreachable; readiness reports it, the next poll retries.
      LOG.debug("Could not read the change log head", e);
    }
  }

  /** Reads the committed head and reports what the entries since the last poll touched. */
  synchronized void poll() {
    try (Connection connection = dataSource.getConnection()) {
      long last;
      java.time.Instant changedAt;
      try (PreparedStatement select =
              connection.prepareStatement(
                  "select c.last_seq, l.changed_at from change_counter c"
                      + " left join change_log l on l.seq = c.last_seq where c.id = 1");
          ResultSet rows = select.executeQuery()) {
        if (!rows.next()) {
          return;
        }
        last = rows.getLong(1);
        java.time.OffsetDateTime time = rows.getObject(2, java.time.OffsetDateTime.class);
        changedAt = time == null ? null : time.toInstant();
      }
      if (last <= scannedThrough) {
        return;
      }
      Set<Change.Entity> entities = EnumSet.noneOf(Change.Entity.class);
      if (scannedThrough >= 0) {
        try (PreparedStatement kinds =
            connection.prepareStatement(
                "select distinct entity from change_log where seq > ? and seq <= ?")) {
          kinds.setLong(1, scannedThrough);
          kinds.setLong(2, last);
          try (ResultSet rows = kinds.executeQuery()) {
            while (rows.next()) {
              entities.add(Change.Entity.fromWireName(rows.getString(1)));
            }
          }
        }
      } else {
        entities = EnumSet.allOf(Change.Entity.class);
      }
      scannedThrough = last;
      head.advanceTo(last, changedAt);
      committed.fire(new ChangesCommitted(entities, last));
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the change log head", e);
    }
  }
}
