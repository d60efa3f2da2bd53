package com.investchn.content.zone;

import com.investchn.content.common.change.Change;
import com.investchn.content.common.change.ChangesCommitted;
import com.investchn.content.common.tree.Forest;
import com.investchn.content.common.tree.TreeCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.text.Collator;
import java.util.Comparator;
import java.util.Locale;

/**
 * The whole zone tree in memory. Zones are few (hundreds) and read on every article request, so one
 * copy is kept and re-read when the change log moves past a zone change.
 */
@ApplicationScoped
public class ZoneCatalog {

  /**
   * Siblings and the flat list are ordered by the pinyin of their Chinese names, as a zh-CN reader
   * expects (北京市, 上海市, 四川省, 天津市), then by id; the order is the JDK's, the same on every database.
   * The collator is thread-safe.
   */
  static final Comparator<ZoneInfo> BY_NAME =
      Comparator.comparing(ZoneInfo::name, Collator.getInstance(Locale.SIMPLIFIED_CHINESE))
          .thenComparingLong(ZoneInfo::id);

  private final TreeCatalog<ZoneInfo> catalog;

  public ZoneCatalog(ZoneRepository repository, TransactionSynchronizationRegistry transactions) {
    this.catalog =
        new TreeCatalog<>(
            Change.Entity.ZONE,
            () -> repository.listAll().stream().map(ZoneInfo::from).toList(),
            ZoneInfo::id,
            ZoneInfo::parentId,
            ZoneInfo::slug,
            BY_NAME,
            transactions);
  }

  public Forest<ZoneInfo> tree() {
    return catalog.tree();
  }

  /**
   * The zone a query parameter names.
   *
   * @throws com.investchn.content.common.problem.InvalidParameterException naming the parameter
   *     when no zone has that id or slug
   */
  public ZoneInfo requireForFilter(String parameter, String idOrSlug) {
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
