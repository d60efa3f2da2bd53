package com.investchn.content.search;

import com.investchn.content.article.ArticleQuery;
import com.investchn.content.article.ArticleQueryParser;
import com.investchn.content.article.ArticleService;
import com.investchn.content.article.ArticleSummary;
import com.investchn.content.category.CategoryCatalog;
import com.investchn.content.common.edge.QueryParameters;
import com.investchn.content.common.paging.Cursor;
import com.investchn.content.common.paging.CursorCodec;
import com.investchn.content.common.paging.PageRequest;
import com.investchn.content.common.paging.PageResponse;
import com.investchn.content.common.problem.InvalidParameterException;
import com.investchn.content.search.SearchAnalysis.Text;
import com.investchn.content.zone.ZoneCatalog;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;

/** Searches the index and turns its hits into pages of article summaries with highlights. */
@ApplicationScoped
class SearchService {

  static final int SUGGESTIONS = 10;

  private static final Sort RELEVANCE = LuceneQueries.RELEVANCE;
  private static final Sort NEWEST =
      new Sort(
          new SortField(SearchAnalysis.PUBLISHED_AT, SortField.Type.LONG, true),
          new SortField(SearchAnalysis.ID_SORT, SortField.Type.LONG, true));
  private static final Sort OLDEST =
      new Sort(
          new SortField(SearchAnalysis.PUBLISHED_AT, SortField.Type.LONG, false),
          new SortField(SearchAnalysis.ID_SORT, SortField.Type.LONG, false));

  private final SearchIndex index;
  private final LuceneQueries queries;
  private final ArticleQueryParser filters;
  private final ArticleService articles;
  private final CategoryCatalog categories;
  private final ZoneCatalog zones;
  private final CursorCodec cursors;
  private final Timer searchTimer;
  private final Timer suggestTimer;

  public SearchService(
      SearchIndex index,
      ArticleQueryParser filters,
      ArticleService articles,
      CategoryCatalog categories,
      ZoneCatalog zones,
      CursorCodec cursors,
      MeterRegistry registry) {
    this.index = index;
    this.queries = new LuceneQueries(index.analyzer(), RelevanceWeights.CHOSEN);
    this.filters = filters;
    this.articles = articles;
    this.categories = categories;
    this.zones = zones;
    this.cursors = cursors;
    this.searchTimer =
        Timer.builder("content_api_search_query")
            .description("Time to answer a search, index lookup and summaries")
            .tag("endpoint", "search")
            .register(registry);
    this.suggestTimer =
        Timer.builder("content_api_search_query")
            .description("Time to answer a search, index lookup and summaries")
            .tag("endpoint", "suggest")
            .register(registry);
    registry.gauge("content_api_search_index_documents", index, SearchIndex::documents);
    registry.gauge("content_api_search_index_lag_seqs", index, SearchIndex::lagSeqs);
    registry.gauge("content_api_search_index_lag_seconds", index, SearchIndex::lagSeconds);
    FunctionCounter.builder("content_api_search_stale_answers", index, SearchIndex::staleAnswers)
        .description(
            "Searches answered after content-api.search.catch-up-wait from an index that had not"
                + " yet applied their instance's log position")
        .register(registry);
    FunctionCounter.builder("content_api_search_index_reindexed", index, SearchIndex::reindexed)
        .description("Articles re-read and replaced or removed while following the change log")
        .register(registry);
  }

  /** One page of matches; the parameters are validated here, each bad one a 400 naming it. */
  public PageResponse<SearchHit> search(SearchParams params, PageRequest paging) {
    SearchText text = SearchText.parse(params.q);
    ArticleQuery filter = filters.parse(params, null);
    Sort sort = sort(params.sort);
    String fingerprint =
        String.join(
            "\u0000",
            "search",
            params.q,
            filter.fingerprint(),
            params.sort == null ? "relevance" : params.sort);
    long offset =
        paging.usesCursor()
            ? cursors.decode(paging.cursor(), fingerprint).offset()
            : paging.offset();
    index.requireCurrent();
    return searchTimer.record(
        () -> {
          LuceneQueries.TextQuery textQuery = queries.build(text);
          List<BooleanClause> restrictions = restrictions(filter, Instant.now());
          SearchIndex.Hits hits =
              index.search(
                  restricted(textQuery.scored(), restrictions),
                  restricted(textQuery.matching(), restrictions),
                  sort,
                  offset,
                  paging.size());
          List<SearchHit> items = hits(hits.found(), text.positiveTerms());
          long next = offset + hits.found().size();
          String nextCursor =
              next < hits.total() && !hits.found().isEmpty()
                  ? cursors.encode(new Cursor(fingerprint, next, null, null))
                  : null;
          return PageResponse.of(items, offset, paging.size(), hits.total(), nextCursor);
        });
  }

