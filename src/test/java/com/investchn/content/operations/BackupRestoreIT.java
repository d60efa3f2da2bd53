package com.investchn.content.operations;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.investchn.content.support.PackagedService;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.h2.tools.Restore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An online backup of the packaged service's H2 database, restored into a fresh data folder, serves
 * exactly the answers the service gave when the backup was taken, and none of the writes made after
 * it. On PostgreSQL the endpoint points the operator to pg_dump instead.
 */
class BackupRestoreIT {

  private static final String TOKEN = PackagedService.ADMIN_TOKEN;
  private static final String BACKUP = "/api/v1/admin/backup";
  private static final String REFERENCE = "beijing-etdz-first-half-2024-project-signing";

  private static Path workDir;
  private static PackagedService.Database database;

  @BeforeAll
  static void prepare() throws Exception {
    workDir = Files.createTempDirectory("content-api-backup");
    database = PackagedService.Database.forTest("backup", workDir);
  }

  @AfterAll
  static void cleanUp() throws Exception {
    database.drop();
    PackagedService.deleteTree(workDir);
  }

  @Test
  void aRestoredBackupServesTheAnswersOfItsMomentByteForByte() throws Exception {
    assumeFalse(database.isPostgres(), "H2 only: PostgreSQL is backed up with pg_dump");
    PackagedService live = start(database, "live");
    Map<String, byte[]> atBackup;
    Path zip;
    String laterSlug = "backup-test-after-" + System.currentTimeMillis();
    try {
      String slug = "backup-test-before-" + System.currentTimeMillis();
      long id = createArticle(live, slug, "备份之前写入的文章");
      List<String> paths = publicPaths(slug);
      atBackup = answers(live, paths);

      Response backup = given().auth().oauth2(TOKEN).post(live.url(BACKUP));
      assertEquals(201, backup.statusCode(), backup.asString());
      zip = Path.of(backup.<String>path("file"));
      // The default folder is content-api.data-dir/backups, the name is timestamped.
      assertEquals(workDir.resolve("data").resolve("backups").toAbsolutePath(), zip.getParent());
      assertTrue(
          zip.getFileName().toString().matches("content-api-\\d{8}T\\d{6}\\.\\d{3}Z\\.zip"),
          zip.toString());
      assertEquals(Files.size(zip), backup.<Number>path("bytes").longValue());
      OffsetDateTime createdAt = OffsetDateTime.parse(backup.path("createdAt"));
      assertTrue(
          Duration.between(createdAt, OffsetDateTime.now()).abs().toMinutes() < 5, "createdAt");

      // Writes after the backup: a new article and an edit that changes the answers above.
      createArticle(live, laterSlug, "备份之后写入的文章");
      Response article = given().auth().oauth2(TOKEN).get(live.url("/api/v1/admin/articles/" + id));
      given()
          .auth()
          .oauth2(TOKEN)
          .contentType("application/merge-patch+json")
          .header("If-Match", article.header("ETag"))
          .body("{\"title\":\"备份之后改过的标题\"}".getBytes(StandardCharsets.UTF_8))
          .patch(live.url("/api/v1/admin/articles/" + id))
          .then()
          .statusCode(200);
      Map<String, byte[]> afterwards = answers(live, paths);
      assertNotEquals(
          new String(atBackup.get("/api/v1/articles/" + slug), StandardCharsets.UTF_8),
          new String(afterwards.get("/api/v1/articles/" + slug), StandardCharsets.UTF_8),
          "the later edit should change what the comparison sees");
    } finally {
      live.stop();
    }

    Path restoredDir = workDir.resolve("restored");
    Files.createDirectories(restoredDir);
    Restore.execute(zip.toString(), restoredDir.toString(), "content-api");
    PackagedService restored =
        start(
            new PackagedService.Database(
                Map.of("CONTENT_API_DATA_DIR", restoredDir.toAbsolutePath().toString()), "H2"),
            "restored");
    try {
      Map<String, byte[]> now = answers(restored, List.copyOf(atBackup.keySet()));
      for (String path : atBackup.keySet()) {
        assertArrayEquals(
            atBackup.get(path),
            now.get(path),
            () ->
                path
                    + " differs after restore:\n"
                    + new String(now.get(path), StandardCharsets.UTF_8));
      }
      given().get(restored.url("/api/v1/articles/" + laterSlug)).then().statusCode(404);
    } finally {
      restored.stop();
    }
  }

  @Test
  void onPostgresqlTheEndpointPointsToPgDump() throws Exception {
    assumeTrue(database.isPostgres(), "PostgreSQL only");
    PackagedService live = start(database, "live");
    try {
      given()
          .auth()
          .oauth2(TOKEN)
          .post(live.url(BACKUP))
          .then()
          .statusCode(409)
          .contentType("application/problem+json")
          .body("type", org.hamcrest.Matchers.endsWith("/backup-unavailable"))
          .body("detail", org.hamcrest.Matchers.containsString("pg_dump"));
    } finally {
      live.stop();
    }
  }

  private static PackagedService start(PackagedService.Database on, String name) throws Exception {
    return PackagedService.start(
            name, workDir, on, "384m", Map.of("CONTENT_API_DEMO_ENABLED", "true"))
        .awaitReady();
  }

  /** The public reads a portal makes, plus the whole content as the export shows it. */
  private static List<String> publicPaths(String slug) {
    return List.of(
        "/api/v1/site",
        "/api/v1/zones/tree",
        "/api/v1/zones?size=100",
        "/api/v1/zones/daxing",
        "/api/v1/categories",
        "/api/v1/categories/zone-news",
        "/api/v1/articles?size=100",
        "/api/v1/articles?size=100&page=4",
        "/api/v1/articles?category=zone-news&zone=beijing&size=20",
        "/api/v1/articles?sort=publishedAt,asc&size=50",
        "/api/v1/articles/" + REFERENCE,
        "/api/v1/articles/" + REFERENCE + "/adjacent?sort=publishedAt,asc",
        "/api/v1/articles/" + slug,
        "/api/v1/articles/" + slug + "/adjacent",
        "/api/v1/admin/export");
  }

  private static Map<String, byte[]> answers(PackagedService service, List<String> paths) {
    Map<String, byte[]> bodies = new LinkedHashMap<>();
    for (String path : paths) {
      Response response = given().auth().oauth2(TOKEN).get(service.url(path));
      assertEquals(200, response.statusCode(), path + ": " + response.asString());
      bodies.put(path, response.asByteArray());
    }
    return bodies;
  }

  private static long createArticle(PackagedService service, String slug, String title) {
    Response zone = given().get(service.url("/api/v1/zones/daxing"));
    Response category = given().get(service.url("/api/v1/categories/zone-news"));
    String body =
        "{\"slug\":\""
            + slug
            + "\",\"title\":\""
            + title
            + "\",\"body\":\"<p>"
            + title
            + "。正文。</p>\",\"status\":\"published\",\"categoryId\":"
            + category.<Number>path("id")
            + ",\"zoneId\":"
            + zone.<Number>path("id")
            + "}";
    Response created =
        given()
            .auth()
            .oauth2(TOKEN)
            .contentType("application/json")
            .body(body.getBytes(StandardCharsets.UTF_8))
            .post(service.url("/api/v1/admin/articles"));
    assertEquals(201, created.statusCode(), created.asString());
    return created.<Number>path("id").longValue();
  }
}
