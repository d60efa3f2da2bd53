package com.investchn.content.publication;

import com.investchn.content.article.ArticleDetail;
import com.investchn.content.category.CategoryCatalog;
import com.investchn.content.zone.ZoneCatalog;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The set of articles a follower asked for: those filed under a category and a zone, each including
 * everything below it, with the same parameter names, values and 400s as {@code GET
 * /api/v1/articles}. Membership is judged against the trees as they are now, so an article whose
 * category moves out of the scope leaves it, and the follower is told so with a delete.
 */
@ApplicationScoped
public class ArticleScope {

  private final CategoryCatalog categories;
  private final ZoneCatalog zones;

  public ArticleScope(CategoryCatalog categories, ZoneCatalog zones) {
    this.categories = categories;
    this.zones = zones;
  }

  /** A scope by category and zone, either null for "any"; an unknown one is a 400 naming it. */
  public Scope parse(String category, String zone) {
    Long categoryId =
        category == null ? null : categories.requireForFilter("category", category).id();
    Long zoneId = zone == null ? null : zones.requireForFilter("zone", zone).id();
    return new Scope(categoryId, zoneId);
  }

  /** Whether the public article lies in the scope. */
  public boolean contains(Scope scope, ArticleDetail article) {
    if (scope.categoryId() != null
        && !categories.tree().isSelfOrDescendant(article.category().id(), scope.categoryId())) {
      return false;
    }
    return scope.zoneId() == null
        || zones.tree().isSelfOrDescendant(article.zone().id(), scope.zoneId());
  }

  /** A category and a zone by id, null meaning "any". */
  public record Scope(Long categoryId, Long zoneId) {

    public boolean isEverything() {
      return categoryId == null && zoneId == null;
    }
  }
}
