package com.investchn.content.webhook;

import com.investchn.content.common.change.ChangeLog;
import com.investchn.content.common.config.ContentApiConfig;
import com.investchn.content.common.log.LogText;
import com.investchn.content.common.paging.PageRequest;
import com.investchn.content.common.paging.PageResponse;
import com.investchn.content.common.problem.FieldError;
import com.investchn.content.common.problem.ProblemException;
import com.investchn.content.common.problem.ResourceNotFoundException;
import com.investchn.content.common.problem.ValidationFailedException;
import com.investchn.content.common.time.PortalTime;
import com.investchn.content.common.write.Preconditions;
import com.investchn.content.publication.ArticleScope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The rules of webhook endpoints: registration, status changes, test events, the log. */
@ApplicationScoped
class WebhookService {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int MAX_URL = 2000;
  private static final int MAX_DESCRIPTION = 500;

  private final WebhookStore store;
  private final ChangeLog changeLog;
  private final ArticleScope scopes;
  private final WebhookDispatcher dispatcher;
  private final WebhookRuntime runtime;
  private final AddressGuard guard;

  WebhookService(
      WebhookStore store,
      ChangeLog changeLog,
      ArticleScope scopes,
      WebhookDispatcher dispatcher,
      WebhookRuntime runtime,
      ContentApiConfig config) {
    this.store = store;
    this.changeLog = changeLog;
    this.scopes = scopes;
    this.dispatcher = dispatcher;
    this.runtime = runtime;
    this.guard =
        new AddressGuard(
            config.webhooks().allowPrivateAddresses(),
            config.webhooks().allowedCidrs().orElse(List.of()));
  }

