package com.investchn.content.category;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** Persistence of categories; the public API reads them through {@link CategoryCatalog}. */
@ApplicationScoped
public class CategoryRepository implements PanacheRepository<Category> {

  // Articles are counted and moved in SQL so that the category feature needs no dependency on the
  // article feature (which depends on categories).

  /** Articles in the category itself (not those below it). */
  public long countArticlesReferring(long categoryId) {
    Number count =
        (Number)
            getEntityManager()
                .createNativeQuery("select count(*) from article where category_id = ?1")
                .setParameter(1, categoryId)
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
