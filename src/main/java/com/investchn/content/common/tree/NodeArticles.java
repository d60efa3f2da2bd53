package com.investchn.content.common.tree;

import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The articles that refer to a tree node, read and moved in SQL, so that the zone and category
 * features need no dependency on the article feature (which depends on them).
 */
public final class NodeArticles {

  /** An article that refers to a node, and whether the public API shows it now. */
  public record ReferringArticle(long id, String slug, boolean visible) {}

  private final EntityManager entityManager;

  public NodeArticles(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  /** Articles whose {@code column} (or any of the columns) names the node. */
  public List<ReferringArticle> referring(long nodeId, String... columns) {
    String where = String.join(" = ?1 or ", columns) + " = ?1";
    List<?> rows =
        entityManager
            .createNativeQuery(
                "select id, slug, status, published_at from article where "
                    + where
                    + " order by id")
            .setParameter(1, nodeId)
            .getResultList();
    Instant now = Instant.now();
    return rows.stream()
        .map(Object[].class::cast)
        .map(
            row ->
                new ReferringArticle(
                    ((Number) row[0]).longValue(),
                    (String) row[1],
                    "PUBLISHED".equals(row[2]) && !instant(row[3]).isAfter(now)))
        .toList();
  }

  /** Hands every article whose {@code column} names one node to another, with a new version. */
  public void reassign(String column, long fromId, long toId, String actor) {
    entityManager
        .createNativeQuery(
            "update article set "
                + column
                + " = ?2, version = version + 1, updated_at = ?3, updated_by = ?4 where "
                + column
                + " = ?1")
        .setParameter(1, fromId)
        .setParameter(2, toId)
        .setParameter(3, Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS)))
        .setParameter(4, actor)
        .executeUpdate();
  }

  private static Instant instant(Object value) {
    if (value instanceof Instant instant) {
      return instant;
    }
    if (value instanceof java.time.OffsetDateTime time) {
      return time.toInstant();
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    throw new IllegalStateException("Unexpected time value " + value);
  }
}
