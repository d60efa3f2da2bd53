package com.investchn.content.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Rerunnable benchmark, not part of the normal build: imports 100,000 generated articles into the
 * packaged service (H2, or PostgreSQL with -Ppostgres) and imports the same stream again.
 *
 * <pre>
 * ./mvnw -B verify -Dbenchmark=true -Dit.test=ImportBenchmarkIT -Dtest=None \
 *     -Dsurefire.failIfNoSpecifiedTests=false [-Dbenchmark.articles=100000]
 * </pre>
 *
 * Results go to standard output and target/benchmark/import.txt.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ImportBenchmarkIT {

  private static final String TOKEN = "import-benchmark-bootstrap-token-0123456789";
  private static final List<String> CATEGORIES =
      List.of("text-news", "photo-news", "industry-trends", "policies", "investment-projects");
  private static final List<String> ZONES =
      List.of("daxing", "pudong", "suzhou-industrial-park", "nansha", "chengdu");

  @Test
  void importsOneHundredThousandArticlesAndThenNothingChanges() throws Exception {
    int count = Integer.getInteger("benchmark.articles", 100_000);
    Path work = Files.createTempDirectory("content-api-import-benchmark");
    int port;
    int managementPort;
    try (ServerSocket socket = new ServerSocket(0);
        ServerSocket management = new ServerSocket(0)) {
      port = socket.getLocalPort();
      managementPort = management.getLocalPort();
    }
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    // -Dbenchmark.jfr=/tmp/import.jfr records a profile of the service while it imports.
    String jfr = System.getProperty("benchmark.jfr");
    if (jfr != null) {
      command.add("-XX:StartFlightRecording=settings=profile,filename=" + jfr);
    }
    command.add("-jar");
    command.add(System.getProperty("app.jar", "target/quarkus-app/quarkus-run.jar"));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("service.log").toFile());
    Map<String, String> env = builder.environment();
    env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
    env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
    env.put("CONTENT_API_ADMIN_BOOTSTRAP_TOKEN", TOKEN);
    env.put("CONTENT_API_DEMO_ENABLED", "true");
    env.put("QUARKUS_LOG_CATEGORY__COM_INVESTCHN_CONTENT_ACCESS__LEVEL", "WARN");
    String pgUrl = System.getProperty("test.pg.url");
    if (pgUrl != null) {
      String schema = System.getProperty("test.pg.schema", "content_api_test") + "_bench";
      env.put("QUARKUS_PROFILE", "postgres");
      env.put("QUARKUS_DATASOURCE_JDBC_URL", pgUrl + "?currentSchema=" + schema);
      env.put("QUARKUS_DATASOURCE_USERNAME", System.getProperty("test.pg.username", "postgres"));
      env.put("QUARKUS_DATASOURCE_PASSWORD", System.getProperty("test.pg.password", ""));
      env.put("QUARKUS_FLYWAY_SCHEMAS", schema);
    } else {
      env.put("CONTENT_API_DATA_DIR", work.toString());
    }
    Process service = builder.start();
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    ObjectMapper json = new ObjectMapper();
    try {
      awaitReady(client, managementPort, service);
      long first = System.nanoTime();
      JsonNode report = importArticles(client, json, port, count);
      double firstSeconds = (System.nanoTime() - first) / 1e9;
      assertEquals(count, report.at("/created/article").asInt(), report.toString());
      assertEquals(0, report.at("/rejectedCount").asInt(), report.toString());

      long second = System.nanoTime();
      JsonNode again = importArticles(client, json, port, count);
      double secondSeconds = (System.nanoTime() - second) / 1e9;
      assertEquals(count, again.at("/unchanged/article").asInt(), again.toString());

      String result =
          String.format(
              "%s: imported %d articles in %.1f s (%.0f lines/s); the same stream again (all"
                  + " unchanged) in %.1f s; database %s; %d cores%n",
              Instant.now(),
              count,
              firstSeconds,
              count / firstSeconds,
              secondSeconds,
              pgUrl != null ? "PostgreSQL" : "H2",
              Runtime.getRuntime().availableProcessors());
      System.out.print(result);
      Path out = Path.of("target", "benchmark", "import.txt");
      Files.createDirectories(out.getParent());
      Files.writeString(out, result);
    } finally {
      service.destroy();
      service.waitFor(40, TimeUnit.SECONDS);
    }
  }

  private static JsonNode importArticles(HttpClient client, ObjectMapper json, int port, int count)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/admin/import"))
            .header("Authorization", "Bearer " + TOKEN)
            .header("Content-Type", "application/x-ndjson")
            .timeout(Duration.ofMinutes(30))
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new GeneratedArticles(count)))
            .build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return json.readTree(response.body());
  }

  private static void awaitReady(HttpClient client, int managementPort, Process service)
      throws Exception {
    Instant deadline = Instant.now().plusSeconds(120);
    while (Instant.now().isBefore(deadline) && service.isAlive()) {
      try {
        HttpResponse<Void> ready =
            client.send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready"))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        if (ready.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Keep waiting.
      }
      Thread.sleep(500);
    }
    throw new AssertionError("service did not become ready");
  }

  /** NDJSON article lines made on the fly, so the benchmark itself holds no file in memory. */
  private static final class GeneratedArticles extends InputStream {
    private final int count;
    private int next;
    private byte[] line = new byte[0];
    private int position;

    GeneratedArticles(int count) {
      this.count = count;
    }

    @Override
    public int read() {
      if (position == line.length && !advance()) {
        return -1;
      }
      return line[position++] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (length == 0) {
        return 0;
      }
      if (position == line.length && !advance()) {
        return -1;
      }
      int n = Math.min(length, line.length - position);
      System.arraycopy(line, position, buffer, offset, n);
      position += n;
      return n;
    }

    private boolean advance() {
      if (next >= count) {
        return false;
      }
      int i = next++;
      String published =
          LocalDateTime.of(2015, 1, 1, 8, 0)
              .plusMinutes(i * 97L)
              .atOffset(ZoneOffset.ofHours(8))
              .toString();
      String text =
          "{\"type\":\"article\",\"slug\":\"bench-"
              + i
              + "\",\"title\":\"基准测试文章第"
              + i
              + "篇：开发区重点项目建设提速\",\"body\":\"<p>第"
              + i
              + "篇。开发区围绕集成电路、生物医药和高端装备等主导产业开展精准招商，"
              + "重点项目从签约到开工全程跟踪服务，企业落地周期明显缩短。</p>"
              + "<p>园区完善人才公寓、标准厂房和公共服务平台等配套，营商环境持续优化，"
              + "外资企业增资扩产意愿增强。</p><h2>下一步工作</h2>"
              + "<ul><li>加快项目建设</li><li>优化审批服务</li><li>强化要素保障</li></ul>\","
              + "\"source\":\"基准测试编辑部\",\"category\":\""
              + CATEGORIES.get(i % CATEGORIES.size())
              + "\",\"zone\":\""
              + ZONES.get(i % ZONES.size())
              + "\",\"status\":\"published\",\"publishedAt\":\""
              + published
              + "\"}\n";
      line = text.getBytes(StandardCharsets.UTF_8);
      position = 0;
      return true;
    }
  }
}
