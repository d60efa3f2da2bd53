package com.investchn.content.article;

import com.investchn.content.common.problem.InvalidParameterException;

/** The orders an article list can have; ties on publishedAt are broken by id the same way. */
enum ArticleSort {
  PUBLISHED_AT_DESC("publishedAt,desc", true),
  PUBLISHED_AT_ASC("publishedAt,asc", false);

  private final String wireName;
  private final boolean descending;

  ArticleSort(String wireName, boolean descending) {
    this.wireName = wireName;
    this.descending = descending;
  }

  public String wireName() {
    return wireName;
  }

  public boolean descending() {
    return descending;
  }

  static ArticleSort fromQuery(String raw) {
    if (raw == null) {
      return PUBLISHED_AT_DESC;
    }
    for (ArticleSort sort : values()) {
      if (sort.wireName.equals(raw)) {
        return sort;
      }
    }
    throw new InvalidParameterException(
        "sort",
        "must be publishedAt,desc or publishedAt,asc, got '"
            + com.investchn.content.common.edge.QueryParameters.shown(raw)
            + "'.");
  }
}
