package com.investchn.content.sync;

import com.investchn.content.common.change.Change;
import com.investchn.content.common.change.ChangeEntry;
import com.investchn.content.common.change.ChangeLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hibernate.Session;

/** The change feed's queries over the change log and its pruning horizon. */
@ApplicationScoped
class SyncLog {

  /**
   * The entries after a position up to the head, skipping every entry of an entity that has a later
   * one (it is served there): one index probe of ix_change_log_entity per entry read.
   */
  private static final String LATEST =
      "select l.seq, l.entity, l.entity_id, l.slug, l.op, l.event, l.changed_at, l.actor"
          + " from change_log l where l.seq > ? and l.seq <= ?%s"
          + " and not exists (select 1 from change_log n where n.entity = l.entity"
          + " and n.entity_id = l.entity_id and n.seq > l.seq)"
          + " order by l.seq fetch first ? rows only";

  private final EntityManager entityManager;
  private final ChangeLog log;

  SyncLog(EntityManager entityManager, ChangeLog log) {
    this.entityManager = entityManager;
    this.log = log;
  }

  /** The newest committed position; every entry up to it is committed. */
  long head() {
    return log.committedHead();
  }

  /**
   * Webhooks deliver every event, not only each entity's latest state, and their dispatcher reads
   * the log from a position of its own: nothing it has yet to read may go, however old (an
   * installation whose webhooks were switched off keeps its log until they catch up).
   */
  private static final String UNREAD_BY_WEBHOOKS =
      " and seq <= (select last_seq from webhook_dispatch where id = 1)";

  /** Cursors below this position may have missed a pruned delete. */
  long prunedThrough() {
    return log.prunedThrough();
  }

  /** Up to {@code limit} latest entries in (after, through], optionally of one kind of entity. */
  List<ChangeEntry> latest(long after, long through, Change.Entity entity, int limit) {
    String sql = String.format(Locale.ROOT, LATEST, entity == null ? "" : " and l.entity = ?");
    return entityManager
        .unwrap(Session.class)
        .doReturningWork(
            connection -> {
              List<ChangeEntry> entries = new ArrayList<>();
              try (PreparedStatement select = connection.prepareStatement(sql)) {
                int index = 1;
                select.setLong(index++, after);
                select.setLong(index++, through);
                if (entity != null) {
                  select.setString(index++, entity.wireName());
                }
                select.setInt(index, limit);
                try (ResultSet rows = select.executeQuery()) {
                  while (rows.next()) {
                    entries.add(
                        new ChangeEntry(
                            rows.getLong(1),
                            Change.Entity.valueOf(rows.getString(2).toUpperCase(Locale.ROOT)),
                            rows.getLong(3),
                            rows.getString(4),
                            Change.Op.valueOf(rows.getString(5).toUpperCase(Locale.ROOT)),
                            rows.getString(6),
                            rows.getTimestamp(7).toInstant(),
                            rows.getString(8)));
                  }
                }
              }
              return entries;
            });
  }

  /**
   * Removes entries older than {@code before} that a later entry for the same entity supersedes;
   * never the head, which other instances read. In the caller's transaction.
   */
  int pruneSuperseded(Instant before) {
    return update(
        "delete from change_log where changed_at < ?1"
            + " and seq < (select last_seq from change_counter where id = 1)"
            + UNREAD_BY_WEBHOOKS
            + " and exists (select 1 from change_log n where n.entity = change_log.entity"
            + " and n.entity_id = change_log.entity_id and n.seq > change_log.seq)",
        before);
  }

  /**
   * Removes deletes older than {@code before} (never the head) and moves the horizon past the
   * newest of them, in the caller's transaction, so a follower sees both or neither.
   */
  int pruneDeletes(Instant before) {
    Object newest =
        entityManager
            .createNativeQuery(
                "select max(seq) from change_log where op = 'delete' and changed_at < ?1"
                    + " and seq < (select last_seq from change_counter where id = 1)"
                    + UNREAD_BY_WEBHOOKS)
            .setParameter(1, Timestamp.from(before))
            .getSingleResult();
    if (newest == null) {
      return 0;
    }
    long through = ((Number) newest).longValue();
    entityManager
        .createNativeQuery(
            "update sync_state set pruned_through = case when pruned_through < ?1 then ?1"
                + " else pruned_through end, pruned_at = ?2 where id = 1")
        .setParameter(1, through)
        .setParameter(2, Timestamp.from(Instant.now()))
        .executeUpdate();
    return entityManager
        .createNativeQuery(
            "delete from change_log where op = 'delete' and changed_at < ?1 and seq <= ?2")
        .setParameter(1, Timestamp.from(before))
        .setParameter(2, through)
        .executeUpdate();
  }

  private int update(String sql, Instant before) {
    return entityManager
        .createNativeQuery(sql)
        .setParameter(1, Timestamp.from(before))
        .executeUpdate();
  }
}
