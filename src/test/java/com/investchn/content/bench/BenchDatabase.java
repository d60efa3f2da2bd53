package com.investchn.content.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The database the service runs on: embedded H2 in a temporary folder, or a schema of its own on
 * PostgreSQL (the test.pg.* properties of {@code -Ppostgres}), dropped before and after.
 */
abstract class BenchDatabase {

  /** Short name in file names and titles: h2 or postgres. */
  abstract String label();

  abstract String description();

  /** Environment variables that point the service at this database. */
  abstract Map<String, String> environment();

  /**
   * CPU time so far of the database server's processes that serve the service, in nanoseconds; -1
   * when the database runs inside the service (H2), whose own CPU figure then includes it.
   */
  abstract long serverCpuNanos();

  /** Leaves no content behind: nothing for H2 (its folder goes), DROP SCHEMA for PostgreSQL. */
  abstract void drop() throws SQLException;

  static BenchDatabase fromSystemProperties(Path work) {
    String url = System.getProperty("test.pg.url");
    if (url == null || url.isBlank()) {
      return new H2(work.resolve("h2"));
    }
    String schema =
        System.getProperty(
            "benchmark.pg.schema",
            System.getProperty("test.pg.schema", "content_api_test") + "_bench");
    if (!schema.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException(
          "benchmark.pg.schema must be a plain lowercase name: " + schema);
    }
    return new Postgres(
        url,
        System.getProperty("test.pg.username", "postgres"),
        System.getProperty("test.pg.password", ""),
        schema);
  }

  private static final class H2 extends BenchDatabase {
    private final Path folder;

    H2(Path folder) {
      this.folder = folder;
    }

    @Override
    String label() {
      return "h2";
    }

    @Override
    String description() {
      return "H2 (embedded, file)";
    }

    @Override
    Map<String, String> environment() {
      return Map.of("CONTENT_API_DATA_DIR", folder.toString());
    }

    @Override
    long serverCpuNanos() {
      return -1;
    }

    @Override
    void drop() {
      // The folder is inside the benchmark's temporary folder, which is deleted afterwards.
    }
  }

  private static final class Postgres extends BenchDatabase {
    private static final String APPLICATION_NAME = "content-api-read-benchmark";
    private final String url;
    private final String username;
    private final String password;
    private final String schema;

    Postgres(String url, String username, String password, String schema) {
      this.url = url;
      this.username = username;
      this.password = password;
      this.schema = schema;
    }

    @Override
    String label() {
      return "postgres";
    }

    @Override
    String description() {
      String version;
      try (Connection connection = DriverManager.getConnection(url, username, password)) {
        version = " " + connection.getMetaData().getDatabaseProductVersion();
      } catch (SQLException e) {
        version = "";
      }
      return "PostgreSQL" + version + " (" + url + ", schema " + schema + ")";
    }

    @Override
    Map<String, String> environment() {
      Map<String, String> env = new LinkedHashMap<>();
      env.put("QUARKUS_PROFILE", "postgres");
      // The application name finds the service's backends in pg_stat_activity.
      env.put(
          "QUARKUS_DATASOURCE_JDBC_URL",
          url + "?currentSchema=" + schema + "&ApplicationName=" + APPLICATION_NAME);
      env.put("QUARKUS_DATASOURCE_USERNAME", username);
      env.put("QUARKUS_DATASOURCE_PASSWORD", password);
      env.put("QUARKUS_FLYWAY_SCHEMAS", schema);
      return env;
    }

    /**
     * Sums utime+stime of the backends serving the service (pooled connections live long, so their
     * deltas over a run are the database's work for it); the server must be on this host.
     */
    @Override
    long serverCpuNanos() {
      long total = 0;
      try (Connection connection = DriverManager.getConnection(url, username, password);
          PreparedStatement backends =
              connection.prepareStatement(
                  "SELECT pid FROM pg_stat_activity WHERE application_name = ?")) {
        backends.setString(1, APPLICATION_NAME);
        try (ResultSet pids = backends.executeQuery()) {
          while (pids.next()) {
            long cpu = ProcStats.cpuNanos(pids.getLong(1));
            if (cpu < 0) {
              return -1;
            }
            total += cpu;
          }
        }
      } catch (SQLException e) {
        return -1;
      }
      return total;
    }

    @Override
    void drop() throws SQLException {
      try (Connection connection = DriverManager.getConnection(url, username, password);
          Statement statement = connection.createStatement()) {
        statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
  }
}
