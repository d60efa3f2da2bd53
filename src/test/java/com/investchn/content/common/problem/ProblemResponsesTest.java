package com.investchn.content.common.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.investchn.content.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProblemResponsesTest extends ApiTest {

  @Test
  void unknownPathUnderTheApiIsA404Problem() {
    given()
        .get("/api/v1/nothing-here")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("type", is("https://api.investchn.com/problems/not-found"))
        .body("status", is(404))
        .body("instance", is("/api/v1/nothing-here"));
  }

  @Test
  void unsupportedMethodIsA405Problem() {
    given()
        .contentType("application/json")
        .body("{}")
        .post("/api/v1/articles")
        .then()
        .statusCode(405)
        .contentType("application/problem+json")
        .header("Allow", "GET, HEAD, OPTIONS")
        .body("type", is("https://api.investchn.com/problems/method-not-allowed"))
        .body(not(containsString("Exception")));
  }

  @Test
  void every405NamesTheMethodsThePathSupportsInAllow() {
    record Case(String method, String path, String allow) {}
    for (Case c :
        java.util.List.of(
            new Case("DELETE", "/api/v1/site", "GET, HEAD, OPTIONS"),
            new Case("POST", "/api/v1/zones/tree", "GET, HEAD, OPTIONS"),
            new Case("PUT", "/api/v1/articles/a1-etdz-signing/adjacent", "GET, HEAD, OPTIONS"),
            new Case("PUT", "/api/v1/admin/tokens", "GET, HEAD, OPTIONS, POST"),
            new Case("PUT", "/api/v1/admin/tokens/1", "DELETE, GET, HEAD, OPTIONS"),
            new Case("POST", "/api/v1/admin/articles/1", "DELETE, GET, HEAD, OPTIONS, PATCH, PUT"),
            new Case("GET", "/api/v1/admin/articles/1/publish", "OPTIONS, POST"),
            new Case("DELETE", "/api/v1/admin/site", "GET, HEAD, OPTIONS, PATCH, PUT"),
            new Case("GET", "/api/v1/admin/import", "OPTIONS, POST"))) {
      given()
          .request(c.method(), c.path())
          .then()
          .statusCode(405)
          .contentType("application/problem+json")
          .header("Allow", c.allow())
          .header("Cache-Control", "no-store")
          .body("status", is(405));
    }
  }

  @Test
  void unacceptableMediaTypeIsA406Problem() {
    given()
        .accept("application/xml")
        .get("/api/v1/site")
        .then()
        .statusCode(406)
        .body(containsString("not-acceptable"));
  }
}
