package com.investchn.content.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Rerunnable search benchmark, not part of the normal build: imports the seeded portal ({@link
 * PortalDataset}, 100,000 articles by default) into the packaged service, restarts it without its
 * index and times the full build, then drives search and suggest scenarios with closed-loop clients
 * at each connection count and reports p50/p99, the index size on disk, heap and RSS.
 *
 * <pre>
 * ./mvnw -B verify -Dbenchmark=true -Dit.test=SearchBenchmarkIT -Dtest=None \
 *     -Dsurefire.failIfNoSpecifiedTests=false        # add -Ppostgres for PostgreSQL
 * </pre>
 *
 * Knobs: benchmark.articles [100000], benchmark.seed, benchmark.duration [10s per scenario and
 * connection count], benchmark.warmup [3s], benchmark.connections [8,32]. The clients run on the
 * same machine as the service. Results go to standard output and
 * target/benchmark/search-&lt;db&gt;.md.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class SearchBenchmarkIT {

  private static final String TOKEN = "search-benchmark-bootstrap-token-0123456789";
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
  private static final Pattern BUILT =
      Pattern.compile("Built the search index of (\\d+) articles through change \\d+ in (\\d+) ms");

  record Scenario(String name, String path) {}

  record Result(
      String scenario, int connections, long requests, double p50, double p99, long errors) {}

  @Test
  void measuresSearchAndSuggestAtScale() throws Exception {
    int articles = Integer.getInteger("benchmark.articles", 100_000);
    Duration duration = ReadBenchmarkIT.Settings.duration("benchmark.duration", "10s");
    Duration warmup = ReadBenchmarkIT.Settings.duration("benchmark.warmup", "3s");
    List<Integer> connections =
        Arrays.stream(System.getProperty("benchmark.connections", "8,32").split(","))
            .map(String::strip)
            .map(Integer::valueOf)
            .toList();
    Path jar = Path.of(System.getProperty("app.jar", "target/quarkus-app/quarkus-run.jar"));
    Path out = Path.of("target", "benchmark");
    Path logs = out.resolve("logs");
    Files.createDirectories(logs);
    Path work = Files.createTempDirectory("content-api-search-benchmark");
    BenchDatabase database = BenchDatabase.fromSystemProperties(work);
    PortalDataset data =
        new PortalDataset(articles, Long.getLong("benchmark.seed", PortalDataset.DEFAULT_SEED));
    Http http = new Http();
    Path index = work.resolve("search-index");
    Map<String, String> env = new LinkedHashMap<>(database.environment());
    env.put("CONTENT_API_DEMO_ENABLED", "false");
    env.put("CONTENT_API_ADMIN_BOOTSTRAP_TOKEN", TOKEN);
    env.put("CONTENT_API_SEARCH_INDEX_DIR", index.toString());
    env.put("QUARKUS_LOG_CATEGORY__COM_INVESTCHN_CONTENT_ACCESS__LEVEL", "WARN");
    database.drop();
    StringBuilder report = new StringBuilder();
    try {
      try (ServiceProcess service =
          ServiceProcess.start(
              jar, env, logs.resolve("search-" + database.label() + "-import.log"))) {
        service.awaitManagementOk(http, "/q/health/ready", START_TIMEOUT);
        long started = System.nanoTime();
        Http.Answer answer =
            http.postNdjson(service.port(), "/api/v1/admin/import", TOKEN, data::ndjson);
        assertEquals(200, answer.status(), answer.text());
        log("Imported %,d articles in %.1f s", articles, (System.nanoTime() - started) / 1e9);
      }
      deleteRecursively(index);
      Path log = logs.resolve("search-" + database.label() + ".log");
      try (ServiceProcess service = ServiceProcess.start(jar, env, log)) {
        service.awaitManagementOk(http, "/q/health/ready", START_TIMEOUT);
        Duration build =
            service.awaitOk(http, "/api/v1/search?q=%E5%9B%AD%E5%8C%BA", Duration.ofMinutes(10));
        Matcher built = BUILT.matcher(Files.readString(log));
        String buildLine =
            built.find() ? built.group(2) + " ms for " + built.group(1) + " articles" : "?";
        long indexBytes = size(index);
        String zone = data.zones().get(0).slug();
        List<Scenario> scenarios =
            List.of(
                new Scenario("search 2 chars 园区", "/api/v1/search?q=" + enc("园区")),
                new Scenario("search 4 chars 集成电路", "/api/v1/search?q=" + enc("集成电路")),
                new Scenario("search 4 chars 营商环境", "/api/v1/search?q=" + enc("营商环境")),
                new Scenario(
                    "search English industrial park", "/api/v1/search?q=" + enc("industrial park")),
                new Scenario(
                    "search 集成电路 zone=" + zone,
                    "/api/v1/search?q=" + enc("集成电路") + "&zone=" + zone),
                new Scenario("suggest 1 char 园", "/api/v1/search/suggest?q=" + enc("园")),
                new Scenario("suggest 2 chars 江苏", "/api/v1/search/suggest?q=" + enc("江苏")),
                new Scenario("suggest English pa", "/api/v1/search/suggest?q=pa"));
        report.append(
            "| scenario | matches | connections | requests | p50 ms | p99 ms | errors |\n");
        report.append("| --- | --- | --- | --- | --- | --- | --- |\n");
        for (Scenario scenario : scenarios) {
          Http.Answer first = http.get(service.port(), scenario.path());
          String matches =
              first.header("X-Total-Count").orElse(Integer.toString(countItems(first.text())));
          for (int c : connections) {
            drive(service.port(), scenario, c, warmup);
            Result result = drive(service.port(), scenario, c, duration);
            report.append(
                String.format(
                    Locale.ROOT,
                    "| %s | %s | %d | %,d | %.1f | %.1f | %d |%n",
                    scenario.name(),
                    matches,
                    c,
                    result.requests(),
                    result.p50(),
                    result.p99(),
                    result.errors()));
            log(
                "%s at %d: p50 %.1f ms, p99 %.1f ms",
                scenario.name(), c, result.p50(), result.p99());
          }
        }
        String metrics = http.get(service.managementPort(), "/q/metrics").text();
        report.append(
            String.format(
                Locale.ROOT,
                "%nArticles %,d · full index build %s (first 200 from search %.1f s after start) ·"
                    + " index on disk %.1f MiB · heap used %.0f MiB · RSS %.0f MiB · load average"
                    + " before/after %s%n",
                articles,
                buildLine,
                build.toMillis() / 1000.0,
                indexBytes / 1048576.0,
                heapUsed(metrics) / 1048576.0,
                service.rssKiB() / 1024.0,
                Files.readString(Path.of("/proc/loadavg")).strip()));
      }
      System.out.println(report);
      Files.writeString(out.resolve("search-" + database.label() + ".md"), report.toString());
    } finally {
      database.drop();
      deleteRecursively(work);
    }
  }

  /** Closed loop: each connection sends its next request when the last one is answered. */
  private static Result drive(int port, Scenario scenario, int connections, Duration duration)
      throws InterruptedException {
    URI uri = URI.create(Http.base(port) + scenario.path());
    long end = System.nanoTime() + duration.toNanos();
    List<long[]> samples = new ArrayList<>();
    AtomicLong errors = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      long[] latencies = new long[300_000];
      samples.add(latencies);
      Thread thread =
          new Thread(
              () -> {
                HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                HttpRequest request = HttpRequest.newBuilder(uri).GET().build();
                int n = 0;
                while (System.nanoTime() < end && n < latencies.length - 1) {
                  long sent = System.nanoTime();
                  try {
                    HttpResponse<byte[]> response =
                        client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    if (response.statusCode() != 200) {
                      errors.incrementAndGet();
                    }
                  } catch (IOException | InterruptedException e) {
                    errors.incrementAndGet();
                  }
                  latencies[++n] = System.nanoTime() - sent;
                }
                latencies[0] = n;
              });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    long[] all =
        samples.stream().flatMapToLong(s -> Arrays.stream(s, 1, (int) s[0] + 1)).sorted().toArray();
    return new Result(
        scenario.name(),
        connections,
        all.length,
        percentile(all, 0.50),
        percentile(all, 0.99),
        errors.get());
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
  }

  private static double heapUsed(String metrics) {
    double sum = 0;
    for (String line : metrics.split("\n")) {
      if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }

  private static int countItems(String json) {
    return json.split("\"id\"", -1).length - 1;
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static long size(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      return paths.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      paths
          .sorted(java.util.Comparator.reverseOrder())
          .map(Path::toFile)
          .forEach(java.io.File::delete);
    }
  }

  private static void log(String format, Object... args) {
    System.out.printf(Locale.ROOT, "[search-benchmark] " + format + "%n", args);
  }
}
