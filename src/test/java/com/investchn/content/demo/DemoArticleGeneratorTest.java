package com.investchn.content.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.investchn.content.article.ArticleStatus;
import com.investchn.content.common.config.ContentApiConfig;
import com.investchn.content.common.time.PortalTime;
import com.investchn.content.demo.DemoArticleGenerator.DemoArticle;
import io.smallrye.config.WithDefault;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The demo articles without Quarkus: fixed for a seed on any day, varied across seeds, counted. */
class DemoArticleGeneratorTest {

  private static final long SEED = Long.parseLong(demoDefault("seed"));
  private static final int COUNT = Integer.parseInt(demoDefault("articleCount"));

  /** The day this test was written, and a day long after the demo's reference date. */
  private static final Clock TODAY = clock("2026-12-02T04:00:00Z");

  private static final Clock IN_2031 = clock("2031-03-15T17:42:13Z");

  private static final String PINNED_OLDEST =
      "industry-trends-huqiu-20210113-360 航空航天产业链龙头企业加速集聚苏州高新技术产业开发区";
  private static final String PINNED_DIGEST =
      "88a82c98bdda2e7f190ae710fddeeead22ab23b79d59da7f7065f642997d957f";

  private static final List<String> REFERENCE_SLUGS =
      List.of(
          "daxing-airport-zone-cross-border-logistics-hub",
          "beijing-etdz-first-half-2024-project-signing",
          "daxing-biomedicine-base-talent-service-station");

  private final DemoArticleGenerator generator =
      new DemoArticleGenerator(
          new ArticleComposer(), DemoResources.zones(), DemoResources.referenceArticles());

  @Test
  void theSameSeedWritesTheSameArticlesOnAnyDay() {
    List<DemoArticle> today = generator.generate(SEED, COUNT, TODAY);
    List<DemoArticle> later = generator.generate(SEED, COUNT, IN_2031);

    // Titles, slugs, bodies, sources, authors, dates, channels, zones and covers: all of it.
    assertEquals(fixed(today), fixed(later));
    assertEquals(COUNT + DemoArticleGenerator.DRAFTS, fixed(today).size());
    // Only the scheduled articles follow the clock, and they keep their channel and zones.
    List<DemoArticle> scheduledToday = scheduled(today);
    List<DemoArticle> scheduledLater = scheduled(later);
    assertEquals(DemoArticleGenerator.SCHEDULED, scheduledToday.size());
    assertEquals(where(scheduledToday), where(scheduledLater));
    assertScheduledAfter(TODAY, scheduledToday);
    assertScheduledAfter(IN_2031, scheduledLater);
  }

  @Test
  void everyArticleButTheScheduledFallsBeforeTheReferenceDate() {
    Instant first = DemoArticleGenerator.FIRST_DAY.atStartOfDay(PortalTime.ZONE).toInstant();
    Instant reference = DemoArticleGenerator.REFERENCE_TIME.toInstant();
    for (DemoArticle article : fixed(generator.generate(SEED, COUNT, TODAY))) {
      assertFalse(article.publishedAt().isBefore(first), article.slug());
      assertTrue(article.publishedAt().isBefore(reference), article.slug());
    }
  }

  @Test
  void aDifferentSeedWritesDifferentArticles() {
    List<DemoArticle> usual = generator.generate(SEED, COUNT, TODAY);
    List<DemoArticle> other = generator.generate(SEED + 1, COUNT, TODAY);

    assertEquals(usual.size(), other.size());
    Set<String> usualTitles = titles(composed(usual));
    Set<String> sharedTitles = titles(composed(other));
    sharedTitles.retainAll(usualTitles);
    assertTrue(sharedTitles.size() < COUNT / 10, "titles in common: " + sharedTitles.size());
    Set<String> usualBodies =
        composed(usual).stream().map(DemoArticle::bodyHtml).collect(Collectors.toSet());
    assertTrue(
        composed(other).stream().map(DemoArticle::bodyHtml).noneMatch(usualBodies::contains));
    // The hand-written reference articles do not depend on the seed.
    assertEquals(reference(usual), reference(other));
  }

  @Test
  void theCountIsTheNumberOfPublicArticles() {
    for (int count : new int[] {3, 4, 50, COUNT, 1000}) {
      List<DemoArticle> articles = generator.generate(SEED, count, TODAY);
      long published =
          articles.stream()
              .filter(article -> article.status() == ArticleStatus.PUBLISHED)
              .filter(Predicate.not(DemoArticle::scheduled))
              .count();
      long drafts = articles.stream().filter(a -> a.status() == ArticleStatus.DRAFT).count();
      assertEquals(count, published, "count " + count);
      assertEquals(DemoArticleGenerator.DRAFTS, drafts, "count " + count);
      assertEquals(DemoArticleGenerator.SCHEDULED, scheduled(articles).size(), "count " + count);
      assertEquals(REFERENCE_SLUGS, reference(articles).stream().map(DemoArticle::slug).toList());
      Set<String> slugs = new HashSet<>();
      articles.forEach(article -> assertTrue(slugs.add(article.slug()), article.slug()));
    }
  }

