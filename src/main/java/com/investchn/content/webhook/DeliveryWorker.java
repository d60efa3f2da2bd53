package com.investchn.content.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Makes the attempts of one instance: claims due deliveries (the head of each active endpoint's
 * queue) by a lease that exactly one claimer can take, sends each on a bounded pool of threads and
 * records the outcome. The lease outlasts the longest attempt, so an instance that dies mid-attempt
 * only delays that delivery until the lease runs out and another instance makes it again.
 */
final class DeliveryWorker {

  private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

  private final String owner;
  private final WebhookStore store;
  private final WebhookSender sender;
  private final RetryPolicy retry;
  private final Duration lease;
  private final Duration retryPeriod;
  private final int disableAfterFailures;
  private final Consumer<String> outcomes;
  private final Runnable finished;
  private final Semaphore free;
  private final ExecutorService pool;

  DeliveryWorker(
      String owner,
      WebhookStore store,
      WebhookSender sender,
      RetryPolicy retry,
      int threads,
      Duration lease,
      Duration retryPeriod,
      int disableAfterFailures,
      Consumer<String> outcomes,
      Runnable finished) {
    this.owner = owner;
    this.store = store;
    this.sender = sender;
    this.retry = retry;
    this.lease = lease;
    this.retryPeriod = retryPeriod;
    this.disableAfterFailures = disableAfterFailures;
    this.outcomes = outcomes;
    this.finished = finished;
    this.free = new Semaphore(threads);
    AtomicInteger number = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            runnable -> {
              Thread thread = new Thread(runnable, "webhook-delivery-" + number.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  String owner() {
    return owner;
  }

  /** Claims as many due deliveries as there are free threads and starts them; returns how many. */
  int claimAndStart() {
    int available = free.availablePermits();
    if (available == 0) {
      return 0;
    }
    Instant now = Instant.now();
    List<Long> due = QuarkusTransaction.requiringNew().call(() -> store.dueHeads(now, available));
    int started = 0;
    for (long id : due) {
      if (!free.tryAcquire()) {
        break;
      }
      boolean won;
      try {
        Instant at = Instant.now();
        won =
            QuarkusTransaction.requiringNew()
                .call(() -> store.lease(id, owner, at.plus(lease), at));
      } catch (RuntimeException e) {
        free.release();
        throw e;
      }
      if (!won) {
        free.release();
        continue;
      }
      started++;
      pool.execute(
          () -> {
            try {
              attempt(id);
            } catch (RuntimeException e) {
              LOG.warnf("Webhook delivery %d could not be recorded: %s", id, e.getMessage());
            } finally {
              free.release();
              finished.run();
            }
          });
    }
    return started;
  }

  private void attempt(long deliveryId) {
    Optional<WebhookStore.Claim> claimed =
        QuarkusTransaction.requiringNew().call(() -> store.claimed(deliveryId, owner));
    if (claimed.isEmpty()) {
      return;
    }
    WebhookStore.Claim claim = claimed.get();
    Instant attemptedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
    long started = System.nanoTime();
    WebhookSender.Result result;
    try {
      result = sender.send(claim);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    long durationMs = (System.nanoTime() - started) / 1_000_000;
    Instant now = Instant.now();
    Instant firstAttempt = claim.firstAttemptAt() != null ? claim.firstAttemptAt() : attemptedAt;
    String outcome;
    Instant next = null;
    String error = result.error();
    boolean exhausted = false;
    switch (result.verdict()) {
      case DELIVERED -> outcome = WebhookStore.DELIVERED;
      case RETRY -> {
        Optional<Instant> retryAt =
            retry.next(firstAttempt, now, claim.attempts() + 1, result.retryAfter());
        if (retryAt.isPresent()) {
          outcome = WebhookStore.RETRYING;
          next = retryAt.get().truncatedTo(ChronoUnit.MICROS);
        } else {
          outcome = WebhookStore.FAILED;
          exhausted = true;
          error = error + "; retry period of " + retryPeriod + " is over";
        }
      }
      default -> outcome = WebhookStore.FAILED;
    }
    String finalOutcome = outcome;
    Instant nextAttempt = next;
    String finalError = error == null ? null : WebhookSender.shorten(error, 500);
    boolean periodOver = exhausted;
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              if (!store.recordAttempt(
                  claim,
                  owner,
                  attemptedAt,
                  result.statusCode(),
                  durationMs,
                  finalError,
                  finalOutcome,
                  nextAttempt)) {
                return;
              }
              if (WebhookStore.DELIVERED.equals(finalOutcome)) {
                store.endpointSucceeded(claim.endpointId());
              } else if (WebhookStore.FAILED.equals(finalOutcome)) {
                int inARow = store.endpointFailed(claim.endpointId());
                if (periodOver) {
                  store.disable(
                      claim.endpointId(),
                      WebhookSender.shorten(
                          "No delivery succeeded for the retry period (" + finalError + ")", 500),
                      now);
                } else if (inARow >= disableAfterFailures) {
                  store.disable(
                      claim.endpointId(),
                      WebhookSender.shorten(
                          inARow + " deliveries in a row failed; the last: " + finalError, 500),
                      now);
                }
              }
            });
    outcomes.accept(finalOutcome);
  }

  /** Stops at once; attempts in flight are abandoned to their leases. */
  void stop() {
    pool.shutdownNow();
  }
}
