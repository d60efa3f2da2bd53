package com.investchn.content.operations;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service as a real process, for integration tests that stop, kill and restart it on
 * the same data: an H2 file database in a folder of the test's own by default, or a PostgreSQL
 * schema of its own when the test.pg.* system properties name a server.
 */
final class PackagedService {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Process process;
  private final int port;
  private final Path log;

  private PackagedService(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Where the service keeps its content: the folder of the H2 files (the default JDBC URL of the
   * packaged application, so its own settings are the ones tested), or a PostgreSQL schema.
   */
  record Database(Path h2DataDir, String pgUrl, String pgSchema) {

    /** PostgreSQL when test.pg.url is set (schema {@code <test.pg.schema>_<suffix>}), else H2. */
    static Database forTest(Path h2DataDir, String schemaSuffix) {
      String pgUrl = System.getProperty("test.pg.url");
      if (pgUrl == null) {
        return new Database(h2DataDir, null, null);
      }
      return new Database(
          null,
          pgUrl,
          System.getProperty("test.pg.schema", "content_api_test") + "_" + schemaSuffix);
    }

    boolean isPostgres() {
      return pgUrl != null;
    }

    String describe() {
      return isPostgres() ? "PostgreSQL (schema " + pgSchema + ")" : "H2 file (" + h2DataDir + ")";
    }

    Map<String, String> environment() {
      Map<String, String> env = new HashMap<>();
      if (isPostgres()) {
        env.put("QUARKUS_PROFILE", "postgres");
        env.put("QUARKUS_DATASOURCE_JDBC_URL", pgUrl + "?currentSchema=" + pgSchema);
        env.put("QUARKUS_DATASOURCE_USERNAME", username());
        env.put("QUARKUS_DATASOURCE_PASSWORD", password());
        env.put("QUARKUS_FLYWAY_SCHEMAS", pgSchema);
      } else {
        env.put("CONTENT_API_DATA_DIR", h2DataDir.toAbsolutePath().toString());
      }
      return env;
    }

    /** A direct JDBC connection; on H2 only while no service process holds the file. */
    Connection connect() throws SQLException {
      if (isPostgres()) {
        return DriverManager.getConnection(
            pgUrl + "?currentSchema=" + pgSchema, username(), password());
      }
      return DriverManager.getConnection(
          "jdbc:h2:file:" + h2DataDir.toAbsolutePath().resolve("content-api"), "sa", "");
    }

    /** Drops the PostgreSQL schema, so each run starts from and leaves behind nothing. */
    void drop() throws SQLException {
      if (!isPostgres()) {
        return;
      }
      try (Connection connection = DriverManager.getConnection(pgUrl, username(), password());
          Statement statement = connection.createStatement()) {
        statement.execute("drop schema if exists " + pgSchema + " cascade");
      }
    }

    private static String username() {
      return System.getProperty("test.pg.username", "postgres");
    }

    private static String password() {
      return System.getProperty("test.pg.password", "");
    }
  }

  /** Starts the packaged jar on the database with extra environment variables, logging to log. */
  static PackagedService start(Database database, Path log, Map<String, String> environment)
      throws IOException {
    int port = freePort();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(java, "-Xmx384m", "-jar", applicationJar())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.putAll(database.environment());
    env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
    env.put("QUARKUS_LOG_CATEGORY__COM_INVESTCHN_CONTENT_ACCESS__LEVEL", "WARN");
    env.putAll(environment);
    return new PackagedService(builder.start(), port, log);
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  /** Waits until readiness (which includes the database) answers 200. */
  PackagedService awaitReady() throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    HttpRequest ready = HttpRequest.newBuilder(URI.create(url("/q/health/ready"))).build();
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError("service died:\n" + logTail());
      }
      try {
        if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return this;
        }
      } catch (IOException notListeningYet) {
        // Keep waiting.
      }
      Thread.sleep(200);
    }
    throw new AssertionError("service not ready:\n" + logTail());
  }

  /** SIGKILL on Linux: no shutdown hook, no flush, no clean close of the database. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), "killed service did not end");
  }

  /** SIGTERM and wait for the orderly shutdown. */
  void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(40, TimeUnit.SECONDS)) {
      kill();
    }
  }

  String logTail() {
    try {
      String text = Files.readString(log);
      return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** Deletes a folder the test made, with everything in it. */
  static void deleteTree(Path folder) throws IOException {
    if (folder == null || !Files.exists(folder)) {
      return;
    }
    try (var paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }

  private static String applicationJar() {
    File jar = new File(System.getProperty("app.jar", "target/quarkus-app/quarkus-run.jar"));
    assertTrue(jar.isFile(), "package the application first: " + jar);
    return jar.getAbsolutePath();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
