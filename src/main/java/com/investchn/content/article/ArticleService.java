package com.investchn.content.article;

import com.investchn.content.category.CategoryCatalog;
import com.investchn.content.category.CategoryInfo;
import com.investchn.content.category.CategoryRef;
import com.investchn.content.common.edge.IdOrSlug;
import com.investchn.content.common.paging.Cursor;
import com.investchn.content.common.paging.CursorCodec;
import com.investchn.content.common.paging.PageRequest;
import com.investchn.content.common.paging.PageResponse;
import com.investchn.content.common.problem.ResourceNotFoundException;
import com.investchn.content.common.time.PortalTime;
import com.investchn.content.common.tree.Forest;
import com.investchn.content.zone.ZoneCatalog;
import com.investchn.content.zone.ZoneInfo;
import com.investchn.content.zone.ZoneRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Read rules for articles: visibility, lists, detail with breadcrumb, and adjacency. */
@ApplicationScoped
public class ArticleService {

  private final ArticleRepository repository;
  private final ArticleQueryParser parser;
  private final CategoryCatalog categories;
  private final ZoneCatalog zones;
  private final CursorCodec cursors;
  private final ListingStatistics statistics;

  /** Characters of article body handed to a derived index at once: about 8 MB of heap. */
  static final long INDEXED_CHARACTERS = 4_000_000;

  public ArticleService(
      ArticleRepository repository,
      ArticleQueryParser parser,
      CategoryCatalog categories,
      ZoneCatalog zones,
      CursorCodec cursors,
      ListingStatistics statistics) {
    this.repository = repository;
    this.parser = parser;
    this.categories = categories;
    this.zones = zones;
    this.cursors = cursors;
    this.statistics = statistics;
  }

  /** One page of a list, by page number or continuing from a cursor. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public PageResponse<ArticleSummary> list(ArticleQuery query, PageRequest paging) {
    Instant now = Instant.now();
    String fingerprint = query.fingerprint();
    ListingPlan plan = plan(query, now);
    long total = statistics.total(plan, now);
    long offset;
    List<ArticleRepository.ListKey> keys;
    // One row more than the page shows tells whether a following page exists.
    int probe = paging.size() + 1;
    if (paging.usesCursor()) {
      Cursor cursor = cursors.decode(paging.cursor(), fingerprint);
      offset = cursor.offset();
      keys =
          cursor.lastId() == null
              ? List.of()
              : repository.keys(
                  plan,
                  now,
                  new ArticleRepository.ListKey(cursor.lastTime(), cursor.lastId()),
                  0,
                  probe);
    } else {
      offset = paging.offset();
      keys = offset >= total ? List.of() : keysFrom(plan, now, offset, probe);
    }
    String nextCursor = null;
    if (keys.size() > paging.size()) {
      keys = keys.subList(0, paging.size());
      // The key as the listing holds it, in the list's own order (publication or last change).
      ArticleRepository.ListKey last = keys.get(keys.size() - 1);
      nextCursor =
          cursors.encode(new Cursor(fingerprint, offset + keys.size(), last.time(), last.id()));
    }
    List<ArticleRow> rows = repository.rows(keys);
    Forest<ZoneInfo> zoneTree = zones.tree();
    Forest<CategoryInfo> categoryTree = categories.tree();
    List<ArticleSummary> items =
        rows.stream().map(row -> summary(row, zoneTree, categoryTree)).toList();
    return PageResponse.of(items, offset, paging.size(), total, nextCursor);
  }

  /**
   * The first {@code limit} articles of a list in its order (the newest by default) with their
   * bodies: the first page of exactly the list {@code GET /articles} answers for the same query.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<PublishedArticle> newest(ArticleQuery query, int limit) {
    Instant now = Instant.now();
    List<Article> articles =
        repository.articles(repository.keys(plan(query, now), now, null, 0, limit));
    Forest<ZoneInfo> zoneTree = zones.tree();
    Forest<CategoryInfo> categoryTree = categories.tree();
    return articles.stream()
        .map(
            article ->
                new PublishedArticle(
                    article.id,
                    article.slug,
                    article.title,
                    article.summary,
                    article.body,
                    article.publishedAt,
                    article.updatedAt,
                    article.source,
                    article.author,
                    CategoryRef.from(categoryTree.byId(article.categoryId).orElse(null)),
                    ZoneRef.from(zoneTree.byId(article.zoneId).orElse(null)),
                    ZoneRef.from(zoneTree.byId(article.publisherZoneId).orElse(null))))
        .toList();
  }

  /** The months (Asia/Shanghai) in which public articles were published, oldest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<PublicationMonth> publicationMonths() {
    return repository.publicationMonths(Instant.now());
  }

  /**
   * Up to {@code limit} public articles published in a month (Asia/Shanghai), oldest first, after
   * skipping {@code skip} of them.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ArticleStamp> publishedIn(YearMonth month, long skip, int limit) {
    Instant from = month.atDay(1).atStartOfDay(PortalTime.ZONE).toInstant();
    Instant until = month.plusMonths(1).atDay(1).atStartOfDay(PortalTime.ZONE).toInstant();
    return repository.stamps(from, until, Instant.now(), skip, limit);
  }

  /**
   * The keys of a page that starts {@code offset} items into the list: from the nearest seek point
   * before it, so a deep page skips fewer than {@link ListingStatistics#STRIDE} entries.
   */
  private List<ArticleRepository.ListKey> keysFrom(
      ListingPlan plan, Instant now, long offset, int limit) {
    long block = offset / ListingStatistics.STRIDE;
    if (block == 0) {
      return repository.keys(plan, now, null, offset, limit);
    }
    List<ArticleRepository.ListKey> seekPoints = statistics.boundaries(plan, now);
    if (seekPoints.size() < block) {
      // The list shrank since its total was counted; the page lies past its end.
      return List.of();
    }
    return repository.keys(
        plan,
        now,
        seekPoints.get((int) block - 1),
        offset - block * ListingStatistics.STRIDE,
        limit);
  }

