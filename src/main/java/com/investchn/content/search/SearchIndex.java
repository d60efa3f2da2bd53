package com.investchn.content.search;

import com.investchn.content.article.ArticleService;
import com.investchn.content.article.ArticleText;
import com.investchn.content.article.IndexedArticle;
import com.investchn.content.common.change.Change;
import com.investchn.content.common.change.ChangeEntry;
import com.investchn.content.common.change.ChangeHead;
import com.investchn.content.common.change.ChangeLog;
import com.investchn.content.common.change.ChangesCommitted;
import com.investchn.content.common.config.ContentApiConfig;
import com.investchn.content.search.SearchAnalysis.Text;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.jboss.logging.Logger;

/**
 * This instance's Lucene index of public articles, kept current by following the change log. The
 * sequence number it has applied and its {@link #SCHEMA} version are stored in each commit; at
 * start an index that is missing, of another schema or ahead of the database (a restored backup, a
 * fresh test database) is rebuilt in the background while search answers 503. Changes are applied
 * by one follower thread when a commit on this instance or a poll (every {@code
 * content-api.search.poll-interval}) shows them; a search whose instance has seen a newer log
 * position than the index holds waits for the follower, up to a bound.
 */
@ApplicationScoped
class SearchIndex {

  private static final Logger LOG = Logger.getLogger(SearchIndex.class);

  /** The layout of documents; a stored index of another version is rebuilt. */
  static final int SCHEMA = 2;

  private static final String SEQ_KEY = "content-api.seq";
  private static final String SCHEMA_KEY = "content-api.schema";
  private static final int BATCH = 200;

  /** Articles read per query while rebuilding: one keyset range of the primary key each. */
  private static final int REBUILD_BATCH = 500;

  private final ContentApiConfig.Search config;
  private final ChangeLog log;
  private final ChangeHead head;
  private final ArticleService articles;
  private final Analyzer analyzer = SearchAnalysis.perField();
  private final ReentrantLock applying = new ReentrantLock();

  /** Notified whenever {@link #appliedSeq} moves; searches wait on it. */
  private final Object appliedSignal = new Object();

  private final AtomicBoolean followQueued = new AtomicBoolean();
  private final LongAdder staleAnswers = new LongAdder();
  private final LongAdder reindexed = new LongAdder();

  private Directory directory;
  private IndexWriter writer;
  private SearcherManager searchers;
  private ScheduledExecutorService executor;
  private volatile boolean ready;
  private volatile long appliedSeq = -1;
  private volatile Instant appliedChangedAt;
  private volatile boolean dirty;
  private long lastCommitNanos = System.nanoTime();

  public SearchIndex(
      ContentApiConfig config, ChangeLog log, ChangeHead head, ArticleService articles) {
    this.config = config.search();
    this.log = log;
    this.head = head;
    this.articles = articles;
  }

  Analyzer analyzer() {
    return analyzer;
  }

