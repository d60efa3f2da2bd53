package com.investchn.content.article;

import com.investchn.content.common.edge.QueryParameters;
import com.investchn.content.common.problem.InvalidParameterException;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The orders an article list can have: by publication or by last change, either way, ties broken by
 * id in the same direction, so every order is total. Each is one index range of the article
 * listing: (list_key, published_at, article_id) or (list_key, updated_at, article_id).
 */
public enum ArticleSort {
  PUBLISHED_AT_DESC("publishedAt,desc", "published_at", true),
  PUBLISHED_AT_ASC("publishedAt,asc", "published_at", false),
  UPDATED_AT_DESC("updatedAt,desc", "updated_at", true),
  UPDATED_AT_ASC("updatedAt,asc", "updated_at", false);

  private final String wireName;
  private final String column;
  private final boolean descending;

  ArticleSort(String wireName, String column, boolean descending) {
    this.wireName = wireName;
    this.column = column;
    this.descending = descending;
  }

  public String wireName() {
    return wireName;
  }

  public boolean descending() {
    return descending;
  }

  /** The column of article_listing the order reads. */
  String column() {
    return column;
  }

  /** The time an article is ordered by. */
  Instant timeOf(Instant publishedAt, Instant updatedAt) {
    return column.equals("updated_at") ? updatedAt : publishedAt;
  }

  /** Every order as the sort parameter spells it. */
  static String wireNames() {
    return Arrays.stream(values()).map(ArticleSort::wireName).collect(Collectors.joining(", "));
  }

  public static ArticleSort fromQuery(String raw) {
    if (raw == null) {
      return PUBLISHED_AT_DESC;
    }
    for (ArticleSort sort : values()) {
      if (sort.wireName.equals(raw)) {
        return sort;
      }
    }
    throw new InvalidParameterException(
        "sort", "must be one of " + wireNames() + ", got '" + QueryParameters.shown(raw) + "'.");
  }
}
