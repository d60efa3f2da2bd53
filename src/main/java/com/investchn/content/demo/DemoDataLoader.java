package com.investchn.content.demo;

import com.investchn.content.article.Article;
import com.investchn.content.article.ArticleEditor;
import com.investchn.content.article.ArticleRepository;
import com.investchn.content.article.ArticleText;
import com.investchn.content.category.Category;
import com.investchn.content.category.CategoryCatalog;
import com.investchn.content.category.CategoryRepository;
import com.investchn.content.common.change.Change;
import com.investchn.content.common.change.ChangeLog;
import com.investchn.content.common.config.ContentApiConfig;
import com.investchn.content.common.html.HtmlSanitizer;
import com.investchn.content.common.time.PortalTime;
import com.investchn.content.demo.DemoArticleGenerator.DemoArticle;
import com.investchn.content.demo.DemoResources.CategorySeed;
import com.investchn.content.demo.DemoResources.ZoneSeed;
import com.investchn.content.site.Site;
import com.investchn.content.site.SiteRepository;
import com.investchn.content.zone.Zone;
import com.investchn.content.zone.ZoneCatalog;
import com.investchn.content.zone.ZoneKind;
import com.investchn.content.zone.ZoneLevel;
import com.investchn.content.zone.ZoneRepository;
import com.investchn.content.zone.ZoneType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Fills an empty database with the demo portal: the site record, the zone and category trees and a
 * few hundred articles written by {@link DemoArticleGenerator}, the same for one seed on every day.
 * Switched off with {@code content-api.demo.enabled=false}.
 */
@ApplicationScoped
class DemoDataLoader {

  private static final Logger LOG = Logger.getLogger(DemoDataLoader.class);

  /** Now, for the scheduled articles, which stay in the future of the day they are loaded. */
  private final Clock clock = Clock.systemUTC();

  private final ContentApiConfig config;
  private final SiteRepository sites;
  private final ZoneRepository zones;
  private final CategoryRepository categories;
  private final ArticleRepository articles;
  private final ZoneCatalog zoneCatalog;
  private final CategoryCatalog categoryCatalog;
  private final HtmlSanitizer sanitizer;
  private final ChangeLog changes;

  public DemoDataLoader(
      ContentApiConfig config,
      SiteRepository sites,
      ZoneRepository zones,
      CategoryRepository categories,
      ArticleRepository articles,
      ZoneCatalog zoneCatalog,
      CategoryCatalog categoryCatalog,
      HtmlSanitizer sanitizer,
      ChangeLog changes) {
    this.config = config;
    this.sites = sites;
    this.zones = zones;
    this.categories = categories;
    this.articles = articles;
    this.zoneCatalog = zoneCatalog;
    this.categoryCatalog = categoryCatalog;
    this.sanitizer = sanitizer;
    this.changes = changes;
  }

  void onStart(@Observes StartupEvent event) {
    if (!config.demo().enabled()) {
      return;
    }
    try {
      if (QuarkusTransaction.requiringNew().call(this::loadIfEmpty)) {
        zoneCatalog.invalidate();
        categoryCatalog.invalidate();
      }
    } catch (RuntimeException e) {
      // Instances starting together race for the site row; the loser's transaction rolls back
      // whole and the winner's demo data stands.
      if (!QuarkusTransaction.requiringNew().call(() -> sites.count() > 0)) {
        throw e;
      }
      LOG.info("Demo data was loaded by another instance that started at the same time");
    }
  }

  /** Loads the demo set unless the database already holds content; true when it loaded. */
  boolean loadIfEmpty() {
    if (sites.count() > 0 || zones.count() > 0 || categories.count() > 0 || articles.count() > 0) {
      LOG.debug("Database already holds content; demo data not loaded");
      return false;
    }
    long started = System.nanoTime();
    // Written before anything is stored, so that a bad setting fails the start with nothing half
    // loaded.
    List<DemoArticle> written =
        new DemoArticleGenerator(
                new ArticleComposer(), DemoResources.zones(), DemoResources.referenceArticles())
            .generate(config.demo().seed(), config.demo().articleCount(), clock);
    // The site row goes first and is flushed at once: its primary key is what serialises two
    // instances loading at the same moment.
    Site site = site();
    sites.persist(site);
    sites.flush();
    Map<String, Zone> zonesBySlug = persistZones();
    Map<String, Category> categoriesBySlug = persistCategories();
    List<Article> loaded = persistArticles(written, zonesBySlug, categoriesBySlug);
    int count = loaded.size();
    // The demo content enters the change log like any other, so a follower sees all of it.
    List<Change> logged = new ArrayList<>();
    logged.add(Change.changed(Change.Entity.SITE, site.id, null));
    zonesBySlug.values().stream()
        .sorted(Comparator.comparing(zone -> zone.id))
        .forEach(zone -> logged.add(Change.changed(Change.Entity.ZONE, zone.id, zone.slug)));
    categoriesBySlug.values().stream()
        .sorted(Comparator.comparing(category -> category.id))
        .forEach(
            category ->
                logged.add(Change.changed(Change.Entity.CATEGORY, category.id, category.slug)));
    for (Article article : loaded) {
      logged.add(Change.article(article.id, article.slug, false, ArticleEditor.isPublic(article)));
    }
    changes.append(logged, "demo");
    LOG.infof(
        "Loaded demo data: %d zones, %d categories, %d articles in %d ms",
        zonesBySlug.size(),
        categoriesBySlug.size(),
        count,
        (System.nanoTime() - started) / 1_000_000);
    return true;
  }

