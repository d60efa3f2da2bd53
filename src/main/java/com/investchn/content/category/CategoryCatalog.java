package com.investchn.content.category;

import com.investchn.content.common.change.Change;
import com.investchn.content.common.change.ChangesCommitted;
import com.investchn.content.common.tree.Forest;
import com.investchn.content.common.tree.TreeCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Comparator;

/**
 * The whole category tree in memory, re-read when the change log moves past a category change;
 * every article request needs it for filters and breadcrumbs.
 */
@ApplicationScoped
public class CategoryCatalog {

  /** Siblings in display order: position, then name, then id. */
  static final Comparator<CategoryInfo> BY_POSITION =
      Comparator.comparingInt(CategoryInfo::position)
          .thenComparing(CategoryInfo::name)
          .thenComparingLong(CategoryInfo::id);

  private final TreeCatalog<CategoryInfo> catalog;

  public CategoryCatalog(
      CategoryRepository repository, TransactionSynchronizationRegistry transactions) {
    this.catalog =
        new TreeCatalog<>(
            Change.Entity.CATEGORY,
            () -> repository.listAll().stream().map(CategoryInfo::from).toList(),
            CategoryInfo::id,
            CategoryInfo::parentId,
            CategoryInfo::slug,
            BY_POSITION,
            transactions);
  }

  public Forest<CategoryInfo> tree() {
    return catalog.tree();
  }

  /**
   * The category a query parameter names.
   *
   * @throws com.investchn.content.common.problem.InvalidParameterException naming the parameter
   *     when no category has that id or slug
   */
  public CategoryInfo requireForFilter(String parameter, String idOrSlug) {
    return catalog.requireForFilter(parameter, idOrSlug);
  }

  void onCommitted(@Observes ChangesCommitted committed) {
    catalog.onCommitted(committed);
  }

  /** See {@link TreeCatalog#invalidate()}. */
  public void invalidate() {
    catalog.invalidate();
  }
}
