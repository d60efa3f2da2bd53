package com.investchn.content.common.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.investchn.content.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rate limits with tiny buckets. The test client plays a trusted load balancer, so each test
 * names its own clients in X-Forwarded-For and their buckets start full whatever ran before.
 */
@QuarkusTest
@TestProfile(RateLimitTest.TinyLimits.class)
class RateLimitTest extends ApiTest {

  static final int PUBLIC_BURST = 4;
  static final int ADMIN_BURST = 3;
  static final int AUTH_BURST = 2;
  static final int WINDOW_SECONDS = 3600;

  private static final String ZONES = "/api/v1/zones";
  private static final String BOOTSTRAP = "test-bootstrap-admin-token-0123456789abcdef";
  private static final String ADMIN_WRITE = "/api/v1/admin/webhooks/999999";
  private static final String ADMIN_READ = "/api/v1/admin/tokens";

  /** Buckets of a few requests an hour; the test client is the trusted load balancer. */
  public static class TinyLimits implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "content-api.rate-limit.public.burst",
          Integer.toString(PUBLIC_BURST),
          "content-api.rate-limit.public.window",
          WINDOW_SECONDS + "s",
          "content-api.rate-limit.admin.burst",
          Integer.toString(ADMIN_BURST),
          "content-api.rate-limit.admin.window",
          WINDOW_SECONDS + "s",
          "content-api.rate-limit.auth.burst",
          Integer.toString(AUTH_BURST),
          "content-api.rate-limit.auth.window",
          WINDOW_SECONDS + "s",
          "quarkus.http.proxy.proxy-address-forwarding",
          "true",
          "quarkus.http.proxy.trusted-proxies",
          "127.0.0.1");
    }
  }

  private static RequestSpecification from(String client) {
    return given().header("X-Forwarded-For", client);
  }

  /** Seconds until a public bucket with this many tokens left is full. */
  private static long untilFull(long burst, long remaining) {
    return (long) Math.ceil((double) (burst - remaining) * WINDOW_SECONDS / burst);
  }

  @Test
  void everyAnswerSaysWhichPolicyAppliesAndHowManyRequestsAreLeft() {
    for (int left = PUBLIC_BURST - 1; left >= 0; left--) {
      from("203.0.113.1")
          .get(ZONES)
          .then()
          .statusCode(200)
          .header("RateLimit-Policy", equalTo("\"public\";q=4;w=3600"))
          .header(
              "RateLimit", equalTo("\"public\";r=" + left + ";t=" + untilFull(PUBLIC_BURST, left)));
    }
  }

  @Test
  void theRequestAfterTheBurstIsA429ProblemWithRetryAfter() {
    for (int i = 0; i < PUBLIC_BURST; i++) {
      from("203.0.113.2").get(ZONES).then().statusCode(200);
    }
    Response refused = from("203.0.113.2").get(ZONES);
    refused
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .header("RateLimit-Policy", equalTo("\"public\";q=4;w=3600"))
        .header("RateLimit", startsWith("\"public\";r=0;t="))
        .header("Cache-Control", "no-store")
        .body("type", equalTo("https://api.investchn.com/problems/rate-limited"))
        .body("title", equalTo("Too many requests"))
        .body("status", equalTo(429))
        .body("instance", equalTo(ZONES))
        .body("detail", containsString("retry in"));
    long retryAfter = Long.parseLong(refused.header("Retry-After"));
    // One token of a 4-an-hour bucket comes back after 15 minutes.
    assertTrue(retryAfter >= 1 && retryAfter <= WINDOW_SECONDS / PUBLIC_BURST, "" + retryAfter);
    // Another client is not affected.
    from("203.0.113.3").get(ZONES).then().statusCode(200);
  }

  @Test
  void answersFromTheResponseCacheCountToo() {
    String url = "/api/v1/zones/tree";
    String etag = from("203.0.113.4").get(url).then().statusCode(200).extract().header("ETag");
    // The same URL again: answered by the response cache, before any resource runs.
    from("203.0.113.4")
        .get(url)
        .then()
        .statusCode(200)
        .header("ETag", etag)
        .header("RateLimit", startsWith("\"public\";r=2;"));
    from("203.0.113.4")
        .header("If-None-Match", etag)
        .get(url)
        .then()
        .statusCode(304)
        .header("RateLimit", startsWith("\"public\";r=1;"));
    from("203.0.113.4")
        .get(url)
        .then()
        .statusCode(200)
        .header("RateLimit", startsWith("\"public\";r=0;"));
    from("203.0.113.4")
        .get(url)
        .then()
        .statusCode(429)
        .header("Retry-After", Integer::parseInt, org.hamcrest.Matchers.greaterThanOrEqualTo(1));
  }

  @Test
  void anAdminWriteMeetsTheAdminLimitsHoweverItsPathIsSpelled() {
    for (String spelling :
        List.of("/api/v1/%61dmin/webhooks/999999", "/api/v1/./admin/webhooks/999999")) {
      Response write =
          from("203.0.113.9").urlEncodingEnabled(false).auth().oauth2(BOOTSTRAP).delete(spelling);
      assertEquals(
          "\"admin\";q=3;w=3600, \"auth\";q=2;w=3600",
          write.header("RateLimit-Policy"),
          spelling + " answered " + write.statusCode());
    }
  }

  @Test
  void publicReadsAndAdminWritesHaveBucketsOfTheirOwn() {
    String reader = "203.0.113.5";
    for (int i = 0; i < PUBLIC_BURST; i++) {
      from(reader).get(ZONES).then().statusCode(200);
    }
    from(reader).get(ZONES).then().statusCode(429);
    // Reads used up: writes still pass, counted in the admin bucket.
    Response write = from(reader).auth().oauth2(BOOTSTRAP).delete(ADMIN_WRITE);
    assertNotEquals(429, write.statusCode(), write.asString());
    assertEquals("\"admin\";q=3;w=3600, \"auth\";q=2;w=3600", write.header("RateLimit-Policy"));
    assertEquals(
        "\"admin\";r=2;t=" + untilFull(ADMIN_BURST, 2) + ", \"auth\";r=2;t=0",
        write.header("RateLimit"));

    String writer = "203.0.113.6";
    for (int i = 0; i < ADMIN_BURST; i++) {
      Response passed = from(writer).auth().oauth2(BOOTSTRAP).delete(ADMIN_WRITE);
      assertNotEquals(429, passed.statusCode(), passed.asString());
    }
    from(writer)
        .auth()
        .oauth2(BOOTSTRAP)
        .delete(ADMIN_WRITE)
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .header("RateLimit", startsWith("\"admin\";r=0;"))
        .body("type", equalTo("https://api.investchn.com/problems/rate-limited"))
        .body("detail", containsString("admin writes"));
    // Writes used up: reads still pass, and so do admin reads, which no write bucket limits.
    from(writer)
        .get(ZONES)
        .then()
        .statusCode(200)
        .header("RateLimit", startsWith("\"public\";r=3;"));
    from(writer).auth().oauth2(BOOTSTRAP).get(ADMIN_READ).then().statusCode(200);
  }

  @Test
  void repeatedBadTokensRunIntoTheAuthenticationLimit() {
    String guesser = "203.0.113.7";
    for (int left = AUTH_BURST - 1; left >= 0; left--) {
      from(guesser)
          .auth()
          .oauth2("not-a-token-" + left)
          .get(ADMIN_READ)
          .then()
          .statusCode(401)
          .header("RateLimit-Policy", equalTo("\"auth\";q=2;w=3600"))
          .header("RateLimit", startsWith("\"auth\";r=" + left + ";"));
    }
    from(guesser)
        .auth()
        .oauth2("not-a-token-either")
        .get(ADMIN_READ)
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .header("Retry-After", Integer::parseInt, org.hamcrest.Matchers.greaterThanOrEqualTo(1))
        .body("detail", containsString("failed authentications"));
    // While the bucket is empty even a right token waits: guessing cannot probe around it.
    from(guesser).auth().oauth2(BOOTSTRAP).get(ADMIN_READ).then().statusCode(429);
    // The public API is not affected, nor are other clients.
    from(guesser).get(ZONES).then().statusCode(200);
    from("203.0.113.8").auth().oauth2(BOOTSTRAP).get(ADMIN_READ).then().statusCode(200);
    // A right token does not spend the auth bucket.
    from("203.0.113.8")
        .auth()
        .oauth2(BOOTSTRAP)
        .get(ADMIN_READ)
        .then()
        .statusCode(200)
        .header("RateLimit", equalTo("\"auth\";r=2;t=0"));
  }

  @Test
  void clientsNamedByTheTrustedProxyHaveBucketsOfTheirOwn() {
    String first = "198.51.100.1";
    for (int i = 0; i < PUBLIC_BURST; i++) {
      from(first).get(ZONES).then().statusCode(200);
    }
    from(first).get(ZONES).then().statusCode(429);
    from("198.51.100.2")
        .get(ZONES)
        .then()
        .statusCode(200)
        .header("RateLimit", startsWith("\"public\";r=3;"));
    // What a client writes to the left of the address the proxy appended changes nothing.
    from("192.0.2.99, " + first).get(ZONES).then().statusCode(429);
    given()
        .header("X-Forwarded-For", "192.0.2.98")
        .header("X-Forwarded-For", first)
        .get(ZONES)
        .then()
        .statusCode(429);
  }

  @Test
  void anUntrustedPeersForwardedHeaderIsIgnored() throws IOException {
    // 127.0.0.2 is not the trusted proxy: its X-Forwarded-For names nobody, every request counts
    // against the peer itself.
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i <= PUBLIC_BURST; i++) {
      statuses.add(getFrom("127.0.0.2", "192.0.2." + (10 + i)));
    }
    assertEquals(List.of(200, 200, 200, 200, 429), statuses);
  }

  @Test
  void theOpenApiDocumentIsNotLimited() {
    for (int i = 0; i <= PUBLIC_BURST; i++) {
      Response document = from("203.0.113.9").get("/q/openapi");
      assertEquals(200, document.statusCode());
      assertNull(document.header("RateLimit"));
    }
  }

  /** A GET of the zones over a connection from a given local address, with X-Forwarded-For. */
  private static int getFrom(String localAddress, String forwardedFor) throws IOException {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
      socket.connect(new InetSocketAddress("127.0.0.1", RestAssured.port), 5_000);
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET "
                  + ZONES
                  + " HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: "
                  + forwardedFor
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
      String statusLine = in.readLine();
      return Integer.parseInt(statusLine.split(" ")[1]);
    }
  }
}
