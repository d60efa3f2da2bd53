package com.investchn.content.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.investchn.content.support.PackagedService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Rerunnable benchmark, not part of the normal build: what durable commits cost in write
 * throughput. N threads create articles through the editorial API of the packaged service as it
 * ships (H2 with WRITE_DELAY=0) and with H2's old default (commits written in the background, up to
 * 500 ms later); on PostgreSQL (-Ppostgres) with synchronous_commit on (the default) and off. Both
 * services run side by side on fresh data and are measured in short alternating slices, so that
 * load from other work on the machine falls on both alike; the median of the slice-by-slice ratios
 * is the cost.
 *
 * <pre>
 * ./mvnw -B verify -Dbenchmark=true -Dit.test=DurabilityBenchmarkIT -Dtest=None \
 *     -Dsurefire.failIfNoSpecifiedTests=false [-Dbenchmark.threads=4] [-Dbenchmark.slices=8] \
 *     [-Dbenchmark.slice-seconds=5] [-Dbenchmark.warm-up-seconds=15]
 * </pre>
 *
 * Results go to standard output and target/benchmark/durability.txt.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class DurabilityBenchmarkIT {

  private static final String TOKEN = PackagedService.ADMIN_TOKEN;
  private static final int THREADS = Integer.getInteger("benchmark.threads", 4);
  private static final int SLICES = Integer.getInteger("benchmark.slices", 8);
  private static final int SLICE_SECONDS = Integer.getInteger("benchmark.slice-seconds", 5);
  private static final int WARM_UP_SECONDS = Integer.getInteger("benchmark.warm-up-seconds", 15);
  private static final int WARM_UP_MILLIS = 1_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One way to run the service: a name and the environment that differs, given its data. */
  record Variant(
      String name,
      String schemaSuffix,
      Function<PackagedService.Database, Map<String, String>> environment) {}

  /** A variant's running service with the zone and category its articles are filed under. */
  record Running(
      Variant variant,
      PackagedService service,
      PackagedService.Database database,
      Path data,
      long zone,
      long category,
      AtomicInteger created) {}

  @Test
  void createsArticlesWithAndWithoutDurableCommits() throws Exception {
    Path work = Files.createTempDirectory("content-api-durability-benchmark");
    boolean postgres = System.getProperty("test.pg.url") != null;
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    List<Running> services = new ArrayList<>();
    try {
      for (Variant variant : postgres ? postgresVariants() : h2Variants()) {
        services.add(start(http, work, variant));
      }
      AtomicInteger sequence = new AtomicInteger();
      for (Running running : services) {
        // A fresh JVM is slow until the JIT has compiled the write path: not measured.
        measure(http, running, sequence, WARM_UP_SECONDS);
      }
      Map<String, List<Double>> rates = new LinkedHashMap<>();
      List<Double> ratios = new ArrayList<>();
      for (int slice = 1; slice <= SLICES; slice++) {
        List<Running> order = new ArrayList<>(services);
        if (slice % 2 == 0) {
          Collections.reverse(order);
        }
        Map<String, Double> thisSlice = new LinkedHashMap<>();
        for (Running running : order) {
          double rate = measure(http, running, sequence, SLICE_SECONDS);
          thisSlice.put(running.variant().name(), rate);
          rates.computeIfAbsent(running.variant().name(), name -> new ArrayList<>()).add(rate);
        }
        double durable = thisSlice.get(services.get(0).variant().name());
        double relaxed = thisSlice.get(services.get(1).variant().name());
        ratios.add(durable / relaxed);
        System.out.printf("slice %d: %s%n", slice, thisSlice);
      }
      StringBuilder result = new StringBuilder();
      result.append(
          String.format(
              "%s: %d threads creating articles, %d alternating slices of %d s, %s, %d cores%n",
              Instant.now(),
              THREADS,
              SLICES,
              SLICE_SECONDS,
              postgres ? "PostgreSQL" : "H2",
              Runtime.getRuntime().availableProcessors()));
      for (Map.Entry<String, List<Double>> entry : rates.entrySet()) {
        result.append(
            String.format(
                "  %-52s median %6.1f writes/s, mean %6.1f (slices: %s)%n",
                entry.getKey(),
                median(entry.getValue()),
                entry.getValue().stream().mapToDouble(Double::doubleValue).average().orElse(0),
                entry.getValue().stream().map(r -> String.format("%.0f", r)).toList()));
      }
      result.append(
          String.format(
              "  durable / relaxed, median of the slice-by-slice ratios: %.2f%n", median(ratios)));
      for (Running running : services) {
        Path file = running.data().resolve("content-api.mv.db");
        if (Files.exists(file)) {
          result.append(
              String.format(
                  "  %-52s database file %,d MB after %,d articles%n",
                  running.variant().name(), Files.size(file) / 1_000_000, running.created().get()));
        }
      }
      System.out.print(result);
      Path out = Path.of("target", "benchmark", "durability.txt");
      Files.createDirectories(out.getParent());
      Files.writeString(out, result);
    } finally {
      for (Running running : services) {
        running.service().stop();
        running.database().drop();
      }
      PackagedService.deleteTree(work);
    }
  }

  private static List<Variant> h2Variants() {
    return List.of(
        new Variant(
            "H2 as packaged (WRITE_DELAY=0, durable on a crash)", "bench_h2", database -> Map.of()),
        new Variant(
            "H2 old default (WRITE_DELAY 500 ms, background writes)",
            "bench_h2",
            database ->
                Map.of(
                    "QUARKUS_DATASOURCE_JDBC_URL",
                    "jdbc:h2:file:"
                        + database.environment().get("CONTENT_API_DATA_DIR")
                        + "/content-api;DB_CLOSE_ON_EXIT=FALSE;AUTO_SERVER=FALSE")));
  }

  private static List<Variant> postgresVariants() {
    return List.of(
        new Variant(
            "PostgreSQL synchronous_commit=on (the default)", "bench_sync", database -> Map.of()),
        new Variant(
            "PostgreSQL synchronous_commit=off",
            "bench_async",
            database ->
                Map.of(
                    "QUARKUS_DATASOURCE_JDBC_URL",
                    database.environment().get("QUARKUS_DATASOURCE_JDBC_URL")
                        + "&options=-c%20synchronous_commit%3Doff")));
  }

  /** Starts a variant on fresh data, with a zone and a category to file articles under. */
  private static Running start(HttpClient http, Path work, Variant variant) throws Exception {
    Path folder = Files.createTempDirectory(work, "variant-");
    PackagedService.Database database =
        PackagedService.Database.forTest(variant.schemaSuffix(), folder);
    PackagedService service =
        PackagedService.start(
                "service", folder, database, "384m", variant.environment().apply(database))
            .awaitReady();
    long zone =
        post(
                http,
                service,
                "/api/v1/admin/zones",
                Map.of("slug", "bench", "name", "基准测试省", "kind", "province"))
            .path("id")
            .asLong();
    long category =
        post(
                http,
                service,
                "/api/v1/admin/categories",
                Map.of("slug", "bench", "name", "基准测试频道", "position", 0))
            .path("id")
            .asLong();
    return new Running(
        variant, service, database, folder.resolve("data"), zone, category, new AtomicInteger());
  }

  /** Writes per second that N threads get answered 201 for some seconds. */
  private static double measure(
      HttpClient http, Running running, AtomicInteger sequence, int seconds) throws Exception {
    AtomicBoolean counting = new AtomicBoolean();
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicInteger written = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      threads.add(
          new Thread(
              () -> {
                while (writing.get()) {
                  Map<String, Object> article =
                      article(sequence.incrementAndGet(), running.zone(), running.category());
                  try {
                    int status = send(http, running.service(), "/api/v1/admin/articles", article);
                    if (status != 201) {
                      failed.incrementAndGet();
                    } else {
                      running.created().incrementAndGet();
                      if (counting.get()) {
                        written.incrementAndGet();
                      }
                    }
                  } catch (IOException | InterruptedException e) {
                    failed.incrementAndGet();
                  }
                }
              }));
    }
    threads.forEach(Thread::start);
    Thread.sleep(WARM_UP_MILLIS);
    counting.set(true);
    long began = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    counting.set(false);
    double elapsed = (System.nanoTime() - began) / 1e9;
    writing.set(false);
    for (Thread thread : threads) {
      thread.join(30_000);
    }
    assertEquals(0, failed.get(), running.variant().name() + ": writes refused");
    assertTrue(written.get() > 0, running.variant().name() + ": nothing written");
    return written.get() / elapsed;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  private static Map<String, Object> article(int n, long zone, long category) {
    Map<String, Object> article = new LinkedHashMap<>();
    article.put("slug", "bench-" + n);
    article.put("title", "基准测试文章第" + n + "篇：开发区重点项目建设提速");
    article.put(
        "body",
        "<p>开发区围绕集成电路、生物医药和高端装备等主导产业开展精准招商，重点项目从签约到开工全程跟踪服务，"
            + "企业落地周期明显缩短。</p><p>园区完善人才公寓、标准厂房和公共服务平台等配套，营商环境持续优化，"
            + "外资企业增资扩产意愿增强。</p><ul><li>加快项目建设</li><li>优化审批服务</li></ul>");
    article.put("categoryId", category);
    article.put("zoneId", zone);
    article.put("status", "published");
    return article;
  }

  private static JsonNode post(
      HttpClient http, PackagedService service, String path, Map<String, Object> body)
      throws Exception {
    HttpResponse<String> response = http.send(request(service, path, body), ofString());
    assertEquals(201, response.statusCode(), response.body());
    return JSON.readTree(response.body());
  }

  private static int send(
      HttpClient http, PackagedService service, String path, Map<String, Object> body)
      throws IOException, InterruptedException {
    return http.send(request(service, path, body), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static HttpRequest request(PackagedService service, String path, Map<String, Object> body)
      throws IOException {
    return HttpRequest.newBuilder(URI.create(service.url(path)))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + TOKEN)
        .header("Content-Type", "application/json; charset=UTF-8")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
        .build();
  }

  private static HttpResponse.BodyHandler<String> ofString() {
    return HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8);
  }
}