  /** Opens the index and starts following the log; a rebuild runs in the background. */
  void start(@Observes @Priority(30) StartupEvent event) throws IOException {
    directory = openDirectory(config.indexDir());
    long databaseHead = QuarkusTransaction.requiringNew().call(log::committedHead);
    // Deletes older than the change feed's pruning horizon are gone from the log: an index that
    // stopped before it cannot learn of them and is rebuilt.
    long prunedThrough = QuarkusTransaction.requiringNew().call(log::prunedThrough);
    Optional<Long> stored = storedSeq(directory);
    try {
      writer = new IndexWriter(directory, writerConfig());
    } catch (LockObtainFailedException e) {
      // Another process holds this folder (two instances started with one data directory):
      // serve from an index in memory rather than not at all, and say so.
      LOG.warnf(
          "Search index folder %s is in use by another process; this instance keeps its index in"
              + " memory (set content-api.search.index-dir per instance)",
          config.indexDir());
      directory.close();
      directory = new ByteBuffersDirectory();
      stored = Optional.empty();
      writer = new IndexWriter(directory, writerConfig());
    }
    searchers = new SearcherManager(writer, null);
    executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "search-index");
              thread.setDaemon(true);
              return thread;
            });
    if (stored.isPresent() && stored.get() <= databaseHead && stored.get() >= prunedThrough) {
      appliedSeq = stored.get();
      ready = true;
      LOG.infof(
          "Search index opened at change %d (%d documents), catching up", appliedSeq, documents());
    } else {
      LOG.infof(
          "Search index %s; rebuilding from the database in the background",
          stored.isEmpty()
              ? "missing or of another schema"
              : stored.get() > databaseHead
                  ? "ahead of the database"
                  : "older than the pruned change log");
      executor.execute(this::rebuildQuietly);
    }
    long interval = Math.max(10, config.pollInterval().toMillis());
    executor.scheduleWithFixedDelay(this::followQuietly, interval, interval, TimeUnit.MILLISECONDS);
  }

  private IndexWriterConfig writerConfig() {
    // Only explicit commits reach the disk: a build cut short by a shutdown must leave the previous
    // commit (and its stored position) as it was, never a half-built index labelled with it.
    return new IndexWriterConfig(analyzer)
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
        .setRAMBufferSizeMB(48)
        .setCommitOnClose(false);
  }

  void stop(@Observes ShutdownEvent event) {
    if (executor != null) {
      executor.shutdownNow();
    }
    applying.lock();
    try {
      if (writer != null && writer.isOpen()) {
        if (ready) {
          commit();
        }
        searchers.close();
        writer.close();
      }
      if (directory != null) {
        directory.close();
      }
    } catch (IOException e) {
      LOG.warn("Could not close the search index cleanly; it is rebuilt or caught up next time", e);
    } finally {
      applying.unlock();
    }
  }

  /** A commit here or elsewhere: apply it soon (searches on this instance apply it first). */
  void onCommitted(@Observes ChangesCommitted committed) {
    if (ready && committed.touches(Change.Entity.ARTICLE)) {
      requestFollow();
    }
  }

  /** The first build is done; until then search answers 503. */
  boolean ready() {
    return ready;
  }

  long appliedSeq() {
    return appliedSeq;
  }

  /** Change-log entries this instance knows of that the index has not applied. */
  long lagSeqs() {
    long known = head.seen();
    return ready ? Math.max(0, known - appliedSeq) : Math.max(0, known);
  }

  /** How long ago the newest change the index has not applied was made; 0 when caught up. */
  double lagSeconds() {
    Instant changedAt = head.changedAt();
    if (lagSeqs() == 0 || changedAt == null) {
      return 0;
    }
    return Math.max(0, (Instant.now().toEpochMilli() - changedAt.toEpochMilli()) / 1000.0);
  }

  int documents() {
    return writer == null ? 0 : writer.getDocStats().numDocs;
  }

  /**
   * Waits until the index holds every change up to the position this instance has seen, so that a
   * write answered here is found by the next search here, but never longer than {@code
   * content-api.search.catch-up-wait}: then the search answers from the index as it is. Searches
   * never apply changes themselves; the one follower thread does, so any number of waiting searches
   * share one catch-up. 503 while the first build runs.
   */
  void requireCurrent() {
    if (!ready) {
      throw new SearchUnavailableException();
    }
    long wanted = head.seen();
    if (appliedSeq >= wanted) {
      return;
    }
    requestFollow();
    long deadline = System.nanoTime() + config.catchUpWait().toNanos();
    synchronized (appliedSignal) {
      while (appliedSeq < wanted) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          // The index is busy (a bulk import, a commit to a slow disk): a slightly stale answer
          // beats a search that queues for seconds (the soak run measured a p99 of 9-12 s when
          // each search applied the log itself).
          staleAnswers.increment();
          return;
        }
        try {
          TimeUnit.NANOSECONDS.timedWait(appliedSignal, remaining);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Searches answered before the index had applied their instance's log position. */
  long staleAnswers() {
    return staleAnswers.sum();
  }

  /** Articles re-read from the database and replaced or removed while following the log. */
  long reindexed() {
    return reindexed.sum();
  }

  /** Runs the follower soon; a request while one is queued and has not started adds nothing. */
  private void requestFollow() {
    if (executor != null && followQueued.compareAndSet(false, true)) {
      try {
        executor.execute(
            () -> {
              followQueued.set(false);
              followQuietly();
            });
      } catch (java.util.concurrent.RejectedExecutionException stopping) {
        followQueued.set(false);
      }
    }
  }

  /** A document found: its id, score and stored texts. */
  record Found(long id, float score, String title, String summary, String body) {}

  /** The hits of one page and the number of all matches. */
  record Hits(long total, List<Found> found) {}

  /**
   * One page of {@code query} in the sort's order, and the number of documents {@code counted}
   * matches: the same documents as {@code query}, without the clauses that only score.
   */
  Hits search(Query query, Query counted, Sort sort, long offset, int size) {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        int total = searcher.count(counted);
        if (offset >= total) {
          return new Hits(total, List.of());
        }
        int wanted = (int) Math.min(total, offset + size);
        ScoreDoc[] best = best(searcher, query, counted, sort, wanted);
        StoredFields stored = searcher.storedFields();
        List<Found> found = new ArrayList<>(size);
        for (int i = (int) offset; i < best.length; i++) {
          ScoreDoc hit = best[i];
          Document document = stored.document(hit.doc);
          float score = hit instanceof FieldDoc field ? field.score : hit.score;
          found.add(
              new Found(
                  Long.parseLong(document.get(SearchAnalysis.ID)),
                  Float.isNaN(score) ? 0f : score,
                  document.get(Text.TITLE.stored()),
                  document.get(Text.SUMMARY.stored()),
                  document.get(Text.BODY.stored())));
        }
        return new Hits(total, found);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The best {@code size} documents by the sort, without counting every match: suggestions. */
  List<Found> top(Query query, Sort sort, int size) {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        ScoreDoc[] best = best(searcher, query, query, sort, size);
        StoredFields stored = searcher.storedFields();
        List<Found> found = new ArrayList<>(best.length);
        for (ScoreDoc hit : best) {
          Document document =
              stored.document(hit.doc, Set.of(SearchAnalysis.ID, Text.TITLE.stored()));
          found.add(
              new Found(
                  Long.parseLong(document.get(SearchAnalysis.ID)),
                  hit instanceof FieldDoc field && !Float.isNaN(field.score) ? field.score : 0f,
                  document.get(Text.TITLE.stored()),
                  null,
                  null));
        }
        return found;
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The first {@code wanted} matches in the sort's order. Relevance order skips what cannot score
   * high enough ({@link TopRelevance}); a time order finds the page with the matching clauses alone
   * (Lucene's sorted collector skips by the time index) and scores only that page.
   */
  private static ScoreDoc[] best(
      IndexSearcher searcher, Query query, Query matching, Sort sort, int wanted)
      throws IOException {
    if (sort.equals(LuceneQueries.RELEVANCE)) {
      return searcher.search(query, new TopRelevance(wanted)).toArray(ScoreDoc[]::new);
    }
    TopFieldDocs top = searcher.search(matching, wanted, sort, false);
    TopFieldCollector.populateScores(top.scoreDocs, searcher, query);
    return top.scoreDocs;
  }

  private void followQuietly() {
    if (!ready) {
      return;
    }
    applying.lock();
    try {
      catchUp();
      if (dirty && System.nanoTime() - lastCommitNanos >= config.commitInterval().toNanos()) {
        commit();
        // Writes that came in during the commit (an fsync can take a while) need not wait for
        // the next poll.
        catchUp();
      }
    } catch (RuntimeException | IOException e) {
      // The database may be briefly unreachable; the next poll retries.
      LOG.debug("Could not follow the change log into the search index", e);
    } finally {
      applying.unlock();
    }
  }

  /** Applies every committed entry after the applied position; the caller holds the lock. */
  private void catchUp() {
    while (true) {
      long from = appliedSeq;
      List<ChangeEntry> entries =
          QuarkusTransaction.requiringNew().call(() -> log.after(from, BATCH));
      if (entries.isEmpty()) {
        return;
      }
      Set<Long> changed = new LinkedHashSet<>();
      for (ChangeEntry entry : entries) {
        // Zones and categories are filtered by id at query time and summaries are read from the
        // database, so a renamed or moved node needs no re-indexing.
        // Nor does an article whose previous/next link moved: nothing it indexes changed, and
        // each public write logs two to four of them (the soak's searches waited on re-indexing
        // neighbours).
        if (entry.entity() == Change.Entity.ARTICLE
            && !Change.NAVIGATION_EVENT.equals(entry.event())) {
          changed.add(entry.entityId());
        }
      }
      QuarkusTransaction.requiringNew().run(() -> reindex(changed));
      ChangeEntry last = entries.get(entries.size() - 1);
      publish(last.seq(), last.changedAt());
      if (entries.size() < BATCH) {
        return;
      }
      // A long catch-up (after an outage, behind a bulk import) keeps what it has done: an index
      // that only committed at the end started from the same old position after every restart.
      if (System.nanoTime() - lastCommitNanos >= config.commitInterval().toNanos()) {
        commitQuietly();
      }
    }
  }

  /**
   * Reads the changed articles in bounded groups: the public ones are replaced, the rest removed.
   */
  private void reindex(Set<Long> ids) {
    reindexed.add(ids.size());
    Set<Long> notPublic = new HashSet<>(ids);
    articles.readPublicIndexed(
        List.copyOf(ids),
        group -> {
          for (IndexedArticle article : group) {
            notPublic.remove(article.id());
            update(
                () ->
                    writer.updateDocument(
                        new Term(SearchAnalysis.ID, Long.toString(article.id())),
                        document(article)));
          }
        });
    for (long id : notPublic) {
      update(() -> writer.deleteDocuments(new Term(SearchAnalysis.ID, Long.toString(id))));
    }
  }

  private interface IndexUpdate {
    void run() throws IOException;
  }

  private static void update(IndexUpdate update) {
    try {
      update.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Makes the applied changes searchable, then says so. */
  private void publish(long seq, Instant changedAt) {
    try {
      writer.setLiveCommitData(
          Map.of(SEQ_KEY, Long.toString(seq), SCHEMA_KEY, Integer.toString(SCHEMA)).entrySet());
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    dirty = true;
    appliedChangedAt = changedAt;
    appliedSeq = seq;
    synchronized (appliedSignal) {
      appliedSignal.notifyAll();
    }
  }

  private void commitQuietly() {
    try {
      commit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void commit() throws IOException {
    writer.commit();
    dirty = false;
    lastCommitNanos = System.nanoTime();
  }

  private void rebuildQuietly() {
    if (!pausedBeforeBuild()) {
      return;
    }
    applying.lock();
    try {
      long started = System.nanoTime();
      long through = QuarkusTransaction.requiringNew().call(log::committedHead);
      writer.deleteAll();
      long after = 0;
      long[] count = {0};
      ExecutorService analysis = analysisThreads();
      try {
        while (after >= 0) {
          long from = after;
          after =
              QuarkusTransaction.requiringNew()
                  .call(
                      () ->
                          articles.readPublicIndexedAfter(
                              from,
                              REBUILD_BATCH,
                              group -> {
                                addAll(analysis, group);
                                count[0] += group.size();
                              }));
        }
      } finally {
        stopAnalysis(analysis);
      }
      // Entries after 'through' are applied again by the follower: re-reading is idempotent.
      publish(through, null);
      commit();
      ready = true;
      LOG.infof(
          "Built the search index of %d articles through change %d in %d ms",
          count[0], through, (System.nanoTime() - started) / 1_000_000);
    } catch (RuntimeException | IOException e) {
      if (executor.isShutdown()) {
        LOG.info("Search index build stopped by the shutdown; it starts again at the next start");
        return;
      }
      LOG.error("Could not build the search index; retrying in 5 s", e);
      executor.schedule(this::rebuildQuietly, 5, TimeUnit.SECONDS);
    } finally {
      applying.unlock();
    }
  }

  /**
   * Threads that analyse documents during a build, one per core and at most {@value
   * #MAX_ANALYSIS_THREADS}: smartcn segmentation is most of a build's time, and the index writer
   * takes documents from several threads at once. Each thread holds one article's text and tokens
   * (up to a megabyte of body), so the count also bounds the build's working memory.
   */
  static ExecutorService analysisThreads() {
    AtomicInteger number = new AtomicInteger();
    return Executors.newFixedThreadPool(
        analysisThreadCount(),
        runnable -> {
          Thread thread = new Thread(runnable, "search-build-" + number.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }

  /**
   * Adds one group of articles, split among the analysis threads; returns when all are added, so no
   * more than one group (bounded in characters by the reader) is held at a time.
   */
  private void addAll(ExecutorService analysis, List<IndexedArticle> group) {
    inParts(analysis, group, article -> writer.addDocument(document(article)));
  }

  /**
   * Stops the analysis threads and waits for them, even when this thread was interrupted (a
   * shutdown): none may still be adding when the writer is closed or the build is retried.
   */
  private static void stopAnalysis(ExecutorService analysis) {
    analysis.shutdownNow();
    boolean interrupted = Thread.interrupted();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!analysis.isTerminated() && System.nanoTime() < deadline) {
        try {
          analysis.awaitTermination(100, TimeUnit.MILLISECONDS);
        } catch (InterruptedException again) {
          interrupted = true;
        }
      }
      if (!analysis.isTerminated()) {
        LOG.warn("Search index analysis threads did not stop within 30 s");
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static final int MAX_ANALYSIS_THREADS = 4;

  private static int analysisThreadCount() {
    return Math.max(1, Math.min(MAX_ANALYSIS_THREADS, Runtime.getRuntime().availableProcessors()));
  }

  /** What is done to each item of a part. */
  interface PartAction<T> {
    void apply(T item) throws IOException;
  }

  /**
   * Applies {@code action} to every item, the items split into one part per thread of {@code pool},
   * and returns when all are done; the first failure is rethrown.
   */
  static <T> void inParts(ExecutorService pool, List<T> items, PartAction<T> action) {
    if (items.isEmpty()) {
      return;
    }
    int parts = Math.min(items.size(), analysisThreadCount());
    int step = (items.size() + parts - 1) / parts;
    List<Callable<Void>> work = new ArrayList<>(parts);
    for (int start = 0; start < items.size(); start += step) {
      List<T> part = items.subList(start, Math.min(items.size(), start + step));
      work.add(
          () -> {
            for (T item : part) {
              action.apply(item);
            }
            return null;
          });
    }
    try {
      for (Future<Void> done : pool.invokeAll(work)) {
        done.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Search index build interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw new UncheckedIOException(io);
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Waits {@code content-api.search.build-delay} (tests watch the 503); false when stopping. */
  private boolean pausedBeforeBuild() {
    Duration delay = config.buildDelay().orElse(Duration.ZERO);
    if (delay.isZero() || delay.isNegative()) {
      return true;
    }
    try {
      Thread.sleep(delay.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The document of an article: its texts three ways, its filters, its sort keys. */
  static Document document(IndexedArticle article) {
    Document document = new Document();
    document.add(new StringField(SearchAnalysis.ID, Long.toString(article.id()), Field.Store.YES));
    document.add(new NumericDocValuesField(SearchAnalysis.ID_SORT, article.id()));
    long publishedAt = SearchAnalysis.micros(article.publishedAt());
    document.add(new LongPoint(SearchAnalysis.PUBLISHED_AT, publishedAt));
    document.add(new NumericDocValuesField(SearchAnalysis.PUBLISHED_AT, publishedAt));
    document.add(new LongPoint(SearchAnalysis.CATEGORY, article.categoryId()));
    document.add(new LongPoint(SearchAnalysis.ZONE, article.zoneId()));
    if (article.publisherZoneId() != null) {
      document.add(new LongPoint(SearchAnalysis.PUBLISHER_ZONE, article.publisherZoneId()));
    }
    if (article.source() != null) {
      document.add(new StringField(SearchAnalysis.SOURCE, article.source(), Field.Store.NO));
    }
    addText(document, Text.TITLE, article.title());
    addText(document, Text.SUMMARY, article.summary());
    addText(document, Text.BODY, ArticleText.plainText(article.body()));
    document.add(new TextField(SearchAnalysis.TITLE_KEY, article.title(), Field.Store.NO));
    document.add(new TextField(SearchAnalysis.TITLE_WORDS, article.title(), Field.Store.NO));
    return document;
  }

  private static void addText(Document document, Text text, String value) {
    String plain = value == null ? "" : value;
    document.add(new StoredField(text.stored(), plain));
    document.add(new TextField(text.bigrams(), plain, Field.Store.NO));
    document.add(new TextField(text.unigrams(), plain, Field.Store.NO));
    document.add(new TextField(text.words(), SearchAnalysis.fold(plain), Field.Store.NO));
  }

  private static Directory openDirectory(String configured) throws IOException {
    if (configured.equals("memory")) {
      return new ByteBuffersDirectory();
    }
    Path path = Path.of(configured);
    Files.createDirectories(path);
    return FSDirectory.open(path);
  }

  /** The applied position of a usable stored index; empty when missing or of another schema. */
  private static Optional<Long> storedSeq(Directory directory) throws IOException {
    if (!DirectoryReader.indexExists(directory)) {
      return Optional.empty();
    }
    Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
    if (!Integer.toString(SCHEMA).equals(data.get(SCHEMA_KEY)) || data.get(SEQ_KEY) == null) {
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(data.get(SEQ_KEY)));
  }
}
