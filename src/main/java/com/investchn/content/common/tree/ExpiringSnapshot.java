package com.investchn.content.common.tree;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A value read from the database and kept for a bounded time. The bound is what limits how long two
 * instances behind one load balancer can disagree after a change made through the other.
 */
public final class ExpiringSnapshot<T> {

  private record Loaded<T>(T value, long loadedAtNanos, long generation) {}

  private final Supplier<T> loader;
  private final long ttlNanos;
  private final AtomicLong generation = new AtomicLong();
  private volatile Loaded<T> current;

  public ExpiringSnapshot(Supplier<T> loader, Duration ttl) {
    this.loader = loader;
    this.ttlNanos = ttl.toNanos();
  }

  public T get() {
    Loaded<T> loaded = current;
    if (loaded == null
        || loaded.generation() != generation.get()
        || System.nanoTime() - loaded.loadedAtNanos() >= ttlNanos) {
      return reload();
    }
    return loaded.value();
  }

  /**
   * Drops the copy so that the next read sees the database. A load that was already running when
   * this is called is not kept, since it may have read the state before the change.
   */
  public void invalidate() {
    generation.incrementAndGet();
    current = null;
  }

  private synchronized T reload() {
    Loaded<T> loaded = current;
    long startedGeneration = generation.get();
    if (loaded != null
        && loaded.generation() == startedGeneration
        && System.nanoTime() - loaded.loadedAtNanos() < ttlNanos) {
      return loaded.value();
    }
    T value = loader.get();
    if (generation.get() == startedGeneration) {
      current = new Loaded<>(value, System.nanoTime(), startedGeneration);
    }
    return value;
  }
}
