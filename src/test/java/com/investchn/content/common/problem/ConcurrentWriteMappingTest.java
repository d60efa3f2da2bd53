package com.investchn.content.common.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.investchn.content.common.edge.AllowedMethods;
import io.quarkus.arc.ArcUndeclaredThrowableException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import org.hibernate.StaleObjectStateException;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.resteasy.reactive.RestResponse;
import org.junit.jupiter.api.Test;

/**
 * The racing-write tests pass whether or not their requests overlapped; this checks the mapping
 * they rely on directly: however the framework wraps it, the database's unique-constraint violation
 * is a 409 and a lost version check a 412, never a 500.
 */
class ConcurrentWriteMappingTest {

  private final ProblemMapper mapper = new ProblemMapper(new AllowedMethods(null));

  private static ConstraintViolationException violation(String constraint) {
    return new ConstraintViolationException(
        "could not execute statement", new SQLException("duplicate key", "23505"), constraint);
  }

  /** The ways a failed commit or flush reaches the mapper. */
  private static Throwable[] wrapped(Throwable cause) {
    RollbackException rollback = new RollbackException("commit failed");
    rollback.initCause(cause);
    return new Throwable[] {
      cause,
      new PersistenceException("flush failed", cause),
      new ArcUndeclaredThrowableException("transaction", rollback),
      new RuntimeException(new IllegalStateException(new PersistenceException(cause)))
    };
  }

  private RestResponse<Problem> map(Throwable exception) {
    return mapper.mapUnexpected(exception, null, null);
  }

  @Test
  void aUniqueConstraintViolationIsA409NamingWhatIsTaken() {
    String[][] cases = {
      {"uk_article_slug", "Another resource already has this slug."},
      {"UK_ZONE_SLUG_INDEX_A", "Another resource already has this slug."},
      {"uk_article_external_id", "Another article already has this externalId."},
      {"uk_api_token_name", "Another token already has this name."},
      {null, "The change conflicts with data stored in the meantime; read it again."}
    };
    for (String[] c : cases) {
      for (Throwable exception : wrapped(violation(c[0]))) {
        RestResponse<Problem> response = map(exception);
        assertEquals(409, response.getStatus(), c[0] + " in " + exception);
        assertEquals(ProblemType.CONFLICT.uri(), response.getEntity().type());
        assertEquals(c[1], response.getEntity().detail(), c[0] + " in " + exception);
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
      }
    }
  }

  @Test
  void aLostVersionCheckIsA412() {
    for (Throwable cause :
        new Throwable[] {
          new StaleStateException("Batch update returned unexpected row count"),
          new StaleObjectStateException("Article", 7L),
          new OptimisticLockException("Row was updated or deleted by another transaction")
        }) {
      for (Throwable exception : wrapped(cause)) {
        RestResponse<Problem> response = map(exception);
        assertEquals(412, response.getStatus(), cause + " in " + exception);
        assertEquals(ProblemType.PRECONDITION_FAILED.uri(), response.getEntity().type());
      }
    }
    RestResponse<Problem> direct =
        mapper.mapOptimisticLock(new OptimisticLockException("lost"), null, null);
    assertEquals(412, direct.getStatus());
  }

  @Test
  void anythingElseUnexpectedIsA500WithoutInternals() {
    RestResponse<Problem> response = map(new IllegalStateException("secret internals"));
    assertEquals(500, response.getStatus());
    assertEquals(
        "The server could not complete the request; it has been logged.",
        response.getEntity().detail());
  }
}