  /** Registers an endpoint; the secret in the answer is the only time it is shown. */
  @Transactional
  RegisteredWebhook register(WebhookRequest request, String actor) {
    List<FieldError> errors = new ArrayList<>();
    String url = checkUrl(request.url(), errors);
    Set<String> events = checkEvents(request.events(), errors);
    Long categoryId = checkFilter("category", request.category(), errors);
    Long zoneId = checkFilter("zone", request.zone(), errors);
    String description = request.description();
    if (description != null) {
      if (description.length() > MAX_DESCRIPTION) {
        errors.add(
            new FieldError("description", "must have at most " + MAX_DESCRIPTION + " characters"));
      } else if (description.codePoints().anyMatch(LogText::isUnprintable)) {
        errors.add(
            new FieldError(
                "description",
                "must be printable: no control, format or bidirectional characters"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationFailedException(errors);
    }
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    String secret = "whsec_" + Base64.getEncoder().encodeToString(key);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    long id =
        store.insertEndpoint(
            url,
            description,
            events,
            categoryId,
            zoneId,
            secret,
            changeLog.committedHead(),
            actor,
            now);
    return RegisteredWebhook.from(view(require(id)), secret);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  List<WebhookView> list() {
    return store.listEndpoints().stream().map(this::view).toList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  WebhookView get(long id) {
    return view(require(id));
  }

  /**
   * Pause or resume: puts the endpoint in the target status, paused or active, and leaves one that
   * is in it already as it is. Paused stops sending while deliveries keep collecting; active sends
   * again, after a pause or a disable alike, and what waits is due now, with a fresh retry period,
   * in order.
   */
  @Transactional
  WebhookView setStatus(long id, String ifMatch, String target) {
    if (!WebhookStore.PAUSED.equals(target) && !WebhookStore.ACTIVE.equals(target)) {
      // Only the delivery worker disables, with its reason; no request may ask for it.
      throw new IllegalArgumentException("Not a status to set: " + target);
    }
    WebhookStore.Endpoint endpoint = checked(id, ifMatch);
    if (!target.equals(endpoint.status())) {
      Instant now = Instant.now();
      store.setStatus(id, target, null, now);
      if (WebhookStore.ACTIVE.equals(target)) {
        store.restartQueue(id, now);
        runtime.wake();
      }
    }
    return view(require(id));
  }

  /** Deletes the endpoint with its queue and log; nothing more is sent to it. */
  @Transactional
  void delete(long id, String ifMatch) {
    checked(id, ifMatch);
    store.deleteEndpoint(id);
  }

  /**
   * Queues a webhook.test event behind whatever already waits for the endpoint, the changes
   * committed before this call included (they are dispatched first).
   */
  TestDelivery sendTest(long id) {
    require(id);
    dispatcher.dispatchAll();
    TestDelivery queued = QuarkusTransaction.requiringNew().call(() -> enqueueTest(id));
    runtime.wake();
    return queued;
  }

  private TestDelivery enqueueTest(long id) {
    WebhookStore.Endpoint endpoint = require(id);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    String messageId = "msg_test_" + UUID.randomUUID().toString().replace("-", "");
    String body =
        dispatcher.write(
            new WebhookMessage(
                TEST_EVENT,
                PortalTime.toPortal(now),
                new WebhookMessage.TestData(
                    endpoint.id(), "A test event from the InvestCHN content API.")));
    long deliveryId = store.enqueue(endpoint.id(), null, TEST_EVENT, messageId, body, now);
    return new TestDelivery(deliveryId, messageId, TEST_EVENT);
  }

  static final String TEST_EVENT = "webhook.test";

  /** The endpoint's attempts, newest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  PageResponse<DeliveryAttempt> deliveries(long id, PageRequest page) {
    require(id);
    long total = store.countAttempts(id);
    List<DeliveryAttempt> items =
        store.attempts(id, page.offset(), page.size()).stream().map(DeliveryAttempt::from).toList();
    return PageResponse.of(items, page.offset(), page.size(), total, null);
  }

  private WebhookStore.Endpoint checked(long id, String ifMatch) {
    WebhookStore.Endpoint endpoint = require(id);
    if (ifMatch != null) {
      Preconditions.requireMatch(ifMatch, endpoint.version());
    }
    return endpoint;
  }

  private WebhookStore.Endpoint require(long id) {
    return store
        .findEndpoint(id)
        .orElseThrow(() -> new ResourceNotFoundException("webhook", Long.toString(id)));
  }

  private WebhookView view(WebhookStore.Endpoint endpoint) {
    return WebhookView.from(endpoint, store.pendingCount(endpoint.id()));
  }

  private String checkUrl(String url, List<FieldError> errors) {
    if (url == null || url.isBlank()) {
      errors.add(new FieldError("url", "must not be blank"));
      return null;
    }
    if (url.length() > MAX_URL) {
      errors.add(new FieldError("url", "must have at most " + MAX_URL + " characters"));
      return null;
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      errors.add(new FieldError("url", "is not a valid URL"));
      return null;
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      errors.add(new FieldError("url", "must be an http or https URL"));
      return null;
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      errors.add(new FieldError("url", "must name a host"));
      return null;
    }
    if (uri.getRawUserInfo() != null) {
      errors.add(new FieldError("url", "must not carry credentials; sign with the secret instead"));
      return null;
    }
    if (uri.getRawFragment() != null) {
      errors.add(new FieldError("url", "must not have a fragment"));
      return null;
    }
    try {
      guard.check(uri.getHost());
    } catch (AddressGuard.RefusedAddressException e) {
      errors.add(new FieldError("url", "is refused: " + e.getMessage()));
      return null;
    } catch (UnknownHostException e) {
      // Not resolvable now (DNS not set up yet): accepted, and checked again at every delivery.
    }
    return url;
  }

  private static Set<String> checkEvents(List<String> events, List<FieldError> errors) {
    if (events == null || events.isEmpty()) {
      return new LinkedHashSet<>(WebhookDispatcher.EVENTS);
    }
    Set<String> chosen = new LinkedHashSet<>();
    for (int i = 0; i < events.size(); i++) {
      String event = events.get(i);
      if (event == null || !WebhookDispatcher.EVENTS.contains(event)) {
        errors.add(
            new FieldError(
                "events." + i,
                "unknown event '"
                    + (event == null ? "null" : LogText.escape(shorten(event)))
                    + "'; the events are "
                    + String.join(", ", WebhookDispatcher.EVENTS)));
      } else {
        chosen.add(event);
      }
    }
    // In the order of the list of events, whatever order they were given in.
    Set<String> ordered = new LinkedHashSet<>();
    WebhookDispatcher.EVENTS.stream().filter(chosen::contains).forEach(ordered::add);
    return ordered;
  }

  private Long checkFilter(String field, String value, List<FieldError> errors) {
    if (value == null) {
      return null;
    }
    if (value.isBlank() || value.length() > 200) {
      errors.add(new FieldError(field, "must be the id or slug of a " + field));
      return null;
    }
    try {
      ArticleScope.Scope scope =
          field.equals("category") ? scopes.parse(value, null) : scopes.parse(null, value);
      return Optional.ofNullable(field.equals("category") ? scope.categoryId() : scope.zoneId())
          .orElse(null);
    } catch (ProblemException e) {
      errors.add(
          new FieldError(
              field, "names no " + field + ": '" + LogText.escape(shorten(value)) + "'"));
      return null;
    }
  }

  private static String shorten(String value) {
    return value.length() <= 100 ? value : value.substring(0, 100) + "…";
  }
}
