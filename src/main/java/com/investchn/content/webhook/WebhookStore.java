package com.investchn.content.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;

/**
 * Every query of webhooks: the endpoints, the dispatcher's position, the delivery queue with its
 * leases, the attempt log and the scope of filtered endpoints. Plain SQL that H2 2.4 and PostgreSQL
 * 15 both run; every method joins the caller's transaction.
 */
@ApplicationScoped
class WebhookStore {

  static final String ACTIVE = "active";
  static final String PAUSED = "paused";
  static final String DISABLED = "disabled";

  static final String PENDING = "pending";
  static final String DELIVERED = "delivered";
  static final String FAILED = "failed";
  static final String RETRYING = "retrying";

  private static final String ENDPOINT_COLUMNS =
      "id, url, description, events, category_id, zone_id, secret, status, disabled_reason,"
          + " disabled_at, consecutive_failures, from_seq, created_at, created_by, updated_at,"
          + " version";

  private final EntityManager entityManager;

  WebhookStore(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** A registered endpoint as stored. */
  record Endpoint(
      long id,
      String url,
      String description,
      Set<String> events,
      Long categoryId,
      Long zoneId,
      String secret,
      String status,
      String disabledReason,
      Instant disabledAt,
      int consecutiveFailures,
      long fromSeq,
      Instant createdAt,
      String createdBy,
      Instant updatedAt,
      long version) {}

  /** What a worker needs for one attempt of a claimed delivery. */
  record Claim(
      long deliveryId,
      long endpointId,
      String url,
      String secret,
      String messageId,
      String event,
      String payload,
      int attempts,
      Instant firstAttemptAt) {}

  /** One attempt in the delivery log, with its delivery. */
  record Attempt(
      long deliveryId,
      String messageId,
      String event,
      Long changeSeq,
      int attempt,
      Instant attemptedAt,
      Integer statusCode,
      long durationMs,
      String error,
      String outcome,
      Instant nextAttemptAt) {}

  // --- endpoints ---------------------------------------------------------------------------

  @Transactional(Transactional.TxType.MANDATORY)
  long insertEndpoint(
      String url,
      String description,
      Set<String> events,
      Long categoryId,
      Long zoneId,
      String secret,
      long fromSeq,
      String actor,
      Instant now) {
    return work(
        connection -> {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "insert into webhook_endpoint (url, description, events, category_id, zone_id,"
                      + " secret, status, consecutive_failures, from_seq, created_at, created_by,"
                      + " updated_at, version) values (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, 1)",
                  new String[] {"id"})) {
            insert.setString(1, url);
            insert.setString(2, description);
            insert.setString(3, String.join(",", events));
            setLong(insert, 4, categoryId);
            setLong(insert, 5, zoneId);
            insert.setString(6, secret);
            insert.setString(7, ACTIVE);
            insert.setLong(8, fromSeq);
            insert.setObject(9, utc(now));
            insert.setString(10, actor);
            insert.setObject(11, utc(now));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
              keys.next();
              return keys.getLong(1);
            }
          }
        });
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  Optional<Endpoint> findEndpoint(long id) {
    List<Endpoint> found = endpoints(" where id = ?", id);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  List<Endpoint> listEndpoints() {
    return endpoints(" order by id", null);
  }

  /** The endpoints that collect deliveries: active and paused ones (not disabled ones). */
  @Transactional(Transactional.TxType.MANDATORY)
  List<Endpoint> collectingEndpoints() {
    return endpoints(" where status in ('" + ACTIVE + "', '" + PAUSED + "') order by id", null);
  }

  private List<Endpoint> endpoints(String where, Long id) {
    return work(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "select " + ENDPOINT_COLUMNS + " from webhook_endpoint" + where)) {
            if (id != null) {
              select.setLong(1, id);
            }
            List<Endpoint> endpoints = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                endpoints.add(
                    new Endpoint(
                        rows.getLong(1),
                        rows.getString(2),
                        rows.getString(3),
                        new LinkedHashSet<>(Arrays.asList(rows.getString(4).split(","))),
                        getLong(rows, 5),
                        getLong(rows, 6),
                        rows.getString(7),
                        rows.getString(8),
                        rows.getString(9),
                        instant(rows, 10),
                        rows.getInt(11),
                        rows.getLong(12),
                        instant(rows, 13),
                        rows.getString(14),
                        instant(rows, 15),
                        rows.getLong(16)));
              }
            }
            return endpoints;
          }
        });
  }

  /** Moves an endpoint to another status; a new version when it changed. */
  @Transactional(Transactional.TxType.MANDATORY)
  void setStatus(long id, String status, String reason, Instant now) {
    update(
        "update webhook_endpoint set status = ?, disabled_reason = ?, disabled_at = ?,"
            + " consecutive_failures = case when ? = '"
            + ACTIVE
            + "' then 0 else consecutive_failures end,"
            + " updated_at = ?, version = version + 1 where id = ? and status <> ?",
        status,
        reason,
        DISABLED.equals(status) ? utc(now) : null,
        status,
        utc(now),
        id,
        status);
  }

  /** A resumed endpoint's waiting deliveries are due now, each with a fresh retry period. */
  @Transactional(Transactional.TxType.MANDATORY)
  void restartQueue(long endpointId, Instant now) {
    update(
        "update webhook_delivery set next_attempt_at = ?, first_attempt_at = null"
            + " where endpoint_id = ? and state = '"
            + PENDING
            + "'",
        utc(now),
        endpointId);
  }

  @Transactional(Transactional.TxType.MANDATORY)
  boolean deleteEndpoint(long id) {
    // Attempts and scope rows go with their delivery and endpoint (on delete cascade); the
    // deliveries are deleted first so that no database has to cascade two levels at once.
    update("delete from webhook_attempt where endpoint_id = ?", id);
    update("delete from webhook_delivery where endpoint_id = ?", id);
    update("delete from webhook_scope where endpoint_id = ?", id);
    return update("delete from webhook_endpoint where id = ?", id) == 1;
  }

  // --- dispatcher --------------------------------------------------------------------------

  /** The dispatcher's position, locked until the caller's transaction ends. */
  @Transactional(Transactional.TxType.MANDATORY)
  long lockPosition() {
    // Locking by an update first: after waiting for another dispatcher, both databases read the
    // position that one committed, not the one before it.
    update("update webhook_dispatch set last_seq = last_seq where id = 1");
    return work(
        connection -> {
          try (PreparedStatement select =
                  connection.prepareStatement(
                      "select last_seq from webhook_dispatch where id = 1");
              ResultSet rows = select.executeQuery()) {
            rows.next();
            return rows.getLong(1);
          }
        });
  }

  @Transactional(Transactional.TxType.MANDATORY)
  void movePosition(long seq) {
    update("update webhook_dispatch set last_seq = ? where id = 1", seq);
  }

  @Transactional(Transactional.TxType.MANDATORY)
  long enqueue(
      long endpointId,
      Long changeSeq,
      String event,
      String messageId,
      String payload,
      Instant now) {
    return work(
        connection -> {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "insert into webhook_delivery (endpoint_id, change_seq, event, message_id,"
                      + " payload, state, attempts, created_at, next_attempt_at)"
                      + " values (?, ?, ?, ?, ?, ?, 0, ?, ?)",
                  new String[] {"id"})) {
            insert.setLong(1, endpointId);
            setLong(insert, 2, changeSeq);
            insert.setString(3, event);
            insert.setString(4, messageId);
            insert.setString(5, payload);
            insert.setString(6, PENDING);
            insert.setObject(7, utc(now));
            insert.setObject(8, utc(now));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
              keys.next();
              return keys.getLong(1);
            }
          }
        });
  }

  @Transactional(Transactional.TxType.MANDATORY)
  boolean inScope(long endpointId, long articleId) {
    return work(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "select 1 from webhook_scope where endpoint_id = ? and article_id = ?")) {
            select.setLong(1, endpointId);
            select.setLong(2, articleId);
            try (ResultSet rows = select.executeQuery()) {
              return rows.next();
            }
          }
        });
  }

  @Transactional(Transactional.TxType.MANDATORY)
  void enterScope(long endpointId, long articleId) {
    if (!inScope(endpointId, articleId)) {
      update(
          "insert into webhook_scope (endpoint_id, article_id) values (?, ?)",
          endpointId,
          articleId);
    }
  }

  @Transactional(Transactional.TxType.MANDATORY)
  void leaveScope(long endpointId, long articleId) {
    update(
        "delete from webhook_scope where endpoint_id = ? and article_id = ?",
        endpointId,
        articleId);
  }

  // --- worker ------------------------------------------------------------------------------

  /**
   * Deliveries that may be attempted now: the oldest waiting delivery of each active endpoint (so
   * each endpoint receives in order, one at a time), when due and not leased.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  List<Long> dueHeads(Instant now, int limit) {
    return work(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "select d.id from webhook_delivery d"
                      + " join webhook_endpoint e on e.id = d.endpoint_id"
                      + " where e.status = '"
                      + ACTIVE
                      + "' and d.state = '"
                      + PENDING
                      + "' and d.id = (select min(p.id) from webhook_delivery p"
                      + " where p.endpoint_id = d.endpoint_id and p.state = '"
                      + PENDING
                      + "') and d.next_attempt_at <= ?"
                      + " and (d.lease_until is null or d.lease_until < ?)"
                      + " order by d.next_attempt_at, d.id fetch first ? rows only")) {
            select.setObject(1, utc(now));
            select.setObject(2, utc(now));
            select.setInt(3, limit);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                ids.add(rows.getLong(1));
              }
            }
            return ids;
          }
        });
  }

  /**
   * Takes the lease of one delivery if nobody holds it: a conditional update whose count says who
   * won, so of any number of claimers on any number of instances exactly one gets it.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  boolean lease(long deliveryId, String owner, Instant until, Instant now) {
    return update(
            "update webhook_delivery set lease_owner = ?, lease_until = ?"
                + " where id = ? and state = '"
                + PENDING
                + "' and (lease_until is null or lease_until < ?)",
            owner,
            utc(until),
            deliveryId,
            utc(now))
        == 1;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  Optional<Claim> claimed(long deliveryId, String owner) {
    return work(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "select d.id, d.endpoint_id, e.url, e.secret, d.message_id, d.event, d.payload,"
                      + " d.attempts, d.first_attempt_at from webhook_delivery d"
                      + " join webhook_endpoint e on e.id = d.endpoint_id"
                      + " where d.id = ? and d.lease_owner = ?")) {
            select.setLong(1, deliveryId);
            select.setString(2, owner);
            try (ResultSet rows = select.executeQuery()) {
              if (!rows.next()) {
                return Optional.empty();
              }
              return Optional.of(
                  new Claim(
                      rows.getLong(1),
                      rows.getLong(2),
                      rows.getString(3),
                      rows.getString(4),
                      rows.getString(5),
                      rows.getString(6),
                      rows.getString(7),
                      rows.getInt(8),
                      instant(rows, 9)));
            }
          }
        });
  }

  /**
   * Records an attempt made under a lease: the delivery's new state and the log entry. False when
   * the lease was lost meanwhile (the endpoint was deleted), and nothing was written.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  boolean recordAttempt(
      Claim claim,
      String owner,
      Instant attemptedAt,
      Integer statusCode,
      long durationMs,
      String error,
      String outcome,
      Instant nextAttemptAt) {
    String state = RETRYING.equals(outcome) ? PENDING : outcome;
    int updated =
        update(
            "update webhook_delivery set state = ?, attempts = attempts + 1,"
                + " next_attempt_at = ?, first_attempt_at = coalesce(first_attempt_at, ?),"
                + " finished_at = ?, lease_owner = null, lease_until = null"
                + " where id = ? and lease_owner = ?",
            state,
            utc(nextAttemptAt != null ? nextAttemptAt : attemptedAt),
            utc(attemptedAt),
            PENDING.equals(state) ? null : utc(attemptedAt),
            claim.deliveryId(),
            owner);
    if (updated == 0) {
      return false;
    }
    update(
        "insert into webhook_attempt (delivery_id, endpoint_id, attempt, attempted_at,"
            + " status_code, duration_ms, error, outcome, next_attempt_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        claim.deliveryId(),
        claim.endpointId(),
        claim.attempts() + 1,
        utc(attemptedAt),
        statusCode,
        durationMs,
        error,
        outcome,
        nextAttemptAt == null ? null : utc(nextAttemptAt));
    return true;
  }

  /** A delivery arrived: the endpoint's run of failures is over. */
  @Transactional(Transactional.TxType.MANDATORY)
  void endpointSucceeded(long endpointId) {
    update(
        "update webhook_endpoint set consecutive_failures = 0"
            + " where id = ? and consecutive_failures <> 0",
        endpointId);
  }

  /** A delivery ended failed; returns the endpoint's failures in a row now. */
  @Transactional(Transactional.TxType.MANDATORY)
  int endpointFailed(long endpointId) {
    update(
        "update webhook_endpoint set consecutive_failures = consecutive_failures + 1 where id = ?",
        endpointId);
    return findEndpoint(endpointId).map(Endpoint::consecutiveFailures).orElse(0);
  }

  /** Disables an active endpoint, saying why. */
  @Transactional(Transactional.TxType.MANDATORY)
  void disable(long endpointId, String reason, Instant now) {
    update(
        "update webhook_endpoint set status = '"
            + DISABLED
            + "', disabled_reason = ?, disabled_at = ?, updated_at = ?, version = version + 1"
            + " where id = ? and status = '"
            + ACTIVE
            + "'",
        reason,
        utc(now),
        utc(now),
        endpointId);
  }

  // --- delivery log ------------------------------------------------------------------------

  @Transactional(Transactional.TxType.SUPPORTS)
  long countAttempts(long endpointId) {
    return work(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "select count(*) from webhook_attempt where endpoint_id = ?")) {
            select.setLong(1, endpointId);
            try (ResultSet rows = select.executeQuery()) {
              rows.next();
              return rows.getLong(1);
            }
          }
        });
  }

  /** Attempts newest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  List<Attempt> attempts(long endpointId, long offset, int limit) {
    return work(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "select a.delivery_id, d.message_id, d.event, d.change_seq, a.attempt,"
                      + " a.attempted_at, a.status_code, a.duration_ms, a.error, a.outcome,"
                      + " a.next_attempt_at from webhook_attempt a"
                      + " join webhook_delivery d on d.id = a.delivery_id"
                      + " where a.endpoint_id = ? order by a.id desc"
                      + " offset ? rows fetch first ? rows only")) {
            select.setLong(1, endpointId);
            select.setLong(2, offset);
            select.setInt(3, limit);
            List<Attempt> attempts = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                int status = rows.getInt(7);
                Integer statusCode = rows.wasNull() ? null : status;
                attempts.add(
                    new Attempt(
                        rows.getLong(1),
                        rows.getString(2),
                        rows.getString(3),
                        getLong(rows, 4),
                        rows.getInt(5),
                        instant(rows, 6),
                        statusCode,
                        rows.getLong(8),
                        rows.getString(9),
                        rows.getString(10),
                        instant(rows, 11)));
              }
            }
            return attempts;
          }
        });
  }

  /** Deliveries of an endpoint still waiting to arrive. */
  @Transactional(Transactional.TxType.SUPPORTS)
  long pendingCount(long endpointId) {
    return work(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "select count(*) from webhook_delivery where endpoint_id = ? and state = '"
                      + PENDING
                      + "'")) {
            select.setLong(1, endpointId);
            try (ResultSet rows = select.executeQuery()) {
              rows.next();
              return rows.getLong(1);
            }
          }
        });
  }

  /**
   * Deletes finished deliveries (and their attempts) that finished before the given time; pending
   * ones stay whatever their age. Returns how many deliveries went.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  int prune(Instant finishedBefore) {
    update(
        "delete from webhook_attempt where delivery_id in (select id from webhook_delivery"
            + " where state <> '"
            + PENDING
            + "' and finished_at < ?)",
        utc(finishedBefore));
    return update(
        "delete from webhook_delivery where state <> '" + PENDING + "' and finished_at < ?",
        utc(finishedBefore));
  }

  // --- helpers -----------------------------------------------------------------------------

  private int update(String sql, Object... values) {
    return work(
        connection -> {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
              Object value = values[i];
              if (value == null) {
                statement.setNull(i + 1, Types.NULL);
              } else {
                statement.setObject(i + 1, value);
              }
            }
            return statement.executeUpdate();
          }
        });
  }

  private <T> T work(ReturningWork<T> work) {
    return entityManager.unwrap(Session.class).doReturningWork(work);
  }

  private static void setLong(PreparedStatement statement, int index, Long value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.BIGINT);
    } else {
      statement.setLong(index, value);
    }
  }

  private static Long getLong(ResultSet rows, int index) throws SQLException {
    long value = rows.getLong(index);
    return rows.wasNull() ? null : value;
  }

  private static Instant instant(ResultSet rows, int index) throws SQLException {
    OffsetDateTime time = rows.getObject(index, OffsetDateTime.class);
    return time == null ? null : time.toInstant();
  }

  static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
