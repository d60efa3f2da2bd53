package com.investchn.content.operations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.investchn.content.support.ApiTest;
import com.investchn.content.support.ManagementInterface;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Request ids, access log, health and metrics: what operators rely on. */
@QuarkusTest
class OperationsTest extends ApiTest {

  private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  @Test
  void echoesTheCallersRequestIdInHeaderAndErrorBody() {
    given()
        .header("X-Request-Id", "lb-7f3a.42")
        .get("/api/v1/articles/no-such-article")
        .then()
        .statusCode(404)
        .header("X-Request-Id", "lb-7f3a.42")
        .body("requestId", is("lb-7f3a.42"));
  }

  @Test
  void generatesARequestIdWhenNoneOrAnUnsafeOneIsGiven() {
    given().get("/api/v1/site").then().statusCode(200).header("X-Request-Id", matchesPattern(UUID));
    String generated =
        given()
            .header("X-Request-Id", "bad id\twith spaces")
            .queryParam("size", 0)
            .get("/api/v1/articles")
            .then()
            .statusCode(400)
            .header("X-Request-Id", matchesPattern(UUID))
            .extract()
            .header("X-Request-Id");
    given()
        .header("X-Request-Id", generated)
        .queryParam("size", 0)
        .get("/api/v1/articles")
        .then()
        .body("requestId", is(generated));
  }

  @Test
  void writesOneAccessLogLinePerRequestWithRouteTemplateStatusAndDuration() throws Exception {
    List<String> lines = new CopyOnWriteArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            Object[] parameters = record.getParameters();
            lines.add(
                parameters == null
                    ? record.getMessage()
                    : String.format(record.getMessage(), parameters));
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger access = Logger.getLogger("com.investchn.content.access");
    access.addHandler(capture);
    try {
      given()
          .header("X-Request-Id", "access-log-check")
          .get("/api/v1/zones/daxing")
          .then()
          .statusCode(200);
      Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
      while (lines.stream().noneMatch(line -> line.contains("access-log-check"))
          && Instant.now().isBefore(deadline)) {
        Thread.sleep(50);
      }
    } finally {
      access.removeHandler(capture);
    }
    List<String> ours = lines.stream().filter(line -> line.contains("access-log-check")).toList();
    assertTrue(ours.size() == 1, "expected one access line, got " + lines);
    assertTrue(
        ours.get(0)
            .matches("GET /api/v1/zones/\\{idOrSlug} 200 [0-9.]+ms requestId=access-log-check"),
        ours.get(0));
  }

  @Test
  void livenessAndReadinessAreUpWithTheDatabaseCheck() {
    ManagementInterface.given()
        .get("/q/health/live")
        .then()
        .statusCode(200)
        .body("status", is("UP"));
    ManagementInterface.given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", is("UP"))
        .body("checks.name", org.hamcrest.Matchers.hasItem("Database connections health check"));
  }

  @Test
  void operationsEndpointsAreOnTheManagementPortAndNotOnThePublicOne() {
    assertNotEquals(
        RestAssured.port,
        java.net.URI.create(ManagementInterface.url()).getPort(),
        "the management interface must have a port of its own");
    for (String path :
        List.of(
            "/q/health", "/q/health/live", "/q/health/ready", "/q/health/started", "/q/metrics")) {
      given().get(path).then().statusCode(404);
      ManagementInterface.given().get(path).then().statusCode(200);
    }
    // The contract and its explorer stay on the public port, for people and generated clients.
    given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/articles"));
    given().get("/q/swagger-ui/").then().statusCode(200);
    ManagementInterface.given().get("/api/v1/site").then().statusCode(404);
  }

