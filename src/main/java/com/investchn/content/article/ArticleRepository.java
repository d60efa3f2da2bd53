package com.investchn.content.article;

import com.investchn.content.common.time.PortalTime;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;

/**
 * Every article query of the public API. Lists are read from the article listing (one index range
 * per list, in publication order) and continue from a key, never from a large offset, so a page, a
 * cursor and a neighbour each read a number of index entries proportional to the page whatever the
 * size of the table or the depth of the page.
 */
@ApplicationScoped
public class ArticleRepository implements PanacheRepository<Article> {

  private static final String ROW =
      "select new com.investchn.content.article.ArticleRow(a.id, a.slug, a.title, a.summary,"
          + " a.publishedAt, a.updatedAt, a.source, a.coverImageUrl, a.categoryId, a.zoneId,"
          + " a.publisherZoneId) from Article a where a.id in :ids";

  /** A position in a list: the sort key of one item, its time in the list's order and its id. */
  public record ListKey(Instant time, long id) {}

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

  /** The number of items of a list. */
  public long count(ListingPlan plan, Instant now) {
    return query(countSql(plan), plan.bind(now), rows -> rows.next() ? rows.getLong(1) : 0L);
  }

  /**
   * Every {@code stride}-th key of a list, in list order: the key at positions stride - 1, 2 *
   * stride - 1, … — the seek points that let a deep page start near its first item.
   */
  public List<ListKey> boundaries(ListingPlan plan, Instant now, int stride) {
    return query(
        boundariesSql(plan),
        plan.bind(now),
        rows -> {
          List<ListKey> keys = new ArrayList<>();
          long position = 0;
          while (rows.next()) {
            if (++position % stride == 0) {
              keys.add(new ListKey(instant(rows, 1), rows.getLong(2)));
            }
          }
          return keys;
        });
  }

  /**
   * Up to {@code limit} keys of a list: after {@code after} (in list order) when given, then
   * skipping {@code skip} items.
   */
  public List<ListKey> keys(ListingPlan plan, Instant now, ListKey after, long skip, int limit) {
    List<Object> parameters = new ArrayList<>(plan.bind(now));
    if (after != null) {
      parameters.add(utc(after.time()));
      parameters.add(utc(after.time()));
      parameters.add(after.id());
    }
    parameters.add(limit);
    return query(keysSql(plan, after != null, skip), parameters, ArticleRepository::readKeys);
  }

  /**
   * The item right next to the given key (the time the list is ordered by and the id): the one
   * above it in the list ({@code above = true}) or the one below it.
   */
  public Optional<ArticleRow> neighbour(
      ListingPlan plan, Instant now, Instant time, long id, boolean above) {
    // Above an item in a newest-first list lies the next newer one, and the reverse.
    boolean towardsOlder = above != plan.descending();
    List<Object> parameters = new ArrayList<>(plan.bind(now));
    parameters.add(utc(time));
    parameters.add(utc(time));
    parameters.add(id);
    List<ListKey> keys =
        query(neighbourSql(plan, towardsOlder), parameters, ArticleRepository::readKeys);
    return rows(keys).stream().findFirst();
  }

  /**
   * Whether the article with this key (the time the list is ordered by and the id) is one of the
   * list's items: one entry looked up.
   */
  public boolean contains(ListingPlan plan, Instant now, Instant time, long id) {
    List<Object> parameters = new ArrayList<>(plan.bind(now));
    parameters.add(utc(time));
    parameters.add(id);
    return query(containsSql(plan), parameters, ResultSet::next);
  }

  private static final String INDEXED =
      "select new com.investchn.content.article.IndexedArticle(a.id, a.title, a.summary, a.body,"
          + " a.publishedAt, a.categoryId, a.zoneId, a.publisherZoneId, a.source) from Article a"
          + " where a.status = :published and a.publishedAt <= :now";

  /** A public article's id and the length of its body in characters. */
  public record BodyLength(long id, long characters) {}

  private static final String BODY_LENGTH =
      "select new com.investchn.content.article.ArticleRepository$BodyLength(a.id,"
          + " length(a.body)) from Article a where a.status = :published and a.publishedAt <= :now";

  /** The body lengths of public articles above {@code afterId}, ascending by id. */
  public List<BodyLength> publicBodyLengthsAfter(long afterId, Instant now, int limit) {
    return getEntityManager()
        .createQuery(BODY_LENGTH + " and a.id > :after order by a.id", BodyLength.class)
        .setParameter("after", afterId)
        .setParameter("published", ArticleStatus.PUBLISHED)
        .setParameter("now", now)
        .setMaxResults(limit)
        .getResultList();
  }

