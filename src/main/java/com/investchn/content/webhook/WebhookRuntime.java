package com.investchn.content.webhook;

import com.investchn.content.common.change.ChangesCommitted;
import com.investchn.content.common.config.ContentApiConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs webhooks on this instance: one thread that dispatches new change-log entries and claims due
 * deliveries, woken by every commit this instance makes or learns of and at least every {@code
 * content-api.webhooks.poll-interval}, and the bounded pool of the {@link DeliveryWorker}. Nothing
 * here runs on a request thread, so a slow receiver never delays an API answer.
 */
@ApplicationScoped
class WebhookRuntime {

  private static final Logger LOG = Logger.getLogger(WebhookRuntime.class);
  private static final SecureRandom JITTER = new SecureRandom();

  private final WebhookDispatcher dispatcher;
  private final WebhookStore store;
  private final ContentApiConfig.Webhooks config;
  private final AddressGuard guard;
  private final WebhookSender sender;
  private final RetryPolicy retry;
  private final Map<String, Counter> outcomes;
  private final BlockingQueue<Boolean> wakeUps = new ArrayBlockingQueue<>(1);
  private volatile boolean running;
  private long lastPrune = System.nanoTime() - TimeUnit.HOURS.toNanos(2);
  private long lastWarning = System.nanoTime() - TimeUnit.MINUTES.toNanos(2);
  private Thread loop;
  private DeliveryWorker worker;

  WebhookRuntime(
      WebhookDispatcher dispatcher,
      WebhookStore store,
      ContentApiConfig config,
      MeterRegistry registry) {
    this.dispatcher = dispatcher;
    this.store = store;
    this.config = config.webhooks();
    this.guard =
        new AddressGuard(
            this.config.allowPrivateAddresses(), this.config.allowedCidrs().orElse(List.of()));
    this.sender =
        new WebhookSender(guard, this.config.connectTimeout(), this.config.requestTimeout());
    this.retry =
        new RetryPolicy(
            this.config.backoffBase(),
            this.config.backoffCap(),
            this.config.retryPeriod(),
            JITTER::nextDouble);
    this.outcomes =
        Map.of(
            WebhookStore.DELIVERED, counter(registry, WebhookStore.DELIVERED),
            WebhookStore.RETRYING, counter(registry, WebhookStore.RETRYING),
            WebhookStore.FAILED, counter(registry, WebhookStore.FAILED));
  }

  private static Counter counter(MeterRegistry registry, String outcome) {
    return Counter.builder("content_api.webhook.attempts")
        .description("Webhook delivery attempts by outcome (delivered, retrying, failed)")
        .tag("outcome", outcome)
        .register(registry);
  }

  AddressGuard guard() {
    return guard;
  }

  void start(@Observes StartupEvent event) {
    if (!config.enabled()) {
      LOG.info("Webhook delivery is off on this instance (content-api.webhooks.enabled=false)");
      return;
    }
    worker = newWorker("instance-" + UUID.randomUUID());
    running = true;
    loop = new Thread(this::run, "webhook-dispatcher");
    loop.setDaemon(true);
    loop.start();
  }

  void stop(@Observes ShutdownEvent event) {
    running = false;
    if (loop != null) {
      loop.interrupt();
    }
    if (worker != null) {
      worker.stop();
    }
  }

  /**
   * A worker with its own owner name and pool, as another instance would have one; the service
   * makes one, the tests more to compete with it.
   */
  DeliveryWorker newWorker(String owner) {
    Duration lease =
        config.connectTimeout().plus(config.requestTimeout()).plus(Duration.ofSeconds(30));
    return new DeliveryWorker(
        owner,
        store,
        sender,
        retry,
        Math.max(1, config.workerThreads()),
        lease,
        config.retryPeriod(),
        Math.max(1, config.disableAfterFailures()),
        outcome -> outcomes.get(outcome).increment(),
        this::wake);
  }

  /** A commit here or elsewhere: look at once instead of at the next poll. */
  void onCommitted(@Observes ChangesCommitted committed) {
    wake();
  }

  void wake() {
    wakeUps.offer(Boolean.TRUE);
  }

  /**
   * The database may be briefly unreachable, and the next round retries; a failure that lasts is
   * logged as a warning once a minute, so that a stuck queue is seen without flooding the log.
   */
  private void complain(String what, RuntimeException e) {
    long now = System.nanoTime();
    if (now - lastWarning > TimeUnit.MINUTES.toNanos(1)) {
      lastWarning = now;
      LOG.warnf("%s: %s", what, e.getMessage());
    } else {
      LOG.debugf(e, what);
    }
  }

  private void run() {
    long interval = Math.max(10, config.pollInterval().toMillis());
    while (running) {
      try {
        dispatcher.dispatchAll();
      } catch (RuntimeException e) {
        complain("Could not dispatch change-log entries to webhooks; retrying", e);
      }
      if (System.nanoTime() - lastPrune > TimeUnit.HOURS.toNanos(1)) {
        lastPrune = System.nanoTime();
        try {
          Instant before = Instant.now().minus(config.logRetention());
          QuarkusTransaction.requiringNew().call(() -> store.prune(before));
        } catch (RuntimeException e) {
          complain("Could not prune the webhook delivery log", e);
        }
      }
      try {
        worker.claimAndStart();
      } catch (RuntimeException e) {
        complain("Could not claim webhook deliveries; retrying", e);
      }
      try {
        wakeUps.poll(interval, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
