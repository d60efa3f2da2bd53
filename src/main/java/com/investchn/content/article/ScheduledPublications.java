package com.investchn.content.article;

import com.investchn.content.common.change.Change;
import com.investchn.content.common.change.ChangeLog;
import com.investchn.content.common.config.ContentApiConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * A scheduled article becomes public when its publishedAt passes, with no write. This task gives
 * each such moment its change-log entry (event article.published) within one poll interval, so that
 * caches, ETags and followers notice it. With several instances each entry is written by exactly
 * one of them: they take turns on {@code change_counter.scheduled_through}, which an instance moves
 * forward only if it still holds the value it read.
 */
@ApplicationScoped
class ScheduledPublications {

  private static final Logger LOG = Logger.getLogger(ScheduledPublications.class);

  /** Without due articles the mark is moved at most this often, to keep its scan short. */
  private static final Duration IDLE_ADVANCE = Duration.ofSeconds(5);

  private final EntityManager entityManager;
  private final ChangeLog changes;
  private final long intervalMillis;
  private ScheduledExecutorService executor;

  public ScheduledPublications(
      EntityManager entityManager, ChangeLog changes, ContentApiConfig config) {
    this.entityManager = entityManager;
    this.changes = changes;
    this.intervalMillis = Math.max(10, config.changeLog().pollInterval().toMillis());
  }

  void start(@Observes StartupEvent event) {
    executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "scheduled-publications");
              thread.setDaemon(true);
              return thread;
            });
    executor.scheduleWithFixedDelay(
        this::runQuietly, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
  }

  void stop(@Observes ShutdownEvent event) {
    if (executor != null) {
      executor.shutdownNow();
    }
  }

  private void runQuietly() {
    try {
      QuarkusTransaction.requiringNew().run(this::logDuePublications);
    } catch (RuntimeException e) {
      LOG.debug("Could not log due publications; retrying", e);
    }
  }

  /** Appends an entry for every article whose time came since the mark, and moves the mark. */
  void logDuePublications() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    List<Change> published =
        entityManager
            .unwrap(Session.class)
            .doReturningWork(
                connection -> {
                  List<Change> found = new ArrayList<>();
                  OffsetDateTime mark;
                  try (PreparedStatement select =
                          connection.prepareStatement(
                              "select scheduled_through from change_counter where id = 1");
                      ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                      return found;
                    }
                    mark = rows.getObject(1, OffsetDateTime.class);
                  }
                  if (mark == null) {
                    mark = ArticleRepository.utc(now);
                  }
                  List<Long> due = new ArrayList<>();
                  // Published after their last write: public now without a write since.
                  try (PreparedStatement select =
                      connection.prepareStatement(
                          "select article_id from article_listing where list_key = ?"
                              + " and published_at > ? and published_at <= ?"
                              + " and published_at > updated_at order by published_at, article_id")) {
                    select.setString(1, ArticleListing.ALL);
                    select.setObject(2, mark);
                    select.setObject(3, ArticleRepository.utc(now));
                    try (ResultSet rows = select.executeQuery()) {
                      while (rows.next()) {
                        due.add(rows.getLong(1));
                      }
                    }
                  }
                  if (due.isEmpty()
                      && Duration.between(mark.toInstant(), now).compareTo(IDLE_ADVANCE) < 0) {
                    return found;
                  }
                  try (PreparedStatement advance =
                      connection.prepareStatement(
                          "update change_counter set scheduled_through = ?"
                              + " where id = 1 and scheduled_through = ?")) {
                    advance.setObject(1, ArticleRepository.utc(now));
                    advance.setObject(2, mark);
                    if (advance.executeUpdate() == 0) {
                      // Another instance moved the mark first; it logs these.
                      return found;
                    }
                  }
                  for (long id : due) {
                    String slug;
                    try (PreparedStatement select =
                        connection.prepareStatement("select slug from article where id = ?")) {
                      select.setLong(1, id);
                      try (ResultSet rows = select.executeQuery()) {
                        slug = rows.next() ? rows.getString(1) : null;
                      }
                    }
                    found.add(Change.article(id, slug, false, true));
                  }
                  return found;
                });
    if (!published.isEmpty()) {
      changes.append(published, "scheduler");
      LOG.debugf("Logged %d scheduled publications", published.size());
    }
  }
}
