package com.investchn.content.article;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.investchn.content.common.change.ChangeHead;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * What is expensive to know about a list and changes only when the content does: its size, the size
 * of each single list (to pick the smallest one to drive a read), and the seek points of deep
 * pages. Each is computed at most once per list and change-log position, so totals stay in every
 * answer without a count per request.
 */
@ApplicationScoped
class ListingStatistics {

  /** Items between two seek points; a deep page skips fewer than this many index entries. */
  static final int STRIDE = 500;

  private record Key(String list, long position) {}

  private final ArticleRepository repository;
  private final ChangeHead head;
  private final Cache<Key, Long> totals = Caffeine.newBuilder().maximumSize(20_000).build();
  private final Cache<Key, List<ArticleRepository.ListKey>> boundaries =
      Caffeine.newBuilder()
          .maximumWeight(400_000)
          .<Key, List<ArticleRepository.ListKey>>weigher((key, value) -> 1 + value.size())
          .build();

  public ListingStatistics(ArticleRepository repository, ChangeHead head) {
    this.repository = repository;
    this.head = head;
  }

  /** Items of the single list with this key that are public now. */
  long sizeOfList(String listKey, Instant now) {
    ListingPlan single =
        new ListingPlan(listKey, List.of(), null, null, ArticleSort.PUBLISHED_AT_DESC);
    return cached(totals, "size:" + listKey, () -> repository.count(single, now));
  }

  /** Items of the list the plan reads. */
  long total(ListingPlan plan, Instant now) {
    return cached(totals, "total:" + plan.fingerprint(), () -> repository.count(plan, now));
  }

  /** The seek points of the list, every {@link #STRIDE} items. */
  List<ArticleRepository.ListKey> boundaries(ListingPlan plan, Instant now) {
    return cached(boundaries, plan.fingerprint(), () -> repository.boundaries(plan, now, STRIDE));
  }

  private <T> T cached(Cache<Key, T> cache, String list, Supplier<T> compute) {
    long position = head.seen();
    if (position < 0) {
      return compute.get();
    }
    return cache.get(new Key(list, position), key -> compute.get());
  }
}
