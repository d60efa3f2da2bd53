package com.investchn.content.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How one article list is read from the listing: the list whose index range drives the read (the
 * smallest one), the other lists an item must also belong to, the time range and the order.
 */
record ListingPlan(
    String drivingKey, List<String> otherKeys, Instant from, Instant to, ArticleSort sort) {

  /** Whether the list runs from the latest time to the earliest. */
  boolean descending() {
    return sort.descending();
  }

  /** The listing column the list is ordered by. */
  String column() {
    return sort.column();
  }

  /** The where clause over {@code article_listing l}; bind its values with {@link #bind}. */
  String where() {
    StringBuilder where = new StringBuilder("l.list_key = ? and ");
    if (column().equals("published_at")) {
      where.append("l.published_at <= ?");
      if (from != null) {
        where.append(" and l.published_at >= ?");
      }
    } else {
      // Ordered by the last change, the (list_key, updated_at, article_id) index must drive the
      // read; as a plain range the publication bounds made H2 read the whole list by the primary
      // key and sort it. Joined with a never-true "is null" (the column is not null) they are
      // filters that no database uses as an index range.
      where.append("(l.published_at <= ? or l.published_at is null)");
      if (from != null) {
        where.append(" and (l.published_at >= ? or l.published_at is null)");
      }
    }
    for (int i = 0; i < otherKeys.size(); i++) {
      where.append(
          " and exists (select 1 from article_listing x"
              + i
              + " where x"
              + i
              + ".article_id = l.article_id and x"
              + i
              + ".list_key = ?)");
    }
    return where.toString();
  }

  /** The values of {@link #where()}: public by {@code now}, within the range. */
  List<Object> bind(Instant now) {
    List<Object> values = new ArrayList<>();
    values.add(drivingKey);
    Instant upper = to != null && to.isBefore(now) ? to : now;
    values.add(ArticleRepository.utc(upper));
    if (from != null) {
      values.add(ArticleRepository.utc(from));
    }
    values.addAll(otherKeys);
    return values;
  }

  /**
   * The list order. The list key, fixed by the where clause, leads so that the order is that of the
   * primary key (or of the updated_at index), forwards or backwards: without it H2 sorts the whole
   * list to find a page.
   */
  String orderBy(boolean descendingOrder) {
    String direction = descendingOrder ? " desc" : " asc";
    return " order by l.list_key"
        + direction
        + ", l."
        + column()
        + direction
        + ", l.article_id"
        + direction;
  }

  /** Identifies the plan for the statistics cache. */
  String fingerprint() {
    return drivingKey + "|" + otherKeys + "|" + from + "|" + to + "|" + sort.wireName();
  }
}