  @Test
  void exposesPrometheusMetricsPerRouteTemplateAndForThePool() {
    given().get("/api/v1/articles/a1-etdz-signing").then().statusCode(200);
    given().get("/api/v1/articles/no-such-article").then().statusCode(404);
    String metrics =
        ManagementInterface.given().get("/q/metrics").then().statusCode(200).extract().asString();
    assertTrue(
        metrics.matches(
            "(?s).*http_server_requests_seconds_count\\{[^}]*status=\"200\"[^}]*uri=\"/api/v1/articles/\\{idOrSlug}\"[^}]*}.*"),
        "route template timing missing");
    assertTrue(
        metrics.matches(
            "(?s).*http_server_requests_seconds_count\\{[^}]*status=\"404\"[^}]*uri=\"/api/v1/articles/\\{idOrSlug}\"[^}]*}.*"),
        "404s must be timed under their template, not their raw path");
    for (String gauge :
        List.of(
            "agroal_active_count{datasource=\"default\"}",
            "agroal_available_count{datasource=\"default\"}",
            "agroal_max_used_count{datasource=\"default\"}",
            "agroal_awaiting_count{datasource=\"default\"}")) {
      assertTrue(metrics.contains(gauge), gauge + " missing");
    }
    ManagementInterface.given()
        .get("/q/metrics")
        .then()
        .body(containsString("jvm_memory_used_bytes"));
  }

  @Test
  void successfulPublicReadsAreCacheableAndErrorsAreNot() {
    given()
        .get("/api/v1/site")
        .then()
        .statusCode(200)
        .header("Cache-Control", "public, max-age=30, stale-while-revalidate=30");
    given()
        .get("/api/v1/articles/a1-etdz-signing")
        .then()
        .header("Cache-Control", "public, max-age=30, stale-while-revalidate=30");
    given()
        .get("/api/v1/articles/no-such-article")
        .then()
        .statusCode(404)
        .header("Cache-Control", "no-store");
    given()
        .queryParam("page", 0)
        .get("/api/v1/articles")
        .then()
        .statusCode(400)
        .header("Cache-Control", "no-store");
  }

  @Test
  void forwardedHeadersFromAClientThatIsNoTrustedProxyAreIgnored() {
    String link =
        given()
            .header("X-Forwarded-Proto", "javascript")
            .header("X-Forwarded-Host", "evil.example")
            .header("X-Forwarded-Prefix", "/evil")
            .queryParam("size", 2)
            .get("/api/v1/articles")
            .then()
            .statusCode(200)
            .extract()
            .header("Link");
    assertTrue(link.contains("<http://localhost:"), link);
    assertTrue(!link.contains("evil") && !link.contains("javascript"), link);
    // A malformed one is ignored too, never a 500.
    given().header("X-Forwarded-Host", "a b").get("/api/v1/articles").then().statusCode(200);
  }

  @Test
  void aConnectionThatStallsBeforeItsRequestIsCompleteIsClosed() throws Exception {
    Duration idle =
        org.eclipse.microprofile.config.ConfigProvider.getConfig()
            .getValue("quarkus.http.idle-timeout", Duration.class);
    assertTrue(idle.compareTo(Duration.ofSeconds(60)) <= 0, "idle timeout " + idle);
    try (java.net.Socket socket =
        new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
      // Half a request head, then silence: the server must not keep this connection for ever.
      socket
          .getOutputStream()
          .write(
              "GET /api/v1/site HTTP/1.1\r\nHost: localhost\r\n"
                  .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      socket.setSoTimeout((int) idle.plusSeconds(30).toMillis());
      int read;
      try {
        read = socket.getInputStream().read();
      } catch (java.net.SocketException reset) {
        read = -1;
      }
      assertTrue(read == -1, "the server answered instead of closing: " + read);
    }
  }

  @Test
  void optionsOnAnAdminPathAnswersItsMethodsWithoutAToken() {
    given()
        .options("/api/v1/admin/articles")
        .then()
        .statusCode(200)
        .header("Allow", containsString("GET"))
        .header("Allow", containsString("POST"))
        .header("Allow", containsString("OPTIONS"));
    given()
        .options("/api/v1/admin/tokens/1")
        .then()
        .statusCode(200)
        .header("Allow", containsString("DELETE"));
  }
}
