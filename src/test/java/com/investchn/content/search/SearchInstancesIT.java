package com.investchn.content.search;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.investchn.content.support.PackagedService;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two packaged instances with their own search index on one database: search answers 503
 * problem+json with Retry-After while an instance builds its first index; a write through one is
 * found (and an edit and a delete seen) on the other within the documented bound; and an instance
 * stopped while the other writes catches up from the change log when it starts again, without a
 * rebuild.
 */
class SearchInstancesIT {

  /** The documented bound: the other instance's log poll plus applying the change. */
  static final Duration BOUND = Duration.ofSeconds(2);

  private static final String JSON = "application/json; charset=UTF-8";

  private Path work;
  private PackagedService.Database database;
  private PackagedService writer;
  private PackagedService reader;

  @AfterEach
  void stopBoth() throws Exception {
    for (PackagedService service : new PackagedService[] {writer, reader}) {
      if (service != null) {
        service.kill();
      }
    }
    if (database != null) {
      database.drop();
    }
    PackagedService.deleteTree(work);
  }

  @Test
  void answers503UntilTheFirstBuildIsDoneThenFollowsTheOtherInstanceAndCatchesUpAfterARestart()
      throws Exception {
    work = Files.createTempDirectory("content-api-search-instances");
    database = PackagedService.Database.forTest("search_instances", work);
    writer = start("writer", Map.of());
    await(writer, "园区", found -> !found.isEmpty(), Duration.ofSeconds(60));

    // The reader's first build waits 20 s (a test hook), so that its 503 can be seen.
    reader = start("reader", Map.of("CONTENT_API_SEARCH_BUILD_DELAY", "20s"));
    Response building = given().queryParam("q", "园区").get(reader.url("/api/v1/search"));
    assertEquals(503, building.statusCode(), shortened(building.asString()));
    assertTrue(building.contentType().startsWith("application/problem+json"));
    assertNotNull(building.header("Retry-After"), "Retry-After");
    assertEquals(503, building.<Integer>path("status"));
    await(reader, "园区", found -> !found.isEmpty(), Duration.ofSeconds(90));

    // A create, an edit and a delete through one instance, seen on the other within the bound.
    long id = create(writer, "鹦鹉螺园区首批企业入驻");
    assertTrue(search(writer, "鹦鹉螺").contains(id), "at once on the writing instance");
    Duration created = await(reader, "鹦鹉螺", found -> found.contains(id), BOUND);
    patch(writer, id, "{\"title\":\"砗磲贝园区首批企业入驻\"}");
    Duration edited = await(reader, "砗磲贝", found -> found.contains(id), BOUND);
    assertTrue(!search(reader, "鹦鹉螺").contains(id), "the old title is gone");
    patch(writer, id, "{\"status\":\"draft\"}");
    Duration unpublished = await(reader, "砗磲贝", found -> !found.contains(id), BOUND);
    System.out.printf(
        "Seen on the other instance after: create %d ms, edit %d ms, unpublish %d ms%n",
        created.toMillis(), edited.toMillis(), unpublished.toMillis());

    // Stopped while the other writes: at its next start it catches up from the log.
    reader.stop();
    long whileAway = create(writer, "玳瑁湾园区开工");
    reader = start("reader", Map.of());
    await(reader, "玳瑁湾", found -> found.contains(whileAway), Duration.ofSeconds(10));
    String log = Files.readString(reader.log());
    assertTrue(log.contains("Search index opened at change"), "reopened, not rebuilt:\n" + log);
  }

  private PackagedService start(String name, Map<String, String> settings) throws Exception {
    Map<String, String> env = new HashMap<>(settings);
    env.put("CONTENT_API_DEMO_ENABLED", "true");
    env.put("CONTENT_API_SEARCH_INDEX_DIR", work.resolve(name + "-index").toString());
    if (!database.isPostgres()) {
      // H2 in mixed mode: the first process to open the file serves it to the other.
      env.put(
          "QUARKUS_DATASOURCE_JDBC_URL",
          "jdbc:h2:file:"
              + work.resolve("shared").toAbsolutePath()
              + ";AUTO_SERVER=TRUE;WRITE_DELAY=0");
    }
    return PackagedService.start(name, work, database, "384m", env).awaitReady();
  }

  /** Searches until the answer satisfies the condition; fails after the limit. */
  private static Duration await(
      PackagedService service, String q, Predicate<List<Long>> condition, Duration limit)
      throws InterruptedException {
    long started = System.nanoTime();
    List<Long> found = List.of();
    while (System.nanoTime() - started <= limit.toNanos()) {
      Response answer =
          given().queryParam("q", q).queryParam("size", 100).get(service.url("/api/v1/search"));
      if (answer.statusCode() == 200) {
        found = ids(answer);
        if (condition.test(found)) {
          return Duration.ofNanos(System.nanoTime() - started);
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError(q + " not as expected within " + limit + ": " + found);
  }

  private static String shortened(String text) {
    return text.length() <= 500 ? text : text.substring(0, 500) + "…";
  }

  private static List<Long> search(PackagedService service, String q) {
    Response answer =
        given().queryParam("q", q).queryParam("size", 100).get(service.url("/api/v1/search"));
    assertEquals(200, answer.statusCode(), answer.asString());
    return ids(answer);
  }

  private static List<Long> ids(Response answer) {
    List<Number> ids = answer.jsonPath().getList("items.id");
    return ids.stream().map(Number::longValue).toList();
  }

  private static long create(PackagedService service, String title) {
    long category = given().get(service.url("/api/v1/categories")).jsonPath().getLong("[0].id");
    long zone = given().get(service.url("/api/v1/zones")).jsonPath().getLong("items[0].id");
    String publishedAt =
        OffsetDateTime.now(ZoneOffset.UTC)
            .minusMinutes(1)
            .truncatedTo(ChronoUnit.SECONDS)
            .toString();
    Response created =
        given()
            .auth()
            .oauth2(PackagedService.ADMIN_TOKEN)
            .contentType(JSON)
            .body(
                "{\"title\":\""
                    + title
                    + "\",\"body\":\"<p>正文。</p>\",\"status\":\"published\",\"categoryId\":"
                    + category
                    + ",\"zoneId\":"
                    + zone
                    + ",\"publishedAt\":\""
                    + publishedAt
                    + "\"}")
            .post(service.url("/api/v1/admin/articles"));
    assertEquals(201, created.statusCode(), created.asString());
    return created.<Number>path("id").longValue();
  }

  private static void patch(PackagedService service, long id, String body) {
    String tag =
        given()
            .auth()
            .oauth2(PackagedService.ADMIN_TOKEN)
            .get(service.url("/api/v1/admin/articles/" + id))
            .header("ETag");
    given()
        .auth()
        .oauth2(PackagedService.ADMIN_TOKEN)
        .contentType("application/merge-patch+json; charset=UTF-8")
        .header("If-Match", tag)
        .body(body)
        .patch(service.url("/api/v1/admin/articles/" + id))
        .then()
        .statusCode(200);
  }
}
