package com.investchn.content.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.investchn.content.article.ArticleDetail;
import com.investchn.content.common.change.Change;
import com.investchn.content.common.change.ChangeEntry;
import com.investchn.content.common.change.ChangeLog;
import com.investchn.content.common.config.ContentApiConfig;
import com.investchn.content.common.time.PortalTime;
import com.investchn.content.publication.ArticleScope;
import com.investchn.content.publication.PublicContent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns change-log entries into deliveries: from its stored position, in one transaction per batch,
 * it reads the next entries, enqueues one delivery per endpoint that wants each, and moves the
 * position. The position row stays locked until that transaction commits, so with any number of
 * instances one dispatcher at a time moves it, and every entry is enqueued exactly once.
 */
@ApplicationScoped
class WebhookDispatcher {

  /** The events endpoints can receive; other log entries (hidden articles, ...) are never sent. */
  static final List<String> EVENTS =
      List.of(
          "article.published",
          "article.updated",
          "article.unpublished",
          "article.deleted",
          "zone.changed",
          "category.changed",
          "site.changed");

  private static final Set<String> DELIVERED_EVENTS = Set.copyOf(EVENTS);

  private final ChangeLog changeLog;
  private final PublicContent content;
  private final ArticleScope scopes;
  private final WebhookStore store;
  private final ObjectMapper json;
  private final int batchSize;

  WebhookDispatcher(
      ChangeLog changeLog,
      PublicContent content,
      ArticleScope scopes,
      WebhookStore store,
      ObjectMapper json,
      ContentApiConfig config) {
    this.changeLog = changeLog;
    this.content = content;
    this.scopes = scopes;
    this.store = store;
    this.json = json;
    this.batchSize = Math.max(1, config.webhooks().dispatchBatchSize());
  }

  /** Dispatches every committed entry past the position; returns how many entries it passed. */
  int dispatchAll() {
    int total = 0;
    int passed;
    do {
      passed = QuarkusTransaction.requiringNew().call(this::dispatchBatch);
      total += passed;
    } while (passed >= batchSize);
    return total;
  }

  /** One batch, in the caller's transaction. */
  private int dispatchBatch() {
    long position = store.lockPosition();
    List<ChangeEntry> entries = changeLog.after(position, batchSize);
    if (entries.isEmpty()) {
      return 0;
    }
    List<WebhookStore.Endpoint> endpoints = store.collectingEndpoints();
    Instant now = Instant.now();
    for (ChangeEntry entry : entries) {
      if (!DELIVERED_EVENTS.contains(entry.event())) {
        continue;
      }
      List<WebhookStore.Endpoint> subscribed =
          endpoints.stream()
              .filter(endpoint -> endpoint.events().contains(entry.event()))
              .filter(endpoint -> entry.seq() > endpoint.fromSeq())
              .toList();
      if (subscribed.isEmpty()) {
        continue;
      }
      Optional<Object> current = content.current(entry.entity(), entry.entityId());
      String payload = payload(entry, current.orElse(null));
      String gone = null;
      ArticleDetail article =
          entry.entity() == Change.Entity.ARTICLE
              ? current.map(ArticleDetail.class::cast).orElse(null)
              : null;
      for (WebhookStore.Endpoint endpoint : subscribed) {
        ArticleScope.Scope scope = new ArticleScope.Scope(endpoint.categoryId(), endpoint.zoneId());
        if (entry.entity() != Change.Entity.ARTICLE || scope.isEverything()) {
          enqueue(endpoint, entry, payload, now);
        } else if (article != null && scopes.contains(scope, article)) {
          store.enterScope(endpoint.id(), entry.entityId());
          enqueue(endpoint, entry, payload, now);
        } else if (store.inScope(endpoint.id(), entry.entityId())) {
          // It left the scope (moved, unpublished, deleted): the endpoint hears it as a delete.
          store.leaveScope(endpoint.id(), entry.entityId());
          if (gone == null) {
            gone = payload(entry, null);
          }
          enqueue(endpoint, entry, gone, now);
        }
      }
    }
    store.movePosition(entries.get(entries.size() - 1).seq());
    return entries.size();
  }

  private void enqueue(WebhookStore.Endpoint endpoint, ChangeEntry entry, String body, Instant at) {
    store.enqueue(
        endpoint.id(),
        entry.seq(),
        entry.event(),
        "msg_" + entry.seq() + "_" + endpoint.id(),
        body,
        at);
  }

  /** The body for an entry: the change record with the public representation, if there is one. */
  private String payload(ChangeEntry entry, Object data) {
    WebhookMessage.ChangeRecord record =
        new WebhookMessage.ChangeRecord(
            entry.entity().wireName(),
            data == null ? Change.Op.DELETE.wireName() : Change.Op.UPSERT.wireName(),
            entry.entityId(),
            entry.slug(),
            PortalTime.toPortal(entry.changedAt()),
            data);
    return write(new WebhookMessage(entry.event(), PortalTime.toPortal(entry.changedAt()), record));
  }

  String write(WebhookMessage message) {
    try {
      return json.writeValueAsString(message);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write a webhook body", e);
    }
  }
}
