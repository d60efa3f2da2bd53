package com.investchn.content.common.change;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * The newest change-log position this instance knows to be committed, and when that change was
 * made: advanced at once by its own writes and by polling for other instances' writes. Everything
 * cached is keyed by it.
 */
@ApplicationScoped
public class ChangeHead {

  private record Position(long seq, Instant changedAt) {}

  private volatile Position position = new Position(-1, null);

  /** The newest position known here; -1 before the log was first read. */
  public long seen() {
    return position.seq();
  }

  /** When the change at {@link #seen()} was made; null while unknown. */
  public Instant changedAt() {
    return position.changedAt();
  }

  /** Moves the head forward, never back. */
  public synchronized void advanceTo(long seq, Instant changedAt) {
    if (seq > position.seq()) {
      position = new Position(seq, changedAt);
    }
  }
}
