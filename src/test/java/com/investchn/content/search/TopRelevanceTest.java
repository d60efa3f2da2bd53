package com.investchn.content.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.investchn.content.article.IndexedArticle;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The skipping relevance collector returns exactly what Lucene's sorted collector returns for the
 * relevance sort (which scores every match), in several segments and across parallel slices, with
 * many equal scores decided by time and id.
 */
class TopRelevanceTest {

  private static final String[] WORDS = {
    "开发区", "园区", "集成电路", "营商环境", "招商", "签约", "项目", "产业", "industrial", "park"
  };
  private static final LuceneQueries QUERIES =
      new LuceneQueries(SearchAnalysis.perField(), RelevanceWeights.CHOSEN);

  private static Directory directory;
  private static DirectoryReader reader;
  private static ExecutorService pool;

  @BeforeAll
  static void index() throws IOException {
    directory = new ByteBuffersDirectory();
    Random random = new Random(20261204);
    IndexWriterConfig config =
        new IndexWriterConfig(SearchAnalysis.perField()).setMergePolicy(NoMergePolicy.INSTANCE);
    try (IndexWriter writer = new IndexWriter(directory, config)) {
      Instant start = Instant.parse("2024-01-01T00:00:00Z");
      for (int id = 1; id <= 1_200; id++) {
        // Few distinct texts and times, so equal scores are common and ties reach the page edge.
        writer.addDocument(
            SearchIndex.document(
                new IndexedArticle(
                    (long) id,
                    text(random, 1 + random.nextInt(3)),
                    text(random, 2 + random.nextInt(4)),
                    "<p>" + text(random, 3 + random.nextInt(12)) + "</p>",
                    start.plusSeconds(3_600L * random.nextInt(40)),
                    1L + random.nextInt(3),
                    1L + random.nextInt(3),
                    null,
                    null)));
        if (id % 150 == 0) {
          writer.commit();
        }
      }
    }
    reader = DirectoryReader.open(directory);
    pool = Executors.newFixedThreadPool(3);
  }

  @AfterAll
  static void close() throws IOException {
    pool.shutdownNow();
    reader.close();
    directory.close();
  }

