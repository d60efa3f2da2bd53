package com.investchn.content.common.health;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * Whether the database can serve: a real query, not only a valid connection, since an embedded H2
 * whose store has closed after a fatal error still hands out connections that fail every query.
 */
@ApplicationScoped
class DatabaseHealth {

  private static final String NAME = "content database";

  private final AgroalDataSource dataSource;
  private final boolean embedded;

  public DatabaseHealth(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
    String url =
        dataSource
            .getConfiguration()
            .connectionPoolConfiguration()
            .connectionFactoryConfiguration()
            .jdbcUrl();
    // jdbc:h2:file:… and jdbc:h2:mem:… run inside this process; jdbc:h2:tcp:… and PostgreSQL
    // do not.
    this.embedded =
        url.startsWith("jdbc:h2:")
            && !url.startsWith("jdbc:h2:tcp:")
            && !url.startsWith("jdbc:h2:ssl:");
  }

  /** Ready only while the content can be read. */
  @Readiness
  HealthCheck readiness() {
    return this::probe;
  }

  /**
   * Embedded H2 lives in this process: when it cannot serve, only a restart (which reopens and
   * recovers the file) brings it back, so the process reports itself dead and lets its supervisor
   * restart it. A remote PostgreSQL that is briefly unreachable is not a reason to restart.
   */
  @Liveness
  HealthCheck liveness() {
    return () ->
        embedded
            ? probe()
            : HealthCheckResponse.named(NAME).up().withData("embedded", false).build();
  }

  private HealthCheckResponse probe() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(3);
      try (ResultSet head =
          statement.executeQuery("select last_seq from change_counter where id = 1")) {
        long seq = head.next() ? head.getLong(1) : -1;
        return HealthCheckResponse.named(NAME)
            .up()
            .withData("changeLogHead", seq)
            .withData("embedded", embedded)
            .build();
      }
    } catch (Exception e) {
      return HealthCheckResponse.named(NAME)
          .down()
          .withData("error", e.getClass().getSimpleName())
          .withData("embedded", embedded)
          .build();
    }
  }
}
