package com.investchn.content.common.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Buckets in Redis (the server on 127.0.0.1:6379) are one bucket for every instance: two limiters
 * that know nothing of each other spend the same tokens. Keys carry a prefix of this run alone.
 */
class RateLimitRedisTest {

  static final String REDIS_URL = "redis://127.0.0.1:6379";
  private static final String PREFIX = "content-api-test:" + UUID.randomUUID() + ":";
  private static final RateLimitPolicy POLICY = new RateLimitPolicy("public", 3, 3600);

  private static RedisClient redis;
  private static StatefulRedisConnection<String, String> connection;

  @BeforeAll
  static void connect() {
    redis = RedisClient.create(REDIS_URL);
    connection = redis.connect();
  }

  @AfterAll
  static void cleanUp() {
    for (String key : connection.sync().keys(PREFIX + "*")) {
      connection.sync().del(key);
    }
    connection.close();
    redis.shutdown();
  }

  @Test
  void twoInstancesShareOneBucketThroughRedis() throws Exception {
    try (RedisBuckets first = new RedisBuckets(REDIS_URL, PREFIX, Duration.ofSeconds(2));
        RedisBuckets second = new RedisBuckets(REDIS_URL, PREFIX, Duration.ofSeconds(2))) {
      Allowance one = takeWhenConnected(first, "198.51.100.20");
      assertTrue(one.allowed());
      assertEquals(2, one.remaining());
      Allowance two = takeWhenConnected(second, "198.51.100.20");
      assertTrue(two.allowed());
      assertEquals(1, two.remaining(), "the second instance sees the first one's request");
      assertEquals(1, first.peek(POLICY, "198.51.100.20").get(2, TimeUnit.SECONDS).remaining());
      assertTrue(first.take(POLICY, "198.51.100.20").get(2, TimeUnit.SECONDS).allowed());
      Allowance refused = second.take(POLICY, "198.51.100.20").get(2, TimeUnit.SECONDS);
      assertFalse(refused.allowed());
      assertTrue(refused.retryAfterSeconds() >= 1);
      // Another client has a full bucket of its own.
      assertEquals(2, second.take(POLICY, "198.51.100.21").get(2, TimeUnit.SECONDS).remaining());
      assertEquals(1L, connection.sync().exists(first.key(POLICY, "198.51.100.20")));
      // The key goes once the bucket would be full again, not never.
      long ttl = connection.sync().pttl(first.key(POLICY, "198.51.100.20"));
      assertTrue(ttl > 0 && ttl <= Duration.ofSeconds(3600 + 10).toMillis(), "ttl " + ttl);
    }
  }

  @Test
  void anUnreachableRedisFailsAtOnceInsteadOfHanging() {
    // Nothing listens on port 1: every call fails fast and the request is served unlimited.
    try (RedisBuckets buckets =
        new RedisBuckets("redis://127.0.0.1:1", PREFIX, Duration.ofMillis(300))) {
      long started = System.nanoTime();
      for (int i = 0; i < 3; i++) {
        ExecutionException failure =
            assertThrows(
                ExecutionException.class,
                () -> buckets.take(POLICY, "198.51.100.22").get(5, TimeUnit.SECONDS));
        assertTrue(failure.getCause() != null);
      }
      assertTrue(
          System.nanoTime() - started < TimeUnit.SECONDS.toNanos(3),
          "calls to an unreachable Redis took too long");
    }
  }

  /** The first call after start-up: the connection is made in the background. */
  private static Allowance takeWhenConnected(RedisBuckets buckets, String client) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      try {
        return buckets.take(POLICY, client).get(2, TimeUnit.SECONDS);
      } catch (ExecutionException notYet) {
        if (System.nanoTime() > deadline) {
          throw notYet;
        }
        Thread.sleep(50);
      }
    }
  }
}
