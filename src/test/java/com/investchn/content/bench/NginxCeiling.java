package com.investchn.content.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * nginx (the Debian package) serving the service's answers saved as static files, the practical
 * ceiling for a read: a minimal configuration on a free 127.0.0.1 port under a folder of its own,
 * run in the foreground as a child process and stopped, workers included, on close.
 */
final class NginxCeiling implements AutoCloseable {

  private final Process master;
  private final int port;
  private final Path dir;

  private NginxCeiling(Process master, int port, Path dir) {
    this.master = master;
    this.port = port;
    this.dir = dir;
  }

  /**
   * Saves each body as {@code /<name>} in a temporary folder of its own (readable by nginx's
   * workers, which run as nobody when started by root) and starts nginx on it.
   */
  static NginxCeiling start(Map<String, byte[]> files, Http http)
      throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("content-api-nginx");
    Path root = dir.resolve("www");
    Files.createDirectories(root);
    Files.createDirectories(dir.resolve("temp"));
    for (Path folder : List.of(dir, root)) {
      Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      Path saved = root.resolve(file.getKey());
      Files.write(saved, file.getValue());
      Files.setPosixFilePermissions(saved, PosixFilePermissions.fromString("rw-r--r--"));
    }
    int port = ServiceProcess.freePort();
    Path conf = dir.resolve("nginx.conf");
    Files.writeString(conf, config(dir, root, port));
    Process master;
    try {
      master =
          new ProcessBuilder("nginx", "-p", dir.toString(), "-c", conf.toString(), "-e", "stderr")
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("nginx.log").toFile())
              .start();
    } catch (IOException e) {
      deleteRecursively(dir);
      throw new IllegalStateException(
          "nginx is not installed: apt-get update && apt-get install -y wrk nginx"
              + " (or -Dbenchmark.nginx=false)",
          e);
    }
    NginxCeiling nginx = new NginxCeiling(master, port, dir);
    try {
      nginx.awaitListening(http, files.keySet().iterator().next(), Duration.ofSeconds(20));
    } catch (RuntimeException | IOException | InterruptedException e) {
      nginx.close();
      throw e;
    }
    return nginx;
  }

  int port() {
    return port;
  }

  private static String config(Path dir, Path root, int port) {
    Path temp = dir.resolve("temp");
    return """
        daemon off;
        worker_processes auto;
        pid %1$s/nginx.pid;
        error_log stderr warn;
        events { worker_connections 4096; }
        http {
          access_log off;
          types { }
          default_type application/json;
          charset utf-8;
          sendfile on;
          tcp_nopush on;
          tcp_nodelay on;
          keepalive_timeout 75s;
          keepalive_requests 100000000;
          open_file_cache max=1000 inactive=5m;
          open_file_cache_valid 5m;
          client_body_temp_path %2$s/body;
          proxy_temp_path %2$s/proxy;
          fastcgi_temp_path %2$s/fastcgi;
          uwsgi_temp_path %2$s/uwsgi;
          scgi_temp_path %2$s/scgi;
          server {
            listen 127.0.0.1:%3$d;
            root %4$s;
            location / { }
          }
        }
        """
        .formatted(dir, temp, port, root);
  }

  private void awaitListening(Http http, String file, Duration timeout)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (!master.isAlive()) {
        throw new IllegalStateException(
            "nginx exited with " + master.exitValue() + ": " + Files.readString(log()));
      }
      try {
        int status = http.get(port, "/" + file).status();
        if (status == 200) {
          return;
        }
        last = "status " + status;
      } catch (IOException notYet) {
        // Keep polling.
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException(
        "nginx did not answer 200 within "
            + timeout
            + " ("
            + last
            + "): "
            + Files.readString(log()));
  }

  private Path log() {
    return dir.resolve("nginx.log");
  }

  @Override
  public void close() throws InterruptedException {
    // The workers are the master's children: remember them before the master goes.
    List<ProcessHandle> workers = master.descendants().toList();
    master.destroy();
    if (!master.waitFor(20, TimeUnit.SECONDS)) {
      master.destroyForcibly();
      master.waitFor(5, TimeUnit.SECONDS);
    }
    for (ProcessHandle worker : workers) {
      if (worker.isAlive()) {
        worker.destroyForcibly();
      }
    }
    try {
      deleteRecursively(dir);
    } catch (IOException e) {
      // A leftover temporary folder is not worth failing the benchmark for.
    }
  }

  private static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
