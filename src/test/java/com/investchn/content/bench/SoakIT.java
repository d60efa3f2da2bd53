package com.investchn.content.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The soak run of issue 13, a benchmark and not part of the normal build: the packaged service at
 * {@code -Xmx512m} under mixed load for ten minutes (90 % public reads across every public
 * endpoint, 10 % admin writes, an NDJSON import every minute), then a check that no acknowledged
 * write was lost or duplicated, against the admin API, the public API and the change feed.
 *
 * <pre>
 * src/bench/soak.sh [h2|postgres] [-Dsoak.duration=10m -Dsoak.connections=32 ...]
 * </pre>
 *
 * Knobs (defaults in brackets): soak.duration [10m], soak.connections [32], soak.articles [10000],
 * soak.write-share [0.10], soak.import-every [60s], soak.import-lines [200]. Each minute it forces
 * a GC in the service (jcmd) and reads the heap after it from the service's own metrics, and the
 * RSS from /proc. The report goes to standard output and target/benchmark/soak-&lt;db&gt;.md.
 */
@EnabledIfSystemProperty(named = "soak", matches = "true")
class SoakIT {

  private static final String TOKEN = "soak-benchmark-bootstrap-token-0123456789abcdef";
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Duration duration = parse(System.getProperty("soak.duration", "10m"));
  private final int connections = Integer.getInteger("soak.connections", 32);
  private final int articles = Integer.getInteger("soak.articles", 10_000);
  private final double writeShare =
      Double.parseDouble(System.getProperty("soak.write-share", "0.10"));
  private final Duration importEvery = parse(System.getProperty("soak.import-every", "60s"));
  private final int importLines = Integer.getInteger("soak.import-lines", 200);

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();
  private final LongAdder requestsThisMinute = new LongAdder();
  private final LongAdder serverErrorsThisMinute = new LongAdder();
  private final ConcurrentLinkedQueue<String> serverErrorSamples = new ConcurrentLinkedQueue<>();

  /** Every acknowledged admin write, by article id: its last acknowledged state. */
  private final Map<Long, Written> written = new ConcurrentHashMap<>();

  private final Map<Long, String> importedSlugs = new ConcurrentHashMap<>();
  private final AtomicLong importCounter = new AtomicLong();
  private int port;

  /** One endpoint's figures. */
  private static final class Endpoint {
    final Histogram micros = new ConcurrentHistogram(60_000_000L, 3);
    final LongAdder clientErrors = new LongAdder();
    final LongAdder serverErrors = new LongAdder();
    final LongAdder failures = new LongAdder();
  }

  /** What the service acknowledged last for one article the run wrote. */
  private record Written(String slug, String title, String etag, boolean deleted) {}

  /** A minute of the run. */
  private record Minute(int minute, long requests, long serverErrors, long heapMiB, long rssMiB) {}

