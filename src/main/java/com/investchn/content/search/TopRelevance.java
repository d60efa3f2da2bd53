package com.investchn.content.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;

/**
 * The best {@code size} matches in {@link LuceneQueries#RELEVANCE} order (score, then newer, then
 * higher id), found without scoring every match. Lucene's sorted collector scores every matching
 * document, and so does its score collector once ties must go to the newer article rather than the
 * lower document number: a two-character query matching 65,000 of 100,000 articles spent 83 % of
 * its time there. This one tells the scorer, once it holds {@code size} hits, the lowest score
 * still wanted; the scorer then skips blocks of documents whose best possible score is below it
 * (block-max WAND / MaxScore). A document scoring exactly that much is still delivered, so ties are
 * decided by time and id exactly as the sort would.
 */
final class TopRelevance implements CollectorManager<TopRelevance.Top, List<ScoreDoc>> {

  /** Worst first: lower score, then older, then lower id. */
  private static final Comparator<Entry> WORST_FIRST =
      Comparator.comparingDouble((Entry e) -> e.score)
          .thenComparingLong(e -> e.publishedAt)
          .thenComparingLong(e -> e.id);

  private final int size;

  TopRelevance(int size) {
    this.size = size;
  }

  private record Entry(float score, long publishedAt, long id, int doc) {}

  @Override
  public Top newCollector() {
    return new Top(size);
  }

  @Override
  public List<ScoreDoc> reduce(Collection<Top> collectors) {
    PriorityQueue<Entry> merged = new PriorityQueue<>(Math.max(1, size), WORST_FIRST);
    for (Top top : collectors) {
      for (Entry entry : top.queue) {
        offer(merged, entry, size);
      }
    }
    List<Entry> best = new ArrayList<>(merged);
    best.sort(WORST_FIRST.reversed());
    List<ScoreDoc> docs = new ArrayList<>(best.size());
    for (Entry entry : best) {
      docs.add(new ScoreDoc(entry.doc, entry.score));
    }
    return docs;
  }

  private static boolean offer(PriorityQueue<Entry> queue, Entry entry, int size) {
    if (queue.size() < size) {
      queue.add(entry);
      return true;
    }
    if (WORST_FIRST.compare(entry, queue.peek()) > 0) {
      queue.poll();
      queue.add(entry);
      return true;
    }
    return false;
  }

  /** One slice's best hits. */
  static final class Top implements Collector {
    private final int size;
    private final PriorityQueue<Entry> queue;

    private Top(int size) {
      this.size = size;
      this.queue = new PriorityQueue<>(Math.max(1, size), WORST_FIRST);
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.TOP_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
      NumericDocValues publishedAt =
          DocValues.getNumeric(context.reader(), SearchAnalysis.PUBLISHED_AT);
      NumericDocValues ids = DocValues.getNumeric(context.reader(), SearchAnalysis.ID_SORT);
      int base = context.docBase;
      return new LeafCollector() {
        private Scorable scorer;

        @Override
        public void setScorer(Scorable scorer) throws IOException {
          this.scorer = scorer;
          raiseMinimum();
        }

        @Override
        public void collect(int doc) throws IOException {
          float score = scorer.score();
          if (size == 0 || (queue.size() == size && score < queue.peek().score)) {
            return;
          }
          long time = publishedAt.advanceExact(doc) ? publishedAt.longValue() : Long.MIN_VALUE;
          long id = ids.advanceExact(doc) ? ids.longValue() : Long.MIN_VALUE;
          if (offer(queue, new Entry(score, time, id, base + doc), size)) {
            raiseMinimum();
          }
        }

        /** Scores below the worst hit held can no longer enter; equal ones still can. */
        private void raiseMinimum() throws IOException {
          if (size > 0 && queue.size() == size) {
            scorer.setMinCompetitiveScore(queue.peek().score);
          }
        }
      };
    }
  }
}
