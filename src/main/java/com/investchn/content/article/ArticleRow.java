package com.investchn.content.article;

import java.time.Instant;

/** The columns of an article that lists and navigation need; never the body. */
record ArticleRow(
    Long id,
    String slug,
    String title,
    String summary,
    Instant publishedAt,
    Instant updatedAt,
    String source,
    String coverImageUrl,
    Long categoryId,
    Long zoneId,
    Long publisherZoneId) {}
