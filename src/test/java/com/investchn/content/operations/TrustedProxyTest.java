package com.investchn.content.operations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import com.investchn.content.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Behind a load balancer that is configured as a trusted proxy, its forwarded headers name the
 * public host in Link headers; the response cache keeps answers per host, so one host's links never
 * reach another.
 */
@QuarkusTest
@TestProfile(TrustedProxyTest.BehindTrustedProxy.class)
class TrustedProxyTest extends ApiTest {

  /** The test client plays the load balancer. */
  public static class BehindTrustedProxy implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.http.proxy.proxy-address-forwarding", "true",
          "quarkus.http.proxy.trusted-proxies", "127.0.0.1");
    }
  }

  @Test
  void forwardedHeadersFromTheTrustedLoadBalancerShapeTheLinks() {
    given()
        .header("X-Forwarded-Proto", "https")
        .header("X-Forwarded-Host", "www.investchn.com")
        .queryParam("size", 2)
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .header(
            "Link",
            containsString(
                "<https://www.investchn.com/api/v1/articles?size=2&page=2>; rel=\"next\""));
    // The same URL through another host is another cache entry with its own links.
    given()
        .queryParam("size", 2)
        .get("/api/v1/articles")
        .then()
        .statusCode(200)
        .header("Link", not(containsString("www.investchn.com")));
  }
}
