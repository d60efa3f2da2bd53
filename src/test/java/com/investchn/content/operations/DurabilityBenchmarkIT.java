package com.investchn.content.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * throughput. N threads create articles through the editorial API of the packaged service, once as
 * it ships (H2 with WRITE_DELAY=0) and once with H2's old default (commits written in the
 * background, up to 500 ms later); on PostgreSQL (-Ppostgres) with synchronous_commit on (the
 * default) and off. Each variant runs in alternating rounds on fresh data.
 *
 * <pre>
 * ./mvnw -B verify -Dbenchmark=true -Dit.test=DurabilityBenchmarkIT -Dtest=None \
 *     -Dsurefire.failIfNoSpecifiedTests=false [-Dbenchmark.threads=4] [-Dbenchmark.seconds=20] \
 *     [-Dbenchmark.rounds=2]
 * </pre>
 *
 * Results go to standard output and target/benchmark/durability.txt.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class DurabilityBenchmarkIT {

  private static final String TOKEN = "benchmark-bootstrap-token";
  private static final int THREADS = Integer.getInteger("benchmark.threads", 4);
  private static final int SECONDS = Integer.getInteger("benchmark.seconds", 20);
  private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 2);
  private static final int WARM_UP_SECONDS = 3;
  private static final String SCHEMA_SUFFIX = "bench_durability";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One way to run the service: a name and the environment that differs, given the data folder. */
  record Variant(String name, Function<Path, Map<String, String>> environment) {}

  @Test
  void createsArticlesWithAndWithoutDurableCommits() throws Exception {
    Path work = Files.createTempDirectory("content-api-durability-benchmark");
    try {
      boolean postgres = System.getProperty("test.pg.url") != null;
      List<Variant> variants = postgres ? postgresVariants() : h2Variants();
      Map<String, List<Double>> rates = new LinkedHashMap<>();
      for (int round = 1; round <= ROUNDS; round++) {
        List<Variant> order = new ArrayList<>(variants);
        if (round % 2 == 0) {
          Collections.reverse(order);
        }
        for (Variant variant : order) {
          double rate = measure(work, variant, round);
          rates.computeIfAbsent(variant.name(), name -> new ArrayList<>()).add(rate);
          System.out.printf("round %d, %s: %.1f writes/s%n", round, variant.name(), rate);
        }
      }
      StringBuilder result = new StringBuilder();
      result.append(
          String.format(
              "%s: %d threads creating articles for %d s per run, %d rounds, %s, %d cores%n",
              Instant.now(),
              THREADS,
              SECONDS,
              ROUNDS,
              postgres ? "PostgreSQL" : "H2",
              Runtime.getRuntime().availableProcessors()));
      for (Map.Entry<String, List<Double>> entry : rates.entrySet()) {
        double mean =
            entry.getValue().stream().mapToDouble(Double::doubleValue).average().orElse(0);
        result.append(
            String.format(
                "  %-52s %7.1f writes/s (runs: %s)%n",
                entry.getKey(),
                mean,
                entry.getValue().stream().map(r -> String.format("%.1f", r)).toList()));
      }
      System.out.print(result);
      Path out = Path.of("target", "benchmark", "durability.txt");
      Files.createDirectories(out.getParent());
      Files.writeString(out, result);
    } finally {
      PackagedService.deleteTree(work);
    }
  }

  private static List<Variant> h2Variants() {
    return List.of(
        new Variant("H2 as packaged (WRITE_DELAY=0, durable on a crash)", data -> Map.of()),
        new Variant(
            "H2 old default (WRITE_DELAY 500 ms, background writes)",
            data ->
                Map.of(
                    "QUARKUS_DATASOURCE_JDBC_URL",
                    "jdbc:h2:file:"
                        + data.toAbsolutePath().resolve("content-api")
                        + ";DB_CLOSE_ON_EXIT=FALSE;AUTO_SERVER=FALSE")));
  }

  private static List<Variant> postgresVariants() {
    PackagedService.Database database = PackagedService.Database.forTest(null, SCHEMA_SUFFIX);
    String url = database.pgUrl() + "?currentSchema=" + database.pgSchema();
    return List.of(
        new Variant("PostgreSQL synchronous_commit=on (the default)", data -> Map.of()),
        new Variant(
            "PostgreSQL synchronous_commit=off",
            data ->
                Map.of(
                    "QUARKUS_DATASOURCE_JDBC_URL",
                    url + "&options=-c%20synchronous_commit%3Doff")));
  }

  /** Writes per second that N threads get answered 201 on fresh data. */
  private static double measure(Path work, Variant variant, int round) throws Exception {
    Path data = Files.createTempDirectory(work, "data-");
    PackagedService.Database database = PackagedService.Database.forTest(data, SCHEMA_SUFFIX);
    database.drop();
    Map<String, String> env = new LinkedHashMap<>(variant.environment().apply(data));
    env.put("CONTENT_API_ADMIN_BOOTSTRAP_TOKEN", TOKEN);
    env.put("CONTENT_API_DEMO_ENABLED", "false");
    PackagedService service =
        PackagedService.start(database, work.resolve("service-" + round + ".log"), env)
            .awaitReady();
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    try {
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
      AtomicBoolean counting = new AtomicBoolean();
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicInteger written = new AtomicInteger();
      AtomicInteger failed = new AtomicInteger();
      List<Thread> threads = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        threads.add(
            new Thread(
                () -> {
                  int n = 0;
                  while (running.get()) {
                    Map<String, Object> article = article(thread, ++n, zone, category);
                    try {
                      int status = send(http, service, "/api/v1/admin/articles", article);
                      if (status == 201 && counting.get()) {
                        written.incrementAndGet();
                      } else if (status != 201) {
                        failed.incrementAndGet();
                      }
                    } catch (IOException | InterruptedException e) {
                      failed.incrementAndGet();
                    }
                  }
                }));
      }
      threads.forEach(Thread::start);
      Thread.sleep(WARM_UP_SECONDS * 1000L);
      counting.set(true);
      long began = System.nanoTime();
      Thread.sleep(SECONDS * 1000L);
      counting.set(false);
      double seconds = (System.nanoTime() - began) / 1e9;
      running.set(false);
      for (Thread thread : threads) {
        thread.join(30_000);
      }
      assertEquals(0, failed.get(), variant.name() + ": writes refused");
      assertTrue(written.get() > 0, variant.name() + ": nothing written");
      return written.get() / seconds;
    } finally {
      service.stop();
      database.drop();
    }
  }

  private static Map<String, Object> article(int thread, int n, long zone, long category) {
    Map<String, Object> article = new LinkedHashMap<>();
    article.put("slug", "bench-" + thread + "-" + n);
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