  private static Site site() {
    Site site = new Site();
    site.name = "投促中国";
    site.nameEn = "InvestCHN.com";
    site.slogan = "打造网上国际投资促进平台 致力于中国投资促进事业";
    site.baseUrl = "https://www.investchn.com";
    site.logoUrl = "https://static.investchn.com/images/logo.png";
    site.locale = "zh-CN";
    site.timezone = PortalTime.ZONE.getId();
    site.phone = "+86-0512-53660867";
    site.fax = "+86-0512-53660867";
    site.email = "info@investchn.com";
    site.copyright = "Copyright © 2015-2024 InvestCHN.com All Rights Reserved. 版权所有:投促中国";
    return site;
  }

  private Map<String, Zone> persistZones() {
    Map<String, Zone> bySlug = new HashMap<>();
    for (ZoneSeed seed : DemoResources.zones()) {
      Zone zone = new Zone();
      zone.slug = seed.slug();
      zone.name = seed.name();
      zone.nameEn = seed.nameEn();
      zone.kind = ZoneKind.valueOf(seed.kind().toUpperCase());
      zone.level = seed.level() == null ? null : ZoneLevel.valueOf(seed.level().toUpperCase());
      zone.type = seed.type() == null ? null : ZoneType.fromWireName(seed.type());
      zone.parentId = seed.parent() == null ? null : bySlug.get(seed.parent()).id;
      zones.persist(zone);
      bySlug.put(zone.slug, zone);
    }
    zones.flush();
    return bySlug;
  }

  private Map<String, Category> persistCategories() {
    Map<String, Category> bySlug = new HashMap<>();
    for (CategorySeed seed : DemoResources.categories()) {
      Category category = new Category();
      category.slug = seed.slug();
      category.name = seed.name();
      category.nameEn = seed.nameEn();
      category.position = seed.position();
      category.zoneScoped = seed.zoneScoped();
      category.parentId = seed.parent() == null ? null : bySlug.get(seed.parent()).id;
      categories.persist(category);
      bySlug.put(category.slug, category);
    }
    categories.flush();
    return bySlug;
  }

  /** Stores the articles in the order written, oldest first, so ids grow with publish time. */
  private List<Article> persistArticles(
      List<DemoArticle> written,
      Map<String, Zone> zonesBySlug,
      Map<String, Category> categoriesBySlug) {
    List<Article> persisted = new ArrayList<>();
    for (DemoArticle demo : written) {
      Article article = new Article();
      article.slug = demo.slug();
      article.title = demo.title();
      // Stored exactly as the editorial API would store it, so an export re-imports unchanged.
      article.body = sanitizer.sanitize(demo.bodyHtml());
      article.summary = ArticleText.summarize(article.body);
      article.source = demo.source();
      article.author = demo.author();
      article.publishedAt = demo.publishedAt();
      article.status = demo.status();
      article.categoryId = existing(categoriesBySlug, demo.category(), demo).id;
      article.zoneId = existing(zonesBySlug, demo.zone(), demo).id;
      article.publisherZoneId =
          demo.publisherZone() == null
              ? null
              : existing(zonesBySlug, demo.publisherZone(), demo).id;
      article.coverImageUrl = demo.coverImageUrl();
      article.createdAt = article.publishedAt.minus(2, ChronoUnit.HOURS);
      article.updatedAt = article.createdAt;
      articles.persist(article);
      persisted.add(article);
    }
    return persisted;
  }

  private static <T> T existing(Map<String, T> bySlug, String slug, DemoArticle article) {
    T found = bySlug.get(slug);
    if (found == null) {
      throw new IllegalStateException(
          "Demo article " + article.slug() + " names " + slug + ", which the demo data lacks");
    }
    return found;
  }
}
