package com.investchn.content.admin;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.investchn.content.support.PackagedService;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Uploads and downloads far larger than the heap of the packaged service (started with a 256 MiB
 * heap): a file of hundreds of megabytes of bad lines, hundreds of articles of a megabyte each, a
 * single huge line, and an export of all of it while an editor writes. The service must answer each
 * with a bounded report, keep its database open, and read and write normally afterwards.
 */
class LargeContentIT {

  private static final String HEAP = "256m";
  private static final int LARGE_ARTICLES = 300;
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Path workDir;
  private static PackagedService.Database database;
  private static PackagedService service;
  private static final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @BeforeAll
  static void start() throws Exception {
    workDir = Files.createTempDirectory("content-api-large");
    database = PackagedService.Database.forTest("large", workDir);
    service = PackagedService.start("service", workDir, database, HEAP, Map.of()).awaitReady();
    String base =
        "{\"type\":\"zone\",\"slug\":\"big-city\",\"name\":\"大文件市\",\"kind\":\"city\"}\n"
            + "{\"type\":\"category\",\"slug\":\"big-news\",\"name\":\"大文件新闻\"}\n";
    JsonNode report =
        importStream(() -> new java.io.ByteArrayInputStream(base.getBytes(StandardCharsets.UTF_8)));
    assertEquals(0, report.path("rejectedCount").asInt(), report.toString());
  }

  @AfterAll
  static void stop() throws Exception {
    if (service != null) {
      service.stop();
    }
    if (database != null) {
      database.drop();
    }
    PackagedService.deleteTree(workDir);
  }

  @Test
  void threeHundredThousandLinesWithAnOversizedFieldGetABoundedReport() throws Exception {
    int lines = 300_000;
    String padding = "超长外部编号".repeat(110);
    JsonNode report =
        importStream(
            () ->
                new GeneratedLines(
                    lines,
                    i ->
                        "{\"type\":\"article\",\"externalId\":\""
                            + padding
                            + i
                            + "\",\"title\":\"超长字段第"
                            + i
                            + "篇\",\"body\":\"<p>正文</p>\",\"category\":\"big-news\",\"zone\":\"big-city\"}\n"));
    assertEquals(lines, report.path("lines").asLong(), summary(report));
    assertEquals(lines, report.path("rejectedCount").asLong(), summary(report));
    assertTrue(report.path("rejectedTruncated").asBoolean(), summary(report));
    assertTrue(report.path("rejected").size() <= 1000, summary(report));
    assertTrue(
        report
            .path("rejected")
            .get(0)
            .path("reason")
            .asText()
            .startsWith("externalId: size must be"),
        summary(report));
    assertServesNormally();
  }

  @Test
  void articlesOfAMegabyteEachImportAndExportAsOneConsistentMomentWhileAnEditorWrites()
      throws Exception {
    String paragraph = "<p>" + "开发区重点项目建设稳步推进，营商环境持续优化。".repeat(20) + "</p>";
    // About 1 MB of UTF-8 per body.
    String body = paragraph.repeat(1_000_000 / paragraph.getBytes(StandardCharsets.UTF_8).length);
    JsonNode report =
        importStream(
            () ->
                new GeneratedLines(
                    LARGE_ARTICLES,
                    i ->
                        "{\"type\":\"article\",\"slug\":\"big-"
                            + i
                            + "\",\"title\":\"大正文第"
                            + i
                            + "篇\",\"body\":\""
                            + body
                            + "\",\"category\":\"big-news\",\"zone\":\"big-city\",\"status\":\"published\","
                            + "\"publishedAt\":\"2024-05-01T10:00:00+08:00\"}\n"));
    assertEquals(0, report.path("rejectedCount").asInt(), summary(report));
    assertEquals(LARGE_ARTICLES, report.at("/created/article").asInt(), summary(report));
    assertServesNormally();
    exportWhileAnEditorWrites();
  }

  @Test
  void aLineOfTenMegabytesIsRejectedWithoutBeingRead() throws Exception {
    String huge = "x".repeat(10 * 1024 * 1024);
    JsonNode report =
        importStream(
            () ->
                new GeneratedLines(
                    3,
                    i ->
                        i == 1
                            ? "{\"type\":\"article\",\"slug\":\"huge\",\"title\":\""
                                + huge
                                + "\"}\n"
                            : "{\"type\":\"zone\",\"slug\":\"after-huge-"
                                + i
                                + "\",\"name\":\"巨行之后"
                                + i
                                + "\",\"kind\":\"city\"}\n"));
    assertEquals(1, report.path("rejectedCount").asInt(), summary(report));
    assertEquals(2, report.path("rejected").get(0).path("line").asInt());
    assertTrue(
        report.path("rejected").get(0).path("reason").asText().startsWith("line: is "),
        summary(report));
    assertEquals(2, report.at("/created/zone").asInt(), summary(report));
    assertServesNormally();
  }

