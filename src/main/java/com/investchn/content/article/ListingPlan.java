package com.investchn.content.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How one article list is read from the listing: the list whose index range drives the read (the
 * smallest one), the other lists an item must also belong to, the time range and the order.
 */
record ListingPlan(
    String drivingKey, List<String> otherKeys, Instant from, Instant to, boolean descending) {

  /** The where clause over {@code article_listing l}; bind its values with {@link #bind}. */
  String where() {
    StringBuilder where = new StringBuilder("l.list_key = ? and l.published_at <= ?");
    if (from != null) {
      where.append(" and l.published_at >= ?");
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
   * The list order. The list key, fixed by the where clause, leads so that the order is the primary
   * key's, forwards or backwards: without it H2 sorts the whole list to find a page.
   */
  String orderBy(boolean descendingOrder) {
    return descendingOrder
        ? " order by l.list_key desc, l.published_at desc, l.article_id desc"
        : " order by l.list_key asc, l.published_at asc, l.article_id asc";
  }

  /** Identifies the plan for the statistics cache. */
  String fingerprint() {
    return drivingKey + "|" + otherKeys + "|" + from + "|" + to + "|" + descending;
  }
}
