package com.investchn.content.common.ratelimit;

import com.investchn.content.common.config.ContentApiConfig;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;

/**
 * One kind of limit: a token bucket of {@code burst} requests that refills completely in {@code
 * window} seconds, named as it appears in the RateLimit-Policy and RateLimit headers.
 */
record RateLimitPolicy(String name, long burst, long windowSeconds) {

  static final String PUBLIC = "public";
  static final String ADMIN = "admin";
  static final String AUTH = "auth";

  RateLimitPolicy {
    if (burst < 1 || windowSeconds < 1) {
      throw new IllegalArgumentException(
          "A rate limit needs a burst of at least 1 and a window of at least 1 s: " + name);
    }
  }

  /** The policy from its configuration; a window is rounded up to whole seconds. */
  static RateLimitPolicy of(String name, ContentApiConfig.Limit limit) {
    long millis = limit.window().toMillis();
    return new RateLimitPolicy(name, limit.burst(), Math.max(1, (millis + 999) / 1000));
  }

  /** The bucket: full at first, refilled greedily (token by token, not in one step per window). */
  Bandwidth bandwidth() {
    return Bandwidth.builder()
        .capacity(burst)
        .refillGreedy(burst, Duration.ofSeconds(windowSeconds))
        .build();
  }

  /** The same bucket as a configuration for a bucket kept in Redis. */
  BucketConfiguration bucket() {
    return BucketConfiguration.builder().addLimit(bandwidth()).build();
  }

  /** The policy as an item of RateLimit-Policy, e.g. {@code "public";q=1000;w=2}. */
  String policyItem() {
    return quoted(name) + ";q=" + burst + ";w=" + windowSeconds;
  }

  /** Whole seconds until a bucket with {@code remaining} tokens is full again (0 when it is). */
  long secondsUntilFull(long remaining) {
    long missing = Math.max(0, burst - Math.max(0, remaining));
    // missing * window / burst, rounded up, without overflowing for huge bursts.
    double seconds = (double) missing * windowSeconds / burst;
    return (long) Math.ceil(seconds);
  }

  static String quoted(String name) {
    return "\"" + name + "\"";
  }
}
