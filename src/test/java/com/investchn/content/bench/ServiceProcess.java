package com.investchn.content.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service as a child process on 127.0.0.1 with a fixed heap: started, timed to its
 * first good answer, measured through /proc, and stopped (SIGTERM, then SIGKILL) on close.
 */
final class ServiceProcess implements AutoCloseable {

  static final String HEAP = "-Xmx512m";

  private final Process process;
  private final long startedNanos;
  private final int port;
  private final int managementPort;

  private ServiceProcess(Process process, long startedNanos, int port, int managementPort) {
    this.process = process;
    this.startedNanos = startedNanos;
    this.port = port;
    this.managementPort = managementPort;
  }

  /** Starts {@code java -Xmx512m -jar jar} with these environment variables added. */
  static ServiceProcess start(Path jar, Map<String, String> environment, Path log)
      throws IOException {
    int port = freePort();
    int managementPort = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add(HEAP);
    command.add("-jar");
    command.add(jar.toString());
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    // A load generator is one client at thousands of requests a second: measured without the
    // per-client limits unless the benchmark's environment switches them on.
    builder.environment().put("CONTENT_API_RATE_LIMIT_ENABLED", "false");
    builder.environment().putAll(environment);
    builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
    builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
    builder.environment().put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
    builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
    long started = System.nanoTime();
    return new ServiceProcess(builder.start(), started, port, managementPort);
  }

  int port() {
    return port;
  }

  /** The port of the management interface (health, metrics). */
  int managementPort() {
    return managementPort;
  }

  long pid() {
    return process.pid();
  }

  long cpuNanos() {
    return ProcStats.cpuNanos(process.pid());
  }

  long rssKiB() {
    return ProcStats.rssKiB(process.pid());
  }

  /** Polls {@code path} until it answers 200 and returns the time since the process was started. */
  Duration awaitOk(Http http, String path, Duration timeout) throws InterruptedException {
    return awaitOk(http, port, path, timeout);
  }

  /** Polls {@code path} on the management interface until it answers 200. */
  Duration awaitManagementOk(Http http, String path, Duration timeout) throws InterruptedException {
    return awaitOk(http, managementPort, path, timeout);
  }

  private Duration awaitOk(Http http, int port, String path, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the service exited with " + process.exitValue());
      }
      try {
        if (http.get(port, path).status() == 200) {
          return Duration.ofNanos(System.nanoTime() - startedNanos);
        }
      } catch (IOException notListeningYet) {
        // Keep polling.
      }
      Thread.sleep(10);
    }
    throw new IllegalStateException(path + " did not answer 200 within " + timeout);
  }

  @Override
  public void close() throws InterruptedException {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(40, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
