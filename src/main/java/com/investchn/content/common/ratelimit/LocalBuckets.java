package com.investchn.content.common.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Buckets in this instance's memory: a bounded Caffeine cache per policy. A bucket untouched for a
 * whole window is full again, so forgetting it then loses nothing; beyond {@code maxClients} the
 * least recently seen client is forgotten early, so a flood of addresses cannot fill the heap.
 * Every answer is ready at once (the futures are complete).
 */
final class LocalBuckets implements Buckets {

  private final int maxClients;
  private final Map<String, Cache<String, Bucket>> byPolicy = new ConcurrentHashMap<>();

  LocalBuckets(int maxClients) {
    this.maxClients = maxClients;
  }

  @Override
  public CompletableFuture<Allowance> take(RateLimitPolicy policy, String client) {
    Bucket bucket = bucket(policy, client);
    return CompletableFuture.completedFuture(
        Allowance.of(policy, bucket.tryConsumeAndReturnRemaining(1)));
  }

  @Override
  public CompletableFuture<Allowance> peek(RateLimitPolicy policy, String client) {
    Bucket bucket = bucket(policy, client);
    return CompletableFuture.completedFuture(
        Allowance.of(policy, bucket.estimateAbilityToConsume(1)));
  }

  private Bucket bucket(RateLimitPolicy policy, String client) {
    Cache<String, Bucket> clients =
        byPolicy.computeIfAbsent(
            policy.name(),
            name ->
                Caffeine.newBuilder()
                    .maximumSize(maxClients)
                    .expireAfterAccess(Duration.ofSeconds(policy.windowSeconds()))
                    .build());
    return clients.get(client, ignored -> Bucket.builder().addLimit(policy.bandwidth()).build());
  }
}