  /**
   * Up to ten titles that start with the prefix, then those with a word starting with it, then
   * those containing it; newest first among equals.
   */
  public List<Suggestion> suggest(String prefix) {
    if (prefix == null || prefix.isBlank()) {
      throw new InvalidParameterException("q", "is required and must not be blank.");
    }
    if (prefix.codePointCount(0, prefix.length()) > SearchText.MAX_LENGTH) {
      throw new InvalidParameterException(
          "q", "must be at most " + SearchText.MAX_LENGTH + " characters long.");
    }
    index.requireCurrent();
    return suggestTimer.record(
        () -> {
          BooleanQuery.Builder query = new BooleanQuery.Builder();
          query.add(queries.completions(prefix), Occur.MUST);
          query.add(LuceneQueries.publishedAfter(Instant.now()), Occur.MUST_NOT);
          return index.top(query.build(), RELEVANCE, SUGGESTIONS).stream()
              .map(found -> new Suggestion(found.id(), found.title()))
              .toList();
        });
  }

  private List<SearchHit> hits(List<SearchIndex.Found> found, List<String> terms) {
    Map<Long, ArticleSummary> summaries = new HashMap<>();
    articles
        .summaries(found.stream().map(SearchIndex.Found::id).toList())
        .forEach(summary -> summaries.put(summary.id(), summary));
    List<SearchHit> items = new ArrayList<>(found.size());
    for (SearchIndex.Found hit : found) {
      ArticleSummary summary = summaries.get(hit.id());
      if (summary == null) {
        // Stopped being public since the index applied its last change: not shown.
        continue;
      }
      List<Highlight> highlights = new ArrayList<>(3);
      addHighlight(highlights, Text.TITLE, hit.title(), terms);
      addHighlight(highlights, Text.SUMMARY, hit.summary(), terms);
      addHighlight(highlights, Text.BODY, hit.body(), terms);
      items.add(SearchHit.of(summary, Math.round(hit.score() * 1000) / 1000.0, highlights));
    }
    return items;
  }

  private static void addHighlight(
      List<Highlight> highlights, Text text, String value, List<String> terms) {
    List<String> fragments = Highlights.fragments(value, terms);
    if (!fragments.isEmpty()) {
      highlights.add(new Highlight(text.wireName, fragments));
    }
  }

  /** The text query restricted by the request's filters and to what is public. */
  private static Query restricted(Query text, List<BooleanClause> restrictions) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    query.add(text, Occur.MUST);
    restrictions.forEach(query::add);
    return query.build();
  }

  /**
   * The request's filters and the rule that only what is public at {@code now} is found, built once
   * for the page and the count alike.
   */
  private List<BooleanClause> restrictions(ArticleQuery filter, Instant now) {
    List<BooleanClause> clauses = new ArrayList<>(5);
    if (filter.categoryId() != null) {
      clauses.add(
          new BooleanClause(
              LongPoint.newSetQuery(
                  SearchAnalysis.CATEGORY,
                  categories.tree().selfAndDescendantIds(filter.categoryId())),
              Occur.FILTER));
    }
    if (filter.zoneId() != null) {
      clauses.add(
          new BooleanClause(
              LongPoint.newSetQuery(
                  SearchAnalysis.ZONE, zones.tree().selfAndDescendantIds(filter.zoneId())),
              Occur.FILTER));
    }
    if (filter.publisherZoneId() != null) {
      clauses.add(
          new BooleanClause(
              LongPoint.newExactQuery(SearchAnalysis.PUBLISHER_ZONE, filter.publisherZoneId()),
              Occur.FILTER));
    }
    if (filter.source() != null) {
      clauses.add(
          new BooleanClause(
              new TermQuery(new Term(SearchAnalysis.SOURCE, filter.source())), Occur.FILTER));
    }
    if (filter.from() == null && (filter.to() == null || filter.to().isAfter(now))) {
      // Scheduled articles are few: leaving them out costs less than listing every public one.
      clauses.add(new BooleanClause(LuceneQueries.publishedAfter(now), Occur.MUST_NOT));
    } else {
      Instant to = filter.to() == null || filter.to().isAfter(now) ? now : filter.to();
      clauses.add(
          new BooleanClause(LuceneQueries.publishedBetween(filter.from(), to), Occur.FILTER));
    }
    return clauses;
  }

  private static Sort sort(String raw) {
    if (raw == null || raw.equals("relevance")) {
      return RELEVANCE;
    }
    return switch (raw) {
      case "publishedAt,desc" -> NEWEST;
      case "publishedAt,asc" -> OLDEST;
      default ->
          throw new InvalidParameterException(
              "sort",
              "must be relevance, publishedAt,desc or publishedAt,asc, got '"
                  + QueryParameters.shown(raw)
                  + "'.");
    };
  }
}
