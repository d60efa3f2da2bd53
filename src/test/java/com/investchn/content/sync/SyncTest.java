package com.investchn.content.sync;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.investchn.content.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GET /api/v1/sync: a mirror that follows it ends identical to the public API, also while editors
 * write concurrently, with filters that turn leaving articles into deletes, and with cursors that
 * are signed, bound to their filters and expire when the deletes they need are pruned.
 */
@QuarkusTest
class SyncTest extends ApiTest {

  private static final String ADMIN = "test-bootstrap-admin-token-0123456789abcdef";
  private static final String SYNC = "/api/v1/sync";
  private static final String PROBLEMS = "https://api.investchn.com/problems/";
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000, 36);

  @Inject SyncPruning pruning;

  /** Admin paths this test created, deleted again newest first. */
  private final List<String> created = Collections.synchronizedList(new ArrayList<>());

  private long categoryRoot;
  private long categoryA;
  private long categoryB;
  private long zoneOne;
  private long zoneTwo;

  @BeforeEach
  void createTrees() {
    categoryRoot = create("/api/v1/admin/categories", category("sync-root", "同步测试", null));
    categoryA = create("/api/v1/admin/categories", category("sync-a", "同步甲", categoryRoot));
    categoryB = create("/api/v1/admin/categories", category("sync-b", "同步乙", categoryRoot));
    zoneOne = create("/api/v1/admin/zones", zone("sync-z1", "同步一区", fixtures.id("beijing")));
    zoneTwo = create("/api/v1/admin/zones", zone("sync-z2", "同步二区", fixtures.id("jiangsu")));
  }

  @AfterEach
  void deleteCreated() {
    List<String> paths = new ArrayList<>(created);
    Collections.reverse(paths);
    // Articles first, then the nodes they were filed under, children before parents.
    paths.sort((a, b) -> Boolean.compare(!a.contains("/articles/"), !b.contains("/articles/")));
    for (String path : paths) {
      HttpResponse<String> current = send("GET", path, null, null);
      if (current.statusCode() == 404) {
        continue;
      }
      HttpResponse<String> deleted =
          send("DELETE", path, null, current.headers().firstValue("ETag").orElseThrow());
      assertEquals(204, deleted.statusCode(), () -> "clean-up " + path + ": " + deleted.body());
    }
  }

  @Test
  void anInitialSyncEqualsThePublicApi() {
    Mirror mirror = new Mirror("", 50);
    mirror.catchUp();
    Map<String, JsonNode> expected = Mirror.publicContent("");
    assertTrue(expected.size() > 20, "the fixture is there: " + expected.keySet());
    assertEquals(expected, mirror.entities());
  }

  @Test
  void answersCarryChangesACursorAndHasMoreAndAreNeverCached() {
    Response first =
        given()
            .queryParam("limit", 3)
            .get(SYNC)
            .then()
            .statusCode(200)
            .header("Cache-Control", "no-store")
            .body("changes", hasSize(3))
            .body("hasMore", equalTo(true))
            .body("nextCursor", notNullValue())
            .extract()
            .response();
    // Following to the head: an empty page that still gives a cursor to poll with.
    String cursor = first.path("nextCursor");
    boolean more = true;
    while (more) {
      Response page = given().queryParam("limit", 1000).queryParam("cursor", cursor).get(SYNC);
      cursor = page.path("nextCursor");
      more = page.path("hasMore");
    }
    given()
        .queryParam("cursor", cursor)
        .get(SYNC)
        .then()
        .statusCode(200)
        .body("changes", empty())
        .body("hasMore", equalTo(false))
        .body("nextCursor", equalTo(cursor));
    long article = createArticle("游标", categoryA, zoneOne, null);
    patch("/api/v1/admin/articles/" + article, Map.of("title", "游标之间"));
    patch("/api/v1/admin/articles/" + article, Map.of("title", "游标之后"));
    // Three entries for the article since the cursor; its latest state is served once.
    given()
        .queryParam("cursor", cursor)
        .get(SYNC)
        .then()
        .statusCode(200)
        .body("changes.findAll { it.entity == 'article' && it.id == " + article + " }", hasSize(1))
        .body(
            "changes.find { it.entity == 'article' && it.id == " + article + " }.op",
            equalTo("upsert"))
        .body(
            "changes.find { it.entity == 'article' && it.id == " + article + " }.data.title",
            equalTo("游标之后"))
        .body("hasMore", equalTo(false));
  }

  @Test
  void anArticleThatLeavesTheFilterBecomesADeleteForThatFollower() {
    Mirror filtered = new Mirror("category=" + categoryA, 7);
    Mirror everything = new Mirror("entity=article", 7);
    filtered.catchUp();
    everything.catchUp();
    long moved = createArticle("将移走", categoryA, zoneOne, null);
    long unpublished = createArticle("将撤回", categoryA, zoneOne, null);
    long rescheduled = createArticle("将改期", categoryA, zoneTwo, null);
    long deleted = createArticle("将删除", categoryA, zoneTwo, null);
    filtered.catchUp();
    everything.catchUp();
    for (long id : List.of(moved, unpublished, rescheduled, deleted)) {
      assertNotNull(filtered.entities().get("article:" + id), "in the filter: " + id);
    }
    patch("/api/v1/admin/articles/" + moved, Map.of("categoryId", categoryB));
    post("/api/v1/admin/articles/" + unpublished + "/unpublish");
    patch(
        "/api/v1/admin/articles/" + rescheduled,
        Map.of("publishedAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(3).toString()));
    HttpResponse<String> current = send("GET", "/api/v1/admin/articles/" + deleted, null, null);
    assertEquals(
        204,
        send(
                "DELETE",
                "/api/v1/admin/articles/" + deleted,
                null,
                current.headers().firstValue("ETag").orElseThrow())
            .statusCode());
    filtered.catchUp();
    everything.catchUp();
    for (long id : List.of(moved, unpublished, rescheduled, deleted)) {
      assertNull(filtered.entities().get("article:" + id), "left the filter: " + id);
    }
    JsonNode movedThere = everything.entities().get("article:" + moved);
    assertEquals(categoryB, movedThere.path("category").path("id").asLong(), "moved, not gone");
    for (long id : List.of(unpublished, rescheduled, deleted)) {
      assertNull(everything.entities().get("article:" + id), "gone for everyone: " + id);
    }
    // Its articles are the filter's; zones, categories and the site are the whole site's.
    assertEquals(Mirror.publicContent("category=" + categoryA), filtered.entities());
    assertTrue(
        everything.entities().keySet().stream().allMatch(key -> key.startsWith("article:")),
        "entity=article serves articles only");
  }

  @Test
  void neighboursAndEmbeddedNamesFollowTheChangesThatAlterThem() {
    Instant base = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    long older = createArticle("较早", categoryA, zoneOne, base);
    long middle = createArticle("居中", categoryA, zoneOne, base.plusSeconds(60));
    long newer = createArticle("较新", categoryA, zoneOne, base.plusSeconds(120));
    Mirror mirror = new Mirror("", 7);
    mirror.catchUp();
    assertEquals(
        middle, mirror.entities().get("article:" + older).path("previous").path("id").asLong());
    // Deleting the middle one changes the links of both neighbours, which no one wrote.
    HttpResponse<String> current = send("GET", "/api/v1/admin/articles/" + middle, null, null);
    send(
        "DELETE",
        "/api/v1/admin/articles/" + middle,
        null,
        current.headers().firstValue("ETag").orElseThrow());
    mirror.catchUp();
    assertEquals(
        newer, mirror.entities().get("article:" + older).path("previous").path("id").asLong());
    assertEquals(older, mirror.entities().get("article:" + newer).path("next").path("id").asLong());
    // Renaming the category and the zone changes every article filed under them.
    patch("/api/v1/admin/categories/" + categoryA, Map.of("name", "同步甲改名"));
    patch("/api/v1/admin/zones/" + zoneOne, Map.of("name", "同步一区改名"));
    mirror.catchUp();
    JsonNode renamed = mirror.entities().get("article:" + older);
    assertEquals("同步甲改名", renamed.path("category").path("name").asText());
    assertEquals("同步一区改名", renamed.path("zone").path("name").asText());
    String childName = null;
    for (JsonNode child : mirror.entities().get("category:" + categoryRoot).path("children")) {
      if (child.path("id").asLong() == categoryA) {
        childName = child.path("name").asText();
      }
    }
    assertEquals("同步甲改名", childName, "the parent shows its renamed child");
    assertEquals(Mirror.publicContent(""), mirror.entities());
  }

  @Test
  void aFollowerUnderConcurrentWritesEndsIdenticalToThePublicApi() throws Exception {
    Mirror everything = new Mirror("", 7);
    Mirror filtered = new Mirror("category=" + categoryA, 7);
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicInteger committed = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    int writers = 8;
    int writesEach = 18;
    ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
    long scheduled;
    Instant due;
    Instant started = Instant.now();
    Instant stopped;
    try {
      List<Future<?>> followers = new ArrayList<>();
      for (Mirror mirror : List.of(everything, filtered)) {
        followers.add(
            pool.submit(
                () -> {
                  while (writing.get()) {
                    if (!mirror.step()) {
                      Thread.sleep(20);
                    }
                  }
                  return null;
                }));
      }
      due = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.MILLIS);
      scheduled = createArticle("定时同步", categoryA, zoneOne, due);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> running = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        running.add(
            pool.submit(
                () -> {
                  go.await();
                  List<Long> mine = new ArrayList<>();
                  for (int i = 0; i < writesEach; i++) {
                    if (write(writer, i, mine)) {
                      committed.incrementAndGet();
                    } else {
                      refused.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> writer : running) {
        writer.get();
      }
      stopped = Instant.now();
      // The scheduled article is due during or right after the writes.
      while (Instant.now().isBefore(due.plusMillis(1500))) {
        Thread.sleep(50);
      }
      writing.set(false);
      for (Future<?> follower : followers) {
        follower.get();
      }
    } finally {
      writing.set(false);
      pool.shutdownNow();
    }
    Instant catchUpStart = Instant.now();
    everything.catchUp();
    filtered.catchUp();
    Duration catchUp = Duration.between(catchUpStart, Instant.now());

    assertEquals(Mirror.publicContent(""), everything.entities(), "the unfiltered mirror");
    Map<String, JsonNode> filteredArticles = articles(filtered);
    Map<String, JsonNode> expectedFiltered =
        articles(Mirror.publicContent("category=" + categoryA));
    assertEquals(expectedFiltered, filteredArticles, "the category-filtered mirror");
    assertTrue(filteredArticles.size() > 0, "the filter kept articles");

    assertTrue(
        everything.entities().containsKey("article:" + scheduled),
        "the article scheduled during the writes is in the mirror");
    assertTrue(refused.get() > 0 && committed.get() > writers * writesEach / 2, "a real mix");
    System.out.printf(
        "SYNC FOLLOWER FIGURES: %d writers, %d writes committed, %d refused (rolled back);"
            + " writes took %d ms; unfiltered follower saw %d changes in %d pages, filtered"
            + " follower %d changes in %d pages (limit 7); after the writes stopped and the"
            + " scheduled article was due, catching up took %d ms; the mirror holds %d entities"
            + " (%d articles in the filter)%n",
        writers,
        committed.get(),
        refused.get(),
        Duration.between(started, stopped).toMillis(),
        everything.changesSeen.get(),
        everything.pagesRead.get(),
        filtered.changesSeen.get(),
        filtered.pagesRead.get(),
        catchUp.toMillis(),
        everything.entities().size(),
        filteredArticles.size());
  }

  @Test
  void aScheduledArticleReachesTheMirrorAtItsTimeWithoutAWrite() throws Exception {
    Mirror mirror = new Mirror("entity=article", 7);
    mirror.catchUp();
    Instant due = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.MILLIS);
    long scheduled = createArticle("定时到达", categoryA, zoneOne, due);
    String key = "article:" + scheduled;
    Instant deadline = due.plusSeconds(5);
    while (mirror.firstUpsertOf(key) == null && Instant.now().isBefore(deadline)) {
      if (!mirror.step()) {
        Thread.sleep(20);
      }
    }
    OffsetDateTime reached = mirror.firstUpsertOf(key);
    assertNotNull(reached, "the scheduled article never reached the mirror");
    long lateMillis = Duration.between(due, reached.toInstant()).toMillis();
    assertTrue(lateMillis >= 0, "reached the mirror " + -lateMillis + " ms before its time");
    assertTrue(lateMillis <= 1500, "reached the mirror " + lateMillis + " ms after its time");
    assertEquals(Mirror.detail("/api/v1/articles/" + scheduled), mirror.entities().get(key));
    System.out.printf("SYNC SCHEDULED: reached the mirror %d ms after its time%n", lateMillis);
  }

  /** One write of a mix; true when it committed, false when it was refused and rolled back. */
  private boolean write(int writer, int i, List<Long> mine) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    // A is the filtered follower's category: most articles pass through it.
    long[] categories = {categoryA, categoryA, categoryB, categoryRoot};
    long[] zones = {zoneOne, zoneTwo};
    if (mine.isEmpty() || i % 6 == 0) {
      mine.add(
          createArticle(
              "并发" + writer + "-" + i,
              categories[random.nextInt(categories.length)],
              zones[random.nextInt(2)],
              Instant.now().minusSeconds(random.nextInt(3600))));
      return true;
    }
    long id = mine.get(random.nextInt(mine.size()));
    String path = "/api/v1/admin/articles/" + id;
    switch (i % 6) {
      case 1 -> {
        return patch(path, Map.of("title", "改题" + writer + "-" + i)).statusCode() == 200;
      }
      case 2 -> {
        return patch(path, Map.of("categoryId", categories[random.nextInt(categories.length)]))
                .statusCode()
            == 200;
      }
      case 3 -> {
        if (writer % 2 == 0) {
          // A stale If-Match: 412, nothing written.
          return send("PATCH", path, Map.of("title", "过期"), "\"999\"").statusCode() == 200;
        }
        // A body that fails validation: 400, nothing written.
        return patch(path, Map.of("categoryId", 987_654_321L)).statusCode() == 200;
      }
      case 4 -> {
        if (writer < 2) {
          String kind = writer == 0 ? "categories/" + categoryB : "zones/" + zoneTwo;
          return patch("/api/v1/admin/" + kind, Map.of("name", "改名" + writer + "-" + i))
                  .statusCode()
              == 200;
        }
        return send("POST", path + (i % 12 == 4 ? "/unpublish" : "/publish"), null, null)
                .statusCode()
            == 200;
      }
      default -> {
        if (i % 12 != 5) {
          return createArticle("再建" + writer + "-" + i, categoryA, zones[random.nextInt(2)], null)
              > 0;
        }
        HttpResponse<String> current = send("GET", path, null, null);
        mine.remove(Long.valueOf(id));
        return send("DELETE", path, null, current.headers().firstValue("ETag").orElseThrow())
                .statusCode()
            == 204;
      }
    }
  }

  @Test
  void cursorsAreSignedAndBoundToTheirFilters() {
    String cursor = given().queryParam("entity", "zone").get(SYNC).path("nextCursor");
    given()
        .queryParam("entity", "zone")
        .queryParam("cursor", cursor)
        .get(SYNC)
        .then()
        .statusCode(200);
    String tampered =
        cursor.substring(0, 3) + (cursor.charAt(3) == 'A' ? 'B' : 'A') + cursor.substring(4);
    for (String bad : List.of(tampered, "garbage", cursor + "x")) {
      problem(
              given().queryParam("entity", "zone").queryParam("cursor", bad),
              400,
              "invalid-parameter")
          .body("parameter", equalTo("cursor"));
    }
    problem(
            given().queryParam("entity", "article").queryParam("cursor", cursor),
            400,
            "invalid-parameter")
        .body("parameter", equalTo("cursor"));
    problem(given().queryParam("cursor", cursor), 400, "invalid-parameter")
        .body("parameter", equalTo("cursor"));
    problem(
            given()
                .queryParam("entity", "zone")
                .queryParam("category", "policies")
                .queryParam("cursor", cursor),
            400,
            "invalid-parameter")
        .body("parameter", equalTo("cursor"));
  }

  @Test
  void parametersAreCheckedAndNamed() {
    for (String limit : List.of("0", "1001", "-1", "abc", "1.5")) {
      problem(given().queryParam("limit", limit), 400, "invalid-parameter")
          .body("parameter", equalTo("limit"));
    }
    given().queryParam("limit", 1).get(SYNC).then().statusCode(200).body("changes", hasSize(1));
    given().queryParam("limit", 1000).get(SYNC).then().statusCode(200);
    problem(given().queryParam("entity", "tag"), 400, "invalid-parameter")
        .body("parameter", equalTo("entity"));
    problem(given().queryParam("category", "no-such-category"), 400, "invalid-parameter")
        .body("parameter", equalTo("category"));
    problem(given().queryParam("zone", "no-such-zone"), 400, "invalid-parameter")
        .body("parameter", equalTo("zone"));
    problem(given().queryParam("since", "1"), 400, "unknown-parameter")
        .body("detail", containsString("since"));
    problem(given().queryParam("limit", "5").queryParam("limit", "6"), 400, "invalid-parameter")
        .body("parameter", equalTo("limit"));
    given()
        .queryParam("entity", "category")
        .queryParam("limit", 1000)
        .get(SYNC)
        .then()
        .statusCode(200)
        .body("changes.entity", everyItem(equalTo("category")))
        .body("changes", not(empty()));
  }

  @Test
  void aCursorOlderThanPrunedDeletesIsGoneAndSaysToRestart() {
    Mirror before = new Mirror("", 1000);
    before.catchUp();
    String old = cursorAtHead();
    long doomed = createArticle("将被清理", categoryA, zoneOne, null);
    HttpResponse<String> current = send("GET", "/api/v1/admin/articles/" + doomed, null, null);
    send(
        "DELETE",
        "/api/v1/admin/articles/" + doomed,
        null,
        current.headers().firstValue("ETag").orElseThrow());
    // Something after the delete, so the delete is not the head the followers read.
    createArticle("清理之后", categoryA, zoneOne, null);
    SyncPruning.Pruned pruned = pruning.prune(Duration.ZERO, Duration.ZERO);
    assertTrue(pruned.deletes() > 0 && pruned.superseded() >= 0, "pruned " + pruned);
    problem(given().queryParam("cursor", old), 410, "cursor-expired")
        .body("parameter", equalTo("cursor"))
        .body("detail", containsString("without a cursor"));
    // A fresh start and a cursor at the head both still work, and the mirror is complete.
    given().queryParam("cursor", cursorAtHead()).get(SYNC).then().statusCode(200);
    // Restarted with small pages: its own cursors stay below the horizon for a while, and are
    // still good, since it started after those deletes were pruned.
    Mirror restarted = new Mirror("", 7);
    restarted.catchUp();
    assertTrue(restarted.pagesRead.get() > 3, "paged through from below the horizon");
    assertEquals(Mirror.publicContent(""), restarted.entities());
    assertFalse(restarted.entities().containsKey("article:" + doomed));
  }

  private static String cursorAtHead() {
    String cursor = null;
    boolean more = true;
    while (more) {
      var request = given().queryParam("limit", 1000);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      Response page = request.get(SYNC);
      assertEquals(200, page.statusCode(), page.asString());
      cursor = page.path("nextCursor");
      more = page.path("hasMore");
    }
    return cursor;
  }

  private static io.restassured.response.ValidatableResponse problem(
      io.restassured.specification.RequestSpecification request, int status, String type) {
    return request
        .get(SYNC)
        .then()
        .statusCode(status)
        .contentType("application/problem+json")
        .body("type", equalTo(PROBLEMS + type))
        .body("status", equalTo(status));
  }

  private static Map<String, JsonNode> articles(Map<String, JsonNode> entities) {
    Map<String, JsonNode> articles = new java.util.TreeMap<>();
    entities.forEach(
        (key, value) -> {
          if (key.startsWith("article:")) {
            articles.put(key, value);
          }
        });
    return articles;
  }

  private static Map<String, JsonNode> articles(Mirror mirror) {
    return articles(mirror.entities());
  }

  // Writes through the editorial API with a plain client, so concurrent writers are cheap.

  private long createArticle(String title, long categoryId, long zoneId, Instant publishedAt) {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("title", title);
    input.put("body", "<p>" + title + "。正文。</p>");
    input.put("categoryId", categoryId);
    input.put("zoneId", zoneId);
    input.put("status", "published");
    if (publishedAt != null) {
      input.put(
          "publishedAt", OffsetDateTime.ofInstant(publishedAt, ZoneOffset.ofHours(8)).toString());
    }
    return create("/api/v1/admin/articles", input);
  }

  private long create(String collection, Map<String, Object> input) {
    HttpResponse<String> response = send("POST", collection, input, null);
    assertEquals(201, response.statusCode(), () -> "POST " + collection + ": " + response.body());
    long id = Mirror.read(response.body()).path("id").asLong();
    created.add(collection + "/" + id);
    return id;
  }

  private static Map<String, Object> category(String stem, String name, Long parentId) {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("slug", slug(stem));
    input.put("name", name);
    input.put("parentId", parentId);
    input.put("position", 9);
    return input;
  }

  private static Map<String, Object> zone(String stem, String name, Long parentId) {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("slug", slug(stem));
    input.put("name", name);
    input.put("kind", "district");
    input.put("parentId", parentId);
    return input;
  }

  private static String slug(String stem) {
    return "t-" + stem + "-" + RUN + "-" + SEQUENCE.incrementAndGet();
  }

  /** A merge patch with the resource's current ETag; a concurrent write may still make it 412. */
  private static HttpResponse<String> patch(String path, Map<String, Object> patch) {
    HttpResponse<String> current = send("GET", path, null, null);
    assertEquals(200, current.statusCode(), () -> "GET " + path + ": " + current.body());
    return send("PATCH", path, patch, current.headers().firstValue("ETag").orElseThrow());
  }

  private static void post(String path) {
    HttpResponse<String> response = send("POST", path, null, null);
    assertEquals(200, response.statusCode(), () -> "POST " + path + ": " + response.body());
  }

  private static HttpResponse<String> send(
      String method, String path, Map<String, Object> body, String ifMatch) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
              .header("Authorization", "Bearer " + ADMIN);
      if (ifMatch != null) {
        request.header("If-Match", ifMatch);
      }
      if (body == null) {
        request.method(method, HttpRequest.BodyPublishers.noBody());
      } else {
        request
            .header(
                "Content-Type",
                method.equals("PATCH")
                    ? "application/merge-patch+json; charset=UTF-8"
                    : "application/json; charset=UTF-8")
            .method(
                method, HttpRequest.BodyPublishers.ofString(Mirror.JSON.writeValueAsString(body)));
      }
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
