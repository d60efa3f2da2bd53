package com.investchn.content.admin;

import static com.investchn.content.admin.AdminSupport.ARTICLES;
import static com.investchn.content.admin.AdminSupport.BOOTSTRAP;
import static com.investchn.content.admin.AdminSupport.CATEGORIES;
import static com.investchn.content.admin.AdminSupport.JSON;
import static com.investchn.content.admin.AdminSupport.MERGE_PATCH;
import static com.investchn.content.admin.AdminSupport.PROBLEM;
import static com.investchn.content.admin.AdminSupport.ZONES;
import static com.investchn.content.admin.AdminSupport.as;
import static com.investchn.content.admin.AdminSupport.json;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.investchn.content.support.ApiTest;
import com.investchn.content.zone.Zone;
import com.investchn.content.zone.ZoneCatalog;
import com.investchn.content.zone.ZoneKind;
import com.investchn.content.zone.ZoneRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What must hold whatever editors send and however they race: bounded request bodies, bounded
 * stored bodies, new versions for every row a write changes, trees that never become cyclic, and
 * catalogs that only ever hold committed rows.
 */
@QuarkusTest
class DataSafetyTest extends ApiTest {

  private static final String NDJSON = "application/x-ndjson";

  @Inject ZoneCatalog zoneCatalog;
  @Inject ZoneRepository zoneRepository;

  private final AdminSupport.Created created = new AdminSupport.Created();

  @AfterEach
  void deleteWhatTheTestCreated() {
    created.deleteAll();
  }

  // --- 3: request bodies are bounded however they are sent ------------------------------------

  @Test
  void aChunkedBodyAboveTwoMebibytesIsRefusedOnEveryJsonWrite() throws Exception {
    long article = created.article(BOOTSTRAP, articleInput("分块上传"));
    String etag = as(BOOTSTRAP).get(ARTICLES + "/" + article).header("ETag");
    for (String[] call :
        List.of(
            new String[] {"POST", ARTICLES, JSON, null},
            new String[] {"POST", ARTICLES + "/", JSON, null},
            new String[] {"PATCH", ARTICLES + "/" + article, MERGE_PATCH, etag},
            new String[] {"PUT", ARTICLES + "/" + article, JSON, etag},
            new String[] {"PUT", "/api/v1/admin/site", JSON, null},
            new String[] {"POST", ZONES, JSON, null})) {
      for (int mebibytes : new int[] {3, 40}) {
        HttpResponse<String> response = sendChunked(call[0], call[1], call[2], call[3], mebibytes);
        assertEquals(413, response.statusCode(), call[0] + " " + call[1] + ": " + response.body());
        assertTrue(
            response.headers().firstValue("Content-Type").orElse("").startsWith(PROBLEM), call[1]);
        assertTrue(response.body().contains("payload-too-large"), response.body());
      }
    }
    // Nothing was half written, and the service goes on serving and writing.
    as(BOOTSTRAP).get(ARTICLES + "/" + article).then().statusCode(200).header("ETag", etag);
    created.article(BOOTSTRAP, articleInput("分块之后"));
  }