  /** The body lengths of those of these articles that are public at {@code now}, by id. */
  public List<BodyLength> publicBodyLengths(List<Long> ids, Instant now) {
    return getEntityManager()
        .createQuery(BODY_LENGTH + " and a.id in :ids order by a.id", BodyLength.class)
        .setParameter("ids", ids)
        .setParameter("published", ArticleStatus.PUBLISHED)
        .setParameter("now", now)
        .getResultList();
  }

  /** The indexed columns of those of these articles that are public at {@code now}. */
  public List<IndexedArticle> publicIndexed(List<Long> ids, Instant now) {
    return getEntityManager()
        .createQuery(INDEXED + " and a.id in :ids", IndexedArticle.class)
        .setParameter("ids", ids)
        .setParameter("published", ArticleStatus.PUBLISHED)
        .setParameter("now", now)
        .getResultList();
  }

  /** The list rows of those of these articles that are public at {@code now}, in id order given. */
  public List<ArticleRow> publicRows(List<Long> ids, Instant now) {
    Map<Long, ArticleRow> byId = new HashMap<>();
    getEntityManager()
        .createQuery(ROW + " and a.status = :published and a.publishedAt <= :now", ArticleRow.class)
        .setParameter("ids", ids)
        .setParameter("published", ArticleStatus.PUBLISHED)
        .setParameter("now", now)
        .getResultList()
        .forEach(row -> byId.put(row.id(), row));
    List<ArticleRow> rows = new ArrayList<>(ids.size());
    for (Long id : ids) {
      ArticleRow row = byId.get(id);
      if (row != null) {
        rows.add(row);
      }
    }
    return rows;
  }

  /** The list rows of the public articles with one of these ids or slugs, in no order. */
  public List<ArticleRow> publicRowsByIdOrSlug(List<Long> ids, List<String> slugs, Instant now) {
    // An empty IN list is not valid everywhere: a value no article has stands in for it.
    return getEntityManager()
        .createQuery(
            ROW.replace("a.id in :ids", "(a.id in :ids or a.slug in :slugs)")
                + " and a.status = :published and a.publishedAt <= :now",
            ArticleRow.class)
        .setParameter("ids", ids.isEmpty() ? List.of(-1L) : ids)
        .setParameter("slugs", slugs.isEmpty() ? List.of("") : slugs)
        .setParameter("published", ArticleStatus.PUBLISHED)
        .setParameter("now", now)
        .getResultList();
  }

  /** The list rows of the articles with these keys, in the order of the keys. */
  public List<ArticleRow> rows(List<ListKey> keys) {
    if (keys.isEmpty()) {
      return List.of();
    }
    List<Long> ids = keys.stream().map(ListKey::id).toList();
    Map<Long, ArticleRow> byId = new HashMap<>();
    getEntityManager()
        .createQuery(ROW, ArticleRow.class)
        .setParameter("ids", ids)
        .getResultList()
        .forEach(row -> byId.put(row.id(), row));
    List<ArticleRow> rows = new ArrayList<>(ids.size());
    for (Long id : ids) {
      ArticleRow row = byId.get(id);
      if (row != null) {
        rows.add(row);
      }
    }
    return rows;
  }

  /** The articles with these keys, in the order of the keys. */
  public List<Article> articles(List<ListKey> keys) {
    if (keys.isEmpty()) {
      return List.of();
    }
    List<Long> ids = keys.stream().map(ListKey::id).toList();
    Map<Long, Article> byId = new HashMap<>();
    list("id in ?1", ids).forEach(article -> byId.put(article.id, article));
    List<Article> articles = new ArrayList<>(ids.size());
    for (Long id : ids) {
      Article article = byId.get(id);
      if (article != null) {
        articles.add(article);
      }
    }
    return articles;
  }

  /**
   * The months (Asia/Shanghai) with public articles, oldest first: one pass over the list of all
   * public articles, grouped by the database.
   */
  public List<PublicationMonth> publicationMonths(Instant now) {
    return query(
        publicationMonthsSql(),
        List.of(ArticleListing.ALL, utc(now)),
        rows -> {
          List<PublicationMonth> months = new ArrayList<>();
          while (rows.next()) {
            Instant published = instant(rows, 4);
            Instant updated = instant(rows, 5);
            months.add(
                new PublicationMonth(
                    java.time.YearMonth.of(rows.getInt(1), rows.getInt(2)),
                    rows.getLong(3),
                    updated.isAfter(published) ? updated : published));
          }
          return months;
        });
  }

