package com.investchn.content.support;

import static io.restassured.RestAssured.given;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service (target/quarkus-app) as a real process, for the integration tests that need
 * one: on a file H2 database of its own, or on PostgreSQL in a schema of its own when the suite
 * runs with {@code -Ppostgres} (the {@code test.pg.*} system properties).
 */
public final class PackagedService {

  /** The bootstrap admin token every started service accepts. */
  public static final String ADMIN_TOKEN = "integration-test-bootstrap-admin-token";

  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  private final Process process;
  private final int port;
  private final int managementPort;
  private final Path log;

  private PackagedService(Process process, int port, int managementPort, Path log) {
    this.process = process;
    this.port = port;
    this.managementPort = managementPort;
    this.log = log;
  }

  /** Where the data of one test lives: an H2 folder or a PostgreSQL schema. */
  public record Database(Map<String, String> environment, String description) {

    /** A database of its own for the named test; PostgreSQL when the suite runs on it. */
    public static Database forTest(String name, Path workDir) throws Exception {
      String pgUrl = System.getProperty("test.pg.url");
      if (pgUrl == null) {
        return new Database(
            Map.of("CONTENT_API_DATA_DIR", workDir.resolve("data").toAbsolutePath().toString()),
            "H2");
      }
      String schema = System.getProperty("test.pg.schema", "content_api_test") + "_" + name;
      dropSchema(schema);
      return new Database(
          Map.of(
              "QUARKUS_PROFILE",
              "postgres",
              "QUARKUS_DATASOURCE_JDBC_URL",
              pgUrl + "?currentSchema=" + schema,
              "QUARKUS_DATASOURCE_USERNAME",
              System.getProperty("test.pg.username", "postgres"),
              "QUARKUS_DATASOURCE_PASSWORD",
              System.getProperty("test.pg.password", ""),
              "QUARKUS_FLYWAY_SCHEMAS",
              schema),
          "PostgreSQL:" + schema);
    }

    /** Removes what the test left in PostgreSQL (an H2 folder goes with the work folder). */
    public void drop() throws Exception {
      if (description.startsWith("PostgreSQL:")) {
        dropSchema(description.substring("PostgreSQL:".length()));
      }
    }

    public boolean isPostgres() {
      return description.startsWith("PostgreSQL");
    }
  }

  /**
   * Starts the packaged service. The log goes to {@code target/it-logs/<workDir>-<name>.log}, which
   * outlives the work directory, so a failed run can be read afterwards.
   */
  public static PackagedService start(
      String name, Path workDir, Database database, String maxHeap, Map<String, String> extra)
      throws IOException {
    int port = freePort();
    int managementPort = freePort();
    Path logs = Path.of("target", "it-logs");
    Files.createDirectories(logs);
    Path log = logs.resolve(workDir.getFileName() + "-" + name + ".log").toAbsolutePath();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xmx" + maxHeap,
                    "-XX:+ExitOnOutOfMemoryError",
                    "-jar",
                    applicationJar()))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Map<String, String> env = builder.environment();
    env.putAll(database.environment());
    env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
    env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
    env.put("CONTENT_API_ADMIN_BOOTSTRAP_TOKEN", ADMIN_TOKEN);
    env.put("CONTENT_API_DEMO_ENABLED", "false");
    env.put("QUARKUS_LOG_CATEGORY__COM_INVESTCHN_CONTENT_ACCESS__LEVEL", "WARN");
    // One test client drives every request from one address, as no real client does; the limits
    // themselves are RateLimitTest's. A test may switch them back on through extra.
    env.put("CONTENT_API_RATE_LIMIT_ENABLED", "false");
    env.putAll(extra);
    return new PackagedService(builder.start(), port, managementPort, log);
  }

  public String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  /** An address on the management interface (health, metrics), which has a port of its own. */
  public String managementUrl(String path) {
    return "http://127.0.0.1:" + managementPort + path;
  }

  public int managementPort() {
    return managementPort;
  }

  public int port() {
    return port;
  }

  public Process process() {
    return process;
  }

  public Path log() {
    return log;
  }

  /** Waits until readiness answers 200; fails with the end of the log otherwise. */
  public PackagedService awaitReady() throws Exception {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new AssertionError("service died:\n" + tail());
      }
      try {
        if (given().get(managementUrl("/q/health/ready")).statusCode() == 200) {
          return this;
        }
      } catch (Exception notListeningYet) {
        // Keep waiting.
      }
      Thread.sleep(250);
    }
    throw new AssertionError("service not ready:\n" + tail());
  }

  /** SIGTERM, and wait for the process to end. */
  public void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(40, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** SIGKILL: the process gets no chance to flush or close anything. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** The last few kilobytes of the service's log. */
  public String tail() {
    try {
      String text = Files.readString(log);
      return text.length() <= 6000 ? text : text.substring(text.length() - 6000);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** Deletes a work folder and everything in it. */
  public static void deleteTree(Path folder) throws IOException {
    if (folder == null || !Files.exists(folder)) {
      return;
    }
    try (var paths = Files.walk(folder)) {
      paths.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    }
  }

  private static void dropSchema(String schema) throws Exception {
    try (Connection connection =
            DriverManager.getConnection(
                System.getProperty("test.pg.url"),
                System.getProperty("test.pg.username", "postgres"),
                System.getProperty("test.pg.password", ""));
        Statement statement = connection.createStatement()) {
      statement.execute("drop schema if exists " + schema + " cascade");
    }
  }

  private static String applicationJar() {
    File jar = new File(System.getProperty("app.jar", "target/quarkus-app/quarkus-run.jar"));
    if (!jar.isFile()) {
      throw new AssertionError("package the application first: " + jar);
    }
    return jar.getAbsolutePath();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
