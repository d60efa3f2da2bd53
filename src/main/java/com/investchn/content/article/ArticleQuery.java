package com.investchn.content.article;

import java.time.Instant;
import java.util.StringJoiner;

/**
 * A parsed and validated article list: which articles in which order. A category or zone filter
 * includes everything below the named node. Null means "not filtered by this". The context fields
 * keep what the client named, so answers can say which list they speak of.
 */
public record ArticleQuery(
    Long categoryId,
    Long zoneId,
    Long publisherZoneId,
    String source,
    Instant from,
    Instant to,
    ArticleSort sort,
    ArticleListContext context) {

  /** Identifies the list, so a cursor minted for one list is refused by another. */
  public String fingerprint() {
    StringJoiner joiner = new StringJoiner("\u0000");
    joiner.add("articles");
    joiner.add(String.valueOf(categoryId));
    joiner.add(String.valueOf(zoneId));
    joiner.add(String.valueOf(publisherZoneId));
    joiner.add(String.valueOf(source));
    joiner.add(String.valueOf(from));
    joiner.add(String.valueOf(to));
    joiner.add(sort.wireName());
    return joiner.toString();
  }
}
