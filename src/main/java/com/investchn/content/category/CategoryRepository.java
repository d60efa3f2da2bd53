package com.investchn.content.category;

import com.investchn.content.common.tree.NodeArticles;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Persistence of categories; the public API reads them through {@link CategoryCatalog}. */
@ApplicationScoped
public class CategoryRepository implements PanacheRepository<Category> {

  /** The id of the category with this slug, read in the caller's transaction; null when none. */
  public Long idOfSlug(String slug) {
    return getEntityManager()
        .createQuery("select n.id from Category n where n.slug = ?1", Long.class)
        .setParameter(1, slug)
        .getResultStream()
        .findFirst()
        .orElse(null);
  }

  /** Articles in the category itself (not those below it). */
  public List<NodeArticles.ReferringArticle> articlesReferring(long categoryId) {
    return new NodeArticles(getEntityManager()).referring(categoryId, "category_id");
  }

  /** Moves every article of one category to another. */
  public void reassignArticles(long fromCategoryId, long toCategoryId, String actor) {
    new NodeArticles(getEntityManager())
        .reassign("category_id", fromCategoryId, toCategoryId, actor);
  }
}