  @Test
  void mixedLoadLosesNothingAndStaysFlat() throws Exception {
    Path work = Files.createTempDirectory("content-api-soak");
    BenchDatabase database = BenchDatabase.fromSystemProperties(work);
    database.drop();
    Map<String, String> env = new LinkedHashMap<>(database.environment());
    env.put("CONTENT_API_DEMO_ENABLED", "false");
    env.put("CONTENT_API_ADMIN_BOOTSTRAP_TOKEN", TOKEN);
    env.put("CONTENT_API_CURSOR_SECRET", "soak-benchmark-cursor-secret-0123456789abcdef");
    env.put("QUARKUS_LOG_CATEGORY__COM_INVESTCHN_CONTENT_ACCESS__LEVEL", "WARN");
    // One client address drives all the load: its limits must not be what the run measures.
    env.put("CONTENT_API_RATE_LIMIT_ENABLED", "false");
    Path jar = Path.of(System.getProperty("app.jar", "target/quarkus-app/quarkus-run.jar"));
    try (ServiceProcess service =
        ServiceProcess.start(jar, env, work.resolve("service.log").toAbsolutePath())) {
      port = service.port();
      service.awaitManagementOk(new Http(), "/q/health/ready", START_TIMEOUT);
      PortalDataset data = new PortalDataset(articles, PortalDataset.DEFAULT_SEED);
      HttpResponse<String> imported =
          send(
              admin("/api/v1/admin/import")
                  .header("Content-Type", "application/x-ndjson")
                  .timeout(Duration.ofMinutes(30))
                  .POST(HttpRequest.BodyPublishers.ofInputStream(data::ndjson)));
      assertEquals(200, imported.statusCode(), imported.body());
      Targets targets = Targets.discover(this);
      long publicBefore = totalPublic();

      List<Minute> minutes = new ArrayList<>();
      Instant started = Instant.now();
      Instant deadline = started.plus(duration);
      List<Thread> workers = new ArrayList<>();
      for (int i = 0; i < connections; i++) {
        long seed = 1_000L + i;
        Thread worker = new Thread(() -> work(targets, seed, deadline), "soak-" + i);
        workers.add(worker);
        worker.start();
      }
      Thread importer = new Thread(() -> imports(targets, deadline), "soak-import");
      importer.start();
      int minute = 0;
      while (Instant.now().isBefore(deadline)) {
        long sleep =
            Math.min(
                Duration.between(Instant.now(), deadline).toMillis(),
                60_000 - (Duration.between(started, Instant.now()).toMillis() % 60_000));
        Thread.sleep(Math.max(1, sleep));
        minute++;
        minutes.add(
            new Minute(
                minute,
                requestsThisMinute.sumThenReset(),
                serverErrorsThisMinute.sumThenReset(),
                heapAfterGcMiB(service),
                service.rssKiB() / 1024));
        System.out.println("soak minute " + minute + ": " + minutes.get(minutes.size() - 1));
      }
      for (Thread worker : workers) {
        worker.join(TimeUnit.MINUTES.toMillis(3));
      }
      importer.join(TimeUnit.MINUTES.toMillis(3));

      List<String> lost = verifyWrites(publicBefore);
      String report = report(database, minutes, lost, started);
      System.out.println(report);
      Path out = Path.of("target", "benchmark", "soak-" + database.label() + ".md");
      Files.createDirectories(out.getParent());
      Files.writeString(out, report);

      long serverErrors = endpoints.values().stream().mapToLong(e -> e.serverErrors.sum()).sum();
      assertEquals(0, serverErrors, "5xx answers, e.g. " + serverErrorSamples);
      assertTrue(lost.isEmpty(), "writes lost or duplicated: " + lost);
    } finally {
      database.drop();
    }
  }

