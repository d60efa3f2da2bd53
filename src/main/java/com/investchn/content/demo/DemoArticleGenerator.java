package com.investchn.content.demo;

import com.investchn.content.article.ArticleStatus;
import com.investchn.content.common.time.PortalTime;
import com.investchn.content.demo.DemoResources.ReferenceArticle;
import com.investchn.content.demo.DemoResources.ZoneSeed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Writes the demo articles for a seed and a count. Every article is dated relative to the fixed
 * {@link #REFERENCE_TIME}, not to today, so one seed gives the same articles on every day; only the
 * {@value #SCHEDULED} scheduled articles are dated from the clock, so that they stay in the future.
 */
final class DemoArticleGenerator {

  /**
   * The moment the demo portal is written as of: published articles and drafts fall on the days
   * from {@link #FIRST_DAY} to the day before.
   */
  static final OffsetDateTime REFERENCE_TIME =
      OffsetDateTime.of(2026, 6, 30, 10, 0, 0, 0, ZoneOffset.ofHours(8));

  static final LocalDate FIRST_DAY = LocalDate.of(2021, 1, 4);

  /** Unpublished articles, dated like published ones. */
  static final int DRAFTS = 6;

  /** Published articles whose time has not come: the clock's now plus 3 to 62 days, on the hour. */
  static final int SCHEDULED = 6;

  static final int SCHEDULED_FIRST_DAY = 3;
  static final int SCHEDULED_LAST_DAY = 62;

  /** One demo article, with its channel and zones by slug; the body is not yet sanitised. */
  record DemoArticle(
      String slug,
      String title,
      String bodyHtml,
      String source,
      String author,
      Instant publishedAt,
      ArticleStatus status,
      boolean scheduled,
      String category,
      String zone,
      String publisherZone,
      String coverImageUrl) {}

  /** Weighted leaf channels: most news is zone news, as on the reference portal. */
  private static final String[] CATEGORY_WEIGHTS = {
    "text-news",
    "text-news",
    "text-news",
    "text-news",
    "text-news",
    "text-news",
    "photo-news",
    "photo-news",
    "industry-trends",
    "industry-trends",
    "foreign-investment",
    "foreign-investment",
    "policies",
    "policies",
    "investment-projects",
    "investment-projects",
    "investment-projects",
    "events",
    "events",
    "investment-news"
  };

  private final ArticleComposer composer;
  private final List<ReferenceArticle> referenceArticles;
  private final Map<String, ZoneSeed> zonesBySlug = new HashMap<>();
  private final List<ZoneSeed> developmentZones;
  private final List<ZoneSeed> places;

  DemoArticleGenerator(
      ArticleComposer composer, List<ZoneSeed> zones, List<ReferenceArticle> referenceArticles) {
    this.composer = Objects.requireNonNull(composer, "composer");
    this.referenceArticles = List.copyOf(referenceArticles);
    zones.forEach(zone -> zonesBySlug.put(zone.slug(), zone));
    // Sorted by slug, so the draws pick the same zones whatever the order of the file.
    this.developmentZones =
        zones.stream()
            .filter(zone -> zone.kind().equals("development_zone") && zone.parent() != null)
            .sorted(Comparator.comparing(ZoneSeed::slug))
            .toList();
    this.places =
        zones.stream()
            .filter(zone -> zone.kind().equals("district") || zone.kind().equals("city"))
            .sorted(Comparator.comparing(ZoneSeed::slug))
            .toList();
  }

  /** The smallest count of published articles: the hand-written reference articles. */
  int minimumPublished() {
    return referenceArticles.size();
  }

  /**
   * The demo articles, oldest first: {@code published} public ones (the reference articles among
   * them), {@value #DRAFTS} drafts and {@value #SCHEDULED} scheduled after {@code clock}'s now.
   */
  List<DemoArticle> generate(long seed, int published, Clock clock) {
    if (published < minimumPublished()) {
      throw new IllegalArgumentException(
          "content-api.demo.article-count must be at least "
              + minimumPublished()
              + " (the reference article and its two neighbours), not "
              + published);
    }
    Random random = new Random(seed);
    List<DemoArticle> articles = new ArrayList<>();
    for (ReferenceArticle article : referenceArticles) {
      articles.add(
          new DemoArticle(
              article.slug(),
              article.title(),
              String.join("\n", article.body()),
              article.source(),
              article.author(),
              OffsetDateTime.parse(article.publishedAt()).toInstant(),
              ArticleStatus.PUBLISHED,
              false,
              article.category(),
              article.zone(),
              article.publisherZone(),
              null));
    }
    int composedPublished = published - referenceArticles.size();
    int drafts = composedPublished + DRAFTS;
    int total = drafts + SCHEDULED;
    int days = (int) ChronoUnit.DAYS.between(FIRST_DAY, REFERENCE_TIME.toLocalDate());
    // The scheduled articles come last: their dates follow the clock, and a date changes how many
    // draws composing takes, so composing them after all others keeps every other article fixed.
    for (int i = 1; i <= total; i++) {
      String categorySlug = CATEGORY_WEIGHTS[random.nextInt(CATEGORY_WEIGHTS.length)];
      boolean fromDevelopmentZone =
          categorySlug.endsWith("-news") ? random.nextInt(10) < 8 : random.nextInt(10) < 5;
      ZoneSeed publisher =
          fromDevelopmentZone
              ? developmentZones.get(random.nextInt(developmentZones.size()))
              : null;
      ZoneSeed filedUnder =
          publisher != null
              ? zonesBySlug.get(publisher.parent())
              : places.get(random.nextInt(places.size()));
      boolean english = random.nextInt(100) < 12;
      boolean scheduled = i > drafts;
      ArticleStatus status =
          i > composedPublished && !scheduled ? ArticleStatus.DRAFT : ArticleStatus.PUBLISHED;
      Instant publishedAt;
      if (scheduled) {
        int daysAhead =
            SCHEDULED_FIRST_DAY + random.nextInt(SCHEDULED_LAST_DAY - SCHEDULED_FIRST_DAY + 1);
        publishedAt =
            clock.instant().plus(daysAhead, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
      } else {
        LocalDate day = FIRST_DAY.plusDays(random.nextInt(days));
        LocalTime time = LocalTime.of(8 + random.nextInt(10), random.nextInt(12) * 5);
        publishedAt = day.atTime(time).atZone(PortalTime.ZONE).toInstant();
        if (status == ArticleStatus.PUBLISHED && i % 29 == 0) {
          // Several articles share a publish time, as batch publishing does on real portals.
          publishedAt = articles.get(articles.size() - 1).publishedAt();
        }
      }
      LocalDate date = publishedAt.atZone(PortalTime.ZONE).toLocalDate();
      ArticleComposer.ArticleDraft draft =
          composer.compose(
              random,
              categorySlug,
              filedUnder.name(),
              filedUnder.nameEn(),
              publisher == null ? null : publisher.name(),
              publisher == null ? null : publisher.nameEn(),
              date,
              english);
      String slug =
          categorySlug + "-" + filedUnder.slug() + "-" + date.toString().replace("-", "") + "-" + i;
      String cover =
          random.nextInt(10) < 3 || categorySlug.equals("photo-news")
              ? "https://static.investchn.com/images/covers/" + slug + ".jpg"
              : null;
      articles.add(
          new DemoArticle(
              slug,
              draft.title(),
              draft.bodyHtml(),
              draft.source(),
              draft.author(),
              publishedAt,
              status,
              scheduled,
              categorySlug,
              filedUnder.slug(),
              publisher == null ? null : publisher.slug(),
              cover));
    }
    // Oldest first, so that ids grow with publish time as they would have in real life.
    articles.sort(Comparator.comparing(DemoArticle::publishedAt));
    return List.copyOf(articles);
  }
}
