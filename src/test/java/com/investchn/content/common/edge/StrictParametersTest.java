package com.investchn.content.common.edge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.investchn.content.support.ApiTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint takes exactly the query parameters it declares: an unknown one is a 400 that names
 * it and lists the accepted ones, and no value is longer than 256 characters.
 */
@QuarkusTest
class StrictParametersTest extends ApiTest {

  private static final String UNKNOWN = "https://api.investchn.com/problems/unknown-parameter";
  private static final String INVALID = "https://api.investchn.com/problems/invalid-parameter";
  private static final String NOT_IN_LIST = "https://api.investchn.com/problems/not-in-list";
  private static final String BOOTSTRAP = "test-bootstrap-admin-token-0123456789abcdef";

  private static final List<String> LIST_FILTERS =
      List.of("category", "zone", "publisherZone", "source", "from", "to", "sort");

  private static final List<String> ARTICLE_LIST =
      List.of(
          "category",
          "zone",
          "publisherZone",
          "source",
          "from",
          "to",
          "sort",
          "page",
          "size",
          "cursor",
          "ids",
          "fields");

  /** Every public endpoint and the parameters it accepts, in the order the detail lists them. */
  private static final Map<String, List<String>> PUBLIC_ENDPOINTS = publicEndpoints();

  @Inject MeterRegistry metrics;

  private static Map<String, List<String>> publicEndpoints() {
    Map<String, List<String>> endpoints = new LinkedHashMap<>();
    endpoints.put("/api/v1/site", List.of());
    endpoints.put("/api/v1/zones", List.of("parent", "kind", "level", "page", "size", "cursor"));
    endpoints.put("/api/v1/zones/tree", List.of());
    endpoints.put("/api/v1/zones/daxing", List.of());
    endpoints.put("/api/v1/categories", List.of());
    endpoints.put("/api/v1/categories/text-news", List.of());
    endpoints.put("/api/v1/articles", ARTICLE_LIST);
    endpoints.put("/api/v1/articles/a1-etdz-signing", List.of("fields"));
    endpoints.put("/api/v1/articles/a1-etdz-signing/adjacent", LIST_FILTERS);
    return endpoints;
  }

  private static String acceptedDetail(String parameter, List<String> accepted) {
    return "Query parameter '"
        + parameter
        + "' is not accepted here; "
        + (accepted.isEmpty()
            ? "this endpoint takes no query parameters."
            : "this endpoint accepts " + String.join(", ", accepted) + ".");
  }

  private static void assertUnknown(
      Response response, String path, String parameter, List<String> accepted) {
    response
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .header("Cache-Control", "no-store")
        .body("type", is(UNKNOWN))
        .body("title", is("Unknown parameter"))
        .body("status", is(400))
        .body("parameter", is(parameter))
        .body("detail", is(acceptedDetail(parameter, accepted)))
        .body("instance", is(path));
  }

  @Test
  void everyPublicEndpointAnswersAnUnknownParameterWithA400NamingItAndTheAcceptedOnes() {
    PUBLIC_ENDPOINTS.forEach(
        (path, accepted) -> {
          assertUnknown(
              given().queryParam("categroy", "policies").get(path), path, "categroy", accepted);
          // Next to valid parameters too: the typo is never ignored.
          RequestSpecification withValid = given();
          if (accepted.contains("size")) {
            withValid.queryParam("size", "5");
          } else if (accepted.contains("sort")) {
            withValid.queryParam("sort", "publishedAt,desc");
          }
          withValid.queryParam("foo", "1");
          assertUnknown(withValid.get(path), path, "foo", accepted);
        });
  }

  @Test
  void namesAreCaseSensitiveAndNearMissesAreUnknown() {
    List<String> accepted = PUBLIC_ENDPOINTS.get("/api/v1/articles");
    for (String name : List.of("Category", "CATEGORY", "page_size", "category ", "limit")) {
      assertUnknown(
          given().queryParam(name, "1").get("/api/v1/articles"),
          "/api/v1/articles",
          name,
          accepted);
    }
  }

  @Test
  void everyDeclaredParameterKeepsWorking() {
    given()
        .queryParam("category", "zone-news")
        .queryParam("zone", "beijing")
        .queryParam("source", "大兴区融媒体中心")
        .queryParam("from", "2024-01-01")
        .queryParam("to", "2024-12-31")
        .queryParam("sort", "publishedAt,asc")
        .queryParam("page", "1")
        .queryParam("size", "5")
        .get("/api/v1/articles")
        .then()
        .statusCode(200);
    given()
        .queryParam("publisherZone", "beijing-etdz")
        .get("/api/v1/articles")
        .then()
        .statusCode(200);
    given()
        .queryParam("parent", "root")
        .queryParam("kind", "province")
        .queryParam("page", "1")
        .queryParam("size", "5")
        .get("/api/v1/zones")
        .then()
        .statusCode(200);
    given().queryParam("level", "national").get("/api/v1/zones").then().statusCode(200);
    for (String filter : LIST_FILTERS) {
      // Each list parameter selects a list on /adjacent: a value that names nothing is a 400
      // naming the parameter, or (source, matched exactly) a list the article is not in.
      given()
          .queryParam(filter, "x")
          .get("/api/v1/articles/a1-etdz-signing/adjacent")
          .then()
          .body("type", filter.equals("source") ? is(NOT_IN_LIST) : is(INVALID));
    }
  }