  /** The paths the readers use, found once on the loaded data. */
  private record Targets(
      List<String> reads, List<Long> zoneIds, List<Long> categoryIds, String someZone) {

    static Targets discover(SoakIT soak) throws Exception {
      JsonNode zones = soak.getJson("/api/v1/zones?size=100");
      JsonNode newest = soak.getJson("/api/v1/articles?size=100");
      List<Long> zoneIds = new ArrayList<>();
      zones.path("items").forEach(zone -> zoneIds.add(zone.path("id").asLong()));
      List<Long> categoryIds = new ArrayList<>();
      collectIds(soak.getJson("/api/v1/categories"), categoryIds);
      List<String> details = new ArrayList<>();
      newest
          .path("items")
          .forEach(
              article -> {
                String slug = article.path("slug").asText();
                details.add("/api/v1/articles/" + slug);
                // Navigation within a list the article is in: its own zone with descendants.
                details.add(
                    "/api/v1/articles/"
                        + slug
                        + "/adjacent?zone="
                        + article.path("zone").path("slug").asText());
              });
      String cursor = newest.path("nextCursor").asText();
      String zone = PortalDataset.ZONE_WITH_DESCENDANTS;
      List<String> reads = new ArrayList<>();
      reads.add("/api/v1/site");
      reads.add("/api/v1/zones/tree");
      reads.add("/api/v1/zones?size=20");
      reads.add("/api/v1/zones/" + zone);
      reads.add("/api/v1/categories");
      reads.add("/api/v1/categories/" + PortalDataset.TOP_CATEGORY);
      reads.add("/api/v1/articles?size=20");
      reads.add("/api/v1/articles?size=20&category=" + PortalDataset.TOP_CATEGORY);
      reads.add("/api/v1/articles?size=20&zone=" + zone);
      reads.add("/api/v1/articles?size=20&publisherZone=" + PortalDataset.PUBLISHER_ZONE);
      reads.add(
          "/api/v1/articles?size=20&from="
              + PortalDataset.RANGE_FROM
              + "&to="
              + PortalDataset.RANGE_TO);
      reads.add("/api/v1/articles?size=20&page=" + Math.max(1, soak.articles / 40));
      reads.add("/api/v1/articles?size=20&cursor=" + encode(cursor));
      reads.addAll(details.subList(0, Math.min(40, details.size())));
      reads.add("/api/v1/feeds/articles.rss?limit=20");
      reads.add("/api/v1/feeds/articles.atom?limit=20&zone=" + zone);
      reads.add("/api/v1/feeds/articles.json?limit=20");
      reads.add("/api/v1/sitemap.xml");
      reads.add("/api/v1/sync?limit=100");
      reads.add("/api/v1/search?q=" + encode("开发区") + "&size=10");
      reads.add("/api/v1/search?q=" + encode("招商 项目") + "&size=10");
      reads.add("/api/v1/search/suggest?q=" + encode("开发"));
      return new Targets(reads, zoneIds, categoryIds, zone);
    }

    private static void collectIds(JsonNode nodes, List<Long> into) {
      JsonNode list = nodes.isArray() ? nodes : nodes.path("items");
      for (JsonNode node : list) {
        into.add(node.path("id").asLong());
        collectIds(node.path("children"), into);
      }
    }
  }

