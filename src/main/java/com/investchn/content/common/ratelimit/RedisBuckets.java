package com.investchn.content.common.ratelimit;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Buckets shared by every instance through one Redis server, by Bucket4j's compare-and-swap on a
 * key per policy and client ({@code <prefix><policy>:<client>}), which expires once the bucket
 * would be full again. Nothing here blocks: Lettuce answers asynchronously, within the timeout or
 * not at all. The connection is made in the background and made again after a failure, at most
 * every few seconds; until it stands every future fails at once, so the caller serves unlimited.
 */
final class RedisBuckets implements Buckets {

  private static final Duration RECONNECT_INTERVAL = Duration.ofSeconds(5);

  private final RedisClient client;
  private final RedisURI uri;
  private final String prefix;
  private final Duration timeout;
  private final AtomicBoolean connecting = new AtomicBoolean();
  private volatile long nextAttempt = System.nanoTime();
  private volatile StatefulRedisConnection<String, byte[]> connection;
  private volatile AsyncProxyManager<String> buckets;

  RedisBuckets(String url, String prefix, Duration timeout) {
    this.uri = RedisURI.create(url);
    this.uri.setTimeout(timeout);
    this.prefix = prefix;
    this.timeout = timeout;
    this.client = RedisClient.create();
    this.client.setOptions(
        ClientOptions.builder()
            .autoReconnect(true)
            // Commands fail at once while the connection is down instead of queueing up.
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .timeoutOptions(TimeoutOptions.enabled(timeout))
            .build());
    connect();
  }

  @Override
  public CompletableFuture<Allowance> take(RateLimitPolicy policy, String client) {
    return call(
        policy,
        client,
        bucket -> bucket.tryConsumeAndReturnRemaining(1).thenApply(p -> Allowance.of(policy, p)));
  }

  @Override
  public CompletableFuture<Allowance> peek(RateLimitPolicy policy, String client) {
    return call(
        policy,
        client,
        bucket -> bucket.estimateAbilityToConsume(1).thenApply(p -> Allowance.of(policy, p)));
  }

  /** The Redis key of a client's bucket of a policy. */
  String key(RateLimitPolicy policy, String client) {
    return prefix + policy.name() + ":" + client;
  }

  private CompletableFuture<Allowance> call(
      RateLimitPolicy policy,
      String client,
      Function<io.github.bucket4j.distributed.AsyncBucketProxy, CompletableFuture<Allowance>>
          action) {
    AsyncProxyManager<String> manager = buckets;
    if (manager == null || !connection.isOpen()) {
      connect();
      return CompletableFuture.failedFuture(
          new IllegalStateException(
              "Redis at " + uri.getHost() + ":" + uri.getPort() + " is not connected"));
    }
    try {
      return action
          .apply(manager.builder().build(key(policy, client), policy.bucket()))
          .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** Starts a connection unless one stands, is being made or was tried a moment ago. */
  private void connect() {
    StatefulRedisConnection<String, byte[]> current = connection;
    if (current != null) {
      // Lettuce reconnects an established connection by itself.
      return;
    }
    long now = System.nanoTime();
    if (now - nextAttempt < 0 || !connecting.compareAndSet(false, true)) {
      return;
    }
    nextAttempt = now + RECONNECT_INTERVAL.toNanos();
    client
        .connectAsync(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE), uri)
        .whenComplete(
            (made, failure) -> {
              if (failure == null) {
                connection = made;
                buckets =
                    Bucket4jLettuce.casBasedBuilder(made)
                        .expirationAfterWrite(
                            ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                                Duration.ofSeconds(10)))
                        .build()
                        .asAsync();
              }
              connecting.set(false);
            });
  }

  @Override
  public void close() {
    StatefulRedisConnection<String, byte[]> current = connection;
    if (current != null) {
      current.close();
    }
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }
}