  @Test
  void anEmptyNameIsNoParameter() {
    given().urlEncodingEnabled(false).get("/api/v1/site?&").then().statusCode(200);
    given()
        .urlEncodingEnabled(false)
        .get("/api/v1/articles/a2-daxing-park/adjacent?&")
        .then()
        .statusCode(200)
        .body("context.category", is("text-news"))
        .body("context.zone", is("daxing"));
  }

  @Test
  void adjacentRefusesPagingParametersInsteadOfSwitchingLists() {
    String path = "/api/v1/articles/a2-daxing-park/adjacent";
    String cursor = given().queryParam("size", 2).get("/api/v1/articles").path("nextCursor");
    assertUnknown(given().queryParam("page", "1").get(path), path, "page", LIST_FILTERS);
    assertUnknown(given().queryParam("size", "5").get(path), path, "size", LIST_FILTERS);
    assertUnknown(given().queryParam("cursor", cursor).get(path), path, "cursor", LIST_FILTERS);
    assertUnknown(given().queryParam("foo", "1").get(path), path, "foo", LIST_FILTERS);
    assertUnknown(
        given().queryParam("sort", "publishedAt,desc").queryParam("size", "5").get(path),
        path,
        "size",
        LIST_FILTERS);
    // Without parameters the article's own list, as before.
    given().get(path).then().statusCode(200).body("context.category", is("text-news"));
  }

  @Test
  void adminEndpointsRefuseUnknownParametersToo() {
    // Who may ask is settled first: without a token the answer is the 401, not the 400.
    given()
        .queryParam("stauts", "draft")
        .get("/api/v1/admin/articles")
        .then()
        .statusCode(401)
        .body("type", is("https://api.investchn.com/problems/unauthorized"));
    given()
        .auth()
        .oauth2(BOOTSTRAP)
        .queryParam("stauts", "draft")
        .get("/api/v1/admin/articles")
        .then()
        .statusCode(400)
        .body("type", is(UNKNOWN))
        .body("parameter", is("stauts"))
        .body("detail", is(acceptedDetail("stauts", List.of("status", "page", "size"))));
    given()
        .auth()
        .oauth2(BOOTSTRAP)
        .queryParam("all", "true")
        .get("/api/v1/admin/tokens")
        .then()
        .statusCode(400)
        .body("type", is(UNKNOWN))
        .body("detail", is(acceptedDetail("all", List.of())));
  }

  @Test
  void everyParameterIsBoundedInLengthBeforeAnythingParsesIt() {
    String hostile = "T".repeat(16_000);
    PUBLIC_ENDPOINTS.forEach(
        (path, accepted) -> {
          for (String parameter : accepted) {
            if (parameter.equals("ids")) {
              // A list of up to 100 ids or slugs: each of them is held to the same bound.
              given()
                  .queryParam(parameter, hostile)
                  .get(path)
                  .then()
                  .statusCode(400)
                  .body("type", is(INVALID))
                  .body("parameter", is(parameter))
                  .body(
                      "detail",
                      is(
                          "Query parameter 'ids' names an id or slug of 16000 characters; each"
                              + " is at most 256 characters long."));
              continue;
            }
            given()
                .queryParam(parameter, hostile)
                .get(path)
                .then()
                .statusCode(400)
                .body("type", is(INVALID))
                .body("parameter", is(parameter))
                .body(
                    "detail",
                    is(
                        "Query parameter '"
                            + parameter
                            + "' must be at most 256 characters long, got 16000."));
          }
        });
    for (String parameter : List.of("status", "page", "size")) {
      given()
          .auth()
          .oauth2(BOOTSTRAP)
          .queryParam(parameter, hostile)
          .get("/api/v1/admin/articles")
          .then()
          .statusCode(400)
          .body("parameter", is(parameter));
    }
    // The longest real values still pass: a 200-character source matches nothing.
    given()
        .queryParam("source", "源".repeat(200))
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .body("totalItems", is(0));
  }

  @Test
  void anUnknownParameterIsNeverAnsweredFromTheResponseCache() {
    String known = "/api/v1/articles?size=2&sort=publishedAt,desc";
    // The second answer of a known URL comes from the cache.
    given().urlEncodingEnabled(false).get(known).then().statusCode(200);
    double hits = cacheHits();
    given().urlEncodingEnabled(false).get(known).then().statusCode(200);
    assertEquals(hits + 1, cacheHits(), "the known URL is answered from the cache");

    for (String unknown :
        List.of(
            known + "&categroy=policies",
            "/api/v1/articles?categroy=policies&size=2&sort=publishedAt,desc",
            "/api/v1/articles?size=2&sort=publishedAt,desc&%63ategroy=policies",
            "/api/v1/site?x=1")) {
      double before = cacheHits();
      for (int i = 0; i < 3; i++) {
        given()
            .urlEncodingEnabled(false)
            .get(unknown)
            .then()
            .statusCode(400)
            .header("Cache-Control", "no-store")
            .body("type", is(UNKNOWN))
            .body("parameter", is(unknown.contains("x=1") ? "x" : "categroy"));
        given()
            .urlEncodingEnabled(false)
            .head(unknown)
            .then()
            .statusCode(400)
            .header("Cache-Control", "no-store");
      }
      assertEquals(before, cacheHits(), unknown + " was answered from the cache");
    }
  }

  private double cacheHits() {
    return metrics.get("content_api_response_cache_hits").gauge().value();
  }
}
