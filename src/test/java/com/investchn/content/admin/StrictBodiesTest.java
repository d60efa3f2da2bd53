package com.investchn.content.admin;

import static com.investchn.content.admin.AdminSupport.ARTICLES;
import static com.investchn.content.admin.AdminSupport.BOOTSTRAP;
import static com.investchn.content.admin.AdminSupport.JSON;
import static com.investchn.content.admin.AdminSupport.MERGE_PATCH;
import static com.investchn.content.admin.AdminSupport.PROBLEM;
import static com.investchn.content.admin.AdminSupport.PROBLEMS;
import static com.investchn.content.admin.AdminSupport.SITE;
import static com.investchn.content.admin.AdminSupport.TOKENS;
import static com.investchn.content.admin.AdminSupport.ZONES;
import static com.investchn.content.admin.AdminSupport.as;
import static com.investchn.content.admin.AdminSupport.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.investchn.content.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Writes refuse what they do not understand: a member the body does not have is a 400 naming it
 * (never silently dropped), so are invalid UTF-8 and a document nested deeper than any real body; a
 * body of another media type is a 415. Nothing is written by any of them.
 */
@QuarkusTest
class StrictBodiesTest extends ApiTest {

  private final AdminSupport.Created created = new AdminSupport.Created();

  @AfterEach
  void cleanUp() {
    created.deleteAll();
  }

  @Test
  void aMisspeltFieldInACreateIsA400NamingItAndTheFieldsThereAre() {
    Map<String, Object> input = AdminSupport.article("拼错字段的文章", categoryId(), zoneId());
    input.put("titel", "拼错了");
    Response refused = as(BOOTSTRAP).contentType(JSON).body(json(input)).post(ARTICLES);
    assertValidationProblem(refused, "titel");
    assertTrue(refused.<String>path("errors[0].message").contains("title"), refused.asString());
    given()
        .get("/api/v1/articles?size=100")
        .then()
        .body("items.title", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("拼错字段的文章")));

