package com.investchn.content.common.change;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * The newest change-log position this instance knows to be committed: advanced at once by its own
 * writes and by polling for other instances' writes. Everything cached is keyed by it.
 */
@ApplicationScoped
public class ChangeHead {

  private final AtomicLong seen = new AtomicLong(-1);
  private final List<LongConsumer> listeners = new CopyOnWriteArrayList<>();

  /** The newest position known here; -1 before the log was first read. */
  public long seen() {
    return seen.get();
  }

  /** Moves the head forward (never back) and tells the listeners when it moved. */
  public void advanceTo(long seq) {
    long previous = seen.getAndAccumulate(seq, Math::max);
    if (seq > previous) {
      listeners.forEach(listener -> listener.accept(seq));
    }
  }

  /** Calls {@code listener} with the new position every time the head moves. */
  public void onAdvance(LongConsumer listener) {
    listeners.add(listener);
  }
}