  private void work(Targets targets, long seed, Instant deadline) {
    Random random = new Random(seed);
    List<Long> mine = new ArrayList<>();
    int created = 0;
    while (Instant.now().isBefore(deadline)) {
      try {
        if (random.nextDouble() >= writeShare) {
          String path = targets.reads().get(random.nextInt(targets.reads().size()));
          timed(name(path), () -> send(read(path).GET()));
          continue;
        }
        double roll = random.nextDouble();
        if (mine.isEmpty() || roll < 0.5) {
          Long id = create(targets, random, Thread.currentThread().getName() + "-" + created++);
          if (id != null) {
            mine.add(id);
          }
        } else if (roll < 0.85) {
          retitle(mine.get(random.nextInt(mine.size())), random);
        } else {
          Long id = mine.remove(random.nextInt(mine.size()));
          delete(id);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        // Counted by timed(); the loop goes on.
      }
    }
  }

  private Long create(Targets targets, Random random, String key) throws Exception {
    ObjectNode body = JSON.createObjectNode();
    String slug = "soak-" + key.toLowerCase(Locale.ROOT).replace('_', '-');
    body.put("slug", slug);
    body.put("title", "压力测试文章 " + key);
    body.put("summary", "持续负载下写入的文章，用于检查没有写入丢失。");
    body.put("body", "<p>开发区招商引资项目持续推进，" + key + "。</p>");
    body.put("categoryId", targets.categoryIds().get(random.nextInt(targets.categoryIds().size())));
    body.put("zoneId", targets.zoneIds().get(random.nextInt(targets.zoneIds().size())));
    body.put("status", "published");
    body.put("publishedAt", "2024-05-01T10:00:00+08:00");
    HttpResponse<String> answer =
        timed(
            "POST /admin/articles",
            () ->
                send(
                    admin("/api/v1/admin/articles")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))));
    if (answer.statusCode() != 201) {
      return null;
    }
    JsonNode view = JSON.readTree(answer.body());
    long id = view.path("id").asLong();
    written.put(
        id,
        new Written(
            slug, body.path("title").asText(), answer.headers().firstValue("ETag").get(), false));
    return id;
  }

  private void retitle(long id, Random random) throws Exception {
    Written before = written.get(id);
    String title = "压力测试文章 " + id + " 第" + random.nextInt(1_000_000) + "版";
    String patch = JSON.createObjectNode().put("title", title).toString();
    HttpResponse<String> answer =
        timed(
            "PATCH /admin/articles/{id}",
            () ->
                send(
                    admin("/api/v1/admin/articles/" + id)
                        .header("Content-Type", "application/merge-patch+json")
                        .header("If-Match", before.etag())
                        .method("PATCH", HttpRequest.BodyPublishers.ofString(patch))));
    if (answer.statusCode() == 200) {
      written.put(
          id, new Written(before.slug(), title, answer.headers().firstValue("ETag").get(), false));
    }
  }

  private void delete(long id) throws Exception {
    Written before = written.get(id);
    HttpResponse<String> answer =
        timed(
            "DELETE /admin/articles/{id}",
            () ->
                send(
                    admin("/api/v1/admin/articles/" + id)
                        .header("If-Match", before.etag())
                        .DELETE()));
    if (answer.statusCode() == 204) {
      written.put(id, new Written(before.slug(), before.title(), before.etag(), true));
    }
  }

  /** Every import-every, a small NDJSON import of new articles through the same service. */
  private void imports(Targets targets, Instant deadline) {
    Random random = new Random(7);
    while (Instant.now().plus(importEvery).isBefore(deadline)) {
      try {
        Thread.sleep(importEvery.toMillis());
        StringBuilder lines = new StringBuilder();
        Map<Long, String> batch = new HashMap<>();
        for (int i = 0; i < importLines; i++) {
          long n = importCounter.incrementAndGet();
          String slug = String.format(Locale.ROOT, "soak-import-%06d", n);
          batch.put(n, slug);
          ObjectNode line = JSON.createObjectNode();
          line.put("type", "article");
          line.put("slug", slug);
          line.put("title", "导入的压力测试文章 " + n);
          line.put("body", "<p>批量导入的文章 " + n + "。</p>");
          line.put("publishedAt", "2023-03-0" + (1 + random.nextInt(9)) + "T09:00:00+08:00");
          line.put("category", PortalDataset.TOP_CATEGORY);
          line.put("zone", targets.someZone());
          line.put("status", "published");
          lines.append(line).append('\n');
        }
        byte[] bytes = lines.toString().getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> answer =
            timed(
                "POST /admin/import",
                () ->
                    send(
                        admin("/api/v1/admin/import")
                            .header("Content-Type", "application/x-ndjson")
                            .POST(
                                HttpRequest.BodyPublishers.ofInputStream(
                                    () -> new ByteArrayInputStream(bytes)))));
        if (answer.statusCode() == 200
            && JSON.readTree(answer.body()).path("rejectedCount").asInt() == 0) {
          importedSlugs.putAll(batch);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        // Counted by timed().
      }
    }
  }

  /**
   * Each acknowledged write against the admin API, the public API and the change feed: the last
   * acknowledged title is what is stored, a deleted article is gone, every imported slug is public,
   * and the public total is the one before plus what the run added and minus what it deleted.
   */
  private List<String> verifyWrites(long publicBefore) throws Exception {
    List<String> problems = new ArrayList<>();
    Map<Long, String> lastOp = changeFeedArticles();
    long alive = 0;
    for (Map.Entry<Long, Written> entry : written.entrySet()) {
      long id = entry.getKey();
      Written expected = entry.getValue();
      HttpResponse<String> stored = send(admin("/api/v1/admin/articles/" + id).GET());
      if (expected.deleted()) {
        if (stored.statusCode() != 404) {
          problems.add(id + " was deleted but answers " + stored.statusCode());
        }
        if (!"delete".equals(lastOp.get(id))) {
          problems.add(id + " was deleted but the change feed says " + lastOp.get(id));
        }
        continue;
      }
      alive++;
      if (stored.statusCode() != 200) {
        problems.add(id + " was acknowledged but answers " + stored.statusCode());
        continue;
      }
      String title = JSON.readTree(stored.body()).path("title").asText();
      if (!title.equals(expected.title())) {
        problems.add(id + " has title " + title + ", acknowledged " + expected.title());
      }
      if (!"upsert".equals(lastOp.get(id))) {
        problems.add(id + " is stored but the change feed says " + lastOp.get(id));
      }
      HttpResponse<String> shown = send(read("/api/v1/articles/" + id).GET());
      if (shown.statusCode() != 200 || !shown.body().contains(expected.title())) {
        problems.add(id + " public answer " + shown.statusCode() + " lacks its last title");
      }
    }
    for (String slug : importedSlugs.values()) {
      HttpResponse<String> shown = send(read("/api/v1/articles/" + slug).GET());
      if (shown.statusCode() != 200) {
        problems.add("imported " + slug + " answers " + shown.statusCode());
      }
    }
    long expectedTotal = publicBefore + alive + importedSlugs.size();
    long total = totalPublic();
    if (total != expectedTotal) {
      problems.add(
          "public total "
              + total
              + ", expected "
              + expectedTotal
              + " (a lost or a duplicated write)");
    }
    return problems;
  }

  /** The last operation the change feed reports for each article, walked from the start. */
  private Map<Long, String> changeFeedArticles() throws Exception {
    Map<Long, String> lastOp = new HashMap<>();
    String cursor = null;
    for (int page = 0; page < 100_000; page++) {
      String path =
          "/api/v1/sync?entity=article&limit=1000"
              + (cursor == null ? "" : "&cursor=" + encode(cursor));
      JsonNode answer = getJson(path);
      for (JsonNode change : answer.path("changes")) {
        lastOp.put(change.path("id").asLong(), change.path("op").asText());
      }
      cursor = answer.path("nextCursor").asText();
      if (!answer.path("hasMore").asBoolean()) {
        break;
      }
    }
    return lastOp;
  }

  private long totalPublic() throws Exception {
    return getJson("/api/v1/articles?size=1").path("totalItems").asLong();
  }

  private String report(
      BenchDatabase database, List<Minute> minutes, List<String> lost, Instant started) {
    StringBuilder out = new StringBuilder();
    out.append("### Soak on ").append(database.label()).append("\n\n");
    out.append(
        String.format(
            Locale.ROOT,
            "%s, %s at %d connections, %d articles loaded, %.0f %% writes, an import of %d lines"
                + " every %s; `-Xmx512m`; %d cores; load average after %s.%n%n",
            started.truncatedTo(ChronoUnit.SECONDS),
            duration,
            connections,
            articles,
            writeShare * 100,
            importLines,
            importEvery,
            Runtime.getRuntime().availableProcessors(),
            loadAverage()));
    out.append("| minute | requests | 5xx | heap after GC (MiB) | RSS (MiB) |\n");
    out.append("| ---: | ---: | ---: | ---: | ---: |\n");
    for (Minute minute : minutes) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %d | %,d | %d | %d | %d |%n",
              minute.minute(),
              minute.requests(),
              minute.serverErrors(),
              minute.heapMiB(),
              minute.rssMiB()));
    }
    out.append("\n| endpoint | requests | p50 ms | p99 ms | max ms | 4xx | 5xx | failed |\n");
    out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    new TreeMap<>(endpoints)
        .forEach(
            (name, endpoint) ->
                out.append(
                    String.format(
                        Locale.ROOT,
                        "| `%s` | %,d | %.1f | %.1f | %.0f | %d | %d | %d |%n",
                        name,
                        endpoint.micros.getTotalCount(),
                        endpoint.micros.getValueAtPercentile(50) / 1000.0,
                        endpoint.micros.getValueAtPercentile(99) / 1000.0,
                        endpoint.micros.getMaxValue() / 1000.0,
                        endpoint.clientErrors.sum(),
                        endpoint.serverErrors.sum(),
                        endpoint.failures.sum())));
    long deleted = written.values().stream().filter(Written::deleted).count();
    out.append(
        String.format(
            Locale.ROOT,
            "%nWrites acknowledged: %,d articles created through the admin API (%,d of them"
                + " deleted again), %,d imported; checked afterwards against the admin API, the"
                + " public API and the change feed: %s.%n",
            written.size(),
            deleted,
            importedSlugs.size(),
            lost.isEmpty() ? "nothing lost or duplicated" : lost.size() + " problems: " + lost));
    return out.toString();
  }

  /** Forces a collection in the service and reads the heap it left from the service's metrics. */
  private long heapAfterGcMiB(ServiceProcess service) {
    try {
      Process jcmd =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                  Long.toString(service.pid()),
                  "GC.run")
              .redirectErrorStream(true)
              .start();
      jcmd.getInputStream().readAllBytes();
      jcmd.waitFor(30, TimeUnit.SECONDS);
      HttpResponse<String> metrics =
          client.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + service.managementPort() + "/q/metrics"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      double heap = 0;
      for (String line : metrics.body().split("\n")) {
        if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
          heap += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
      }
      return Math.round(heap / (1024 * 1024));
    } catch (Exception e) {
      return -1;
    }
  }

  private interface Call {
    HttpResponse<String> call() throws Exception;
  }

  private HttpResponse<String> timed(String name, Call call) throws Exception {
    Endpoint endpoint = endpoints.computeIfAbsent(name, key -> new Endpoint());
    long started = System.nanoTime();
    try {
      HttpResponse<String> answer = call.call();
      endpoint.micros.recordValue(Math.min(60_000_000L, (System.nanoTime() - started) / 1000));
      requestsThisMinute.increment();
      if (answer.statusCode() >= 500) {
        endpoint.serverErrors.increment();
        serverErrorsThisMinute.increment();
        if (serverErrorSamples.size() < 20) {
          serverErrorSamples.add(name + " " + answer.statusCode() + " " + answer.body());
        }
      } else if (answer.statusCode() >= 400) {
        endpoint.clientErrors.increment();
      }
      return answer;
    } catch (Exception e) {
      endpoint.failures.increment();
      throw e;
    }
  }

  /** The endpoint a path belongs to, for the table: its route with the variable parts named. */
  private static String name(String path) {
    String route = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    if (route.matches("/api/v1/articles/[^/]+/adjacent")) {
      return "/articles/{slug}/adjacent";
    }
    if (route.matches("/api/v1/articles/[^/]+")) {
      return "/articles/{slug}";
    }
    String query = path.contains("?") ? path.substring(path.indexOf('?') + 1) : "";
    String shape = query.replaceAll("=[^&]*", "");
    return route.replace("/api/v1", "") + (shape.isEmpty() ? "" : "?" + shape);
  }

  private HttpRequest.Builder admin(String path) {
    return HttpRequest.newBuilder(uri(path))
        .timeout(Duration.ofMinutes(2))
        .header("Authorization", "Bearer " + TOKEN);
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private HttpRequest.Builder read(String path) {
    return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofMinutes(2));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode getJson(String path) throws Exception {
    HttpResponse<String> answer = send(read(path).GET());
    assertEquals(200, answer.statusCode(), path + ": " + answer.body());
    return JSON.readTree(answer.body());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static Duration parse(String text) {
    return Duration.parse("PT" + text.toUpperCase(Locale.ROOT));
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (Exception e) {
      return "?";
    }
  }
}
