package com.investchn.content.common.web;

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
        .body("type", is("https://api.investchn.com/problems/method-not-allowed"))
        .body(not(containsString("Exception")));
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
