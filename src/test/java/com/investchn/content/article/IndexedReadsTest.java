package com.investchn.content.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.investchn.content.support.AdminArticles;
import com.investchn.content.support.ApiTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Derived indexes (search) read article bodies of up to a megabyte each. Read a few hundred at once
 * and a 256 MiB heap is gone (the packaged service died that way in LargeContentIT): the reads hand
 * them over in groups bounded by body length.
 */
@QuarkusTest
class IndexedReadsTest extends ApiTest {

  /** Near the 1 MiB limit, in one-byte characters: four fill a group of 4,000,000. */
  private static final int BODY_CHARACTERS = 950_000;

  @Inject ArticleService service;

  private final AdminArticles articles = new AdminArticles();

  /** What this test published, in order. */
  private final List<Long> created = new ArrayList<>();

  @AfterEach
  void deleteCreated() {
    articles.deleteAll();
  }

  @Test
  void largeBodiesAreHandedOverInGroupsOfBoundedLength() {
    for (int i = 0; i < 6; i++) {
      created.add(publishLarge(i));
    }
    List<List<IndexedArticle>> groups = new ArrayList<>();
    QuarkusTransaction.requiringNew()
        .run(() -> service.readPublicIndexed(created, group -> groups.add(group)));

    assertBounded(groups);
  }

  @Test
  void aKeysetBatchOfLargeBodiesIsHandedOverInGroupsOfBoundedLength() {
    for (int i = 0; i < 6; i++) {
      created.add(publishLarge(i));
    }
    long before = created.get(0) - 1;
    List<List<IndexedArticle>> groups = new ArrayList<>();
    long last =
        QuarkusTransaction.requiringNew()
            .call(() -> service.readPublicIndexedAfter(before, 6, group -> groups.add(group)));

    assertEquals(created.get(5), last);
    assertBounded(groups);
  }

  private void assertBounded(List<List<IndexedArticle>> groups) {
    List<Long> delivered = new ArrayList<>();
    for (List<IndexedArticle> group : groups) {
      long characters = group.stream().mapToLong(article -> article.body().length()).sum();
      assertTrue(
          group.size() == 1 || characters <= ArticleService.INDEXED_CHARACTERS,
          group.size() + " articles of " + characters + " characters in one group");
      group.forEach(article -> delivered.add(article.id()));
    }
    assertEquals(created, delivered, "every article once, in id order");
    assertTrue(groups.size() >= 2, "six bodies of 950,000 characters need two groups");
  }

  private long publishLarge(int index) {
    String paragraph = "<p>" + "Development zone project ".repeat(40) + "</p>";
    String body = paragraph.repeat(BODY_CHARACTERS / paragraph.length());
    String input =
        "{\"slug\":\"t-indexed-"
            + System.nanoTime()
            + "-"
            + index
            + "\",\"title\":\"Large body "
            + index
            + "\",\"body\":\""
            + body
            + "\",\"categoryId\":"
            + fixtures.id("text-news")
            + ",\"zoneId\":"
            + fixtures.id("daxing")
            + ",\"status\":\"published\",\"publishedAt\":\""
            + OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).truncatedTo(ChronoUnit.SECONDS)
            + "\"}";
    return articles.create(input);
  }
}
