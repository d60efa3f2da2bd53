package com.investchn.content.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import com.investchn.content.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AdminSmokeTest extends ApiTest {

  static final String BOOTSTRAP = "test-bootstrap-admin-token-0123456789abcdef";

  /** What a test created, deleted again whatever the test's outcome. */
  private final AdminSupport.Created created = new AdminSupport.Created();

  private final java.util.List<Integer> issuedTokens = new java.util.ArrayList<>();

  @AfterEach
  void deleteWhatTheTestCreated() {
    for (int id : issuedTokens) {
      given().auth().oauth2(BOOTSTRAP).delete("/api/v1/admin/tokens/" + id).then().statusCode(204);
    }
    created.deleteAll();
  }

  @Test
  void writesNeedATokenAndTheRightRole() {
    given()
        .get("/api/v1/admin/articles")
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", startsWith("Bearer"))
        .contentType("application/problem+json");
    given()
        .auth()
        .oauth2("wrong")
        .get("/api/v1/admin/articles")
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", startsWith("Bearer"));
    var issued =
        given()
            .auth()
            .oauth2(BOOTSTRAP)
            .contentType("application/json")
            .body("{\"name\":\"smoke-editor\",\"role\":\"editor\"}")
            .post("/api/v1/admin/tokens")
            .then()
            .statusCode(201)
            .extract();
    issuedTokens.add(issued.path("id"));
    String editor = issued.path("token");
    given().auth().oauth2(editor).get("/api/v1/admin/articles").then().statusCode(200);
    given()
        .auth()
        .oauth2(editor)
        .get("/api/v1/admin/site")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("status", is(403));
    given().auth().oauth2("wrong").get("/api/v1/site").then().statusCode(200);
  }

  @Test
  void createsAndPublishesAnArticle() {
    String body =
        "{\"title\":\"冒烟测试文章\",\"body\":\"<p>正文<script>alert(1)</script></p>\","
            + "\"categoryId\":"
            + fixtures.id("policies")
            + ",\"zoneId\":"
            + fixtures.id("suzhou")
            + ",\"status\":\"published\",\"publishedAt\":\"2020-01-01T08:00:00+08:00\"}";
    var answer =
        given()
            .auth()
            .oauth2(BOOTSTRAP)
            .contentType("application/json")
            .body(body)
            .post("/api/v1/admin/articles")
            .then()
            .statusCode(201)
            .body("body", is("<p>正文</p>"))
            .body("createdBy", is("bootstrap-admin"))
            .extract();
    int id = answer.path("id");
    this.created.remember("/api/v1/admin/articles/" + id);
    String etag = answer.header("ETag");
    given().get("/api/v1/articles/" + id).then().statusCode(200).body("title", is("冒烟测试文章"));
    etag =
        given()
            .auth()
            .oauth2(BOOTSTRAP)
            .header("If-Match", etag)
            .contentType("application/merge-patch+json; charset=UTF-8")
            .body("{\"title\":\"改过的标题\"}")
            .patch("/api/v1/admin/articles/" + id)
            .then()
            .statusCode(200)
            .body("title", is("改过的标题"))
            .extract()
            .header("ETag");
    given().get("/api/v1/articles/" + id).then().body("title", is("改过的标题"));
    given().auth().oauth2(BOOTSTRAP).delete("/api/v1/admin/articles/" + id).then().statusCode(428);
    given()
        .auth()
        .oauth2(BOOTSTRAP)
        .header("If-Match", "77")
        .delete("/api/v1/admin/articles/" + id)
        .then()
        .statusCode(412);
    given()
        .auth()
        .oauth2(BOOTSTRAP)
        .header("If-Match", etag.replace("\"", "")) // a bare version is understood too
        .delete("/api/v1/admin/articles/" + id)
        .then()
        .statusCode(204);
    given().get("/api/v1/articles/" + id).then().statusCode(404);
    given().auth().oauth2(BOOTSTRAP).get("/api/v1/admin/articles/" + id).then().statusCode(404);
  }

  @Test
  void aDocumentLargerThanTwoMegabytesIsRefusedBeforeItIsRead() {
    byte[] huge = new byte[3 * 1024 * 1024];
    java.util.Arrays.fill(huge, (byte) 'a');
    given()
        .auth()
        .oauth2(BOOTSTRAP)
        .contentType("application/json")
        .body(huge)
        .post("/api/v1/admin/articles")
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("type", is("https://api.investchn.com/problems/payload-too-large"));
  }
}
