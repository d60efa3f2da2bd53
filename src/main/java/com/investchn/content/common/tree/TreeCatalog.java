package com.investchn.content.common.tree;

import com.investchn.content.common.change.Change;
import com.investchn.content.common.change.ChangesCommitted;
import com.investchn.content.common.edge.IdOrSlug;
import com.investchn.content.common.problem.InvalidParameterException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One tree of the content (the zones, the categories) in memory: every article request needs it for
 * filters and breadcrumbs, and it is small, so one committed copy is kept and re-read when the
 * change log moves past a change of this kind, through this instance or another one.
 *
 * @param <T> the node
 */
public final class TreeCatalog<T> {

  private final Change.Entity entity;
  private final CommittedSnapshot<Forest<T>> snapshot;
  private final TransactionSynchronizationRegistry transactions;

  /**
   * @param entity the kind of node, which the change log names and messages call it by
   * @param nodes reads every node, in a transaction of its own
   * @param siblings the order of siblings and of the flat list
   */
  public TreeCatalog(
      Change.Entity entity,
      Supplier<List<T>> nodes,
      Function<T, Long> id,
      Function<T, Long> parentId,
      Function<T, String> slug,
      Comparator<T> siblings,
      TransactionSynchronizationRegistry transactions) {
    this.entity = entity;
    this.transactions = transactions;
    this.snapshot =
        new CommittedSnapshot<>(
            () ->
                QuarkusTransaction.requiringNew()
                    .call(() -> Forest.of(nodes.get(), id, parentId, slug, siblings)));
  }

  public Forest<T> tree() {
    return snapshot.get();
  }

  /**
   * The node a query parameter names.
   *
   * @throws InvalidParameterException naming the parameter when no node has that id or slug
   */
  public T requireForFilter(String parameter, String idOrSlug) {
    return tree()
        .find(IdOrSlug.parse(idOrSlug))
        .orElseThrow(
            () ->
                new InvalidParameterException(
                    parameter, "names no " + entity.wireName() + ": '" + idOrSlug + "'."));
  }

  /** Reloads once the log has moved past a change of this tree. */
  public void onCommitted(ChangesCommitted committed) {
    if (committed.touches(entity)) {
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
