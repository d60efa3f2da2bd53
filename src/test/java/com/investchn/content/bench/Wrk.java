package com.investchn.content.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs wrk (the Debian package) against one URL and reads its result from a line that a small Lua
 * {@code done} hook prints: request count, duration, error kinds and latency percentiles.
 */
final class Wrk {

  /** One wrk run; latencies in microseconds as wrk measures them. */
  record Result(
      long requests,
      long durationMicros,
      long bytes,
      long statusErrors,
      long socketErrors,
      double p50Micros,
      double p99Micros) {

    double requestsPerSecond() {
      return durationMicros == 0 ? 0 : requests * 1e6 / durationMicros;
    }
  }

  private static final String REPORT_SCRIPT =
      """
      done = function(summary, latency, requests)
        local e = summary.errors
        io.write(string.format(
          "WRK-RESULT requests=%.0f duration=%.0f bytes=%.0f status=%.0f connect=%.0f"
            .. " read=%.0f write=%.0f timeout=%.0f p50=%.0f p99=%.0f\\n",
          summary.requests, summary.duration, summary.bytes, e.status, e.connect,
          e.read, e.write, e.timeout, latency:percentile(50), latency:percentile(99)))
      end
      """;

  private final Path script;
  private final String timeout;

  private Wrk(Path script, String timeout) {
    this.script = script;
    this.timeout = timeout;
  }

  /** Writes the Lua hook into {@code dir}; fails early with a hint when wrk is not installed. */
  static Wrk prepare(Path dir, Duration timeout) throws IOException, InterruptedException {
    try {
      Process version = new ProcessBuilder("wrk", "-v").redirectErrorStream(true).start();
      version.getInputStream().readAllBytes();
      version.waitFor();
    } catch (IOException e) {
      throw new IllegalStateException(
          "wrk is not installed: apt-get update && apt-get install -y wrk nginx", e);
    }
    Path script = dir.resolve("report.lua");
    Files.writeString(script, REPORT_SCRIPT);
    return new Wrk(script, timeout.toSeconds() + "s");
  }

  /** Drives {@code url} with 2 threads (fewer when there are fewer connections). */
  Result run(String url, Map<String, String> headers, int connections, Duration duration)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add("wrk");
    command.add("-t" + Math.min(2, connections));
    command.add("-c" + connections);
    command.add("-d" + Math.max(1, duration.toSeconds()) + "s");
    command.add("--timeout");
    command.add(timeout);
    command.add("--latency");
    command.add("-s");
    command.add(script.toString());
    headers.forEach(
        (name, value) -> {
          command.add("-H");
          command.add(name + ": " + value);
        });
    command.add(url);
    Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output;
    try {
      output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!wrk.waitFor(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("wrk did not finish: " + command);
      }
    } finally {
      wrk.destroyForcibly();
    }
    return parse(output, command);
  }

  static Result parse(String output, List<String> command) {
    String line =
        output
            .lines()
            .filter(l -> l.startsWith("WRK-RESULT "))
            .findFirst()
            .orElseThrow(
                () -> new IllegalStateException("no result from " + command + ":\n" + output));
    Map<String, Long> values = new HashMap<>();
    for (String pair : line.substring("WRK-RESULT ".length()).trim().split(" ")) {
      int equals = pair.indexOf('=');
      values.put(pair.substring(0, equals), Long.parseLong(pair.substring(equals + 1)));
    }
    return new Result(
        values.get("requests"),
        values.get("duration"),
        values.get("bytes"),
        values.get("status"),
        values.get("connect") + values.get("read") + values.get("write") + values.get("timeout"),
        values.get("p50"),
        values.get("p99"));
  }
}
