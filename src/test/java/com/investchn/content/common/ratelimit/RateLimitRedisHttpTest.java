package com.investchn.content.common.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.investchn.content.support.ApiTest;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The service with its buckets in Redis: the answers count down as in memory, the bucket is a key
 * in Redis, and tokens taken there by another instance are missing here.
 */
@QuarkusTest
@TestProfile(RateLimitRedisHttpTest.SharedThroughRedis.class)
class RateLimitRedisHttpTest extends ApiTest {

  /** One prefix per test JVM (the profile and the test may live in different class loaders). */
  static final String PREFIX = "content-api-test:" + ProcessHandle.current().pid() + ":http:";

  private static final String ZONES = "/api/v1/zones";

  /** Three public reads an hour, shared through the Redis server on this machine. */
  public static class SharedThroughRedis implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "content-api.rate-limit.redis-url", RateLimitRedisTest.REDIS_URL,
          "content-api.rate-limit.redis-key-prefix", PREFIX,
          "content-api.rate-limit.public.burst", "3",
          "content-api.rate-limit.public.window", "3600s",
          "quarkus.http.proxy.proxy-address-forwarding", "true",
          "quarkus.http.proxy.trusted-proxies", "127.0.0.1");
    }
  }

  @AfterAll
  static void cleanUp() {
    RedisClient redis = RedisClient.create(RateLimitRedisTest.REDIS_URL);
    try (StatefulRedisConnection<String, String> connection = redis.connect()) {
      for (String key : connection.sync().keys(PREFIX + "*")) {
        connection.sync().del(key);
      }
    } finally {
      redis.shutdown();
    }
  }

  @Test
  void theBucketLivesInRedisAndAnotherInstanceSpendsFromIt() throws Exception {
    String client = "203.0.113.30";
    // The connection to Redis is made in the background at start-up; until then requests pass
    // unlimited and without a RateLimit header.
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (given().header("X-Forwarded-For", "203.0.113.31").get(ZONES).header("RateLimit") == null
        && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    given()
        .header("X-Forwarded-For", client)
        .get(ZONES)
        .then()
        .statusCode(200)
        .header("RateLimit-Policy", equalTo("\"public\";q=3;w=3600"))
        .header("RateLimit", startsWith("\"public\";r=2;"));
    RedisClient redis = RedisClient.create(RateLimitRedisTest.REDIS_URL);
    try (StatefulRedisConnection<String, String> connection = redis.connect()) {
      assertEquals(1L, connection.sync().exists(PREFIX + "public:" + client));
    } finally {
      redis.shutdown();
    }
    // Another instance on the same Redis takes a token from the same client.
    try (RedisBuckets other =
        new RedisBuckets(RateLimitRedisTest.REDIS_URL, PREFIX, java.time.Duration.ofSeconds(2))) {
      Allowance taken = null;
      while (taken == null && System.nanoTime() < deadline) {
        try {
          taken =
              other
                  .take(new RateLimitPolicy("public", 3, 3600), client)
                  .get(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException notConnectedYet) {
          Thread.sleep(50);
        }
      }
      assertEquals(1, taken.remaining());
    }
    given()
        .header("X-Forwarded-For", client)
        .get(ZONES)
        .then()
        .statusCode(200)
        .header("RateLimit", startsWith("\"public\";r=0;"));
    given()
        .header("X-Forwarded-For", client)
        .get(ZONES)
        .then()
        .statusCode(429)
        .contentType("application/problem+json")
        .header("Retry-After", Integer::parseInt, org.hamcrest.Matchers.greaterThanOrEqualTo(1));
  }
}