  private static void exportWhileAnEditorWrites() throws Exception {
    HttpResponse<InputStream> response =
        client.send(
            HttpRequest.newBuilder(URI.create(service.url("/api/v1/admin/export")))
                .header("Authorization", "Bearer " + PackagedService.ADMIN_TOKEN)
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    assertEquals(200, response.statusCode());
    Set<String> zones = new HashSet<>();
    Set<String> articles = new HashSet<>();
    int articleZonesMissing = 0;
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String line;
      int read = 0;
      boolean wrote = false;
      while ((line = reader.readLine()) != null) {
        JsonNode node = JSON.readTree(line);
        switch (node.path("type").asText()) {
          case "zone" -> zones.add(node.path("slug").asText());
          case "article" -> {
            articles.add(node.path("slug").asText());
            if (!zones.contains(node.path("zone").asText())) {
              articleZonesMissing++;
            }
          }
          default -> {}
        }
        // Once the export is well into the articles, an editor adds a zone and an article in it;
        // the export, which passed the zones long ago, must show neither.
        if (++read == 40 && !wrote) {
          writeZoneWithArticle();
          wrote = true;
        }
      }
      assertTrue(wrote, "the export had too few lines to write during it");
    }
    assertEquals(0, articleZonesMissing, "an exported article names a zone the export lacks");
    assertFalse(zones.contains("during-export"), "the export saw a zone written after it began");
    assertFalse(articles.contains("during-export-article"), "the export saw a later article");
    assertTrue(articles.size() >= LARGE_ARTICLES, "articles exported: " + articles.size());
    assertServesNormally();
    // Both writes committed; a new export shows them.
    given()
        .get(service.url("/api/v1/articles/during-export-article"))
        .then()
        .statusCode(200)
        .body("zone.slug", org.hamcrest.Matchers.is("during-export"));
  }

  private static void writeZoneWithArticle() throws Exception {
    String lines =
        "{\"type\":\"zone\",\"slug\":\"during-export\",\"name\":\"导出期间新建区\",\"kind\":\"city\"}\n"
            + "{\"type\":\"article\",\"slug\":\"during-export-article\",\"title\":\"导出期间的文章\","
            + "\"body\":\"<p>正文</p>\",\"category\":\"big-news\",\"zone\":\"during-export\","
            + "\"status\":\"published\",\"publishedAt\":\"2024-05-02T10:00:00+08:00\"}\n";
    JsonNode report =
        importStream(
            () -> new java.io.ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)));
    assertEquals(0, report.path("rejectedCount").asInt(), report.toString());
  }

  /** The database is open, readiness is up, and a read and a write work. */
  private static void assertServesNormally() {
    assertTrue(service.process().isAlive(), "the service died:\n" + service.tail());
    for (String url :
        new String[] {
          service.managementUrl("/q/health/ready"), service.url("/api/v1/articles?size=1")
        }) {
      var response = given().get(url);
      assertEquals(
          200, response.statusCode(), url + ": " + response.asString() + "\n" + service.tail());
    }
    given()
        .auth()
        .oauth2(PackagedService.ADMIN_TOKEN)
        .contentType("application/json")
        .body(
            "{\"title\":\"压力之后的文章\",\"body\":\"<p>正文</p>\",\"categoryId\":"
                + given().get(service.url("/api/v1/categories/big-news")).path("id")
                + ",\"zoneId\":"
                + given().get(service.url("/api/v1/zones/big-city")).path("id")
                + "}")
        .post(service.url("/api/v1/admin/articles"))
        .then()
        .statusCode(201);
  }

  private static JsonNode importStream(java.util.function.Supplier<InputStream> body)
      throws Exception {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(URI.create(service.url("/api/v1/admin/import")))
                .header("Authorization", "Bearer " + PackagedService.ADMIN_TOKEN)
                .header("Content-Type", "application/x-ndjson")
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofInputStream(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body() + "\n" + service.tail());
    return JSON.readTree(response.body());
  }

  private static String summary(JsonNode report) {
    String text = report.toString();
    return text.length() <= 2000 ? text : text.substring(0, 2000) + "…";
  }

  /** NDJSON lines made on the fly, so the test itself never holds the upload. */
  private static final class GeneratedLines extends InputStream {
    private final int count;
    private final IntFunction<String> line;
    private int next;
    private byte[] current = new byte[0];
    private int position;

    GeneratedLines(int count, IntFunction<String> line) {
      this.count = count;
      this.line = line;
    }

    @Override
    public int read() {
      if (position == current.length && !advance()) {
        return -1;
      }
      return current[position++] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (length == 0) {
        return 0;
      }
      if (position == current.length && !advance()) {
        return -1;
      }
      int n = Math.min(length, current.length - position);
      System.arraycopy(current, position, buffer, offset, n);
      position += n;
      return n;
    }

    private boolean advance() {
      if (next >= count) {
        return false;
      }
      current = line.apply(next++).getBytes(StandardCharsets.UTF_8);
      position = 0;
      return true;
    }
  }
}