  @Test
  void aChunkedBodyWithinTheBoundIsAccepted() throws Exception {
    String body = json(articleInput("小块分块上传"));
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + io.restassured.RestAssured.port + ARTICLES))
            .header("Authorization", "Bearer " + BOOTSTRAP)
            .header("Content-Type", JSON)
            .POST(
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
            .build();
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertEquals(201, response.statusCode(), response.body());
    created.remember(
        response.headers().firstValue("Location").orElseThrow().replaceAll("^.*(/api/)", "/api/"));
  }

  private HttpResponse<String> sendChunked(
      String method, String path, String contentType, String ifMatch, int mebibytes)
      throws IOException, InterruptedException {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + io.restassured.RestAssured.port + path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + BOOTSTRAP)
            .header("Content-Type", contentType)
            .method(
                method,
                HttpRequest.BodyPublishers.ofInputStream(() -> new HugeTitle(mebibytes << 20)));
    if (ifMatch != null) {
      builder.header("If-Match", ifMatch);
    }
    // No length is declared, so the body goes chunked: the server must count what it reads.
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .build()
        .send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** {"title":"aaaa…"} of about the given size, produced on the fly. */
  private static final class HugeTitle extends InputStream {
    private final byte[] head = "{\"title\":\"".getBytes(StandardCharsets.UTF_8);
    private final byte[] tail = "\"}".getBytes(StandardCharsets.UTF_8);
    private final long total;
    private long position;

    HugeTitle(long total) {
      this.total = total;
    }

    @Override
    public int read() {
      if (position >= total) {
        return -1;
      }
      long p = position++;
      if (p < head.length) {
        return head[(int) p];
      }
      long fromEnd = total - p;
      if (fromEnd <= tail.length) {
        return tail[(int) (tail.length - fromEnd)];
      }
      return 'a';
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (position >= total) {
        return -1;
      }
      int n = (int) Math.min(length, total - position);
      for (int i = 0; i < n; i++) {
        buffer[offset + i] = (byte) read();
      }
      return n;
    }
  }

  // --- 5: every row a write changes gets a new version --------------------------------------

  @Test
  void childrenAndArticlesHandedOverByADeleteGetNewVersions() {
    long beijing = fixtures.id("beijing");
    long doomed =
        created.zone(AdminSupport.zone(AdminSupport.slug("doomed"), "将删除区", "district", beijing));
    long child =
        created.zone(AdminSupport.zone(AdminSupport.slug("orphan"), "子区", "district", doomed));
    Map<String, Object> input = articleInput("交接的文章");
    input.put("zoneId", doomed);
    long article = created.article(BOOTSTRAP, input);
    String childEtag = as(BOOTSTRAP).get(ZONES + "/" + child).header("ETag");
    String articleEtag = as(BOOTSTRAP).get(ARTICLES + "/" + article).header("ETag");

    String doomedEtag = as(BOOTSTRAP).get(ZONES + "/" + doomed).header("ETag");
    as(BOOTSTRAP)
        .header("If-Match", doomedEtag)
        .queryParam("reassignTo", "beijing")
        .delete(ZONES + "/" + doomed)
        .then()
        .statusCode(204);

    Response movedChild = as(BOOTSTRAP).get(ZONES + "/" + child);
    assertEquals((Integer) (int) beijing, movedChild.path("parentId"));
    assertNotEquals(childEtag, movedChild.header("ETag"));
    assertEquals(AdminSupport.BOOTSTRAP_NAME, movedChild.path("updatedBy"));
    Response movedArticle = as(BOOTSTRAP).get(ARTICLES + "/" + article);
    assertEquals((Integer) (int) beijing, movedArticle.path("zoneId"));
    assertNotEquals(articleEtag, movedArticle.header("ETag"));
    // An If-Match with the version read before the move no longer passes.
    as(BOOTSTRAP)
        .header("If-Match", childEtag)
        .contentType(MERGE_PATCH)
        .body("{\"name\":\"过期的修改\"}")
        .patch(ZONES + "/" + child)
        .then()
        .statusCode(412);
    as(BOOTSTRAP)
        .header("If-Match", articleEtag)
        .contentType(MERGE_PATCH)
        .body("{\"title\":\"过期的修改\"}")
        .patch(ARTICLES + "/" + article)
        .then()
        .statusCode(412);
  }

  // --- 7: concurrent moves never make a cycle -------------------------------------------------

  @Test
  void twentyPairsOfOppositeZoneMovesAlwaysLeaveATree() throws Exception {
    long beijing = fixtures.id("beijing");
    racePairs(
        ZONES,
        stem ->
            created.zone(
                AdminSupport.zone(AdminSupport.slug(stem), "移动区" + stem, "district", beijing)),
        "/api/v1/zones/");
  }

  @Test
  void twentyPairsOfOppositeCategoryMovesAlwaysLeaveATree() throws Exception {
    long policies = fixtures.id("policies");
    racePairs(
        CATEGORIES,
        stem ->
            created.category(
                AdminSupport.category(AdminSupport.slug(stem), "移动频道" + stem, policies, 0)),
        "/api/v1/categories/");
  }

  private void racePairs(
      String collection, java.util.function.Function<String, Long> create, String publicPath)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int pair = 0; pair < 20; pair++) {
        long a = create.apply("a" + pair);
        long b = create.apply("b" + pair);
        String etagA = as(BOOTSTRAP).get(collection + "/" + a).header("ETag");
        String etagB = as(BOOTSTRAP).get(collection + "/" + b).header("ETag");
        CyclicBarrier start = new CyclicBarrier(2);
        Future<Integer> aUnderB = pool.submit(() -> move(collection, a, etagA, b, start));
        Future<Integer> bUnderA = pool.submit(() -> move(collection, b, etagB, a, start));
        List<Integer> statuses = List.of(aUnderB.get(), bUnderA.get());
        assertTrue(
            statuses.contains(200) && statuses.contains(409),
            "pair " + pair + ": exactly one move wins, got " + statuses);
        for (long node : List.of(a, b)) {
          List<Integer> ancestors =
              given().get(publicPath + node).then().statusCode(200).extract().path("ancestors.id");
          assertFalse(ancestors.contains((int) node), "node " + node + " is its own ancestor");
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static int move(
      String collection, long node, String etag, long parent, CyclicBarrier start)
      throws Exception {
    start.await();
    return as(BOOTSTRAP)
        .header("If-Match", etag)
        .contentType(MERGE_PATCH)
        .body("{\"parentId\":" + parent + "}")
        .patch(collection + "/" + node)
        .statusCode();
  }

  // --- 8: the stored body is what is bounded --------------------------------------------------

  @Test
  void aBodyThatGrowsBeyondOneMegabyteWhenSanitizedIsRefused() {
    Map<String, Object> input = articleInput("与号正文");
    input.put("body", "&".repeat(717 * 1024));
    Response refused = as(BOOTSTRAP).contentType(JSON).body(json(input)).post(ARTICLES);
    assertEquals(400, refused.statusCode(), refused.asString());
    assertEquals("body", refused.path("errors[0].field"));
    assertTrue(refused.<String>path("errors[0].message").contains("once sanitized"));
  }

  @Test
  void aStoredBodyNearTheLimitSurvivesEveryLaterWrite() {
    Map<String, Object> input = articleInput("接近上限的正文");
    // 200,000 '&' become 1,000,000 bytes of &amp;: under the limit once stored.
    input.put("body", "&".repeat(200_000));
    long id = created.article(BOOTSTRAP, input);
    Response stored = as(BOOTSTRAP).get(ARTICLES + "/" + id);
    assertEquals(1_000_000, stored.<String>path("body").length());

    Response patched =
        as(BOOTSTRAP)
            .header("If-Match", stored.header("ETag"))
            .contentType(MERGE_PATCH)
            .body("{\"title\":\"只改标题\"}")
            .patch(ARTICLES + "/" + id);
    assertEquals(200, patched.statusCode(), patched.asString());
    assertEquals(stored.<String>path("body"), patched.path("body"));

    Map<String, Object> replacement = articleInput("原样写回");
    replacement.put("body", patched.path("body"));
    Response replaced =
        as(BOOTSTRAP)
            .header("If-Match", patched.header("ETag"))
            .contentType(JSON)
            .body(json(replacement))
            .put(ARTICLES + "/" + id);
    assertEquals(200, replaced.statusCode(), replaced.asString());
    assertEquals(stored.<String>path("body"), replaced.path("body"));
  }

  // --- 10: re-importing an old file keeps editorial decisions ---------------------------------

  @Test
  void reimportingAnOldExportNeitherResurrectsNorOverwritesUnlessAsked() {
    Map<String, Object> deletedInput = articleInput("将被删除");
    deletedInput.put("status", "published");
    deletedInput.put("slug", AdminSupport.slug("reimport-deleted"));
    long deleted = created.article(BOOTSTRAP, deletedInput);
    Map<String, Object> unpublishedInput = articleInput("将被撤回");
    unpublishedInput.put("status", "published");
    unpublishedInput.put("slug", AdminSupport.slug("reimport-unpublished"));
    long unpublished = created.article(BOOTSTRAP, unpublishedInput);
    List<String> slugs =
        List.of((String) deletedInput.get("slug"), (String) unpublishedInput.get("slug"));
    String oldFile =
        export()
            .lines()
            .filter(
                line -> slugs.stream().anyMatch(slug -> line.contains("\"slug\":\"" + slug + "\"")))
            .collect(Collectors.joining("\n"));
    assertEquals(2, oldFile.lines().count(), oldFile);

    String deletedEtag = as(BOOTSTRAP).get(ARTICLES + "/" + deleted).header("ETag");
    as(BOOTSTRAP)
        .header("If-Match", deletedEtag)
        .delete(ARTICLES + "/" + deleted)
        .then()
        .statusCode(204);
    as(BOOTSTRAP).post(ARTICLES + "/" + unpublished + "/unpublish").then().statusCode(200);

    Response kept = importing(oldFile, "");
    kept.then().statusCode(200);
    assertEquals(1, kept.<Integer>path("skippedDeleted.article"), kept.asString());
    assertEquals(1, kept.<Integer>path("skippedNewer.article"), kept.asString());
    assertEquals(0, kept.<Integer>path("created.article") + kept.<Integer>path("updated.article"));
    given().get("/api/v1/articles/" + slugs.get(0)).then().statusCode(404);
    given().get("/api/v1/articles/" + slugs.get(1)).then().statusCode(404);

    Response restored = importing(oldFile, "?restoreDeleted=true&overwriteNewer=true");
    restored.then().statusCode(200);
    assertEquals(1, restored.<Integer>path("created.article"), restored.asString());
    assertEquals(1, restored.<Integer>path("updated.article"), restored.asString());
    Response back = given().get("/api/v1/articles/" + slugs.get(0));
    back.then().statusCode(200);
    created.remember(ARTICLES + "/" + back.<Integer>path("id"));
    given().get("/api/v1/articles/" + slugs.get(1)).then().statusCode(200);
  }

  @Test
  void importFlagsAreStrictBooleans() {
    given()
        .auth()
        .oauth2(BOOTSTRAP)
        .contentType(NDJSON)
        .body(new byte[0])
        .post("/api/v1/admin/import?restoreDeleted=yes")
        .then()
        .statusCode(400)
        .contentType(PROBLEM);
  }

  // --- 2: catalogs only ever hold committed rows ---------------------------------------------

  @Test
  void aCatalogReloadInsideAnOpenTransactionNeverCachesItsRows() {
    String slug = AdminSupport.slug("uncommitted");
    try {
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                Zone zone = new Zone();
                zone.slug = slug;
                zone.name = "未提交的区";
                zone.kind = ZoneKind.DISTRICT;
                zone.parentId = fixtures.id("beijing");
                zoneRepository.persist(zone);
                zoneRepository.flush();
                zoneCatalog.invalidate();
                assertTrue(
                    zoneCatalog.tree().all().stream().noneMatch(z -> z.slug().equals(slug)),
                    "the catalog read the open transaction's row");
                throw new RolledBack();
              });
    } catch (RolledBack expected) {
      // The transaction is gone and its zone with it.
    }
    given().get("/api/v1/zones/" + slug).then().statusCode(404);
    given()
        .get("/api/v1/zones?parent=beijing&size=100")
        .then()
        .statusCode(200)
        .body("items.slug", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(slug)));
  }

  private static final class RolledBack extends RuntimeException {}

  // --- 9: concurrent imports of one file end as one import does ------------------------------

  @Test
  void twoConcurrentImportsOfOneFileEndInTheStateOfOne() throws Exception {
    String zone = AdminSupport.slug("concurrent-zone");
    String category = AdminSupport.slug("concurrent-category");
    StringBuilder file = new StringBuilder();
    file.append("{\"type\":\"zone\",\"slug\":\"")
        .append(zone)
        .append("\",\"name\":\"并发导入区\",\"kind\":\"district\",\"parent\":\"beijing\"}\n");
    file.append("{\"type\":\"category\",\"slug\":\"")
        .append(category)
        .append("\",\"name\":\"并发导入频道\",\"parent\":\"policies\"}\n");
    int articles = 120;
    for (int i = 0; i < articles; i++) {
      file.append("{\"type\":\"article\",\"slug\":\"")
          .append(zone)
          .append("-a")
          .append(i)
          .append("\",\"title\":\"并发导入第")
          .append(i)
          .append("篇\",\"body\":\"<p>正文。</p>\",\"category\":\"")
          .append(category)
          .append("\",\"zone\":\"")
          .append(zone)
          .append("\",\"status\":\"published\",\"publishedAt\":\"2024-03-01T10:00:00+08:00\"}\n");
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CyclicBarrier start = new CyclicBarrier(2);
      List<Future<Response>> runs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        runs.add(
            pool.submit(
                () -> {
                  start.await();
                  return importing(file.toString(), "");
                }));
      }
      long createdArticles = 0;
      for (Future<Response> run : runs) {
        Response report = run.get();
        assertEquals(200, report.statusCode(), report.asString());
        assertEquals(0, report.<Integer>path("rejectedCount"), report.asString());
        createdArticles += report.<Integer>path("created.article");
      }
      assertEquals(articles, createdArticles, "each article was created exactly once");
      given()
          .queryParam("zone", zone)
          .queryParam("size", 1)
          .get("/api/v1/articles")
          .then()
          .statusCode(200)
          .body("totalItems", org.hamcrest.Matchers.is(articles));
    } finally {
      pool.shutdownNow();
      deleteImported(zone, category);
    }
  }

  /** Deletes a zone and a category an import created, with every article filed under them. */
  private static void deleteImported(String zone, String category) {
    Response found = given().get("/api/v1/zones/" + zone);
    if (found.statusCode() == 200) {
      while (true) {
        List<Integer> ids =
            as(BOOTSTRAP)
                .queryParam("size", 100)
                .get(ARTICLES)
                .path("items.findAll { it.zone != null && it.zone.slug == '" + zone + "' }.id");
        if (ids.isEmpty()) {
          break;
        }
        ids.forEach(id -> AdminSupport.Created.delete(ARTICLES + "/" + id));
      }
      AdminSupport.Created.delete(ZONES + "/" + found.path("id"));
    }
    Response channel = given().get("/api/v1/categories/" + category);
    if (channel.statusCode() == 200) {
      AdminSupport.Created.delete(CATEGORIES + "/" + channel.path("id"));
    }
  }

  // --- helpers ---------------------------------------------------------------------------------

  private Map<String, Object> articleInput(String title) {
    return AdminSupport.article(title, fixtures.id("policies"), fixtures.id("suzhou"));
  }

  private static String export() {
    return new String(
        as(BOOTSTRAP).get("/api/v1/admin/export").then().statusCode(200).extract().asByteArray(),
        StandardCharsets.UTF_8);
  }

  private static Response importing(String ndjson, String query) {
    return given()
        .auth()
        .oauth2(BOOTSTRAP)
        .contentType(NDJSON)
        .body(ndjson.getBytes(StandardCharsets.UTF_8))
        .post("/api/v1/admin/import" + query);
  }
}
