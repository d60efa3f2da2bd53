package com.investchn.content.zone;

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
 * The whole zone tree in memory. Zones are few (hundreds) and read on every article request, so one
 * copy is kept and re-read when the change log moves past a zone change.
 */
@ApplicationScoped
public class ZoneCatalog {

  /** Siblings are ordered by name (code point order), then id, the same on every database. */
  static final Comparator<ZoneInfo> BY_NAME =
      Comparator.comparing(ZoneInfo::name).thenComparingLong(ZoneInfo::id);

  private final CommittedSnapshot<Forest<ZoneInfo>> snapshot;
  private final TransactionSynchronizationRegistry transactions;

  public ZoneCatalog(ZoneRepository repository, TransactionSynchronizationRegistry transactions) {
    this.transactions = transactions;
    this.snapshot =
        new CommittedSnapshot<>(
            () ->
                QuarkusTransaction.requiringNew()
                    .call(
                        () ->
                            Forest.of(
                                repository.listAll().stream().map(ZoneInfo::from).toList(),
                                ZoneInfo::id,
                                ZoneInfo::parentId,
                                ZoneInfo::slug,
                                BY_NAME)));
  }

  public Forest<ZoneInfo> tree() {
    return snapshot.get();
  }

  /**
   * The zone a query parameter names.
   *
   * @throws InvalidParameterException naming the parameter when no zone has that id or slug
   */
  public ZoneInfo requireForFilter(String parameter, String idOrSlug) {
    return tree()
        .find(IdOrSlug.parse(idOrSlug))
        .orElseThrow(
            () -> new InvalidParameterException(parameter, "names no zone: '" + idOrSlug + "'."));
  }

  /** Reloads after zones or categories changed, through this instance or another one. */
  void onCommitted(@Observes ChangesCommitted committed) {
    if (committed.touches(Change.Entity.ZONE)) {
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