  /**
   * Up to {@code limit} public articles published in {@code [from, until)}, oldest first, after
   * skipping {@code skip} of them: one range of the listing's primary key.
   */
  public List<ArticleStamp> stamps(Instant from, Instant until, Instant now, long skip, int limit) {
    return query(
        stampsSql(skip),
        List.of(ArticleListing.ALL, utc(from), utc(until), utc(now), limit),
        rows -> {
          List<ArticleStamp> stamps = new ArrayList<>();
          while (rows.next()) {
            Instant published = instant(rows, 3);
            Instant updated = instant(rows, 4);
            stamps.add(
                new ArticleStamp(
                    rows.getLong(1),
                    rows.getString(2),
                    published,
                    updated.isAfter(published) ? updated : published));
          }
          return stamps;
        });
  }

  // The statements, apart so that ArticleQueryPlanTest can show how each one is executed.

  static String countSql(ListingPlan plan) {
    return "select count(*) from article_listing l where " + plan.where();
  }

  static String boundariesSql(ListingPlan plan) {
    return "select l."
        + plan.column()
        + ", l.article_id from article_listing l where "
        + plan.where()
        + plan.orderBy(plan.descending());
  }

  /** Binds the plan, then the key three times when {@code afterKey}, then the limit. */
  static String keysSql(ListingPlan plan, boolean afterKey, long skip) {
    return "select l."
        + plan.column()
        + ", l.article_id from article_listing l where "
        + plan.where()
        + (afterKey ? keyset(plan, plan.descending()) : "")
        + plan.orderBy(plan.descending())
        + (skip > 0 ? " offset " + skip + " rows" : "")
        + " fetch first ? rows only";
  }

  /** Binds the plan, then the key three times. */
  static String neighbourSql(ListingPlan plan, boolean towardsOlder) {
    return "select l."
        + plan.column()
        + ", l.article_id from article_listing l where "
        + plan.where()
        + keyset(plan, towardsOlder)
        + plan.orderBy(towardsOlder)
        + " fetch first 1 rows only";
  }

  /**
   * Binds the plan, then the article's time in the list's order and its id: with the time the
   * lookup is one index entry; without it, a walk of the list's whole range.
   */
  static String containsSql(ListingPlan plan) {
    return "select 1 from article_listing l where "
        + plan.where()
        + " and l."
        + plan.column()
        + " = ? and l.article_id = ?";
  }

  /**
   * Binds the list key and now. AT TIME ZONE with a region name reads the Shanghai calendar month
   * on H2 and PostgreSQL alike (PostgreSQL would otherwise take the session's zone).
   */
  static String publicationMonthsSql() {
    String local = "l.published_at at time zone '" + PortalTime.ZONE.getId() + "'";
    return "select y, m, count(*), max(published_at), max(updated_at) from (select"
        + " extract(year from "
        + local
        + ") as y, extract(month from "
        + local
        + ") as m, l.published_at, l.updated_at from article_listing l"
        + " where l.list_key = ? and l.published_at <= ?) t group by y, m order by y, m";
  }

  /** Binds the list key, the start, the exclusive end, now and the limit. */
  static String stampsSql(long skip) {
    return "select l.article_id, a.slug, l.published_at, l.updated_at from article_listing l"
        + " join article a on a.id = l.article_id"
        + " where l.list_key = ? and l.published_at >= ? and l.published_at < ?"
        + " and l.published_at <= ?"
        + " order by l.list_key asc, l.published_at asc, l.article_id asc"
        + (skip > 0 ? " offset " + skip + " rows" : "")
        + " fetch first ? rows only";
  }

  /**
   * The first conjunct bounds the index range; the second settles ties on the list's time by id.
   * {@code towardsOlder}: towards earlier times (and lower ids).
   */
  private static String keyset(ListingPlan plan, boolean towardsOlder) {
    String column = "l." + plan.column();
    return towardsOlder
        ? " and " + column + " <= ? and (" + column + " < ? or l.article_id < ?)"
        : " and " + column + " >= ? and (" + column + " > ? or l.article_id > ?)";
  }

  private static List<ListKey> readKeys(ResultSet rows) throws SQLException {
    List<ListKey> keys = new ArrayList<>();
    while (rows.next()) {
      keys.add(new ListKey(instant(rows, 1), rows.getLong(2)));
    }
    return keys;
  }

  /** Reads what a statement returns. */
  private interface Reader<T> {
    T read(ResultSet rows) throws SQLException;
  }

  private <T> T query(String sql, List<Object> parameters, Reader<T> reader) {
    return getEntityManager()
        .unwrap(Session.class)
        .doReturningWork(
            (Connection connection) -> {
              try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.size(); i++) {
                  statement.setObject(i + 1, parameters.get(i));
                }
                try (ResultSet rows = statement.executeQuery()) {
                  return reader.read(rows);
                }
              }
            });
  }

  static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rows, int column) throws SQLException {
    return rows.getObject(column, OffsetDateTime.class).toInstant();
  }
}
