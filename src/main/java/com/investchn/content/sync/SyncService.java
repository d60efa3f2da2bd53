package com.investchn.content.sync;

import com.investchn.content.article.ArticleDetail;
import com.investchn.content.category.CategoryDetail;
import com.investchn.content.common.change.Change;
import com.investchn.content.common.change.ChangeEntry;
import com.investchn.content.common.edge.QueryParameters;
import com.investchn.content.common.paging.Cursor;
import com.investchn.content.common.paging.CursorCodec;
import com.investchn.content.common.problem.InvalidParameterException;
import com.investchn.content.common.time.PortalTime;
import com.investchn.content.publication.ArticleScope;
import com.investchn.content.publication.PublicContent;
import com.investchn.content.zone.ZoneDetail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules of the change feed: which change-log entries a follower is served after its cursor,
 * each entity's latest state only, with the public representation read now, and a delete for
 * whatever the public API no longer shows or the follower's filters no longer include.
 */
@ApplicationScoped
class SyncService {

  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;

  private final SyncLog log;
  private final PublicContent content;
  private final ArticleScope scopes;
  private final CursorCodec cursors;

  SyncService(SyncLog log, PublicContent content, ArticleScope scopes, CursorCodec cursors) {
    this.log = log;
    this.content = content;
    this.scopes = scopes;
    this.cursors = cursors;
  }

  /** What a follower asked for, as sent; every value may be null. */
  record Request(String cursor, String limit, String entity, String category, String zone) {}

  @Transactional(Transactional.TxType.SUPPORTS)
  SyncPage changes(Request request) {
    int limit = limit(request.limit());
    Change.Entity entity = entity(request.entity());
    ArticleScope.Scope scope = scopes.parse(request.category(), request.zone());
    String fingerprint =
        "sync|" + request.entity() + "|" + scope.categoryId() + "|" + scope.zoneId();
    // A cursor's offset is the last position examined; its lastId the horizon it started after.
    Cursor cursor = request.cursor() == null ? null : cursors.decode(request.cursor(), fingerprint);
    long after = cursor == null ? 0 : cursor.offset();
    // Every entry up to the head is committed: the head moves in the writer's own transaction.
    long head = Math.max(after, log.head());
    List<ChangeEntry> entries = log.latest(after, head, entity, limit + 1);
    // Read after the entries: pruning moves the horizon and removes deletes in one transaction,
    // so entries read without a pruned delete come with a horizon that says so.
    long prunedThrough = log.prunedThrough();
    // A follower that started from nothing needs no delete pruned before it started: it never
    // held those entities (the feed skips an entry whose entity has a later one). The cursor
    // carries that horizon; only deletes pruned since, beyond the follower's position, are lost.
    long startedAfter =
        cursor == null ? prunedThrough : cursor.lastId() == null ? 0 : cursor.lastId();
    if (cursor != null && prunedThrough > Math.max(after, startedAfter)) {
      throw new CursorExpiredException(after, prunedThrough);
    }
    boolean hasMore = entries.size() > limit;
    if (hasMore) {
      entries = entries.subList(0, limit);
    }
    long next = hasMore ? entries.get(entries.size() - 1).seq() : head;
    List<SyncChange> changes = new ArrayList<>(entries.size());
    for (ChangeEntry entry : entries) {
      changes.add(change(entry, scope));
    }
    return new SyncPage(
        changes, cursors.encode(new Cursor(fingerprint, next, null, startedAfter)), hasMore);
  }

  /** The entity as the follower should now hold it. */
  private SyncChange change(ChangeEntry entry, ArticleScope.Scope scope) {
    Optional<Object> current = Optional.empty();
    if (entry.op() == Change.Op.UPSERT) {
      if (entry.entity() == Change.Entity.ARTICLE && !scope.isEverything()) {
        current =
            content
                .article(entry.entityId())
                .filter(article -> scopes.contains(scope, article))
                .map(Object.class::cast);
      } else {
        current = content.current(entry.entity(), entry.entityId());
      }
    }
    String entity = entry.entity().wireName();
    return current
        .map(
            data ->
                new SyncChange(
                    entity,
                    Change.Op.UPSERT.wireName(),
                    entry.entityId(),
                    slugOf(data),
                    PortalTime.toPortal(entry.changedAt()),
                    data))
        .orElseGet(
            () ->
                new SyncChange(
                    entity,
                    Change.Op.DELETE.wireName(),
                    entry.entityId(),
                    entry.slug(),
                    PortalTime.toPortal(entry.changedAt()),
                    null));
  }

  private static String slugOf(Object data) {
    if (data instanceof ArticleDetail article) {
      return article.slug();
    }
    if (data instanceof ZoneDetail zone) {
      return zone.slug();
    }
    if (data instanceof CategoryDetail category) {
      return category.slug();
    }
    return null;
  }

  private static int limit(String raw) {
    if (raw == null) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(raw);
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // Reported below with the range.
    }
    throw new InvalidParameterException(
        "limit",
        "must be an integer from 1 to "
            + MAX_LIMIT
            + ", got '"
            + QueryParameters.shown(raw)
            + "'.");
  }

  private static Change.Entity entity(String raw) {
    if (raw == null) {
      return null;
    }
    for (Change.Entity entity : Change.Entity.values()) {
      if (entity.wireName().equals(raw)) {
        return entity;
      }
    }
    throw new InvalidParameterException(
        "entity",
        "must be one of article, zone, category, site, got '" + QueryParameters.shown(raw) + "'.");
  }
}
