package com.investchn.content.common.change;

import java.util.Locale;

/**
 * One change a write makes to what the public API can show: which entity, what became of it, and
 * the event name webhooks deliver for it.
 */
public record Change(
    Entity entity, long entityId, String slug, Op op, String event, boolean moved) {

  public Change(Entity entity, long entityId, String slug, Op op, String event) {
    this(entity, entityId, slug, op, event, false);
  }

  /**
   * The same change for a zone or category that got another parent, which changes the lists of
   * every article below it. Not stored; it tells the writer's transaction what to re-derive.
   */
  public Change asMove() {
    return new Change(entity, entityId, slug, op, event, true);
  }

  /** The kinds of content the log speaks of. */
  public enum Entity {
    ARTICLE,
    ZONE,
    CATEGORY,
    SITE;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Entity fromWireName(String raw) {
      return valueOf(raw.toUpperCase(Locale.ROOT));
    }
  }

  /** The entity exists after the change (upsert) or is gone (delete). */
  public enum Op {
    UPSERT,
    DELETE;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Op fromWireName(String raw) {
      return valueOf(raw.toUpperCase(Locale.ROOT));
    }
  }

  /** A zone, category or site that was created or changed. */
  public static Change changed(Entity entity, long id, String slug) {
    return new Change(entity, id, slug, Op.UPSERT, entity.wireName() + ".changed");
  }

  /** A zone or category that was deleted. */
  public static Change deleted(Entity entity, long id, String slug) {
    return new Change(
        entity,
        id,
        slug,
        Op.DELETE,
        entity.wireName() + (entity == Entity.ARTICLE ? ".deleted" : ".changed"));
  }

  /**
   * A public article whose previous or next link changed because another article entered, left or
   * moved within its list, or changed its title, slug or time. Its own content did not change;
   * webhooks do not deliver this event, the change feed serves the article's new representation.
   */
  public static Change navigation(long id, String slug) {
    return new Change(Entity.ARTICLE, id, slug, Op.UPSERT, NAVIGATION_EVENT);
  }

  /** The event of {@link #navigation(long, String)}. */
  public static final String NAVIGATION_EVENT = "article.navigation";

  /**
   * An article that was written. The event says what readers see: it became public, stayed public
   * and changed, stopped being public, or changed while nobody can see it (a draft or an article
   * scheduled for later).
   */
  public static Change article(long id, String slug, boolean publicBefore, boolean publicAfter) {
    String event;
    if (publicAfter) {
      event = publicBefore ? "article.updated" : "article.published";
    } else {
      event = publicBefore ? "article.unpublished" : "article.hidden";
    }
    return new Change(Entity.ARTICLE, id, slug, Op.UPSERT, event);
  }
}
