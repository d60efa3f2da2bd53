package com.investchn.content.article;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every article query of the public API. Lists are ordered by (publishedAt, id) and continue from a
 * key, never from a large offset, so a page, a cursor and a neighbour each read a few index entries
 * whatever their depth.
 */
@ApplicationScoped
public class ArticleRepository implements PanacheRepository<Article> {

  private static final String ROW =
      "select new com.investchn.content.article.ArticleRow(a.id, a.slug, a.title, a.summary,"
          + " a.publishedAt, a.source, a.coverImageUrl, a.categoryId, a.zoneId,"
          + " a.publisherZoneId) from Article a where ";

  /** A public article by id or slug: published and due. */
  public Optional<Article> findPublic(Long id, String slug, Instant now) {
    String where = id != null ? "id = ?1" : "slug = ?1";
    return find(
            where + " and status = ?2 and publishedAt <= ?3",
            id != null ? id : slug,
            ArticleStatus.PUBLISHED,
            now)
        .firstResultOptional();
  }

  public long count(ArticleQuery query, Instant now) {
    Filter filter = Filter.of(query, now);
    TypedQuery<Long> count =
        getEntityManager()
            .createQuery("select count(a) from Article a where " + filter.where, Long.class);
    filter.params.forEach(count::setParameter);
    return count.getSingleResult();
  }

  /** Up to {@code limit} items starting {@code offset} items into the list. */
  public List<ArticleRow> page(ArticleQuery query, Instant now, long offset, int limit) {
    Filter filter = Filter.of(query, now);
    TypedQuery<ArticleRow> rows =
        getEntityManager()
            .createQuery(ROW + filter.where + orderBy(query.sort().descending()), ArticleRow.class);
    filter.params.forEach(rows::setParameter);
    return rows.setFirstResult((int) offset).setMaxResults(limit).getResultList();
  }

  /** Up to {@code limit} items that come after the item with this key in list order. */
  public List<ArticleRow> pageAfter(
      ArticleQuery query, Instant now, Instant lastPublishedAt, long lastId, int limit) {
    boolean descending = query.sort().descending();
    return beyond(query, now, lastPublishedAt, lastId, descending, limit);
  }

  /**
   * The item right next to the given key: the one above it in the list ({@code above = true}) or
   * the one below it.
   */
  public Optional<ArticleRow> neighbour(
      ArticleQuery query, Instant now, Instant publishedAt, long id, boolean above) {
    boolean descending = query.sort().descending();
    // Above an item in a newest-first list lies the next newer one, and the reverse.
    boolean towardsOlder = above != descending;
    return beyond(query, now, publishedAt, id, towardsOlder, 1).stream().findFirst();
  }

  /** Whether the article with this id is one of the list's items. */
  public boolean contains(ArticleQuery query, Instant now, long id) {
    Filter filter = Filter.of(query, now);
    TypedQuery<Long> count =
        getEntityManager()
            .createQuery(
                "select count(a) from Article a where a.id = :articleId and " + filter.where,
                Long.class);
    filter.params.forEach(count::setParameter);
    return count.setParameter("articleId", id).getSingleResult() > 0;
  }

  private List<ArticleRow> beyond(
      ArticleQuery query,
      Instant now,
      Instant publishedAt,
      long id,
      boolean towardsOlder,
      int limit) {
    Filter filter = Filter.of(query, now);
    // The first conjunct bounds the index range; the second settles ties on publishedAt by id.
    String keyset =
        towardsOlder
            ? " and a.publishedAt <= :keyPublishedAt"
                + " and (a.publishedAt < :keyPublishedAt or a.id < :keyId)"
            : " and a.publishedAt >= :keyPublishedAt"
                + " and (a.publishedAt > :keyPublishedAt or a.id > :keyId)";
    TypedQuery<ArticleRow> rows =
        getEntityManager()
            .createQuery(ROW + filter.where + keyset + orderBy(towardsOlder), ArticleRow.class);
    filter.params.forEach(rows::setParameter);
    return rows.setParameter("keyPublishedAt", publishedAt)
        .setParameter("keyId", id)
        .setMaxResults(limit)
        .getResultList();
  }

  private static String orderBy(boolean descending) {
    return descending
        ? " order by a.publishedAt desc, a.id desc"
        : " order by a.publishedAt asc, a.id asc";
  }

  /** The where clause of a list: public articles that pass every filter. */
  private record Filter(String where, Map<String, Object> params) {

    static Filter of(ArticleQuery query, Instant now) {
      StringBuilder where = new StringBuilder("a.status = :published and a.publishedAt <= :now");
      Map<String, Object> params = new HashMap<>();
      params.put("published", ArticleStatus.PUBLISHED);
      params.put("now", now);
      if (query.categoryIds() != null) {
        where.append(" and a.categoryId in :categoryIds");
        params.put("categoryIds", query.categoryIds());
      }
      if (query.zoneIds() != null) {
        where.append(" and a.zoneId in :zoneIds");
        params.put("zoneIds", query.zoneIds());
      }
      if (query.publisherZoneId() != null) {
        where.append(" and a.publisherZoneId = :publisherZoneId");
        params.put("publisherZoneId", query.publisherZoneId());
      }
      if (query.source() != null) {
        where.append(" and a.source = :source");
        params.put("source", query.source());
      }
      if (query.from() != null) {
        where.append(" and a.publishedAt >= :from");
        params.put("from", query.from());
      }
      if (query.to() != null) {
        where.append(" and a.publishedAt <= :to");
        params.put("to", query.to());
      }
      return new Filter(where.toString(), params);
    }
  }
}
