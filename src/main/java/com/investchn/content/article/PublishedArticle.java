package com.investchn.content.article;

import com.investchn.content.category.CategoryRef;
import com.investchn.content.zone.ZoneRef;
import java.time.Instant;

/**
 * A public article with everything a syndication format carries: the sanitized body, the times, the
 * byline and where it is filed. Handed to followers such as the feeds; never on the wire.
 */
public record PublishedArticle(
    long id,
    String slug,
    String title,
    String summary,
    String body,
    Instant publishedAt,
    Instant updatedAt,
    String source,
    String author,
    CategoryRef category,
    ZoneRef zone,
    ZoneRef publisherZone) {

  /**
   * When the article last changed as a reader sees it: its last edit, or its publication when that
   * came later (a scheduled article edited before its time).
   */
  public Instant lastModified() {
    return updatedAt == null || updatedAt.isBefore(publishedAt) ? publishedAt : updatedAt;
  }
}
