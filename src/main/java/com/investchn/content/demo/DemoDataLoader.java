package com.investchn.content.demo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.investchn.content.article.Article;
import com.investchn.content.article.ArticleEditor;
import com.investchn.content.article.ArticleRepository;
import com.investchn.content.article.ArticleStatus;
import com.investchn.content.article.ArticleText;
import com.investchn.content.category.Category;
import com.investchn.content.category.CategoryCatalog;
import com.investchn.content.category.CategoryRepository;
import com.investchn.content.common.change.Change;
import com.investchn.content.common.change.ChangeLog;
import com.investchn.content.common.config.ContentApiConfig;
import com.investchn.content.common.html.HtmlSanitizer;
import com.investchn.content.common.time.PortalTime;
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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jboss.logging.Logger;

/**
 * Fills an empty database with the demo portal: the site record, the zone and category trees and a
 * few hundred articles composed by a seeded generator, so every installation looks the same.
 * Switched off with {@code content-api.demo.enabled=false}.
 */
@ApplicationScoped
public class DemoDataLoader {

  private static final Logger LOG = Logger.getLogger(DemoDataLoader.class);

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

  private static final LocalDate FIRST_DAY = LocalDate.of(2021, 1, 4);
  private static final int DRAFTS = 6;
  private static final int SCHEDULED = 6;

  record ZoneSeed(
      String slug,
      String name,
      String nameEn,
      String kind,
      String level,
      String type,
      String parent) {}

  record CategorySeed(
      String slug, String name, String nameEn, String parent, int position, boolean zoneScoped) {}

