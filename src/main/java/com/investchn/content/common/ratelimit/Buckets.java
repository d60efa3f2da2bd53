package com.investchn.content.common.ratelimit;

import java.util.concurrent.CompletableFuture;

/**
 * Where the token buckets live, one per policy and client: in this instance's memory or in Redis. A
 * future that fails means the buckets cannot be reached; the request is then served unlimited.
 */
interface Buckets extends AutoCloseable {

  /** Takes one token from the client's bucket of the policy, if one is left. */
  CompletableFuture<Allowance> take(RateLimitPolicy policy, String client);

  /** Whether the client's bucket of the policy has a token left, without taking it. */
  CompletableFuture<Allowance> peek(RateLimitPolicy policy, String client);

  @Override
  default void close() {}
}
