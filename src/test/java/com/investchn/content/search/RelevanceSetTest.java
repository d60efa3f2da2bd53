package com.investchn.content.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.investchn.content.article.IndexedArticle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The committed relevance set: {@value #QUERIES} judged queries over {@value #ARTICLES} articles of
 * known text, indexed with the service's own documents, analyzers, queries and order. Reports
 * precision at 5 and the mean reciprocal rank, and fails below the thresholds set from the first
 * honest run; every query's "first" articles must rank above all others and its "absent" ones must
 * not appear. With {@code -Drelevance.sweep=true} it scores a grid of weights instead (how {@link
 * RelevanceWeights#CHOSEN} was chosen; the README has the table).
 */
class RelevanceSetTest {

  static final String ARTICLES = "search/relevance-articles.json";
  static final String QUERIES = "search/relevance-queries.json";

  /** The first run with the chosen weights reached 1.000 and 1.000: one query may slip a little. */
  static final double MIN_PRECISION_AT_5 = 0.98;

  static final double MIN_MRR = 0.98;

  /** Well after every fixture article but before the one dated 2099. */
  static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");

  record FixtureArticle(
      String key,
      String title,
      String summary,
      String body,
      Instant publishedAt,
      String zone,
      String category,
      String status) {}

  record Judged(
      String q,
      List<String> relevant,
      List<String> first,
      List<String> absent,
      List<List<String>> before,
      Map<String, String> filters,
      String note) {}

  /** The outcome of one query. */
  record Outcome(Judged query, List<String> ranked, double precisionAt5, double reciprocalRank) {

    List<String> violations() {
      List<String> found = new ArrayList<>();
      for (String key : query.absent()) {
        if (ranked.contains(key)) {
          found.add(query.q() + ": " + key + " must not appear");
        }
      }
      Set<String> first = Set.copyOf(query.first());
      for (int i = 0; i < ranked.size() && i < first.size(); i++) {
        if (!first.contains(ranked.get(i))) {
          found.add(query.q() + ": " + ranked.get(i) + " at " + (i + 1) + " before " + first);
        }
      }
      for (List<String> pair : query.before()) {
        int higher = ranked.indexOf(pair.get(0));
        int lower = ranked.indexOf(pair.get(1));
        if (higher < 0 || (lower >= 0 && lower < higher)) {
          found.add(query.q() + ": " + pair.get(0) + " must rank above " + pair.get(1));
        }
      }
      if (!ranked.containsAll(first)) {
        found.add(query.q() + ": missing some of " + first);
      }
      return found;
    }
  }

  private static final Map<String, Long> zones = new HashMap<>();
  private static final Map<String, Long> categories = new HashMap<>();
  private static final Map<Long, String> keys = new HashMap<>();
  private static List<Judged> queries;
  private static ByteBuffersDirectory directory;
  private static DirectoryReader reader;

  @BeforeAll
  static void indexTheFixture() throws IOException {
    ObjectMapper mapper =
        new ObjectMapper()
            .findAndRegisterModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    List<FixtureArticle> articles = read(mapper, ARTICLES, new TypeReference<>() {});
    queries = read(mapper, QUERIES, new TypeReference<>() {});
    directory = new ByteBuffersDirectory();
    Analyzer analyzer = SearchAnalysis.perField();
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
      long id = 0;
      for (FixtureArticle article : articles) {
        id++;
        keys.put(id, article.key());
        // The service indexes only what ArticleRepository.publicIndexed selects, so a draft never
        // reaches the index (SearchTest checks that through the API); future articles do, and
        // the query's time filter must keep them out.
        if (!article.status().equals("published")) {
          continue;
        }
        writer.addDocument(
            SearchIndex.document(
                new IndexedArticle(
                    id,
                    article.title(),
                    article.summary(),
                    article.body(),
                    article.publishedAt(),
                    idOf(categories, article.category()),
                    idOf(zones, article.zone()),
                    null,
                    null)));
      }
    }
    reader = DirectoryReader.open(directory);
    assertTrue(articles.size() >= 200, "at least 200 articles");
    assertTrue(queries.size() >= 30, "at least 30 queries");
  }

  @AfterAll
  static void close() throws IOException {
    reader.close();
    directory.close();
  }

  @Test
  void theChosenWeightsMeetTheThresholds() {
    List<Outcome> outcomes = run(RelevanceWeights.CHOSEN);
    System.out.println(report(outcomes));
    List<String> violations =
        outcomes.stream().flatMap(outcome -> outcome.violations().stream()).toList();
    assertEquals(List.of(), violations);
    double precision = mean(outcomes, Outcome::precisionAt5);
    double mrr = mean(outcomes, Outcome::reciprocalRank);
    assertTrue(precision >= MIN_PRECISION_AT_5, "precision@5 " + precision);
    assertTrue(mrr >= MIN_MRR, "MRR " + mrr);
  }

  @Test
  void fieldWeightsThatIgnoreTheTitleDoWorse() {
    // Guards that the set can tell weights apart: with every field alike the title rules fail.
    List<Outcome> flat = run(new RelevanceWeights(1f, 1f, 1f, 0f, 1f, 0f));
    long violations = flat.stream().mapToLong(outcome -> outcome.violations().size()).sum();
    assertTrue(violations > 0, report(flat));
  }

  @Test
  @EnabledIfSystemProperty(named = "relevance.sweep", matches = "true")
  void sweepsTheWeights() {
    StringBuilder table =
        new StringBuilder("title summary body words unigrams phrase | P@5 MRR bad\n");
    for (float title : new float[] {1, 2, 4, 8}) {
      for (float summary : new float[] {1, 2, 3}) {
        for (float words : new float[] {0, 0.5f, 1}) {
          for (float phrase : new float[] {0, 1.5f, 3}) {
            RelevanceWeights weights = new RelevanceWeights(title, summary, 1f, words, 1f, phrase);
            List<Outcome> outcomes = run(weights);
            long bad = outcomes.stream().mapToLong(outcome -> outcome.violations().size()).sum();
            table.append(
                String.format(
                    Locale.ROOT,
                    "%.1f %.1f 1 %.1f 1 %.1f | %.3f %.3f %d%n",
                    title,
                    summary,
                    words,
                    phrase,
                    mean(outcomes, Outcome::precisionAt5),
                    mean(outcomes, Outcome::reciprocalRank),
                    bad));
          }
        }
      }
    }
    System.out.println(table);
  }

  private static List<Outcome> run(RelevanceWeights weights) {
    LuceneQueries builder = new LuceneQueries(SearchAnalysis.perField(), weights);
    IndexSearcher searcher = new IndexSearcher(reader);
    List<Outcome> outcomes = new ArrayList<>();
    for (Judged judged : queries) {
      BooleanQuery.Builder query = new BooleanQuery.Builder();
      query.add(builder.build(SearchText.parse(judged.q())).scored(), Occur.MUST);
      query.add(LuceneQueries.publishedBetween(null, NOW), Occur.FILTER);
      String zone = judged.filters().get("zone");
      if (zone != null) {
        query.add(LongPoint.newExactQuery(SearchAnalysis.ZONE, zones.get(zone)), Occur.FILTER);
      }
      String category = judged.filters().get("category");
      if (category != null) {
        query.add(
            LongPoint.newExactQuery(SearchAnalysis.CATEGORY, categories.get(category)),
            Occur.FILTER);
      }
      List<String> ranked = new ArrayList<>();
      try {
        for (ScoreDoc hit :
            searcher.search(query.build(), 20, LuceneQueries.RELEVANCE, true).scoreDocs) {
          String id = searcher.storedFields().document(hit.doc).get(SearchAnalysis.ID);
          ranked.add(keys.get(Long.parseLong(id)));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Set<String> relevant = new LinkedHashSet<>(judged.relevant());
      long inTop5 = ranked.stream().limit(5).filter(relevant::contains).count();
      double precision = (double) inTop5 / Math.min(5, relevant.size());
      double reciprocal = 0;
      for (int i = 0; i < ranked.size(); i++) {
        if (relevant.contains(ranked.get(i))) {
          reciprocal = 1.0 / (i + 1);
          break;
        }
      }
      outcomes.add(new Outcome(judged, ranked, precision, reciprocal));
    }
    return outcomes;
  }

  private static String report(List<Outcome> outcomes) {
    StringBuilder text = new StringBuilder();
    for (Outcome outcome : outcomes) {
      text.append(
          String.format(
              Locale.ROOT,
              "%-20s P@5 %.2f RR %.2f %s%n",
              outcome.query().q(),
              outcome.precisionAt5(),
              outcome.reciprocalRank(),
              outcome.ranked().stream().limit(6).toList()));
    }
    text.append(
        String.format(
            Locale.ROOT,
            "%d queries: precision@5 %.3f, MRR %.3f%n",
            outcomes.size(),
            mean(outcomes, Outcome::precisionAt5),
            mean(outcomes, Outcome::reciprocalRank)));
    return text.toString();
  }

  private static double mean(
      List<Outcome> outcomes, java.util.function.ToDoubleFunction<Outcome> metric) {
    return outcomes.stream().mapToDouble(metric).average().orElse(0);
  }

  private static long idOf(Map<String, Long> ids, String slug) {
    return ids.computeIfAbsent(slug, ignored -> (long) ids.size() + 1);
  }

  private static <T> T read(ObjectMapper mapper, String resource, TypeReference<T> type)
      throws IOException {
    try (InputStream in = RelevanceSetTest.class.getClassLoader().getResourceAsStream(resource)) {
      return mapper.readValue(in, type);
    }
  }
}
