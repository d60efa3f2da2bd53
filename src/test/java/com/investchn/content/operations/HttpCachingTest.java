package com.investchn.content.operations;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.investchn.content.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Conditional requests and HTTP caching of the public API: strong ETags that change exactly with
 * the body, 304 for matching validators, HEAD, gzip, Vary, Last-Modified, and no-store for
 * everything that is not a public read however its path is spelled.
 */
@QuarkusTest
class HttpCachingTest extends ApiTest {

  private static final String ADMIN = "test-bootstrap-admin-token-0123456789abcdef";

  /** Every kind of public GET. */
  private List<String> publicReads() {
    return List.of(
        "/api/v1/site",
        "/api/v1/zones",
        "/api/v1/zones/tree",
        "/api/v1/zones/daxing",
        "/api/v1/categories",
        "/api/v1/categories/text-news",
        "/api/v1/articles?size=3",
        "/api/v1/articles/a1-etdz-signing",
        "/api/v1/articles/a1-etdz-signing/adjacent?category=zone-news");
  }

  @Test
  void everyPublicReadHasAStrongEtagAndAnswers304ToIt() {
    for (String path : publicReads()) {
      Response first = given().get(path);
      assertEquals(200, first.statusCode(), path);
      String etag = first.header("ETag");
      assertNotNull(etag, path);
      assertTrue(etag.startsWith("\"") && !etag.startsWith("W/"), path + ": " + etag);
      assertTrue(first.header("Vary").contains("Accept-Encoding"), path);
      assertTrue(first.header("Cache-Control").startsWith("public, max-age="), path);

      for (String validator :
          List.of(etag, "W/" + etag, "\"other\", " + etag, "*", "\"x\",W/" + etag)) {
        Response notModified = given().header("If-None-Match", validator).get(path);
        assertEquals(304, notModified.statusCode(), path + " with " + validator);
        assertEquals("", notModified.asString(), path + ": a 304 has no body");
        assertEquals(etag, notModified.header("ETag"), path);
        assertTrue(notModified.header("Cache-Control").startsWith("public"), path);
      }
      given().header("If-None-Match", "\"something-else\"").get(path).then().statusCode(200);
      // The same bytes twice: the tag is stable.
      assertEquals(etag, given().get(path).header("ETag"), path);
    }
  }

