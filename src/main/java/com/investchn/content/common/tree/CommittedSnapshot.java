package com.investchn.content.common.tree;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A value read from committed rows and kept until the change log says they changed (see {@code
 * ChangesCommitted}): reloaded on the next read after {@link #invalidate()}. A load that was
 * already running when the value was invalidated is not kept, since it may have read the state
 * before the change.
 */
final class CommittedSnapshot<T> {

  private record Loaded<T>(T value, long generation) {}

  private final Supplier<T> loader;
  private final AtomicLong generation = new AtomicLong();
  private volatile Loaded<T> current;

  public CommittedSnapshot(Supplier<T> loader) {
    this.loader = loader;
  }

  public T get() {
    Loaded<T> loaded = current;
    if (loaded == null || loaded.generation() != generation.get()) {
      return reload();
    }
    return loaded.value();
  }

  /** Drops the copy so that the next read sees the database. */
  public void invalidate() {
    generation.incrementAndGet();
    current = null;
  }

  private synchronized T reload() {
    Loaded<T> loaded = current;
    long startedGeneration = generation.get();
    if (loaded != null && loaded.generation() == startedGeneration) {
      return loaded.value();
    }
    T value = loader.get();
    if (generation.get() == startedGeneration) {
      current = new Loaded<>(value, startedGeneration);
    }
    return value;
  }
}