  /**
   * How to read a list from the listing: one key per filter, the smallest list drives the read and
   * the others are checked for each of its items.
   */
  ListingPlan plan(ArticleQuery query, Instant now) {
    List<String> keys = new ArrayList<>();
    if (query.categoryId() != null) {
      keys.add(ArticleListing.categoryKey(query.categoryId()));
    }
    if (query.zoneId() != null) {
      keys.add(ArticleListing.zoneKey(query.zoneId()));
    }
    if (query.publisherZoneId() != null) {
      keys.add(ArticleListing.publisherKey(query.publisherZoneId()));
    }
    if (query.source() != null) {
      keys.add(ArticleListing.sourceKey(query.source()));
    }
    if (keys.isEmpty()) {
      keys.add(ArticleListing.ALL);
    }
    String driving =
        keys.size() == 1
            ? keys.get(0)
            : keys.stream()
                .min(java.util.Comparator.comparingLong(key -> statistics.sizeOfList(key, now)))
                .orElseThrow();
    List<String> others = keys.stream().filter(key -> !key.equals(driving)).toList();
    return new ListingPlan(driving, others, query.from(), query.to(), query.sort());
  }

  /**
   * The public articles among these ids and slugs, in the order asked for, each once: one page of
   * exactly those found ({@code GET /articles?ids=…}); unknown and non-public ones are absent.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public PageResponse<ArticleSummary> byIds(List<IdOrSlug> wanted) {
    Instant now = Instant.now();
    List<Long> ids = new ArrayList<>();
    List<String> slugs = new ArrayList<>();
    for (IdOrSlug one : wanted) {
      if (one.id() != null) {
        ids.add(one.id());
      } else if (one.isWellFormed()) {
        slugs.add(one.slug());
      }
    }
    List<ArticleRow> found = repository.publicRowsByIdOrSlug(ids, slugs, now);
    Forest<ZoneInfo> zoneTree = zones.tree();
    Forest<CategoryInfo> categoryTree = categories.tree();
    List<ArticleSummary> items = new ArrayList<>();
    java.util.Set<Long> seen = new java.util.HashSet<>();
    for (IdOrSlug one : wanted) {
      found.stream()
          .filter(
              row -> one.id() != null ? one.id().equals(row.id()) : one.slug().equals(row.slug()))
          .findFirst()
          .filter(row -> seen.add(row.id()))
          .ifPresent(row -> items.add(summary(row, zoneTree, categoryTree)));
    }
    return PageResponse.of(items, 0, Math.max(wanted.size(), 1), items.size(), null);
  }

  /**
   * The summaries of those of these articles that are public now, in the order of the ids (for
   * search results, whose order comes from the index).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<ArticleSummary> summaries(List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Instant now = Instant.now();
    List<ArticleRow> rows = repository.publicRows(ids, now);
    Forest<ZoneInfo> zoneTree = zones.tree();
    Forest<CategoryInfo> categoryTree = categories.tree();
    return rows.stream().map(row -> summary(row, zoneTree, categoryTree)).toList();
  }

  /**
   * Hands the indexed columns of the public articles above {@code afterId} (at most {@code limit},
   * ascending by id) to {@code consumer} in groups small enough to hold at once; answers the
   * highest id read, or -1 when there is none. For rebuilding derived indexes in keyset batches.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public long readPublicIndexedAfter(
      long afterId, int limit, Consumer<List<IndexedArticle>> consumer) {
    Instant now = Instant.now();
    List<ArticleRepository.BodyLength> lengths =
        repository.publicBodyLengthsAfter(afterId, now, limit);
    readInGroups(lengths, now, consumer);
    return lengths.isEmpty() ? -1 : lengths.get(lengths.size() - 1).id();
  }

  /**
   * Hands the indexed columns of those of these articles that are public now to {@code consumer} in
   * groups small enough to hold at once; the others are absent.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public void readPublicIndexed(List<Long> ids, Consumer<List<IndexedArticle>> consumer) {
    if (ids.isEmpty()) {
      return;
    }
    Instant now = Instant.now();
    readInGroups(repository.publicBodyLengths(ids, now), now, consumer);
  }

  /**
   * Bodies of up to a megabyte each: a batch of a few hundred read at once filled a 256 MiB heap
   * (LargeContentIT). Lengths first, then groups of at most {@link #INDEXED_CHARACTERS} characters
   * of body (one article alone may exceed it).
   */
  private void readInGroups(
      List<ArticleRepository.BodyLength> lengths,
      Instant now,
      Consumer<List<IndexedArticle>> consumer) {
    List<Long> group = new ArrayList<>();
    long characters = 0;
    for (ArticleRepository.BodyLength length : lengths) {
      if (!group.isEmpty() && characters + length.characters() > INDEXED_CHARACTERS) {
        consumer.accept(repository.publicIndexed(group, now));
        group = new ArrayList<>();
        characters = 0;
      }
      group.add(length.id());
      characters += length.characters();
    }
    if (!group.isEmpty()) {
      consumer.accept(repository.publicIndexed(group, now));
    }
  }

