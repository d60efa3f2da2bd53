package com.investchn.content.common.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.hibernate.exception.JDBCConnectionException;

/** Tells what kind of database failure an exception chain carries, without leaking its text. */
public final class DatabaseErrors {

  private DatabaseErrors() {}

  /**
   * A lost or refused connection, a pool with no connection to spare, or a database that closed
   * itself (H2 after a fatal error): a temporary server problem, 503 rather than 500.
   */
  public static boolean isUnreachable(Throwable exception) {
    return causeOf(
            exception,
            cause ->
                cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof JDBCConnectionException
                    || (cause instanceof SQLException sql && isUnavailableState(sql)))
        != null;
  }

  /** A unique, foreign-key or check constraint refused the write. */
  public static boolean isConstraintViolation(Throwable exception) {
    return causeOf(
            exception,
            cause -> cause instanceof org.hibernate.exception.ConstraintViolationException)
        != null;
  }

  /**
   * A write that lost a race and may pass when tried again: a unique constraint taken meanwhile, a
   * lock wait that timed out, a deadlock or a serialization failure.
   */
  public static boolean isLostRace(Throwable exception) {
    return isConstraintViolation(exception)
        || causeOf(
                exception,
                cause ->
                    cause instanceof org.hibernate.exception.LockAcquisitionException
                        || cause instanceof org.hibernate.PessimisticLockException
                        || cause instanceof jakarta.persistence.PessimisticLockException
                        || cause instanceof jakarta.persistence.LockTimeoutException
                        || (cause instanceof SQLException sql && isRaceState(sql)))
            != null;
  }

  private static boolean isRaceState(SQLException sql) {
    String state = sql.getSQLState();
    // 40001 serialization failure, 40P01 deadlock (PostgreSQL), HYT00 lock timeout (H2),
    // 55P03 lock not available (PostgreSQL).
    return "40001".equals(state)
        || "40P01".equals(state)
        || "HYT00".equals(state)
        || "55P03".equals(state);
  }

  /** The lower-case name of the constraint that refused the write, or null. */
  public static String constraintName(Throwable exception) {
    Throwable cause =
        causeOf(exception, c -> c instanceof org.hibernate.exception.ConstraintViolationException);
    if (cause instanceof org.hibernate.exception.ConstraintViolationException violation
        && violation.getConstraintName() != null) {
      return violation.getConstraintName().toLowerCase(Locale.ROOT);
    }
    return null;
  }

  /** A value longer than its column (SQL state 22001). */
  public static boolean isValueTooLong(Throwable exception) {
    return causeOf(
            exception,
            cause -> cause instanceof SQLException sql && "22001".equals(sql.getSQLState()))
        != null;
  }

  /** The first exception in the chain (causes and suppressed ones) that matches, or null. */
  public static Throwable causeOf(Throwable exception, Predicate<Throwable> matches) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    ArrayDeque<Throwable> pending = new ArrayDeque<>();
    pending.add(exception);
    while (!pending.isEmpty()) {
      Throwable next = pending.removeFirst();
      if (!seen.add(next)) {
        continue;
      }
      if (matches.test(next)) {
        return next;
      }
      if (next.getCause() != null) {
        pending.add(next.getCause());
      }
      for (Throwable suppressed : next.getSuppressed()) {
        pending.add(suppressed);
      }
    }
    return null;
  }

  private static boolean isUnavailableState(SQLException sql) {
    String state = sql.getSQLState();
    if (state != null && state.startsWith("08")) {
      return true;
    }
    // H2: 90098 "The database has been closed", 90121 "Database is already closed", 90067
    // "Connection is broken"; its store reports a fatal file error as a general error whose
    // message says the store is closed.
    int code = sql.getErrorCode();
    if (code == 90098 || code == 90121 || code == 90067) {
      return true;
    }
    String message = sql.getMessage();
    // Agroal: every pooled connection is busy (overload) or none can be opened; either way the
    // request is shed with 503 and Retry-After rather than failed with 500.
    return message != null
        && (message.contains("This store is closed") || message.contains("cquisition timeout"));
  }
}