  @Test
  void aCountBelowTheReferenceArticlesIsRefused() {
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> generator.generate(SEED, 2, TODAY));
    assertTrue(
        refused.getMessage().contains("content-api.demo.article-count"), refused.getMessage());
  }

  @Test
  void articlesAreOldestFirst() {
    List<DemoArticle> articles = generator.generate(SEED, COUNT, TODAY);
    for (int i = 1; i < articles.size(); i++) {
      assertFalse(
          articles.get(i).publishedAt().isBefore(articles.get(i - 1).publishedAt()),
          articles.get(i).slug());
    }
  }

  /** The numbers the README gives for the demo portal, with the configured defaults. */
  @Test
  void theDefaultSettingsGiveThePortalTheReadmeDescribes() {
    assertEquals(20240621L, SEED);
    assertEquals(360, COUNT);
    List<DemoArticle> articles = generator.generate(SEED, COUNT, TODAY);
    List<DemoArticle> published =
        articles.stream()
            .filter(article -> article.status() == ArticleStatus.PUBLISHED)
            .filter(Predicate.not(DemoArticle::scheduled))
            .toList();
    assertEquals(372, articles.size());
    assertEquals(
        100, published.stream().filter(article -> article.category().equals("text-news")).count());
    LocalDate oldest = published.get(0).publishedAt().atZone(PortalTime.ZONE).toLocalDate();
    LocalDate newest =
        published.get(published.size() - 1).publishedAt().atZone(PortalTime.ZONE).toLocalDate();
    assertEquals(2021, oldest.getYear());
    assertEquals(LocalDate.of(2026, 6, 1), newest.withDayOfMonth(1));
    long english =
        published.stream().filter(a -> a.title().chars().allMatch(c -> c < 0x3000)).count();
    assertTrue(english > COUNT / 20 && english < COUNT / 5, "English articles: " + english);
    // The reference article's previous and next (its channel and zone) are the hand-written ones.
    Instant older = Instant.parse("2024-06-18T02:00:00Z");
    Instant newer = Instant.parse("2024-06-25T07:00:00Z");
    List<String> between =
        articles.stream()
            .filter(article -> article.category().equals("text-news"))
            .filter(article -> article.zone().equals("daxing"))
            .filter(article -> !article.publishedAt().isBefore(older))
            .filter(article -> !article.publishedAt().isAfter(newer))
            .map(DemoArticle::slug)
            .toList();
    assertEquals(REFERENCE_SLUGS, between);
  }

  /**
   * Pins the default demo portal, so that it stays the same across builds, JDKs and machines, not
   * only between two runs in one JVM. A deliberate change of the phrase pools or the generator
   * changes it: then update the digest and say so in the commit.
   */
  @Test
  void theDefaultPortalIsPinned() throws Exception {
    List<DemoArticle> articles = fixed(generator.generate(SEED, COUNT, TODAY));
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    for (DemoArticle article : articles) {
      // Record.toString() has no specified format, so the fields are joined here.
      String line =
          String.join(
              "\u001f",
              article.slug(),
              article.title(),
              article.bodyHtml(),
              article.source(),
              String.valueOf(article.author()),
              article.publishedAt().toString(),
              article.status().name(),
              article.category(),
              article.zone(),
              String.valueOf(article.publisherZone()),
              String.valueOf(article.coverImageUrl()));
      sha256.update((line + "\n").getBytes(StandardCharsets.UTF_8));
    }
    DemoArticle oldest = articles.get(0);
    assertEquals(PINNED_OLDEST, "%s %s".formatted(oldest.slug(), oldest.title()));
    assertEquals(PINNED_DIGEST, HexFormat.of().formatHex(sha256.digest()));
  }

  private static void assertScheduledAfter(Clock clock, List<DemoArticle> scheduled) {
    for (DemoArticle article : scheduled) {
      Duration ahead = Duration.between(clock.instant(), article.publishedAt());
      assertTrue(ahead.compareTo(Duration.ofDays(3).minusHours(1)) > 0, article.slug());
      assertTrue(ahead.compareTo(Duration.ofDays(62)) <= 0, article.slug());
      assertEquals(ArticleStatus.PUBLISHED, article.status());
    }
  }

  private static List<DemoArticle> fixed(List<DemoArticle> articles) {
    return articles.stream().filter(Predicate.not(DemoArticle::scheduled)).toList();
  }

  private static List<DemoArticle> scheduled(List<DemoArticle> articles) {
    return articles.stream().filter(DemoArticle::scheduled).toList();
  }

  private static List<DemoArticle> reference(List<DemoArticle> articles) {
    return articles.stream().filter(article -> REFERENCE_SLUGS.contains(article.slug())).toList();
  }

  private static List<DemoArticle> composed(List<DemoArticle> articles) {
    return articles.stream().filter(article -> !REFERENCE_SLUGS.contains(article.slug())).toList();
  }

  private static Set<String> titles(List<DemoArticle> articles) {
    return articles.stream().map(DemoArticle::title).collect(Collectors.toCollection(HashSet::new));
  }

  /** Draw number (the end of the slug), channel and zones of each scheduled article. */
  private static List<String> where(List<DemoArticle> scheduled) {
    return scheduled.stream()
        .map(
            article ->
                String.join(
                    " ",
                    article.slug().substring(article.slug().lastIndexOf('-') + 1),
                    article.category(),
                    article.zone(),
                    String.valueOf(article.publisherZone())))
        .sorted()
        .toList();
  }

  private static String demoDefault(String key) {
    try {
      return ContentApiConfig.Demo.class.getMethod(key).getAnnotation(WithDefault.class).value();
    } catch (NoSuchMethodException e) {
      throw new AssertionError(e);
    }
  }

  private static Clock clock(String instant) {
    return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
  }
}
