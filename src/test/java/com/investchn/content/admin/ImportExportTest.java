package com.investchn.content.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * NDJSON export and import over the demo portal: the round trip into an empty database, running the
 * same import twice, and bad lines among good ones.
 */
@QuarkusTest
@TestProfile(ImportExportTest.DemoContent.class)
class ImportExportTest {

  private static final String ADMIN = "test-bootstrap-admin-token-0123456789abcdef";
  private static final String NDJSON = "application/x-ndjson";

  /** The demo portal as content to move; the schema is cleaned at every start. */
  public static class DemoContent implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "content-api.demo.enabled", "true", "content-api.admin.import-batch-size", "50");
    }
  }

  @Inject EntityManager entityManager;

  @BeforeEach
  void logFailures() {
    RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
  }

  @Test
  void exportThenImportIntoAnEmptyDatabaseReproducesItExactly() {
    String exported = export();
    long lines = exported.lines().count();
    assertTrue(lines > 450, "site + zones + categories + articles: " + lines);
    assertTrue(exported.startsWith("{\"type\":\"site\""), exported.substring(0, 40));

    wipeContent();
    given().get("/api/v1/articles").then().body("totalItems", is(0));

    importing(exported)
        .then()
        .statusCode(200)
        .body("lines", is((int) lines))
        .body("rejectedCount", is(0))
        .body("created.site", is(1))
        .body("created.zone", is(count(exported, "zone")))
        .body("created.category", is(count(exported, "category")))
        .body("created.article", is(count(exported, "article")))
        .body("updated.article", is(0));

    assertEquals(exported, export());
    given()
        .get("/api/v1/articles/beijing-etdz-first-half-2024-project-signing")
        .then()
        .statusCode(200)
        .body("breadcrumb.name", contains("首页", "开发区新闻", "大兴区", "文字新闻"))
        .body("publishedAt", is("2024-06-21T09:30:00.000000+08:00"));
  }

  @Test
  void importingTheSameFileAgainChangesNothing() {
    String exported = export();
    Response again = importing(exported);
    again
        .then()
        .statusCode(200)
        .body("rejectedCount", is(0))
        .body("created.article", is(0))
        .body("updated.article", is(0))
        .body("updated.zone", is(0))
        .body("updated.category", is(0))
        .body("updated.site", is(0))
        .body("unchanged.zone", is(count(exported, "zone")))
        .body("unchanged.article", is(count(exported, "article")));
    assertEquals(exported, export());
  }

  @Test
  void badLinesAreReportedByNumberAndGoodOnesAroundThemAreKept() {
    String file =
        String.join(
            "\n",
            "{\"type\":\"zone\",\"slug\":\"t-import-zone\",\"name\":\"导入测试区\",\"kind\":\"district\",\"parent\":\"daxing\"}",
            "{not json",
            "{\"type\":\"article\",\"slug\":\"t-import-good-1\",\"title\":\"导入的第一篇\",\"body\":\"<p>一</p><script>x()</script>\",\"category\":\"text-news\",\"zone\":\"t-import-zone\",\"status\":\"published\",\"publishedAt\":\"2024-01-02T10:00:00+08:00\"}",
            "",
            "{\"type\":\"article\",\"slug\":\"t-import-bad\",\"title\":\" \",\"body\":\"<p>二</p>\",\"category\":\"no-such-category\",\"zone\":\"daxing\"}",
            "{\"type\":\"planet\",\"slug\":\"mars\"}",
            "{\"type\":\"article\",\"externalId\":\"legacy-7\",\"slug\":\"t-import-good-2\",\"title\":\"Imported second\",\"body\":\"<p>two</p>\",\"category\":\"policies\",\"zone\":\"t-import-zone\",\"status\":\"published\",\"publishedAt\":\"2024-01-03T10:00:00+08:00\"}",
            "{\"type\":\"zone\",\"slug\":\"t-orphan\",\"name\":\"孤儿\",\"kind\":\"district\",\"parent\":\"nowhere\"}");
    importing(file)
        .then()
        .statusCode(200)
        .body("lines", is(7))
        .body("created.zone", is(1))
        .body("created.article", is(2))
        .body("rejectedCount", is(4))
        .body("rejected.line", contains(2, 5, 6, 8))
        .body("rejected[0].reason", containsString("JSON"))
        .body("rejected[1].reason", containsString("title"))
        .body("rejected[1].reason", containsString("category"))
        .body("rejected[2].reason", containsString("type"))
        .body("rejected[3].reason", containsString("parent"));
    given()
        .get("/api/v1/articles/t-import-good-1")
        .then()
        .statusCode(200)
        .body("body", is("<p>一</p>"))
        .body("zone.slug", is("t-import-zone"))
        .body("breadcrumb.name", contains("首页", "开发区新闻", "导入测试区", "文字新闻"));
    given()
        .queryParam("zone", "t-import-zone")
        .get("/api/v1/articles")
        .then()
        .body("items.slug", contains("t-import-good-2", "t-import-good-1"));
    given()
        .get("/api/v1/zones/t-import-zone")
        .then()
        .statusCode(200)
        .body("parent.slug", is("daxing"));
  }

  @Test
  void keysTakenAndFreedEarlierInTheSameBatchCountForLaterLines() {
    String file =
        String.join(
            "\n",
            keyedLine("t-keys-a", "t-keys-one", "键一"),
            keyedLine("t-keys-b", "t-keys-one", "键二"),
            keyedLine("t-keys-a", "t-keys-two", "键一改名"),
            keyedLine("t-keys-c", "t-keys-one", "键三"));
    importing(file)
        .then()
        .statusCode(200)
        .body("created.article", is(2))
        .body("updated.article", is(1))
        .body("rejectedCount", is(1))
        .body("rejected.line", contains(2))
        .body("rejected[0].reason", containsString("already has the slug 't-keys-one'"));
    given().get("/api/v1/articles/t-keys-two").then().statusCode(200).body("title", is("键一改名"));
    given().get("/api/v1/articles/t-keys-one").then().statusCode(200).body("title", is("键三"));
  }

  private static String keyedLine(String externalId, String slug, String title) {
    return "{\"type\":\"article\",\"externalId\":\""
        + externalId
        + "\",\"slug\":\""
        + slug
        + "\",\"title\":\""
        + title
        + "\",\"body\":\"<p>正文</p>\",\"category\":\"text-news\",\"zone\":\"daxing\","
        + "\"status\":\"published\",\"publishedAt\":\"2024-02-01T10:00:00+08:00\"}";
  }

  @Test
  void aLineThatWouldPutAZoneOrCategoryUnderItselfIsRejected() {
    String file =
        String.join(
            "\n",
            "{\"type\":\"zone\",\"slug\":\"t-loop-a\",\"name\":\"环甲\",\"kind\":\"district\",\"parent\":\"daxing\"}",
            "{\"type\":\"zone\",\"slug\":\"t-loop-b\",\"name\":\"环乙\",\"kind\":\"district\",\"parent\":\"t-loop-a\"}",
            "{\"type\":\"zone\",\"slug\":\"t-loop-a\",\"name\":\"环甲\",\"kind\":\"district\",\"parent\":\"t-loop-b\"}",
            "{\"type\":\"category\",\"slug\":\"t-loop-c\",\"name\":\"环丙\",\"parent\":\"policies\"}",
            "{\"type\":\"category\",\"slug\":\"t-loop-d\",\"name\":\"环丁\",\"parent\":\"t-loop-c\"}",
            "{\"type\":\"category\",\"slug\":\"t-loop-c\",\"name\":\"环丙\",\"parent\":\"t-loop-d\"}");
    importing(file)
        .then()
        .statusCode(200)
        .body("created.zone", is(2))
        .body("created.category", is(2))
        .body("rejected.line", contains(3, 6))
        .body("rejected[0].reason", containsString("under itself"))
        .body("rejected[1].reason", containsString("under itself"));
    given().get("/api/v1/zones/t-loop-a").then().body("parent.slug", is("daxing"));
    given().get("/api/v1/categories/t-loop-c").then().body("parent.slug", is("policies"));
  }

  @Test
  void importAndExportAreForAdminsOnly() {
    given()
        .contentType(NDJSON)
        .body(new byte[0])
        .post("/api/v1/admin/import")
        .then()
        .statusCode(401);
    given().get("/api/v1/admin/export").then().statusCode(401);
    String editor =
        given()
            .auth()
            .oauth2(ADMIN)
            .contentType("application/json")
            .body("{\"name\":\"transfer-editor\",\"role\":\"editor\"}")
            .post("/api/v1/admin/tokens")
            .then()
            .statusCode(201)
            .extract()
            .path("token");
    given().auth().oauth2(editor).get("/api/v1/admin/export").then().statusCode(403);
  }

  @Test
  void aBatchTheDatabaseRefusesIsRedoneLineByLineAndLosesNoGoodLine() throws Exception {
    // Another writer holds a new article with the slug of the file's first line, uncommitted:
    // every check passes (nobody else can see the row yet), the batch's insert waits on the
    // writer's row and trips the unique slug when it commits. The importer redoes the batch line
    // by line; there the first line finds the committed article and updates it, and the other
    // line of the batch is kept.
    String slug = "import-fallback-" + System.nanoTime();
    String other = slug + "-other";
    String file = articleLine(slug, "导入覆盖的标题") + articleLine(other, "同一批次的另一篇");
    // Warm up the client and its contract validation, so the import below starts at once.
    assertEquals(200, importing(articleLine(other + "-warm", "预热")).statusCode());
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      java.util.concurrent.Future<Response> report =
          QuarkusTransaction.requiringNew()
              .call(
                  () -> {
                    entityManager
                        .createNativeQuery(
                            "insert into article (slug, title, summary, body, published_at,"
                                + " category_id, zone_id, status, created_at, updated_at,"
                                + " version) select ?1, '另一位编辑的标题', '摘要', '<p>正文</p>',"
                                + " timestamp '2024-03-01 02:00:00', c.id, z.id, 'DRAFT',"
                                + " current_timestamp, current_timestamp, 0 from category c,"
                                + " zone z where c.slug = 'zone-news' and z.slug = 'daxing'")
                        .setParameter(1, slug)
                        .executeUpdate();
                    java.util.concurrent.Future<Response> running =
                        pool.submit(() -> importing(file));
                    // Long enough for the import to reach the insert and wait on this row.
                    Thread.sleep(3_000);
                    return running;
                  });
      Response answer = report.get(60, java.util.concurrent.TimeUnit.SECONDS);
      assertEquals(200, answer.statusCode(), answer.asString());
      assertEquals(0, answer.<Integer>path("rejectedCount"), answer.asString());
      assertEquals(1, answer.<Integer>path("created.article"), answer.asString());
      assertEquals(1, answer.<Integer>path("updated.article"), "the line that found the row");
    } finally {
      pool.shutdownNow();
    }
    given().get("/api/v1/articles/" + slug).then().statusCode(200).body("title", is("导入覆盖的标题"));
    given().get("/api/v1/articles/" + other).then().statusCode(200);
  }

  @Test
  void anImportMayBeFarLargerThanTheTwoMebibytesOfAnyOtherBody() {
    // Three articles of about 900 KB each: 2.7 MB, which any other write refuses with a 413.
    String body = "<p>" + "开发区招商引资".repeat(43_000) + "</p>";
    StringBuilder file = new StringBuilder();
    String stem = "import-large-" + System.nanoTime();
    for (int i = 0; i < 3; i++) {
      file.append(
          "{\"type\":\"article\",\"slug\":\""
              + stem
              + "-"
              + i
              + "\",\"title\":\"大篇幅导入"
              + i
              + "\",\"body\":\""
              + body
              + "\",\"category\":\"zone-news\",\"zone\":\"daxing\",\"status\":\"published\","
              + "\"publishedAt\":\"2024-03-01T10:00:00+08:00\"}\n");
    }
    byte[] bytes = file.toString().getBytes(StandardCharsets.UTF_8);
    assertTrue(bytes.length > 2.5 * 1024 * 1024, "the file is above 2 MiB: " + bytes.length);
    Response report =
        given().auth().oauth2(ADMIN).contentType(NDJSON).body(bytes).post("/api/v1/admin/import");
    assertEquals(200, report.statusCode(), report.asString());
    assertEquals(3, report.<Integer>path("created.article"), report.asString());
    given()
        .get("/api/v1/articles/" + stem + "-2")
        .then()
        .statusCode(200)
        .body("body.length()", is(body.length()));
  }

  private static String articleLine(String slug, String title) {
    return "{\"type\":\"article\",\"slug\":\""
        + slug
        + "\",\"title\":\""
        + title
        + "\",\"body\":\"<p>正文。</p>\",\"category\":\"zone-news\",\"zone\":\"daxing\","
        + "\"status\":\"published\",\"publishedAt\":\"2024-03-01T10:00:00+08:00\"}\n";
  }

  private static int count(String ndjson, String type) {
    return (int)
        ndjson.lines().filter(line -> line.startsWith("{\"type\":\"" + type + "\"")).count();
  }

  private static String export() {
    return new String(
        given()
            .auth()
            .oauth2(ADMIN)
            .get("/api/v1/admin/export")
            .then()
            .statusCode(200)
            .contentType(NDJSON)
            .extract()
            .asByteArray(),
        StandardCharsets.UTF_8);
  }

  private static Response importing(String ndjson) {
    return given()
        .auth()
        .oauth2(ADMIN)
        .contentType(NDJSON)
        .body(ndjson.getBytes(StandardCharsets.UTF_8))
        .post("/api/v1/admin/import");
  }

  private void wipeContent() {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              for (String statement :
                  new String[] {
                    "delete from article_listing",
                    "delete from article",
                    "update zone set parent_id = null",
                    "delete from zone",
                    "update category set parent_id = null",
                    "delete from category",
                    "delete from site",
                    "delete from tombstone"
                  }) {
                entityManager.createNativeQuery(statement).executeUpdate();
              }
            });
  }
}
