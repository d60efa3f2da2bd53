package com.investchn.content.operations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.investchn.content.support.ManagementInterface;
import com.investchn.content.support.ProxiedDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Readiness follows the database: down while it is unreachable, up again once it returns. */
@QuarkusTest
@TestProfile(ReadinessRecoveryTest.ProxiedProfile.class)
@QuarkusTestResource(value = ProxiedDatabase.class, restrictToAnnotatedClass = true)
class ReadinessRecoveryTest {

  /** Its own profile so the proxied datasource never leaks into other tests. */
  public static class ProxiedProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("content-api.change-log.poll-interval", "100ms");
    }
  }

  @Test
  void readinessGoesDownWithTheDatabaseAndComesBackByItself() throws Exception {
    ManagementInterface.given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", is("UP"));

    ProxiedDatabase.proxy.cut();
    awaitReadiness(503, "DOWN");
    ManagementInterface.given()
        .get("/q/health/live")
        .then()
        .log()
        .ifValidationFails()
        .statusCode(200)
        .body("status", is("UP"));
    given()
        .get("/api/v1/articles")
        .then()
        .statusCode(503)
        .contentType("application/problem+json")
        .header("Retry-After", "5")
        .body("type", is("https://api.investchn.com/problems/service-unavailable"));

    ProxiedDatabase.proxy.start();
    awaitReadiness(200, "UP");
    given().get("/api/v1/articles").then().statusCode(200);
  }

  private static void awaitReadiness(int status, String expected) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(45));
    int last = -1;
    while (Instant.now().isBefore(deadline)) {
      last = ManagementInterface.given().get("/q/health/ready").statusCode();
      if (last == status) {
        ManagementInterface.given().get("/q/health/ready").then().body("status", is(expected));
        return;
      }
      Thread.sleep(250);
    }
    assertEquals(status, last, "readiness did not become " + expected + " in time");
  }
}
