package com.investchn.content.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.investchn.content.article.IndexedArticle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/** A build analyses articles on several threads into one writer: every article once, none lost. */
class ParallelBuildTest {

  @Test
  void everyArticleOfEveryGroupIsIndexedOnce() throws IOException {
    ExecutorService pool = SearchIndex.analysisThreads();
    try (Directory directory = new ByteBuffersDirectory();
        IndexWriter writer =
            new IndexWriter(directory, new IndexWriterConfig(SearchAnalysis.perField()))) {
      long id = 0;
      // Groups of the sizes a build reads: one article, a few, many.
      for (int size : new int[] {1, 3, 500, 77}) {
        List<IndexedArticle> group = new ArrayList<>();
        for (int i = 0; i < size; i++) {
          id++;
          group.add(
              new IndexedArticle(
                  id,
                  "园区新闻" + id,
                  "摘要",
                  "<p>开发区第" + id + "篇</p>",
                  Instant.parse("2025-01-01T00:00:00Z").plusSeconds(id),
                  1L,
                  1L,
                  null,
                  null));
        }
        SearchIndex.inParts(
            pool, group, article -> writer.addDocument(SearchIndex.document(article)));
      }
      writer.commit();
      try (DirectoryReader reader = DirectoryReader.open(directory)) {
        assertEquals(581, reader.numDocs());
        Set<String> ids = new HashSet<>();
        StoredFields stored = reader.storedFields();
        for (int doc = 0; doc < reader.maxDoc(); doc++) {
          ids.add(stored.document(doc).get(SearchAnalysis.ID));
        }
        assertEquals(581, ids.size());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFailureInAnyPartIsRethrown() {
    ExecutorService pool = SearchIndex.analysisThreads();
    try {
      List<Integer> items = List.of(1, 2, 3, 4, 5, 6);
      UncheckedIOException failure =
          assertThrows(
              UncheckedIOException.class,
              () ->
                  SearchIndex.inParts(
                      pool,
                      items,
                      item -> {
                        if (item == 5) {
                          throw new IOException("disk full");
                        }
                      }));
      assertEquals("disk full", failure.getCause().getMessage());
    } finally {
      pool.shutdownNow();
    }
  }
}
