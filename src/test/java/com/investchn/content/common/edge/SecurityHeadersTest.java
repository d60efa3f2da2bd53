package com.investchn.content.common.edge;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.investchn.content.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every answer, data or error, fresh or from the cache, public or admin, carries the headers that
 * keep a browser from sniffing, running, framing or leaking it; Swagger UI's page gets a policy it
 * can work under; nothing names the framework or its version.
 */
@QuarkusTest
class SecurityHeadersTest extends ApiTest {

  private static final String BOOTSTRAP = "test-bootstrap-admin-token-0123456789abcdef";

  @Test
  void everyKindOfAnswerCarriesTheApiPolicy() {
    List<Response> answers =
        List.of(
            given().get("/api/v1/site"),
            given().get("/api/v1/site"), // from the response cache
            given().get("/api/v1/articles?size=1"),
            given().get("/api/v1/articles/no-such-article"),
            given().get("/api/v1/articles?categroy=policies"),
            given().post("/api/v1/site"),
            given().get("/api/v1/admin/tokens"),
            given().header("Authorization", "Bearer " + BOOTSTRAP).get("/api/v1/admin/tokens"),
            given().get("/q/openapi"),
            given().get("/no/such/path"));
    for (Response answer : answers) {
      String what = answer.statusCode() + " " + answer.contentType();
      assertEquals("nosniff", answer.header("X-Content-Type-Options"), what);
      assertEquals("no-referrer", answer.header("Referrer-Policy"), what);
      assertEquals("DENY", answer.header("X-Frame-Options"), what);
      assertEquals(SecurityHeaders.API_POLICY, answer.header("Content-Security-Policy"), what);
      assertTrue(answer.header("Content-Security-Policy").contains("frame-ancestors 'none'"), what);
      assertEquals("max-age=86400", answer.header("Strict-Transport-Security"), what);
      assertNull(answer.header("Server"), what);
      assertNull(answer.header("X-Powered-By"), what);
    }
  }

  @Test
  void swaggerUiGetsAPolicyItCanWorkUnderAndStillCannotBeFramed() {
    Response page = given().get("/q/swagger-ui/index.html");
    assertEquals(200, page.statusCode());
    String policy = page.header("Content-Security-Policy");
    assertEquals(SecurityHeaders.SWAGGER_UI_POLICY, policy);
    assertTrue(policy.contains("connect-src 'self'"), policy);
    assertTrue(policy.contains("frame-ancestors 'none'"), policy);
    assertEquals("nosniff", page.header("X-Content-Type-Options"));
    // The browser test (src/test/ts/swagger-ui.ts) loads the page under this policy and runs a
    // request through it.
  }
}