  private static String text(Random random, int words) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < words; i++) {
      String word = WORDS[random.nextInt(WORDS.length)];
      text.append(word.charAt(0) < 128 ? " " + word + " " : word);
    }
    return text.toString();
  }

  @Test
  void sameHitsInTheSameOrderAsScoringEveryMatch() throws IOException {
    assertTrue(reader.leaves().size() > 4, "the fixture spans several segments");
    IndexSearcher sequential = new IndexSearcher(reader);
    IndexSearcher sliced = slicedSearcher();
    int compared = 0;
    for (String q :
        List.of("园区", "集成电路", "开发区 招商", "营商环境 OR 签约", "\"产业项目\"", "industrial park", "园")) {
      LuceneQueries.TextQuery textQuery = QUERIES.build(SearchText.parse(q));
      Query query = textQuery.scored();
      int total = sequential.count(query);
      assertEquals(total, sequential.count(textQuery.matching()), q + ": counted as matched");
      assertTrue(total > 20, q + " matches enough to page: " + total);
      for (int wanted : new int[] {1, 3, 10, 20, 57, total, total + 5}) {
        List<String> expected = everyMatchScored(sequential, query, wanted);
        assertEquals(expected, hits(sequential, query, wanted), q + " top " + wanted);
        assertEquals(expected, hits(sliced, query, wanted), q + " top " + wanted + ", sliced");
        compared++;
      }
    }
    assertEquals(49, compared);
  }

  @Test
  void equalScoresGoToTheNewerThenTheHigherIdEvenWhereTheScorerSkips() throws IOException {
    // A thousand equal articles, the newest last in document order and two to each hour: a
    // collector that let the scorer skip equal scores once it held three hits (as Lucene's score
    // collector does, since it breaks ties by document number) would return the oldest.
    Directory ties = new ByteBuffersDirectory();
    Instant noon = Instant.parse("2025-06-01T12:00:00Z");
    IndexWriterConfig config = new IndexWriterConfig(SearchAnalysis.perField());
    try (IndexWriter writer = new IndexWriter(ties, config)) {
      for (long id = 1; id <= 1_000; id++) {
        writer.addDocument(article(id, "园区动态", "<p>园区</p>", noon.plusSeconds(3_600 * (id / 2))));
      }
    }
    try (DirectoryReader tied = DirectoryReader.open(ties)) {
      IndexSearcher searcher = new IndexSearcher(tied);
      Query query = QUERIES.build(SearchText.parse("园区")).scored();
      List<Long> ids = new ArrayList<>();
      for (ScoreDoc hit : searcher.search(query, new TopRelevance(3))) {
        ids.add(Long.parseLong(searcher.storedFields().document(hit.doc).get(SearchAnalysis.ID)));
      }
      assertEquals(List.of(1_000L, 999L, 998L), ids);
    }
  }

  @Test
  void theLongestQueriesStayWithinLucenesClauseLimit() throws IOException {
    // The filter and the scoring disjunction each hold every term, and the whole-phrase bonus one
    // term per bigram: 200 characters of distinct one-character words (Lucene merges repeated
    // clauses, so they must differ) are the most clauses a query can have, plus the service's
    // filters (category, zone, publisher zone, source, time). They come to between 900 and 960
    // of Lucene's 1,024 (measured by lowering the limit).
    IndexSearcher searcher = new IndexSearcher(reader);
    for (boolean chinese : new boolean[] {true, false}) {
      StringBuilder q = new StringBuilder();
      for (int i = 0; q.length() + 2 <= SearchText.MAX_LENGTH; i++) {
        q.append(chinese ? (char) (0x4E00 + i * 7) : (char) ('a' + i % 26))
            .append(chinese || i < 26 ? "" : Integer.toString(i / 26))
            .append(' ');
      }
      String text = q.toString().strip();
      assertTrue(text.length() <= SearchText.MAX_LENGTH);
      BooleanQuery.Builder query = new BooleanQuery.Builder();
      query.add(QUERIES.build(SearchText.parse(text)).scored(), Occur.MUST);
      query.add(LongPoint.newSetQuery(SearchAnalysis.CATEGORY, 1L, 2L, 3L), Occur.FILTER);
      query.add(LongPoint.newSetQuery(SearchAnalysis.ZONE, 1L, 2L, 3L), Occur.FILTER);
      query.add(LongPoint.newExactQuery(SearchAnalysis.PUBLISHER_ZONE, 1L), Occur.FILTER);
      query.add(new TermQuery(new Term(SearchAnalysis.SOURCE, "来源")), Occur.FILTER);
      query.add(LuceneQueries.publishedAfter(Instant.now()), Occur.MUST_NOT);
      searcher.search(query.build(), new TopRelevance(20));
      assertTrue(searcher.count(query.build()) >= 0, text);
    }
  }

  @Test
  void skipsWhatCannotReachThePage() throws IOException {
    // Twenty articles name the term in their title, two thousand only in a long body: a page of
    // ten needs the first twenty, and the scorer can pass over the blocks of body-only matches.
    Directory skewed = new ByteBuffersDirectory();
    Instant noon = Instant.parse("2025-06-01T12:00:00Z");
    try (IndexWriter writer =
        new IndexWriter(skewed, new IndexWriterConfig(SearchAnalysis.perField()))) {
      for (long id = 1; id <= 2_020; id++) {
        boolean titled = id <= 10 || id % 200 == 0;
        writer.addDocument(
            article(
                id,
                titled ? "集成电路产业" : "园区新闻",
                "<p>" + "园区建设持续推进。".repeat(20) + "集成电路</p>",
                noon.plusSeconds(id)));
      }
    }
    try (DirectoryReader index = DirectoryReader.open(skewed)) {
      IndexSearcher searcher = new IndexSearcher(index);
      Query query = QUERIES.build(SearchText.parse("集成电路")).scored();
      assertEquals(2_020, searcher.count(query));
      long[] collected = {0};
      TopRelevance.Top top = new TopRelevance(10).newCollector();
      searcher.search(
          query,
          new Collector() {
            @Override
            public ScoreMode scoreMode() {
              return top.scoreMode();
            }

            @Override
            public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
              LeafCollector leaf = top.getLeafCollector(context);
              return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) throws IOException {
                  leaf.setScorer(scorer);
                }

                @Override
                public void collect(int doc) throws IOException {
                  collected[0]++;
                  leaf.collect(doc);
                }
              };
            }
          });
      assertTrue(collected[0] < 500, "scored " + collected[0] + " of 2,020 matches");
      assertEquals(
          everyMatchScored(searcher, query, 10),
          comparable(new TopRelevance(10).reduce(List.of(top))));
    }
  }

  /** The document of an article with a fixed summary, in category 1 and zone 1. */
  private static Document article(long id, String title, String body, Instant publishedAt) {
    return SearchIndex.document(
        new IndexedArticle(id, title, "园区", body, publishedAt, 1L, 1L, null, null));
  }

  private static IndexSearcher slicedSearcher() {
    return new IndexSearcher(reader, pool) {
      @Override
      protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
        return slices(leaves, 1, 2);
      }
    };
  }

  private static List<String> hits(IndexSearcher searcher, Query query, int wanted)
      throws IOException {
    return comparable(searcher.search(query, new TopRelevance(wanted)));
  }

  private static List<String> everyMatchScored(IndexSearcher searcher, Query query, int wanted)
      throws IOException {
    TopFieldDocs top = searcher.search(query, wanted, LuceneQueries.RELEVANCE, true);
    return comparable(List.of(top.scoreDocs));
  }

  /** ScoreDoc has no equals; the document number and the score are what matter. */
  private static List<String> comparable(List<ScoreDoc> docs) {
    List<String> plain = new ArrayList<>();
    for (ScoreDoc doc : docs) {
      plain.add(doc.doc + "@" + doc.score);
    }
    return plain;
  }
}