  /** A public article with its breadcrumb and its neighbours in its own category and zone. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<ArticleDetail> find(IdOrSlug idOrSlug) {
    Instant now = Instant.now();
    return findPublic(idOrSlug, now).map(article -> detail(article, now));
  }

  /**
   * The neighbours of a public article in a list: the given one, or its default list when the
   * client gave no list parameters.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public AdjacentArticles adjacent(IdOrSlug idOrSlug, Optional<ArticleQuery> list) {
    Instant now = Instant.now();
    Article article =
        findPublic(idOrSlug, now)
            .orElseThrow(() -> new ResourceNotFoundException("article", idOrSlug.raw()));
    ArticleQuery query =
        list.orElseGet(() -> parser.defaultContext(article.categoryId, article.zoneId));
    if (!repository.contains(
        plan(query, now),
        now,
        query.sort().timeOf(article.publishedAt, article.updatedAt),
        article.id)) {
      throw ResourceNotFoundException.notInList(
          "Article '"
              + idOrSlug.raw()
              + "' is not in the list selected by these parameters ("
              + query.context().list()
              + ").");
    }
    return new AdjacentArticles(
        neighbour(query, now, article, true),
        neighbour(query, now, article, false),
        query.context());
  }

  private Optional<Article> findPublic(IdOrSlug idOrSlug, Instant now) {
    if (!idOrSlug.isWellFormed()) {
      return Optional.empty();
    }
    return repository.findPublic(idOrSlug.id(), idOrSlug.slug(), now);
  }

  private ArticleDetail detail(Article article, Instant now) {
    Forest<ZoneInfo> zoneTree = zones.tree();
    Forest<CategoryInfo> categoryTree = categories.tree();
    ZoneInfo zone = zoneTree.byId(article.zoneId).orElse(null);
    CategoryInfo category = categoryTree.byId(article.categoryId).orElse(null);
    ArticleQuery context = parser.defaultContext(article.categoryId, article.zoneId);
    return new ArticleDetail(
        article.id,
        article.slug,
        article.title,
        article.summary,
        article.body,
        PortalTime.toPortal(article.publishedAt),
        article.source,
        article.sourceUrl,
        article.author,
        article.coverImageUrl,
        article.status,
        CategoryRef.from(category),
        ZoneRef.from(zone),
        ZoneRef.from(zoneTree.byId(article.publisherZoneId).orElse(null)),
        PortalTime.toPortal(article.createdAt),
        PortalTime.toPortal(article.updatedAt),
        article.version,
        breadcrumb(categoryTree, category, zone),
        neighbour(context, now, article, true),
        neighbour(context, now, article, false));
  }

  /**
   * 首页, then the category path from the top, with the article's zone placed right after a
   * zone-scoped top channel: 首页 > 开发区新闻 > 大兴区 > 文字新闻.
   */
  static List<BreadcrumbItem> breadcrumb(
      Forest<CategoryInfo> categoryTree, CategoryInfo category, ZoneInfo zone) {
    List<BreadcrumbItem> crumbs = new ArrayList<>();
    crumbs.add(BreadcrumbItem.home());
    if (category == null) {
      return crumbs;
    }
    List<CategoryInfo> path = new ArrayList<>(categoryTree.ancestors(category.id()));
    path.add(category);
    for (int i = 0; i < path.size(); i++) {
      CategoryInfo step = path.get(i);
      crumbs.add(
          new BreadcrumbItem(BreadcrumbItem.Type.CATEGORY, step.id(), step.slug(), step.name()));
      if (i == 0 && step.zoneScoped() && zone != null) {
        crumbs.add(
            new BreadcrumbItem(BreadcrumbItem.Type.ZONE, zone.id(), zone.slug(), zone.name()));
      }
    }
    return crumbs;
  }

  private ArticleLink neighbour(ArticleQuery query, Instant now, Article article, boolean above) {
    return repository
        .neighbour(
            plan(query, now),
            now,
            query.sort().timeOf(article.publishedAt, article.updatedAt),
            article.id,
            above)
        .map(
            row ->
                new ArticleLink(
                    row.id(), row.slug(), row.title(), PortalTime.toPortal(row.publishedAt())))
        .orElse(null);
  }

  private static ArticleSummary summary(
      ArticleRow row, Forest<ZoneInfo> zoneTree, Forest<CategoryInfo> categoryTree) {
    return new ArticleSummary(
        row.id(),
        row.slug(),
        row.title(),
        row.summary(),
        PortalTime.toPortal(row.publishedAt()),
        PortalTime.toPortal(row.updatedAt()),
        row.source(),
        row.coverImageUrl(),
        ZoneRef.from(zoneTree.byId(row.zoneId()).orElse(null)),
        ZoneRef.from(zoneTree.byId(row.publisherZoneId()).orElse(null)),
        CategoryRef.from(categoryTree.byId(row.categoryId()).orElse(null)));
  }
}
