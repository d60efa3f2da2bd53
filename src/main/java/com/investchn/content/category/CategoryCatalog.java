package com.investchn.content.category;

import com.investchn.content.common.change.Change;
import com.investchn.content.common.change.ChangesCommitted;
import com.investchn.content.common.tree.CommittedSnapshot;
import com.investchn.content.common.tree.Forest;
import com.investchn.content.common.web.IdOrSlug;
import com.investchn.content.common.web.InvalidParameterException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
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

  private final CommittedSnapshot<Forest<CategoryInfo>> snapshot;
  private final TransactionSynchronizationRegistry transactions;

  public CategoryCatalog(
      CategoryRepository repository, TransactionSynchronizationRegistry transactions) {
    this.transactions = transactions;
    this.snapshot =
        new CommittedSnapshot<>(
            () ->
                QuarkusTransaction.requiringNew()
                    .call(
                        () ->
                            Forest.of(
                                repository.listAll().stream().map(CategoryInfo::from).toList(),
                                CategoryInfo::id,
                                CategoryInfo::parentId,
                                CategoryInfo::slug,
                                BY_POSITION)));
  }

  public Forest<CategoryInfo> tree() {
    return snapshot.get();
  }

  /**
   * The category a query parameter names.
   *
   * @throws InvalidParameterException naming the parameter when no category has that id or slug
   */
  public CategoryInfo requireForFilter(String parameter, String idOrSlug) {
    return tree()
        .find(IdOrSlug.parse(idOrSlug))
        .orElseThrow(
            () ->
                new InvalidParameterException(parameter, "names no category: '" + idOrSlug + "'."));
  }

  /** Reloads after zones or categories changed, through this instance or another one. */
  void onCommitted(@Observes ChangesCommitted committed) {
    if (committed.touches(Change.Entity.CATEGORY)) {
      snapshot.invalidate();
    }
  }

  /**
   * Drops the copy now and again when the current transaction ends, so that no reader caches the
   * state from before a change that is being committed.
   */
  public void invalidate() {
    snapshot.invalidate();
    if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
      transactions.registerInterposedSynchronization(
          new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
              snapshot.invalidate();
            }
          });
    }
  }
}
