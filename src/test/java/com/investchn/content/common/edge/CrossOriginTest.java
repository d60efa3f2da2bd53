package com.investchn.content.common.edge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.investchn.content.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * CORS: the public API is readable from any origin, with the headers a frontend needs exposed; the
 * admin API answers only the origins configured for it (the test profile names one) and refuses
 * every other with a 403 problem, preflight or not.
 */
@QuarkusTest
class CrossOriginTest extends ApiTest {

  private static final String BOOTSTRAP = "test-bootstrap-admin-token-0123456789abcdef";
  private static final String EDITOR_ORIGIN = "https://editor.investchn.test";
  private static final String STRANGER = "https://evil.example";

  @Test
  void aPublicReadIsReadableFromAnyOriginWithItsHeadersExposed() {
    Response response =
        given()
            .header("Origin", STRANGER)
            .get("/api/v1/articles?size=2")
            .then()
            .extract()
            .response();
    assertEquals(200, response.statusCode());
    assertEquals("*", response.header("Access-Control-Allow-Origin"));
    List<String> exposed = names(response.header("Access-Control-Expose-Headers"));
    for (String header : List.of("x-total-count", "link", "etag", "x-request-id")) {
      assertTrue(exposed.contains(header), header + " not exposed: " + exposed);
    }
    // "*" does not depend on the origin, so the answer does not vary on it.
    assertTrue(!names(response.header("Vary")).contains("origin"), response.header("Vary"));
  }

  @Test
  void aPublicAnswerSaysStarEvenWithoutAnOriginSoSharedCachesCanServeBrowsers() {
    given().get("/api/v1/site").then().statusCode(200).header("Access-Control-Allow-Origin", "*");
    // A second, cached answer carries it too, and so does an error.
    given()
        .header("Origin", STRANGER)
        .get("/api/v1/site")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", "*");
    given()
        .header("Origin", STRANGER)
        .get("/api/v1/articles/no-such-article")
        .then()
        .statusCode(404)
        .header("Access-Control-Allow-Origin", "*");
  }

  @Test
  void aPublicPreflightIsAnsweredForReadsOnly() {
    Response response =
        given()
            .header("Origin", STRANGER)
            .header("Access-Control-Request-Method", "GET")
            .header("Access-Control-Request-Headers", "If-None-Match, X-Request-Id, X-Evil")
            .options("/api/v1/articles")
            .then()
            .extract()
            .response();
    assertEquals(204, response.statusCode());
    assertEquals("*", response.header("Access-Control-Allow-Origin"));
    assertEquals(
        List.of("get", "head", "options"), names(response.header("Access-Control-Allow-Methods")));
    assertEquals(
        List.of("if-none-match", "x-request-id"),
        names(response.header("Access-Control-Allow-Headers")));
    assertEquals("3600", response.header("Access-Control-Max-Age"));
  }

  @Test
  void anAdminPreflightFromTheConfiguredOriginIsAllowed() {
    Response response =
        given()
            .header("Origin", EDITOR_ORIGIN)
            .header("Access-Control-Request-Method", "PATCH")
            .header("Access-Control-Request-Headers", "authorization,content-type,if-match")
            .options("/api/v1/admin/articles/1")
            .then()
            .extract()
            .response();
    assertEquals(204, response.statusCode());
    assertEquals(EDITOR_ORIGIN, response.header("Access-Control-Allow-Origin"));
    assertTrue(names(response.header("Access-Control-Allow-Methods")).contains("patch"));
    assertEquals(
        List.of("authorization", "content-type", "if-match"),
        names(response.header("Access-Control-Allow-Headers")));
    assertTrue(names(response.header("Vary")).contains("origin"), response.header("Vary"));
  }

  @Test
  void anAdminCallFromTheConfiguredOriginGetsItsAnswerWithLocationAndEtagExposed() {
    Response response =
        given()
            .header("Origin", EDITOR_ORIGIN)
            .header("Authorization", "Bearer " + BOOTSTRAP)
            .get("/api/v1/admin/tokens")
            .then()
            .extract()
            .response();
    assertEquals(200, response.statusCode());
    assertEquals(EDITOR_ORIGIN, response.header("Access-Control-Allow-Origin"));
    List<String> exposed = names(response.header("Access-Control-Expose-Headers"));
    assertTrue(
        exposed.containsAll(List.of("etag", "location", "x-request-id")), exposed.toString());
    assertTrue(names(response.header("Vary")).contains("origin"), response.header("Vary"));
  }

  @Test
  void anAdminPreflightOrCallFromAnotherOriginIsRefused() {
    given()
        .header("Origin", STRANGER)
        .header("Access-Control-Request-Method", "DELETE")
        .options("/api/v1/admin/articles/1")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .header("Access-Control-Allow-Origin", nullValue())
        .body("type", is("https://api.investchn.com/problems/origin-not-allowed"))
        .body("detail", containsString("content-api.cors.admin-origins"));
    // The call itself never reaches the resource: nothing is written, whatever the token.
    given()
        .header("Origin", STRANGER)
        .header("Authorization", "Bearer " + BOOTSTRAP)
        .contentType("application/json")
        .body("{\"name\":\"cross-origin-probe\",\"role\":\"editor\"}")
        .post("/api/v1/admin/tokens")
        .then()
        .statusCode(403)
        .header("Access-Control-Allow-Origin", nullValue())
        .body("type", is("https://api.investchn.com/problems/origin-not-allowed"));
    given()
        .header("Authorization", "Bearer " + BOOTSTRAP)
        .get("/api/v1/admin/tokens")
        .then()
        .statusCode(200)
        .body("name", not(org.hamcrest.Matchers.hasItem("cross-origin-probe")));
  }

  @Test
  void theServicesOwnPagesAreNoCrossOriginCaller() {
    // Swagger UI on the service's own address sends Origin with its writes.
    String self = "http://localhost:" + io.restassured.RestAssured.port;
    given()
        .header("Origin", self)
        .header("Authorization", "Bearer " + BOOTSTRAP)
        .get("/api/v1/admin/tokens")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", nullValue());
  }

  @Test
  void anAdminAnswerWithoutAnOriginCarriesNoCorsGrant() {
    given()
        .header("Authorization", "Bearer " + BOOTSTRAP)
        .get("/api/v1/admin/tokens")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", nullValue())
        .header("Vary", containsString("Origin"));
    given().get("/api/v1/site").then().header("Access-Control-Allow-Origin", equalTo("*"));
  }

  private static List<String> names(String header) {
    if (header == null) {
      return List.of();
    }
    return Arrays.stream(header.split(","))
        .map(name -> name.trim().toLowerCase(Locale.ROOT))
        .filter(name -> !name.isEmpty())
        .toList();
  }
}
