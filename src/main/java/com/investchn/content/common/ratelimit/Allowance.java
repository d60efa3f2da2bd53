package com.investchn.content.common.ratelimit;

import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;

/**
 * What one policy's bucket said about one request: whether it may go on, how many requests are
 * left, and when it is worth retrying if not.
 */
record Allowance(RateLimitPolicy policy, boolean allowed, long remaining, long nanosToWait) {

  static Allowance of(RateLimitPolicy policy, ConsumptionProbe probe) {
    return new Allowance(
        policy, probe.isConsumed(), probe.getRemainingTokens(), probe.getNanosToWaitForRefill());
  }

  static Allowance of(RateLimitPolicy policy, EstimationProbe probe) {
    return new Allowance(
        policy, probe.canBeConsumed(), probe.getRemainingTokens(), probe.getNanosToWaitForRefill());
  }

  /** The same bucket after one more token was taken from it (a failed authentication). */
  Allowance minusOne() {
    long left = Math.max(0, remaining - 1);
    return new Allowance(policy, allowed, left, nanosToWait);
  }

  /** The allowance as an item of the RateLimit header, e.g. {@code "public";r=987;t=1}. */
  String item() {
    long left = Math.max(0, remaining);
    return RateLimitPolicy.quoted(policy.name())
        + ";r="
        + left
        + ";t="
        + Math.max(policy.secondsUntilFull(left), allowed ? 0 : retryAfterSeconds());
  }

  /** Whole seconds until the next request can pass, at least 1 (for Retry-After). */
  long retryAfterSeconds() {
    long seconds = (nanosToWait + 999_999_999L) / 1_000_000_000L;
    return Math.max(1, seconds);
  }
}