  private final ContentApiConfig config;
  private final ObjectMapper json;
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
      ObjectMapper json,
      SiteRepository sites,
      ZoneRepository zones,
      CategoryRepository categories,
      ArticleRepository articles,
      ZoneCatalog zoneCatalog,
      CategoryCatalog categoryCatalog,
      HtmlSanitizer sanitizer,
      ChangeLog changes) {
    this.config = config;
    this.json = json;
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
    // The site row goes first and is flushed at once: its primary key is what serialises two
    // instances loading at the same moment.
    Site site = site();
    sites.persist(site);
    sites.flush();
    Map<String, Zone> zonesBySlug = persistZones();
    Map<String, Category> categoriesBySlug = persistCategories();
    List<Article> loaded = persistArticles(zonesBySlug, categoriesBySlug);
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
    for (ZoneSeed seed : read("demo/zones.json", new TypeReference<List<ZoneSeed>>() {})) {
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
    for (CategorySeed seed :
        read("demo/categories.json", new TypeReference<List<CategorySeed>>() {})) {
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

  private List<Article> persistArticles(
      Map<String, Zone> zonesBySlug, Map<String, Category> categoriesBySlug) {
    Random random = new Random(config.demo().seed());
    ArticleComposer composer = new ArticleComposer();
    List<Zone> developmentZones =
        zonesBySlug.values().stream()
            .filter(zone -> zone.kind == ZoneKind.DEVELOPMENT_ZONE && zone.parentId != null)
            .sorted(Comparator.comparing(zone -> zone.slug))
            .toList();
    List<Zone> places =
        zonesBySlug.values().stream()
            .filter(zone -> zone.kind == ZoneKind.DISTRICT || zone.kind == ZoneKind.CITY)
            .sorted(Comparator.comparing(zone -> zone.slug))
            .toList();
    Map<Long, Zone> zonesById = new HashMap<>();
    zonesBySlug.values().forEach(zone -> zonesById.put(zone.id, zone));

    List<Article> generated = new ArrayList<>();
    for (Article handWritten : referenceArticles(zonesBySlug, categoriesBySlug)) {
      handWritten.body = sanitizer.sanitize(handWritten.body);
      handWritten.summary = ArticleText.summarize(handWritten.body);
      generated.add(handWritten);
    }
    long days = ChronoUnit.DAYS.between(FIRST_DAY, LocalDate.now(PortalTime.ZONE));
    int total = config.demo().articleCount() + DRAFTS + SCHEDULED;
    for (int i = 1; i < total; i++) {
      String categorySlug = CATEGORY_WEIGHTS[random.nextInt(CATEGORY_WEIGHTS.length)];
      boolean fromDevelopmentZone =
          categorySlug.endsWith("-news") ? random.nextInt(10) < 8 : random.nextInt(10) < 5;
      Zone publisher =
          fromDevelopmentZone
              ? developmentZones.get(random.nextInt(developmentZones.size()))
              : null;
      Zone filedUnder =
          publisher != null
              ? zonesById.get(publisher.parentId)
              : places.get(random.nextInt(places.size()));
      boolean english = random.nextInt(100) < 12;
      Instant publishedAt;
      ArticleStatus status = ArticleStatus.PUBLISHED;
      if (i > total - SCHEDULED) {
        publishedAt =
            Instant.now()
                .plus(3L + random.nextInt(60), ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.HOURS);
      } else {
        LocalDate day = FIRST_DAY.plusDays(random.nextInt((int) Math.max(days, 1)));
        LocalTime time = LocalTime.of(8 + random.nextInt(10), random.nextInt(12) * 5);
        publishedAt = day.atTime(time).atZone(PortalTime.ZONE).toInstant();
        if (i > total - SCHEDULED - DRAFTS) {
          status = ArticleStatus.DRAFT;
        } else if (i % 29 == 0) {
          // Several articles share a publish time, as batch publishing does on real portals.
          publishedAt = generated.get(generated.size() - 1).publishedAt;
        }
      }
      LocalDate date = publishedAt.atZone(PortalTime.ZONE).toLocalDate();
      ArticleComposer.ArticleDraft draft =
          composer.compose(
              random,
              categorySlug,
              filedUnder.name,
              filedUnder.nameEn,
              publisher == null ? null : publisher.name,
              publisher == null ? null : publisher.nameEn,
              date,
              english);
      Article article = new Article();
      article.title = draft.title();
      // Stored exactly as the editorial API would store it, so an export re-imports unchanged.
      article.body = sanitizer.sanitize(draft.bodyHtml());
      article.summary = ArticleText.summarize(article.body);
      article.source = draft.source();
      article.author = draft.author();
      article.publishedAt = publishedAt;
      article.status = status;
      article.categoryId = categoriesBySlug.get(categorySlug).id;
      article.zoneId = filedUnder.id;
      article.publisherZoneId = publisher == null ? null : publisher.id;
      article.slug =
          categorySlug + "-" + filedUnder.slug + "-" + date.toString().replace("-", "") + "-" + i;
      if (random.nextInt(10) < 3 || categorySlug.equals("photo-news")) {
        article.coverImageUrl =
            "https://static.investchn.com/images/covers/" + article.slug + ".jpg";
      }
      generated.add(article);
    }
    // Persist oldest first so that ids grow with publish time, as they would have in real life.
    generated.sort(Comparator.comparing((Article article) -> article.publishedAt));
    for (Article article : generated) {
      article.createdAt = article.publishedAt.minus(2, ChronoUnit.HOURS);
      article.updatedAt = article.createdAt;
      articles.persist(article);
    }
    return generated;
  }

  /**
   * The article of the reference page (首页 > 开发区新闻 > 大兴区 > 文字新闻, 2024-06-21) and one newer and one
   * older article in the same list, so that its 上一条 and 下一条 both exist.
   */
  private static List<Article> referenceArticles(
      Map<String, Zone> zonesBySlug, Map<String, Category> categoriesBySlug) {
    Article reference =
        handWritten(
            "beijing-etdz-first-half-2024-project-signing",
            "北京经济技术开发区举办2024年上半年重点项目集中签约活动",
            """
            <p>6月21日上午，北京经济技术开发区举办2024年上半年重点项目集中签约活动，\
            涉及集成电路、生物医药、高端装备和新能源汽车等领域的二十余个项目现场签约，\
            计划总投资超过一百亿元。</p>
            <p>开发区有关负责人介绍，今年以来开发区围绕主导产业持续开展精准招商，\
            推行“项目管家”服务机制，从洽谈、签约到开工全程跟踪，帮助企业缩短落地周期。</p>
            <h2>产业链协同效应显现</h2>
            <p>签约项目中，既有龙头企业的增资扩产，也有一批专精特新企业新设研发中心。\
            多家企业表示，看重的是区内完整的上下游配套和高效的审批服务。</p>
            <p>下一步，开发区将加快已签约项目的落地建设，力争年内实现多个项目开工投产，\
            为大兴区经济高质量发展注入新动能。</p>
            """,
            "李明远",
            LocalDate.of(2024, 6, 21).atTime(9, 30));
    Article newer =
        handWritten(
            "daxing-biomedicine-base-talent-service-station",
            "大兴生物医药产业基地人才服务驿站揭牌运行",
            """
            <p>6月25日，大兴生物医药产业基地人才服务驿站正式揭牌运行，\
            为园区企业提供人才引进、职称评审、子女入学和住房保障等一站式咨询服务。</p>
            <p>驿站将定期举办政策宣讲会和企业人力资源沙龙，帮助企业用好用足各项人才政策，\
            并联合高校开展订单式培养，缓解研发和生产一线的用工需求。</p>
            <p>基地负责人表示，今年还将新增一批人才公寓，进一步改善青年人才的居住条件。</p>
            """,
            null,
            LocalDate.of(2024, 6, 25).atTime(15, 0));
    Article older =
        handWritten(
            "daxing-airport-zone-cross-border-logistics-hub",
            "大兴区临空经济区跨境物流分拨中心投入使用",
            """
            <p>6月18日，大兴区临空经济区跨境物流分拨中心投入使用，\
            中心可同时满足跨境电商、冷链医药和高端消费品的分拨需求。</p>
            <p>分拨中心采用智能分拣和全程可追溯系统，货物从机场到中心的转运时间明显缩短，\
            有助于区内企业降低物流成本、拓展国际市场。</p>
            <p>区商务部门表示，将以分拨中心为依托，继续吸引国际物流和供应链管理企业落户。</p>
            """,
            "赵文静",
            LocalDate.of(2024, 6, 18).atTime(10, 0));
    List<Article> articles = List.of(older, reference, newer);
    for (Article article : articles) {
      article.categoryId = categoriesBySlug.get("text-news").id;
      article.zoneId = zonesBySlug.get("daxing").id;
    }
    reference.publisherZoneId = zonesBySlug.get("beijing-etdz").id;
    return articles;
  }

  private static Article handWritten(
      String slug, String title, String body, String author, LocalDateTime shanghaiTime) {
    Article article = new Article();
    article.slug = slug;
    article.title = title;
    article.body = body;
    article.source = "大兴区融媒体中心";
    article.author = author;
    article.publishedAt = shanghaiTime.atZone(PortalTime.ZONE).toInstant();
    article.status = ArticleStatus.PUBLISHED;
    return article;
  }

  private <T> T read(String resource, TypeReference<T> type) {
    try (InputStream in =
        Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Demo resource missing: " + resource);
      }
      return json.readValue(in, type);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read demo resource " + resource, e);
    }
  }
}
