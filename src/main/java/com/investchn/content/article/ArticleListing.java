package com.investchn.content.article;

import com.investchn.content.common.change.Change;
import com.investchn.content.common.change.ChangesAppended;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Keeps the article listing: for every published article one row per public list it belongs to (see
 * V4__article_listing.sql). The rows are derived from an article's status, time, category, zones
 * and source and from the two trees, and re-derived in the writer's transaction whenever the change
 * log is appended to: for the articles that changed, and for every article below a zone or category
 * that moved.
 */
@ApplicationScoped
class ArticleListing {

  private static final Logger LOG = Logger.getLogger(ArticleListing.class);

  /** The layout of the rows; a stored layout below this one is rebuilt at start-up. */
  static final int LAYOUT = 1;

  /** Key of the list of all public articles. */
  static final String ALL = "all";

  private static final int CHUNK = 500;

  private final EntityManager entityManager;

  public ArticleListing(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  static String categoryKey(long id) {
    return "c:" + id;
  }

  static String zoneKey(long id) {
    return "z:" + id;
  }

  static String publisherKey(long id) {
    return "p:" + id;
  }

  static String sourceKey(String source) {
    return "s:" + source;
  }

  /** Re-derives, in the writer's transaction, what the appended changes affect. */
  void onChanges(@Observes ChangesAppended event) {
    Set<Long> articles = new LinkedHashSet<>();
    List<String> movedSubtrees = new ArrayList<>();
    for (Change change : event.changes()) {
      switch (change.entity()) {
        case ARTICLE -> articles.add(change.entityId());
        case ZONE -> {
          if (change.moved()) {
            movedSubtrees.add(zoneKey(change.entityId()));
          }
        }
        case CATEGORY -> {
          if (change.moved()) {
            movedSubtrees.add(categoryKey(change.entityId()));
          }
        }
        default -> {}
      }
    }
    if (articles.isEmpty() && movedSubtrees.isEmpty()) {
      return;
    }
    entityManager.flush();
    entityManager
        .unwrap(Session.class)
        .doWork(
            connection -> {
              Set<Long> underMoved = new LinkedHashSet<>();
              for (String key : movedSubtrees) {
                underMoved.addAll(articlesListedUnder(connection, key));
              }
              underMoved.removeAll(articles);
              articles.addAll(underMoved);
              Instant now = Instant.now();
              Neighbours neighbours = new Neighbours();
              neighbours.collect(connection, articles, now);
              refresh(connection, articles);
              neighbours.collect(connection, articles, now);
              // Their breadcrumb, refs or neighbours changed with the node above them.
              for (Slugged article : slugs(connection, underMoved)) {
                event.alsoChanged(
                    Change.article(
                        article.id(), article.slug(), article.visible(), article.visible()));
              }
              Set<Long> affected = neighbours.affected(connection);
              affected.removeAll(articles);
              for (Slugged article : slugs(connection, affected)) {
                event.alsoChanged(Change.navigation(article.id(), article.slug()));
              }
            });
  }

  /** An article's id and slug, and whether it is public now. */
  private record Slugged(long id, String slug, boolean visible) {}

  private static List<Slugged> slugs(Connection connection, Collection<Long> articleIds)
      throws SQLException {
    List<Long> ids = new ArrayList<>(articleIds);
    List<Slugged> found = new ArrayList<>();
    Instant now = Instant.now();
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
      try (PreparedStatement select =
          connection.prepareStatement(
              "select id, slug, status, published_at from article where id in ("
                  + placeholders(chunk)
                  + ") order by id")) {
        bind(select, chunk);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            Timestamp publishedAt = rows.getTimestamp(4);
            found.add(
                new Slugged(
                    rows.getLong(1),
                    rows.getString(2),
                    "PUBLISHED".equals(rows.getString(3))
                        && publishedAt != null
                        && !publishedAt.toInstant().isAfter(now)));
          }
        }
      }
    }
    return found;
  }

  /**
   * The articles whose previous or next link a write changes. An article's neighbours are read in
   * its default list, its own category and zone with their descendants; an article A lies in the
   * default list of B exactly when B's category and zone are at or above A's. So for every pair of
   * A's category and zone lists (itself and its ancestors in each tree), A's nearest public
   * neighbours in that list are affected when that list is their own default list. Collected before
   * the listing is re-derived (where A was) and after it (where A is now): whoever had A next to
   * it, or has it now, is told.
   */
  private static final class Neighbours {

    private record Pair(long categoryId, long zoneId) {}

    private final Map<Long, Set<Pair>> candidates = new HashMap<>();

    /**
     * Whether some article is filed under exactly this category and zone, so that the list can be
     * someone's default list at all. Most pairs of ancestors are nobody's own (a top channel with a
     * province, say); asking first, once per pair and write, spared an import the neighbour queries
     * of up to a dozen such lists per article, which were 80 % of its time.
     */
    private final Map<Pair, Boolean> somebodysOwn = new HashMap<>();

    private boolean isSomebodysOwn(Connection connection, Pair pair) throws SQLException {
      Boolean known = somebodysOwn.get(pair);
      if (known == null) {
        try (PreparedStatement select =
            connection.prepareStatement(
                "select 1 from article where category_id = ? and zone_id = ?"
                    + " fetch first 1 rows only")) {
          select.setLong(1, pair.categoryId());
          select.setLong(2, pair.zoneId());
          try (ResultSet rows = select.executeQuery()) {
            known = rows.next();
          }
        }
        somebodysOwn.put(pair, known);
      }
      return known;
    }

    void collect(Connection connection, Collection<Long> articleIds, Instant now)
        throws SQLException {
      for (long id : articleIds) {
        List<Long> categoryLists = new ArrayList<>();
        List<Long> zoneLists = new ArrayList<>();
        Timestamp publishedAt = null;
        try (PreparedStatement select =
            connection.prepareStatement(
                "select list_key, published_at from article_listing where article_id = ?")) {
          select.setLong(1, id);
          try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              String key = rows.getString(1);
              publishedAt = rows.getTimestamp(2);
              if (key.startsWith("c:")) {
                categoryLists.add(Long.parseLong(key.substring(2)));
              } else if (key.startsWith("z:")) {
                zoneLists.add(Long.parseLong(key.substring(2)));
              }
            }
          }
        }
        if (publishedAt == null || publishedAt.toInstant().isAfter(now)) {
          // Not in any public list, so no public article has it as a neighbour.
          continue;
        }
        for (long category : categoryLists) {
          for (long zone : zoneLists) {
            Pair pair = new Pair(category, zone);
            if (!isSomebodysOwn(connection, pair)) {
              continue;
            }
            ListingPlan plan =
                new ListingPlan(
                    categoryKey(category),
                    List.of(zoneKey(zone)),
                    null,
                    null,
                    ArticleSort.PUBLISHED_AT_DESC);
            for (boolean towardsOlder : new boolean[] {true, false}) {
              try (PreparedStatement select =
                  connection.prepareStatement(ArticleRepository.neighbourSql(plan, towardsOlder))) {
                int index = 1;
                for (Object value : plan.bind(now)) {
                  select.setObject(index++, value);
                }
                select.setObject(index++, ArticleRepository.utc(publishedAt.toInstant()));
                select.setObject(index++, ArticleRepository.utc(publishedAt.toInstant()));
                select.setLong(index, id);
                try (ResultSet rows = select.executeQuery()) {
                  if (rows.next()) {
                    candidates.computeIfAbsent(rows.getLong(2), key -> new HashSet<>()).add(pair);
                  }
                }
              }
            }
          }
        }
      }
    }

    /** The candidates whose own category and zone make a list they were found in their own. */
    Set<Long> affected(Connection connection) throws SQLException {
      Set<Long> affected = new LinkedHashSet<>();
      List<Long> ids = new ArrayList<>(candidates.keySet());
      for (int from = 0; from < ids.size(); from += CHUNK) {
        List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
        try (PreparedStatement select =
            connection.prepareStatement(
                "select id, category_id, zone_id from article where id in ("
                    + placeholders(chunk)
                    + ")")) {
          bind(select, chunk);
          try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              long id = rows.getLong(1);
              if (candidates.get(id).contains(new Pair(rows.getLong(2), rows.getLong(3)))) {
                affected.add(id);
              }
            }
          }
        }
      }
      return affected;
    }
  }

  /**
   * Builds the whole listing when the stored layout is missing or older than {@link #LAYOUT},
   * before the service answers (and before the demo data loads). Instances starting together
   * serialise on the derived_state row, and the second finds the work done.
   */
  void rebuildIfNeeded(@Observes @Priority(10) StartupEvent event) {
    QuarkusTransaction.requiringNew()
        .timeout(3600)
        .run(
            () ->
                entityManager
                    .unwrap(Session.class)
                    .doWork(
                        connection -> {
                          try (PreparedStatement lock =
                              connection.prepareStatement(
                                  "update derived_state set version = version where name = ?")) {
                            lock.setString(1, "article_listing");
                            lock.executeUpdate();
                          }
                          int stored;
                          try (PreparedStatement select =
                              connection.prepareStatement(
                                  "select version from derived_state where name = ?")) {
                            select.setString(1, "article_listing");
                            try (ResultSet rows = select.executeQuery()) {
                              stored = rows.next() ? rows.getInt(1) : 0;
                            }
                          }
                          if (stored >= LAYOUT) {
                            return;
                          }
                          long started = System.nanoTime();
                          int count = rebuild(connection);
                          try (PreparedStatement mark =
                              connection.prepareStatement(
                                  "update derived_state set version = ?, built_at = ? where name = ?")) {
                            mark.setInt(1, LAYOUT);
                            mark.setTimestamp(2, Timestamp.from(Instant.now()));
                            mark.setString(3, "article_listing");
                            mark.executeUpdate();
                          }
                          LOG.infof(
                              "Built the article listing for %d articles in %d ms",
                              count, (System.nanoTime() - started) / 1_000_000);
                        }));
  }

  private int rebuild(Connection connection) throws SQLException {
    try (PreparedStatement clear = connection.prepareStatement("delete from article_listing")) {
      clear.executeUpdate();
    }
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement select =
            connection.prepareStatement("select id from article where status = 'PUBLISHED'");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        ids.add(rows.getLong(1));
      }
    }
    Trees trees = Trees.read(connection);
    for (int from = 0; from < ids.size(); from += CHUNK) {
      insert(connection, trees, ids.subList(from, Math.min(ids.size(), from + CHUNK)));
    }
    return ids.size();
  }

  private static List<Long> articlesListedUnder(Connection connection, String key)
      throws SQLException {
    List<Long> ids = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement("select article_id from article_listing where list_key = ?")) {
      select.setString(1, key);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          ids.add(rows.getLong(1));
        }
      }
    }
    return ids;
  }

  private static void refresh(Connection connection, Collection<Long> articleIds)
      throws SQLException {
    if (articleIds.isEmpty()) {
      return;
    }
    List<Long> ids = new ArrayList<>(articleIds);
    Trees trees = Trees.read(connection);
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
      try (PreparedStatement delete =
          connection.prepareStatement(
              "delete from article_listing where article_id in (" + placeholders(chunk) + ")")) {
        bind(delete, chunk);
        delete.executeUpdate();
      }
      insert(connection, trees, chunk);
    }
  }

  /** Inserts the rows of those of the articles that are published. */
  private static void insert(Connection connection, Trees trees, List<Long> ids)
      throws SQLException {
    try (PreparedStatement select =
            connection.prepareStatement(
                "select id, published_at, updated_at, category_id, zone_id, publisher_zone_id,"
                    + " source from article where status = 'PUBLISHED' and id in ("
                    + placeholders(ids)
                    + ")");
        PreparedStatement insert =
            connection.prepareStatement(
                "insert into article_listing (list_key, published_at, article_id, updated_at)"
                    + " values (?, ?, ?, ?)")) {
      bind(select, ids);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          long id = rows.getLong(1);
          Timestamp publishedAt = rows.getTimestamp(2);
          Timestamp updatedAt = rows.getTimestamp(3);
          for (String key :
              keys(
                  trees,
                  rows.getLong(4),
                  rows.getLong(5),
                  nullableLong(rows, 6),
                  rows.getString(7))) {
            insert.setString(1, key);
            insert.setTimestamp(2, publishedAt);
            insert.setLong(3, id);
            insert.setTimestamp(4, updatedAt);
            insert.addBatch();
          }
        }
      }
      insert.executeBatch();
    }
  }

  /** The lists an article belongs to. */
  private static Set<String> keys(
      Trees trees, long categoryId, long zoneId, Long publisherZoneId, String source) {
    Set<String> keys = new LinkedHashSet<>();
    keys.add(ALL);
    for (long category : trees.selfAndAncestors(trees.categoryParents, categoryId)) {
      keys.add(categoryKey(category));
    }
    for (long zone : trees.selfAndAncestors(trees.zoneParents, zoneId)) {
      keys.add(zoneKey(zone));
    }
    if (publisherZoneId != null) {
      keys.add(publisherKey(publisherZoneId));
    }
    if (source != null) {
      keys.add(sourceKey(source));
    }
    return keys;
  }

  /** The parents of every zone and category, read in the writer's transaction. */
  private record Trees(Map<Long, Long> zoneParents, Map<Long, Long> categoryParents) {

    static Trees read(Connection connection) throws SQLException {
      return new Trees(parents(connection, "zone"), parents(connection, "category"));
    }

    private static Map<Long, Long> parents(Connection connection, String table)
        throws SQLException {
      Map<Long, Long> parents = new HashMap<>();
      try (PreparedStatement select =
              connection.prepareStatement("select id, parent_id from " + table);
          ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          parents.put(rows.getLong(1), nullableLong(rows, 2));
        }
      }
      return parents;
    }

    List<Long> selfAndAncestors(Map<Long, Long> parents, long id) {
      List<Long> path = new ArrayList<>();
      Long current = id;
      // Bounded: a cycle (which the tree rules prevent) must not hang a write.
      for (int depth = 0; current != null && depth < 64 && !path.contains(current); depth++) {
        path.add(current);
        current = parents.get(current);
      }
      return path;
    }
  }

  private static String placeholders(List<Long> ids) {
    return String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
  }

  private static void bind(PreparedStatement statement, List<Long> ids) throws SQLException {
    for (int i = 0; i < ids.size(); i++) {
      statement.setLong(i + 1, ids.get(i));
    }
  }

  private static Long nullableLong(ResultSet rows, int column) throws SQLException {
    long value = rows.getLong(column);
    return rows.wasNull() ? null : value;
  }
}
