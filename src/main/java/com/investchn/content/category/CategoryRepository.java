package com.investchn.content.category;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** Persistence of zones; the public API reads them through {@link CategoryCatalog}. */
@ApplicationScoped
public class CategoryRepository implements PanacheRepository<Category> {

  // Articles are counted and moved in SQL so that the category feature needs no dependency on the
  // article feature (which depends on categories).

  /** Articles filed under or published by the zone. */
  public long countArticlesReferring(long zoneId) {
    Number count =
        (Number)
            getEntityManager()
                .createNativeQuery(
                    "select count(*) from article where zone_id = ?1 or publisher_zone_id = ?1")
                .setParameter(1, zoneId)
                .getSingleResult();
    return count.longValue();
  }

  /** Moves every article of one category to another. */
  public void reassignArticles(long fromCategoryId, long toCategoryId) {
    getEntityManager()
        .createNativeQuery(
            "update article set category_id = ?2, version = version + 1 where category_id = ?1")
        .setParameter(1, fromCategoryId)
        .setParameter(2, toCategoryId)
        .executeUpdate();
  }
}
