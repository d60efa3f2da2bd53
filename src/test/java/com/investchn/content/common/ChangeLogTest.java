package com.investchn.content.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.investchn.content.common.change.Change;
import com.investchn.content.common.change.ChangeEntry;
import com.investchn.content.common.change.ChangeHead;
import com.investchn.content.common.change.ChangeLog;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The change log numbers entries in commit order: a reader that has seen position N never later
 * finds a committed entry below N, however writers interleave, and rolled-back writes leave only
 * gaps.
 */
@QuarkusTest
class ChangeLogTest {

  @Inject ChangeLog log;
  @Inject ChangeHead head;

  private static final class RolledBack extends RuntimeException {}

  @Test
  void aReaderFollowingTheLogNeverMissesAnEntryCommittedBehindIt() throws Exception {
    long start = QuarkusTransaction.requiringNew().call(log::committedHead);
    int writers = 8;
    int writesEach = 40;
    Set<Long> committed = new ConcurrentSkipListSet<>();
    java.util.concurrent.atomic.AtomicInteger committedWrites =
        new java.util.concurrent.atomic.AtomicInteger();
    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(writers + 1);
    try {
      Future<List<Long>> reader =
          pool.submit(
              () -> {
                List<Long> seen = new ArrayList<>();
                long position = start;
                while (true) {
                  boolean last = !writing.get();
                  long after = position;
                  List<ChangeEntry> page =
                      QuarkusTransaction.requiringNew().call(() -> log.after(after, 50));
                  for (ChangeEntry entry : page) {
                    assertTrue(entry.seq() > position, "out of order: " + entry.seq());
                    position = entry.seq();
                    seen.add(position);
                  }
                  if (last && page.isEmpty()) {
                    return seen;
                  }
                }
              });
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> running = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        running.add(
            pool.submit(
                () -> {
                  go.await();
                  for (int i = 0; i < writesEach; i++) {
                    int entries = 1 + ThreadLocalRandom.current().nextInt(3);
                    boolean rollBack = i % 5 == 4;
                    List<Change> changes = new ArrayList<>();
                    for (int e = 0; e < entries; e++) {
                      // Ids no row has: a change to a real article would also log its
                      // neighbours (article.navigation), entries this test does not count.
                      changes.add(
                          Change.changed(
                              Change.Entity.values()[(writer + e) % 4],
                              900_000_000L + writer * 1000L + i,
                              null));
                    }
                    try {
                      long last =
                          QuarkusTransaction.requiringNew()
                              .call(
                                  () -> {
                                    long seq = log.append(changes, "writer-" + writer);
                                    // Hold the transaction open a little, so writers overlap.
                                    Thread.sleep(ThreadLocalRandom.current().nextInt(3));
                                    if (rollBack) {
                                      throw new RolledBack();
                                    }
                                    return seq;
                                  });
                      committedWrites.incrementAndGet();
                      for (long seq = last - entries + 1; seq <= last; seq++) {
                        committed.add(seq);
                      }
                    } catch (RolledBack expected) {
                      // Its numbers are never used.
                    }
                  }
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> writer : running) {
        writer.get();
      }
      writing.set(false);
      List<Long> seen = reader.get();
      assertEquals(
          new TreeSet<>(committed),
          new TreeSet<>(seen),
          "the reader saw exactly the committed entries");
      assertEquals(seen.size(), new TreeSet<>(seen).size(), "no entry twice");
      assertEquals(
          writers * writesEach * 4 / 5, committedWrites.get(), "every fifth write rolled back");
      assertTrue(head.seen() >= seen.get(seen.size() - 1), "the local head followed the writes");
    } finally {
      pool.shutdownNow();
    }
  }
}
