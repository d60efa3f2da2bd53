package com.investchn.content.article;

import java.time.Instant;

/**
 * The columns of a public article that a derived index (search) reads: its texts, with the body as
 * stored HTML, and what it is filtered and sorted by. Never the slug, cover or neighbours.
 */
public record IndexedArticle(
    Long id,
    String title,
    String summary,
    String body,
    Instant publishedAt,
    Long categoryId,
    Long zoneId,
    Long publisherZoneId,
    String source) {}