    Map<String, Object> zone =
        AdminSupport.zone(AdminSupport.slug("strict"), "严格区", "district", null);
    zone.put("levle", 3);
    assertValidationProblem(as(BOOTSTRAP).contentType(JSON).body(json(zone)).post(ZONES), "levle");
  }

  @Test
  void aStringHoldingUPlus0000IsA400NamingTheFieldNotA500OnPostgres() {
    // PostgreSQL refuses U+0000 in text ("invalid byte sequence"): found by AdminBodyFuzzTest.
    Response site = as(BOOTSTRAP).get(SITE);
    Response refused =
        as(BOOTSTRAP)
            .contentType(MERGE_PATCH)
            .header("If-Match", site.header("ETag"))
            .body("{\"nameEn\":\"\\u0000\"}")
            .patch(SITE);
    assertNulProblem(refused, "nameEn");
    assertEquals(site.header("ETag"), as(BOOTSTRAP).get(SITE).header("ETag"), "nothing written");

    Map<String, Object> input = AdminSupport.article("带空字符的标题\u0000", categoryId(), zoneId());
    assertNulProblem(as(BOOTSTRAP).contentType(JSON).body(json(input)).post(ARTICLES), "title");
    given()
        .urlEncodingEnabled(false)
        .get("/api/v1/articles?source=%00")
        .then()
        .statusCode(400)
        .body("parameter", org.hamcrest.Matchers.is("source"));
  }

  @Test
  void aMisspeltFieldInAPatchOrAReplaceIsA400AndChangesNothing() {
    long id = created.article(BOOTSTRAP, AdminSupport.article("严格修补的文章", categoryId(), zoneId()));
    String path = ARTICLES + "/" + id;
    String etag = as(BOOTSTRAP).get(path).header("ETag");
    assertValidationProblem(
        as(BOOTSTRAP)
            .contentType(MERGE_PATCH)
            .header("If-Match", etag)
            .body("{\"summray\":\"拼错的摘要\"}")
            .patch(path),
        "summray");
    assertEquals(etag, as(BOOTSTRAP).get(path).header("ETag"), "nothing was written");

    Response site = as(BOOTSTRAP).get(SITE);
    assertValidationProblem(
        as(BOOTSTRAP)
            .contentType(JSON)
            .header("If-Match", site.header("ETag"))
            .body(json(Map.of("name", "投促中国", "slogen", "拼错的口号")))
            .put(SITE),
        "slogen");
    assertEquals(site.header("ETag"), as(BOOTSTRAP).get(SITE).header("ETag"));
  }

  @Test
  void aDocumentNestedDeeperThanAnyBodyIsA400NotAStackOverflow() {
    long id = created.article(BOOTSTRAP, AdminSupport.article("深层嵌套的文章", categoryId(), zoneId()));
    String path = ARTICLES + "/" + id;
    String etag = as(BOOTSTRAP).get(path).header("ETag");
    for (int depth : new int[] {65}) {
      String deep = "{\"summary\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
      // A typed body stops at the first value of the wrong type; a merge patch is read whole,
      // so there the parser's depth bound is what stops it.
      Response typed = as(BOOTSTRAP).contentType(JSON).body(deep).post(ARTICLES);
      assertEquals(400, typed.statusCode(), typed.asString());
      assertEquals(PROBLEM, typed.contentType().split(";")[0]);
      Response patch =
          as(BOOTSTRAP).contentType(MERGE_PATCH).header("If-Match", etag).body(deep).patch(path);
      assertEquals(400, patch.statusCode(), patch.asString());
      patch
          .then()
          .body("type", is(PROBLEMS + "bad-request"))
          .body("detail", containsString("nested deeper than 64"));
    }
    // 100,000 levels, sent past REST Assured (whose contract check would parse the body itself).
    String deepest = "{\"summary\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    for (String[] write : new String[][] {{"POST", ARTICLES, JSON}, {"PATCH", path, MERGE_PATCH}}) {
      java.net.http.HttpResponse<String> answer = raw(write[0], write[1], write[2], etag, deepest);
      assertEquals(400, answer.statusCode(), answer.body());
      assertTrue(
          answer.headers().firstValue("Content-Type").orElse("").startsWith(PROBLEM),
          answer.headers().toString());
    }
    assertEquals(etag, as(BOOTSTRAP).get(path).header("ETag"), "nothing was written");
  }

  private static java.net.http.HttpResponse<String> raw(
      String method, String path, String type, String etag, String body) {
    try {
      return java.net.http.HttpClient.newBuilder()
          .version(java.net.http.HttpClient.Version.HTTP_1_1)
          .build()
          .send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create(
                          "http://localhost:" + io.restassured.RestAssured.port + path))
                  .header("Authorization", "Bearer " + BOOTSTRAP)
                  .header("Content-Type", type)
                  .header("If-Match", etag)
                  .method(method, java.net.http.HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void invalidUtf8IsA400() {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes("{\"title\":\"".getBytes(StandardCharsets.UTF_8));
    body.writeBytes(new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3});
    body.writeBytes("\",\"body\":\"<p>x</p>\"}".getBytes(StandardCharsets.UTF_8));
    Response refused = as(BOOTSTRAP).contentType(JSON).body(body.toByteArray()).post(ARTICLES);
    assertEquals(400, refused.statusCode(), refused.asString());
    assertEquals(PROBLEM, refused.contentType().split(";")[0]);
  }

  @Test
  void aMemberGivenTwiceIsA400NamingItInEveryBody() {
    // Found by AdminBodyFuzzTest: Jackson failed on a repeated member of a record with an error
    // about its own definitions, which Quarkus answered with an empty 500.
    Map<String, String> bodies =
        Map.of(
            TOKENS, "{\"name\":\"t-dup-a\",\"role\":\"editor\",\"name\":\"t-dup-b\"}",
            ZONES, "{\"slug\":\"t-dup\",\"name\":\"区\",\"kind\":\"city\",\"kind\":\"district\"}",
            ARTICLES, "{\"title\":\"一\",\"title\":\"二\",\"body\":\"<p>x</p>\"}");
    bodies.forEach(
        (path, body) -> {
          Response refused = as(BOOTSTRAP).contentType(JSON).body(body).post(path);
          assertEquals(400, refused.statusCode(), path + ": " + refused.asString());
          assertEquals(PROBLEM, refused.contentType().split(";")[0]);
          String detail = refused.path("detail");
          assertTrue(detail.contains("more than once"), detail);
          assertEquals(1, refused.<List<String>>path("errors.field").size(), detail);
        });
    Response patched =
        as(BOOTSTRAP)
            .contentType(MERGE_PATCH)
            .header("If-Match", "*")
            .body("{\"name\":\"甲\",\"name\":\"乙\"}")
            .patch(SITE);
    assertEquals(400, patched.statusCode(), patched.asString());
  }

  @Test
  void aSlugOfThousandsOfHyphensIsA400NotAStackOverflow() {
    String slug = "a-".repeat(5_000) + "a";
    Response zone =
        as(BOOTSTRAP)
            .contentType(JSON)
            .body(json(Map.of("slug", slug, "name", "区", "kind", "city")))
            .post(ZONES);
    assertEquals(400, zone.statusCode(), zone.asString());
    assertEquals(PROBLEM, zone.contentType().split(";")[0]);
  }

  @Test
  void aBodyOfAnotherMediaTypeIsA415() {
    Response refused = as(BOOTSTRAP).contentType("text/plain").body("title=纯文本").post(ARTICLES);
    assertEquals(415, refused.statusCode(), refused.asString());
    refused.then().body("type", is(PROBLEMS + "unsupported-media-type"));
  }

  @Test
  void anImportLineWithAMisspeltFieldIsRejectedByNameAndTheOthersKept() {
    String slug = AdminSupport.slug("strict-import");
    String file =
        "{\"type\":\"article\",\"slug\":\""
            + slug
            + "\",\"title\":\"导入\",\"boddy\":\"<p>x</p>\",\"category\":\"policies\","
            + "\"zone\":\"beijing\",\"status\":\"draft\"}\n";
    Response report =
        as(BOOTSTRAP)
            .contentType("application/x-ndjson")
            .body(file.getBytes(StandardCharsets.UTF_8))
            .post("/api/v1/admin/import");
    assertEquals(200, report.statusCode(), report.asString());
    assertEquals(1, report.<Integer>path("rejectedCount"), report.asString());
    assertTrue(
        report.<String>path("rejected[0].reason").startsWith("boddy: is not a field"),
        report.asString());
  }

  private static void assertNulProblem(Response response, String field) {
    assertEquals(400, response.statusCode(), response.asString());
    response
        .then()
        .body("type", is(PROBLEMS + "validation-failed"))
        .body("errors[0].field", is(field))
        .body("errors[0].message", containsString("U+0000"));
  }

  private static void assertValidationProblem(Response response, String field) {
    assertEquals(400, response.statusCode(), response.asString());
    assertEquals(PROBLEM, response.contentType().split(";")[0]);
    response
        .then()
        .body("type", is(PROBLEMS + "validation-failed"))
        .body("errors[0].field", is(field))
        .body("errors[0].message", containsString("is not a field of this body"));
  }

  private static long categoryId() {
    return given()
        .get("/api/v1/categories/policies")
        .then()
        .statusCode(200)
        .extract()
        .<Integer>path("id");
  }

  private static long zoneId() {
    return given()
        .get("/api/v1/zones/beijing")
        .then()
        .statusCode(200)
        .extract()
        .<Integer>path("id");
  }
}
