package com.investchn.content.common.change;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hibernate.Session;

/**
 * The one record of what changed, in commit order. Writers append in their own transaction, as the
 * last thing before they commit; readers (the response cache, the change feed, webhooks, search)
 * follow it by sequence number.
 */
@ApplicationScoped
public class ChangeLog {

  private static final String INSERT =
      "insert into change_log (seq, entity, entity_id, slug, op, event, changed_at, actor)"
          + " values (?, ?, ?, ?, ?, ?, ?, ?)";

  private final EntityManager entityManager;
  private final TransactionSynchronizationRegistry transactions;
  private final ChangeHead head;
  private final Event<ChangesAppended> appended;
  private final Event<ChangesCommitted> committed;

  public ChangeLog(
      EntityManager entityManager,
      TransactionSynchronizationRegistry transactions,
      ChangeHead head,
      Event<ChangesAppended> appended,
      Event<ChangesCommitted> committed) {
    this.entityManager = entityManager;
    this.transactions = transactions;
    this.head = head;
    this.appended = appended;
    this.committed = committed;
  }

  /**
   * Appends changes in the caller's transaction and returns the sequence number of the last one.
   * The counter row stays locked until the caller commits or rolls back, so call this as the last
   * step of a write: every other writer waits for it from here on.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public long append(Collection<Change> changes, String actor) {
    return append(changes, List.of(), actor);
  }

  /**
   * Appends a write's changes and, after them, the changes it causes in the representations of
   * other entities ({@code alsoChanged}: the zones of a tree whose node was renamed, the articles
   * filed under it). Only {@code changes} are announced in {@link ChangesAppended}; an entity named
   * twice is logged once, at its first place. Returns the sequence number of the last entry; see
   * {@link #append(Collection, String)} for the lock this takes.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public long append(Collection<Change> changes, Collection<Change> alsoChanged, String actor) {
    if (changes.isEmpty() && alsoChanged.isEmpty()) {
      return head.seen();
    }
    // Derived data first, so the counter row is locked only for the numbering itself.
    entityManager.flush();
    ChangesAppended event = new ChangesAppended(List.copyOf(changes));
    if (!changes.isEmpty()) {
      appended.fire(event);
    }
    List<Change> numbered = new ArrayList<>(changes);
    Set<String> named = new java.util.HashSet<>();
    changes.forEach(change -> named.add(change.entity() + ":" + change.entityId()));
    for (Change change : concat(alsoChanged, event.derived())) {
      if (named.add(change.entity() + ":" + change.entityId())) {
        numbered.add(change);
      }
    }
    return number(numbered, actor);
  }

  private static List<Change> concat(Collection<Change> first, Collection<Change> second) {
    List<Change> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  private long number(List<Change> changes, String actor) {
    int count = changes.size();
    entityManager
        .createNativeQuery("update change_counter set last_seq = last_seq + ?1 where id = 1")
        .setParameter(1, count)
        .executeUpdate();
    long last =
        ((Number)
                entityManager
                    .createNativeQuery("select last_seq from change_counter where id = 1")
                    .getSingleResult())
            .longValue();
    Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS));
    Set<Change.Entity> entities = EnumSet.noneOf(Change.Entity.class);
    changes.forEach(change -> entities.add(change.entity()));
    entityManager
        .unwrap(Session.class)
        .doWork(
            connection -> {
              try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                long seq = last - count + 1;
                for (Change change : changes) {
                  insert.setLong(1, seq++);
                  insert.setString(2, change.entity().wireName());
                  insert.setLong(3, change.entityId());
                  insert.setString(4, change.slug());
                  insert.setString(5, change.op().wireName());
                  insert.setString(6, change.event());
                  insert.setTimestamp(7, now);
                  insert.setString(8, actor);
                  insert.addBatch();
                }
                insert.executeBatch();
              }
            });
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              // Visible through this instance at once; other instances learn it by polling.
              head.advanceTo(last, now.toInstant());
              committed.fire(new ChangesCommitted(entities, last));
            }
          }
        });
    return last;
  }

  /** Appends one change; see {@link #append(Collection, String)}. */
  @Transactional(Transactional.TxType.MANDATORY)
  public long append(Change change, String actor) {
    return append(List.of(change), actor);
  }

  /** The sequence number of the newest committed change (0 for an empty log). */
  @Transactional(Transactional.TxType.SUPPORTS)
  public long committedHead() {
    return ((Number)
            entityManager
                .createNativeQuery("select last_seq from change_counter where id = 1")
                .getSingleResult())
        .longValue();
  }

  /**
   * The newest delete entry that pruning has removed (0 while none has been): a follower that last
   * applied an entry below it may have missed a deletion and must start again from the content.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public long prunedThrough() {
    return ((Number)
            entityManager
                .createNativeQuery("select pruned_through from sync_state where id = 1")
                .getSingleResult())
        .longValue();
  }

  /** Up to {@code limit} committed entries after {@code seq}, oldest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ChangeEntry> after(long seq, int limit) {
    List<ChangeEntry> entries = new ArrayList<>();
    entityManager
        .unwrap(Session.class)
        .doWork(
            connection -> {
              try (PreparedStatement select =
                  connection.prepareStatement(
                      "select seq, entity, entity_id, slug, op, event, changed_at, actor"
                          + " from change_log where seq > ? order by seq"
                          + " fetch first ? rows only")) {
                select.setLong(1, seq);
                select.setInt(2, limit);
                try (ResultSet rows = select.executeQuery()) {
                  while (rows.next()) {
                    entries.add(
                        new ChangeEntry(
                            rows.getLong(1),
                            Change.Entity.fromWireName(rows.getString(2)),
                            rows.getLong(3),
                            rows.getString(4),
                            Change.Op.fromWireName(rows.getString(5)),
                            rows.getString(6),
                            rows.getTimestamp(7).toInstant(),
                            rows.getString(8)));
                  }
                }
              }
            });
    return entries;
  }
}