  @Test
  void headAnswersTheHeadersOfGetWithoutABody() {
    RestAssuredConfig raw =
        RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());
    for (String path : publicReads()) {
      for (String encoding : List.of("identity", "gzip")) {
        Response get = given().config(raw).header("Accept-Encoding", encoding).get(path);
        Response head = given().config(raw).header("Accept-Encoding", encoding).head(path);
        assertEquals(200, head.statusCode(), path);
        assertEquals("", head.asString(), path);
        assertEquals(get.header("ETag"), head.header("ETag"), path);
        assertEquals(get.header("Content-Encoding"), head.header("Content-Encoding"), path);
        assertEquals(
            Integer.toString(get.asByteArray().length), head.header("Content-Length"), path);
      }
    }
  }

  @Test
  void gzipRoundTripsByteForByteAndSkipsTinyBodies() throws IOException {
    RestAssuredConfig raw =
        RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());
    String path = "/api/v1/articles?size=10";
    byte[] plain = given().header("Accept-Encoding", "identity").get(path).asByteArray();
    assertTrue(plain.length > 1024, "the list is big enough to compress: " + plain.length);
    for (int attempt = 0; attempt < 2; attempt++) {
      // The first answer is computed, the second comes from the response cache.
      Response zipped = given().config(raw).header("Accept-Encoding", "gzip, deflate").get(path);
      assertEquals("gzip", zipped.header("Content-Encoding"));
      byte[] compressed = zipped.asByteArray();
      assertTrue(compressed.length < plain.length);
      try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
        assertArrayEquals(plain, in.readAllBytes());
      }
    }
    Response site = given().config(raw).header("Accept-Encoding", "gzip").get("/api/v1/site");
    assertTrue(site.asByteArray().length < 1024, "the site record is small");
    assertNull(site.header("Content-Encoding"), "a tiny body is sent as it is");
    // q=0 refuses gzip.
    Response refused =
        given().config(raw).header("Accept-Encoding", "gzip;q=0, identity").get(path);
    assertNull(refused.header("Content-Encoding"));
    assertArrayEquals(plain, refused.asByteArray());
  }

  @Test
  void lastModifiedIsGivenOnceTheLastChangeIsASecondOldAndHonoursIfModifiedSince()
      throws InterruptedException {
    String path = "/api/v1/zones/tree";
    Response response = given().get(path);
    Instant deadline = Instant.now().plusSeconds(5);
    while (response.header("Last-Modified") == null && Instant.now().isBefore(deadline)) {
      Thread.sleep(300);
      // Last-Modified is decided per answer, cached or not: the same URL again is enough (an
      // unknown cache-busting parameter would be a 400 now).
      response = given().get(path);
    }
    String lastModified = response.header("Last-Modified");
    assertNotNull(lastModified, "no Last-Modified a second after the last write");
    String uncached = "/api/v1/zones/tree";
    given().header("If-Modified-Since", lastModified).get(uncached).then().statusCode(304);
    String anHourEarlier =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            OffsetDateTime.now(ZoneOffset.UTC).minusHours(1));
    given().header("If-Modified-Since", anHourEarlier).get(uncached).then().statusCode(200);
    // If-None-Match wins over If-Modified-Since.
    given()
        .header("If-Modified-Since", lastModified)
        .header("If-None-Match", "\"other\"")
        .get(uncached)
        .then()
        .statusCode(200);
  }

  @Test
  void aWriteChangesBodyAndEtagOfWhatItAffectsOnTheNextRequest() {
    String list = "/api/v1/articles?category=policies&size=5";
    String zoneTree = "/api/v1/zones/tree";
    Response before = given().get(list);
    Response treeBefore = given().get(zoneTree);
    Map<String, Object> input = new java.util.LinkedHashMap<>();
    input.put("title", "缓存失效测试");
    input.put("body", "<p>正文</p>");
    input.put("categoryId", fixtures.id("policies"));
    input.put("zoneId", fixtures.id("suzhou"));
    input.put("status", "published");
    int id =
        given()
            .auth()
            .oauth2(ADMIN)
            .contentType("application/json")
            .body(input)
            .post("/api/v1/admin/articles")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    try {
      Response after = given().get(list);
      assertNotEquals(before.header("ETag"), after.header("ETag"));
      assertNotEquals(before.asString(), after.asString());
      assertEquals("缓存失效测试", after.path("items[0].title"));
      // An unrelated tree may get a new tag, but its body is unchanged.
      Response treeAfter = given().get(zoneTree);
      assertEquals(treeBefore.asString(), treeAfter.asString());

      // An update changes the detail; a 304 to the old tag is gone.
      Response detail = given().get("/api/v1/articles/" + id);
      String etag = detail.header("ETag");
      String version =
          given().auth().oauth2(ADMIN).get("/api/v1/admin/articles/" + id).header("ETag");
      given()
          .auth()
          .oauth2(ADMIN)
          .header("If-Match", version)
          .contentType("application/merge-patch+json; charset=UTF-8")
          .body("{\"title\":\"缓存失效测试（改）\"}")
          .patch("/api/v1/admin/articles/" + id)
          .then()
          .statusCode(200);
      Response changed = given().header("If-None-Match", etag).get("/api/v1/articles/" + id);
      assertEquals(200, changed.statusCode());
      assertEquals("缓存失效测试（改）", changed.path("title"));
    } finally {
      String version =
          given().auth().oauth2(ADMIN).get("/api/v1/admin/articles/" + id).header("ETag");
      given()
          .auth()
          .oauth2(ADMIN)
          .header("If-Match", version)
          .delete("/api/v1/admin/articles/" + id)
          .then()
          .statusCode(204);
    }
    // The delete shows at once too.
    given().get("/api/v1/articles/" + id).then().statusCode(404);
    assertEquals(before.asString(), given().get(list).asString());
  }

  @Test
  void unpublishZoneAndCategoryChangesAndASiteEditEachChangeWhatTheyAffect() {
    String list = "/api/v1/articles?category=policies&size=5";
    // A new zone and a new channel appear in the public trees at once.
    String zones = "/api/v1/zones/tree";
    String channels = "/api/v1/categories";
    Response zonesBefore = given().get(zones);
    Response channelsBefore = given().get(channels);
    Response zone =
        admin()
            .contentType("application/json; charset=UTF-8")
            .body(
                "{\"slug\":\"cache-zone\",\"name\":\"缓存测试区\",\"kind\":\"district\","
                    + "\"parentId\":"
                    + fixtures.id("beijing")
                    + "}")
            .post("/api/v1/admin/zones");
    zone.then().statusCode(201);
    long zoneId = zone.jsonPath().getLong("id");
    Response category =
        admin()
            .contentType("application/json; charset=UTF-8")
            .body("{\"slug\":\"cache-channel\",\"name\":\"缓存测试频道\"}")
            .post("/api/v1/admin/categories");
    category.then().statusCode(201);
    long categoryId = category.jsonPath().getLong("id");
    try {
      assertChanged(zonesBefore, given().get(zones), "缓存测试区");
      assertChanged(channelsBefore, given().get(channels), "缓存测试频道");

      // A move: the zone leaves 北京市 for 江苏省 in the tree.
      Response treeBeforeMove = given().get(zones);
      admin()
          .header("If-Match", admin().get("/api/v1/admin/zones/" + zoneId).header("ETag"))
          .contentType("application/merge-patch+json; charset=UTF-8")
          .body("{\"parentId\":" + fixtures.id("jiangsu") + "}")
          .patch("/api/v1/admin/zones/" + zoneId)
          .then()
          .statusCode(200);
      Response moved = given().get("/api/v1/zones/cache-zone");
      assertEquals("jiangsu", moved.path("ancestors[0].slug"));
      assertNotEquals(treeBeforeMove.header("ETag"), given().get(zones).header("ETag"));

      // A rename of the channel.
      Response channelsBeforeRename = given().get(channels);
      admin()
          .header("If-Match", admin().get("/api/v1/admin/categories/" + categoryId).header("ETag"))
          .contentType("application/merge-patch+json; charset=UTF-8")
          .body("{\"name\":\"缓存测试频道（改名）\"}")
          .patch("/api/v1/admin/categories/" + categoryId)
          .then()
          .statusCode(200);
      assertChanged(channelsBeforeRename, given().get(channels), "缓存测试频道（改名）");

      // An unpublish takes an article out of its list and its detail.
      Response listBefore = given().get(list);
      String first = listBefore.path("items[0].slug");
      long firstId = ((Number) listBefore.path("items[0].id")).longValue();
      admin()
          .header("If-Match", admin().get("/api/v1/admin/articles/" + firstId).header("ETag"))
          .contentType("application/merge-patch+json; charset=UTF-8")
          .body("{\"status\":\"draft\"}")
          .patch("/api/v1/admin/articles/" + firstId)
          .then()
          .statusCode(200);
      Response listAfter = given().get(list);
      assertNotEquals(listBefore.header("ETag"), listAfter.header("ETag"));
      assertNotEquals(first, listAfter.path("items[0].slug"));
      given().get("/api/v1/articles/" + first).then().statusCode(404);
      admin()
          .header("If-Match", admin().get("/api/v1/admin/articles/" + firstId).header("ETag"))
          .contentType("application/merge-patch+json; charset=UTF-8")
          .body("{\"status\":\"published\"}")
          .patch("/api/v1/admin/articles/" + firstId)
          .then()
          .statusCode(200);
      assertEquals(first, given().get(list).path("items[0].slug"));

      // A site edit.
      Response siteBefore = given().get("/api/v1/site");
      String slogan = siteBefore.path("slogan");
      patchSite("{\"slogan\":\"缓存测试口号\"}");
      assertChanged(siteBefore, given().get("/api/v1/site"), "缓存测试口号");
      patchSite(
          slogan == null
              ? "{\"slogan\":null}"
              : "{\"slogan\":\"" + slogan.replace("\"", "\\\"") + "\"}");
      assertEquals(slogan, given().get("/api/v1/site").path("slogan"));
    } finally {
      admin()
          .header("If-Match", admin().get("/api/v1/admin/categories/" + categoryId).header("ETag"))
          .delete("/api/v1/admin/categories/" + categoryId)
          .then()
          .statusCode(204);
      admin()
          .header("If-Match", admin().get("/api/v1/admin/zones/" + zoneId).header("ETag"))
          .delete("/api/v1/admin/zones/" + zoneId)
          .then()
          .statusCode(204);
    }
    // The deletes show at once too.
    given().get("/api/v1/zones/cache-zone").then().statusCode(404);
    assertEquals(channelsBefore.asString(), given().get(channels).asString());
  }

  private static void assertChanged(Response before, Response after, String text) {
    assertNotEquals(before.header("ETag"), after.header("ETag"));
    assertTrue(after.asString().contains(text), text + " missing from " + after.asString());
  }

  private static void patchSite(String patch) {
    admin()
        .header("If-Match", admin().get("/api/v1/admin/site").header("ETag"))
        .contentType("application/merge-patch+json; charset=UTF-8")
        .body(patch)
        .patch("/api/v1/admin/site")
        .then()
        .statusCode(200);
  }

  private static io.restassured.specification.RequestSpecification admin() {
    return given().auth().oauth2(ADMIN);
  }

  @Test
  void aScheduledArticleAppearsWithinASecondOfItsTimeWithoutAWrite() throws Exception {
    String list = "/api/v1/articles?zone=kunshan&size=5";
    String before = given().get(list).header("ETag");
    Instant due = Instant.now().plusSeconds(3).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    Map<String, Object> input = new java.util.LinkedHashMap<>();
    input.put("title", "定时发布缓存测试");
    input.put("body", "<p>正文</p>");
    input.put("categoryId", fixtures.id("policies"));
    input.put("zoneId", fixtures.id("kunshan"));
    input.put("status", "published");
    input.put("publishedAt", OffsetDateTime.ofInstant(due, ZoneOffset.ofHours(8)).toString());
    int id =
        given()
            .auth()
            .oauth2(ADMIN)
            .contentType("application/json")
            .body(input)
            .post("/api/v1/admin/articles")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    try {
      // Before its time it is in no list.
      Response early = given().get(list);
      if (Instant.now().isBefore(due.minusMillis(100))) {
        assertFalse(early.asString().contains("定时发布缓存测试"), "visible before its time");
      }
      // Polled with a plain client: REST Assured's contract validation of each answer costs
      // the test thread more than the bound on a loaded machine, and is not what is measured.
      java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
      java.net.http.HttpRequest poll =
          java.net.http.HttpRequest.newBuilder(
                  java.net.URI.create("http://localhost:" + io.restassured.RestAssured.port + list))
              .build();
      Instant seen = null;
      Instant deadline = due.plusSeconds(5);
      while (Instant.now().isBefore(deadline)) {
        java.net.http.HttpResponse<String> response =
            client.send(poll, java.net.http.HttpResponse.BodyHandlers.ofString());
        if (response.body().contains("定时发布缓存测试")) {
          seen = Instant.now();
          assertNotEquals(before, response.headers().firstValue("ETag").orElse(null));
          break;
        }
        Thread.sleep(20);
      }
      assertNotNull(seen, "the scheduled article never appeared");
      assertTrue(
          Duration.between(due, seen).toMillis() <= 1000,
          "appeared " + Duration.between(due, seen).toMillis() + " ms after its time");
      given().get("/api/v1/articles/" + id).then().statusCode(200);
    } finally {
      String version =
          given().auth().oauth2(ADMIN).get("/api/v1/admin/articles/" + id).header("ETag");
      given()
          .auth()
          .oauth2(ADMIN)
          .header("If-Match", version)
          .delete("/api/v1/admin/articles/" + id)
          .then()
          .statusCode(204);
    }
  }

  @Test
  void everyAdminAnswerIsNoStoreHoweverThePathIsSpelled() {
    for (String path :
        List.of(
            "/api/v1/admin/tokens",
            "/api/v1/%61dmin/tokens",
            "/api/v1/admin/site",
            "/api/v1/admin/articles?size=1")) {
      Response response = given().auth().oauth2(ADMIN).urlEncodingEnabled(false).get(path);
      assertEquals(
          "no-store", response.header("Cache-Control"), path + " " + response.statusCode());
    }
    given()
        .header("X-Forwarded-Prefix", "/public")
        .auth()
        .oauth2(ADMIN)
        .get("/api/v1/admin/site")
        .then()
        .header("Cache-Control", "no-store");
    // Errors and unauthenticated answers are never stored either.
    given().get("/api/v1/admin/site").then().statusCode(401).header("Cache-Control", "no-store");
    given()
        .get("/api/v1/articles/no-such")
        .then()
        .statusCode(404)
        .header("Cache-Control", "no-store");
  }

  @Test
  void anAdminGetAnswers304ToItsVersionTag() {
    Response site = given().auth().oauth2(ADMIN).get("/api/v1/admin/site");
    String etag = site.header("ETag");
    assertNotNull(etag);
    given()
        .auth()
        .oauth2(ADMIN)
        .header("If-None-Match", etag)
        .get("/api/v1/admin/site")
        .then()
        .statusCode(304)
        .header("Cache-Control", "no-store");
  }
}
