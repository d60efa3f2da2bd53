package com.investchn.content.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Rerunnable read benchmark, not part of the normal build. It treats the packaged service as a
 * black box: generates a seeded portal ({@link PortalDataset}), imports it through {@code POST
 * /api/v1/admin/import}, restarts the service and times its start, warms up, then drives every
 * public read ({@link ReadScenarios}) with wrk, round-robin over the reads, beside nginx serving
 * the same answers as static files. One Markdown report per cache mode.
 *
 * <pre>
 * ./mvnw -B verify -Dbenchmark=true -Dit.test=ReadBenchmarkIT -Dtest=None \
 *     -Dsurefire.failIfNoSpecifiedTests=false        # add -Ppostgres for PostgreSQL
 * </pre>
 *
 * Knobs (system properties, defaults in brackets): benchmark.articles [100000], benchmark.seed,
 * benchmark.duration [15s], benchmark.warmup [5s per read], benchmark.connections [32,8],
 * benchmark.reps [3], benchmark.modes [on,off], benchmark.nginx [true], benchmark.scenarios [all],
 * benchmark.wrk-timeout [10s], benchmark.pg.schema [test.pg.schema + _bench]. Results go to
 * standard output and target/benchmark/reads-&lt;db&gt;-&lt;mode&gt;.md.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ReadBenchmarkIT {

  private static final String TOKEN = "read-benchmark-bootstrap-token-0123456789";
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  /** The knobs, each a system property. */
  record Settings(
      int articles,
      long seed,
      Duration duration,
      Duration warmup,
      List<Integer> connections,
      int reps,
      List<String> modes,
      boolean nginx,
      Set<String> scenarios,
      Duration wrkTimeout,
      Path jar) {

    static Settings fromSystemProperties() {
      List<String> modes = list("benchmark.modes", "on,off");
      for (String mode : modes) {
        if (!mode.equals("on") && !mode.equals("off")) {
          throw new IllegalArgumentException("benchmark.modes takes on and off, not " + mode);
        }
      }
      int reps = Integer.getInteger("benchmark.reps", 3);
      if (reps < 1) {
        throw new IllegalArgumentException("benchmark.reps must be at least 1");
      }
      return new Settings(
          Integer.getInteger("benchmark.articles", 100_000),
          Long.getLong("benchmark.seed", PortalDataset.DEFAULT_SEED),
          duration("benchmark.duration", "15s"),
          duration("benchmark.warmup", "5s"),
          list("benchmark.connections", "32,8").stream().map(Integer::valueOf).toList(),
          reps,
          modes,
          Boolean.parseBoolean(System.getProperty("benchmark.nginx", "true")),
          new LinkedHashSet<>(list("benchmark.scenarios", "")),
          duration("benchmark.wrk-timeout", "10s"),
          Path.of(System.getProperty("app.jar", "target/quarkus-app/quarkus-run.jar")));
    }

    private static List<String> list(String key, String fallback) {
      return Arrays.stream(System.getProperty(key, fallback).split(","))
          .map(String::strip)
          .filter(value -> !value.isEmpty())
          .toList();
    }

    /** "15s", "500ms", "2m" or a plain number of seconds. */
    static Duration duration(String key, String fallback) {
      String raw = System.getProperty(key, fallback).strip().toLowerCase(Locale.ROOT);
      if (raw.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(raw.substring(0, raw.length() - 2)));
      }
      if (raw.endsWith("m")) {
        return Duration.ofMinutes(Long.parseLong(raw.substring(0, raw.length() - 1)));
      }
      if (raw.endsWith("s")) {
        raw = raw.substring(0, raw.length() - 1);
      }
      return Duration.ofSeconds(Long.parseLong(raw));
    }
  }

  /** What the import took. */
  record Load(double seconds, double cpuSeconds, long lines, Duration firstStart) {}

  @Test
  void drivesEveryPublicRead() throws Exception {
    Settings settings = Settings.fromSystemProperties();
    Path out = Path.of("target", "benchmark");
    Path logs = out.resolve("logs");
    Files.createDirectories(logs);
    Path work = Files.createTempDirectory("content-api-read-benchmark");
    BenchDatabase database = BenchDatabase.fromSystemProperties(work);
    Http http = new Http();
    Wrk wrk = Wrk.prepare(work, settings.wrkTimeout());
    PortalDataset data = new PortalDataset(settings.articles(), settings.seed());
    database.drop();
    try {
      Load load = load(settings, database, data, http, logs);
      for (String mode : settings.modes()) {
        ReadReport report = measure(settings, database, data, load, mode, http, wrk, logs);
        String markdown = report.markdown();
        System.out.println();
        System.out.println(markdown);
        Path file = out.resolve("reads-" + database.label() + "-" + mode + ".md");
        Files.writeString(file, markdown);
        System.out.println("Written to " + file.toAbsolutePath());
      }
    } finally {
      database.drop();
      deleteRecursively(work);
    }
  }

  /** Starts the service on an empty database and imports the data set; the service then stops. */
  private static Load load(
      Settings settings, BenchDatabase database, PortalDataset data, Http http, Path logs)
      throws Exception {
    Map<String, String> env = baseEnvironment(database);
    env.put("CONTENT_API_ADMIN_BOOTSTRAP_TOKEN", TOKEN);
    try (ServiceProcess service =
        ServiceProcess.start(settings.jar(), env, logs.resolve(database.label() + "-import.log"))) {
      Duration firstStart = service.awaitManagementOk(http, "/q/health/ready", START_TIMEOUT);
      log(
          "Importing %,d lines (%,d articles, %d zones, %d categories) into %s",
          data.lineCount(),
          data.articleCount(),
          data.zones().size(),
          data.categories().size(),
          database.description());
      long started = System.nanoTime();
      long cpuBefore = service.cpuNanos();
      Http.Answer answer =
          http.postNdjson(service.port(), "/api/v1/admin/import", TOKEN, data::ndjson);
      double seconds = (System.nanoTime() - started) / 1e9;
      double cpuSeconds = (service.cpuNanos() - cpuBefore) / 1e9;
      assertEquals(200, answer.status(), answer.text());
      JsonNode report = new ObjectMapper().readTree(answer.body());
      assertEquals(0, report.path("rejectedCount").asLong(), report.toString());
      assertEquals(data.articleCount(), report.at("/created/article").asLong(), report.toString());
      assertEquals(data.zones().size(), report.at("/created/zone").asLong(), report.toString());
      log(
          "Imported in %.1f s (%,.0f lines/s, %.1f s of service CPU): created %s",
          seconds, data.lineCount() / seconds, cpuSeconds, report.path("created"));
      return new Load(seconds, cpuSeconds, data.lineCount(), firstStart);
    }
  }

  /** One cache mode: restart, time the start, resolve the reads, warm up, drive them. */
  private static ReadReport measure(
      Settings settings,
      BenchDatabase database,
      PortalDataset data,
      Load load,
      String mode,
      Http http,
      Wrk wrk,
      Path logs)
      throws Exception {
    String label = database.label() + " cache " + mode;
    Map<String, String> env = baseEnvironment(database);
    if (mode.equals("off")) {
      env.put("CONTENT_API_CACHE_ENABLED", "false");
    }
    String loadBefore = loadAverage();
    try (ServiceProcess service =
            ServiceProcess.start(
                settings.jar(), env, logs.resolve(database.label() + "-" + mode + ".log"));
        RssSampler rss = new RssSampler(service)) {
      Duration startup = service.awaitOk(http, "/api/v1/site", START_TIMEOUT);
      log("[%s] first 200 from GET /api/v1/site after %d ms", label, startup.toMillis());

      List<ReadScenarios.Skipped> skipped = new ArrayList<>();
      List<ReadScenarios.Resolved> reads =
          ReadScenarios.resolve(
              selected(settings), new ReadScenarios.Probe(http, service.port()), skipped);
      skipped.forEach(
          skip -> log("[%s] skip %s: %s", label, skip.scenario().name(), skip.reason()));
      long runSeconds =
          (long) reads.size()
              * settings.connections().size()
              * settings.reps()
              * settings.duration().toSeconds()
              * (settings.nginx() ? 2 : 1);
      log(
          "[%s] %d reads × %d connection levels × %d rounds: about %d min of load",
          label,
          reads.size(),
          settings.connections().size(),
          settings.reps(),
          (runSeconds + reads.size() * settings.warmup().toSeconds() + 59) / 60);

      int busiest = settings.connections().stream().max(Integer::compare).orElse(8);
      if (!settings.warmup().isZero()) {
        for (ReadScenarios.Resolved read : reads) {
          Wrk.Result warm =
              wrk.run(
                  url(service.port(), read), read.target().headers(), busiest, settings.warmup());
          log("[%s] warm-up %s: %s", label, read.name(), summary(warm));
        }
        // The first read of round 1 would otherwise meet a JIT still busy with the last ones.
        ReadScenarios.Resolved first = reads.get(0);
        Wrk.Result again =
            wrk.run(
                url(service.port(), first), first.target().headers(), busiest, settings.warmup());
        log("[%s] warm-up %s again: %s", label, first.name(), summary(again));
      }
      List<String> facts = new ArrayList<>();
      ReadReport report =
          new ReadReport("Reads on " + database.label() + ", cache " + mode, facts, reads, skipped);
      driveRounds(settings, database, service, rss, reads, wrk, http, report, label);
      String loadAfter = loadAverage();
      if (busy(loadBefore) || busy(loadAfter)) {
        facts.add(
            "**The machine was busy** (load average above its core count): compare the ratios,"
                + " not the absolute figures");
      }
      facts.add(
          "Run "
              + Instant.now().truncatedTo(ChronoUnit.SECONDS)
              + " on "
              + machine()
              + "; load average before "
              + loadBefore
              + ", after "
              + loadAfter);
      facts.add(
          "Data: "
              + String.format(Locale.ROOT, "%,d", data.articleCount())
              + " generated articles (seed "
              + data.seed()
              + ", ~3 KB Chinese HTML bodies, a few drafts and scheduled), "
              + data.zones().size()
              + " zones (depth 4), "
              + data.categories().size()
              + " categories (depth 3); "
              + database.description());
      facts.add(
          String.format(
              Locale.ROOT,
              "Import: %,d lines in %.1f s (%,.0f lines/s, %.1f s of service CPU) through POST"
                  + " /api/v1/admin/import; first start on the empty database %.2f s",
              load.lines(),
              load.seconds(),
              load.lines() / load.seconds(),
              load.cpuSeconds(),
              load.firstStart().toMillis() / 1000.0));
      facts.add(
          String.format(
              Locale.ROOT,
              "Start-up with the data loaded: %.2f s from process start to the first 200 from"
                  + " GET /api/v1/site",
              startup.toMillis() / 1000.0));
      facts.add(
          "Service: java "
              + ServiceProcess.HEAP
              + " -jar quarkus-run.jar, CONTENT_API_DEMO_ENABLED=false, access log "
              + (Boolean.getBoolean("benchmark.access-log") ? "on" : "at WARN")
              + ", "
              + (mode.equals("off")
                  ? "cache off (CONTENT_API_CACHE_ENABLED=false; a build without the switch"
                      + " ignores it)"
                  : "cache on (the default: nothing passed)"));
      facts.add(
          "Load: wrk -t2 --latency -d"
              + settings.duration().toSeconds()
              + "s per run, "
              + settings.reps()
              + " rounds round-robin over the reads after a "
              + settings.warmup().toSeconds()
              + " s warm-up of each; nginx "
              + (settings.nginx() ? nginxVersion() + " serves the same bodies as files" : "off"));
      facts.add(
          "Figures: req/s, p50, p99 and CPU are medians over the rounds, errors are sums; CPU is"
              + " the service's utime+stime per request, DB CPU that of the PostgreSQL backends serving it (found in pg_stat_activity, so only for a server on this host; with H2 the database works inside the service and DB CPU is –); RSS is the peak VmRSS sampled every"
              + " 200 ms during the runs (overall "
              + rss.overallPeakKiB() / 1024
              + " MiB); × site and × nginx divide medians at the same connection count");
      return report;
    }
  }

  /** Each round drives every read once per connection level: the service, then nginx. */
  private static void driveRounds(
      Settings settings,
      BenchDatabase database,
      ServiceProcess service,
      RssSampler rss,
      List<ReadScenarios.Resolved> reads,
      Wrk wrk,
      Http http,
      ReadReport report,
      String label)
      throws Exception {
    try (NginxCeiling nginx = settings.nginx() ? NginxCeiling.start(files(reads), http) : null) {
      Map<String, Map<String, String>> nginxHeaders = nginxHeaders(reads, nginx, http);
      for (int round = 1; round <= settings.reps(); round++) {
        for (int connections : settings.connections()) {
          for (ReadScenarios.Resolved read : reads) {
            long cpuBefore = service.cpuNanos();
            long databaseBefore = database.serverCpuNanos();
            rss.measuring(true);
            Wrk.Result result =
                wrk.run(
                    url(service.port(), read),
                    read.target().headers(),
                    connections,
                    settings.duration());
            long peak = rss.measuring(false);
            long cpu = service.cpuNanos() - cpuBefore;
            long databaseAfter = database.serverCpuNanos();
            long databaseCpu =
                databaseBefore < 0 || databaseAfter < 0 ? -1 : databaseAfter - databaseBefore;
            if (cpu < 0 || peak < 0) {
              throw new IllegalStateException("the service is gone; see target/benchmark/logs");
            }
            Wrk.Result ceiling =
                nginx == null
                    ? null
                    : wrk.run(
                        Http.base(nginx.port()) + "/" + read.name(),
                        nginxHeaders.get(read.name()),
                        connections,
                        settings.duration());
            report.add(
                connections,
                read.name(),
                new ReadReport.Run(result, cpu, databaseCpu, peak, ceiling));
            log(
                "[%s] round %d/%d, %d connections, %s: %s%s",
                label,
                round,
                settings.reps(),
                connections,
                read.name(),
                summary(result),
                ceiling == null ? "" : " | nginx " + summary(ceiling));
          }
        }
      }
    }
  }

  private static List<ReadScenarios.Scenario> selected(Settings settings) {
    List<ReadScenarios.Scenario> all = ReadScenarios.all();
    if (settings.scenarios().isEmpty()) {
      return all;
    }
    Set<String> known = all.stream().map(ReadScenarios.Scenario::name).collect(Collectors.toSet());
    for (String name : settings.scenarios()) {
      if (!known.contains(name)) {
        throw new IllegalArgumentException(
            "benchmark.scenarios: no read named " + name + "; known: " + known);
      }
    }
    // The site record is the yardstick of every ratio: always measured.
    return all.stream()
        .filter(
            scenario ->
                scenario.name().equals(ReadReport.BASELINE)
                    || settings.scenarios().contains(scenario.name()))
        .toList();
  }

  private static Map<String, String> baseEnvironment(BenchDatabase database) {
    Map<String, String> env = new LinkedHashMap<>(database.environment());
    env.put("CONTENT_API_DEMO_ENABLED", "false");
    // benchmark.access-log=on keeps the default access log, to measure what it costs.
    if (!Boolean.parseBoolean(System.getProperty("benchmark.access-log", "false"))) {
      env.put("QUARKUS_LOG_CATEGORY__COM_INVESTCHN_CONTENT_ACCESS__LEVEL", "WARN");
    }
    env.put("CONTENT_API_CURSOR_SECRET", "read-benchmark-cursor-secret-0123456789abcdef");
    return env;
  }

  private static String url(int port, ReadScenarios.Resolved read) {
    return Http.base(port) + read.target().path();
  }

  private static Map<String, byte[]> files(List<ReadScenarios.Resolved> reads) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    reads.forEach(read -> files.put(read.name(), read.body()));
    return files;
  }

  /** Conditional reads revalidate against nginx's own ETag of the saved file. */
  private static Map<String, Map<String, String>> nginxHeaders(
      List<ReadScenarios.Resolved> reads, NginxCeiling nginx, Http http)
      throws IOException, InterruptedException {
    Map<String, Map<String, String>> headers = new LinkedHashMap<>();
    for (ReadScenarios.Resolved read : reads) {
      Map<String, String> these = Map.of();
      if (nginx != null && read.target().conditional()) {
        String etag =
            http.get(nginx.port(), "/" + read.name())
                .header("ETag")
                .orElseThrow(() -> new IllegalStateException("nginx sent no ETag"));
        these = Map.of("If-None-Match", etag);
      }
      headers.put(read.name(), these);
    }
    return headers;
  }

  private static String summary(Wrk.Result result) {
    return String.format(
        Locale.ROOT,
        "%,.0f req/s, p50 %.2f ms, p99 %.2f ms, %d non-2xx/3xx, %d socket errors",
        result.requestsPerSecond(),
        result.p50Micros() / 1000,
        result.p99Micros() / 1000,
        result.statusErrors(),
        result.socketErrors());
  }

  private static String machine() {
    String cpu = "unknown CPU";
    String memory = "";
    try {
      cpu =
          Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
              .filter(line -> line.startsWith("model name"))
              .map(line -> line.substring(line.indexOf(':') + 1).strip())
              .findFirst()
              .orElse(cpu);
      memory =
          Files.readAllLines(Path.of("/proc/meminfo")).stream()
              .filter(line -> line.startsWith("MemTotal:"))
              .map(
                  line ->
                      String.format(
                          Locale.ROOT,
                          ", %.0f GiB",
                          Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0))
              .findFirst()
              .orElse("");
    } catch (IOException e) {
      // Not Linux: keep what is known.
    }
    return Runtime.getRuntime().availableProcessors()
        + " cores ("
        + cpu
        + ")"
        + memory
        + ", Java "
        + System.getProperty("java.version");
  }

  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static boolean busy(String loadAverage) {
    try {
      return Double.parseDouble(loadAverage.split(" ")[0])
          > Runtime.getRuntime().availableProcessors();
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String nginxVersion() {
    try {
      Process version = new ProcessBuilder("nginx", "-v").redirectErrorStream(true).start();
      String text = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      version.waitFor();
      return text.strip().replace("nginx version: nginx/", "");
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  private static void log(String format, Object... args) {
    System.out.printf(
        Locale.ROOT,
        "%s %s%n",
        Instant.now().truncatedTo(ChronoUnit.SECONDS),
        String.format(Locale.ROOT, format, args));
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

  /** Samples the service's VmRSS every 200 ms and keeps the peak of each measured run. */
  private static final class RssSampler implements AutoCloseable {
    private final ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "rss-sampler");
              thread.setDaemon(true);
              return thread;
            });
    private final AtomicLong runPeak = new AtomicLong();
    private final AtomicLong overallPeak = new AtomicLong();
    private final ServiceProcess service;
    private volatile boolean measuring;

    RssSampler(ServiceProcess service) {
      this.service = service;
      timer.scheduleAtFixedRate(
          () -> {
            if (measuring) {
              sample();
            }
          },
          0,
          200,
          TimeUnit.MILLISECONDS);
    }

    private long sample() {
      long rss = service.rssKiB();
      runPeak.accumulateAndGet(rss, Math::max);
      overallPeak.accumulateAndGet(rss, Math::max);
      return rss;
    }

    /** Starts or ends a run; ending returns the run's peak in KiB (-1 when the service died). */
    long measuring(boolean on) {
      if (on) {
        runPeak.set(0);
        sample();
        measuring = true;
        return 0;
      }
      measuring = false;
      return sample() < 0 ? -1 : runPeak.get();
    }

    long overallPeakKiB() {
      return overallPeak.get();
    }

    @Override
    public void close() {
      timer.shutdownNow();
    }
  }
}
