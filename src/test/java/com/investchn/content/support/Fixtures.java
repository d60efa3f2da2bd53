package com.investchn.content.support;

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
import com.investchn.content.site.Site;
import com.investchn.content.site.SiteRepository;
import com.investchn.content.zone.Zone;
import com.investchn.content.zone.ZoneCatalog;
import com.investchn.content.zone.ZoneKind;
import com.investchn.content.zone.ZoneLevel;
import com.investchn.content.zone.ZoneRepository;
import com.investchn.content.zone.ZoneType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The known content every API test reads: a small zone and category tree and a dozen articles with
 * ties, drafts and a scheduled one. Committed once per test run (the server thread must see it) and
 * never changed by read tests.
 */
@ApplicationScoped
public class Fixtures {

  public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  /** Public articles, newest first, as GET /articles lists them by default. */
  public static final String[] PUBLIC_NEWEST_FIRST = {
    "a10-daxing-english", "a1-etdz-signing", "a2-daxing-park", "a4-daxing-tie-later",
    "a3-daxing-tie-earlier", "a5-daxing-photo", "a6-haidian-ai", "a8-kunshan-policy",
    "a7-suzhou-policy", "a9-sip-english"
  };

  public static final String DRAFT = "d1-daxing-draft";
  public static final String SCHEDULED = "f1-daxing-future";

  private final Map<String, Long> ids = new HashMap<>();

  private final SiteRepository sites;
  private final ZoneRepository zones;
  private final CategoryRepository categories;
  private final ArticleRepository articles;
  private final ZoneCatalog zoneCatalog;
  private final CategoryCatalog categoryCatalog;
  private final ChangeLog changeLog;

  public Fixtures(
      SiteRepository sites,
      ZoneRepository zones,
      CategoryRepository categories,
      ArticleRepository articles,
      ZoneCatalog zoneCatalog,
      CategoryCatalog categoryCatalog,
      ChangeLog changeLog) {
    this.sites = sites;
    this.zones = zones;
    this.categories = categories;
    this.articles = articles;
    this.zoneCatalog = zoneCatalog;
    this.categoryCatalog = categoryCatalog;
    this.changeLog = changeLog;
  }

  /** The id of a fixture zone, category or article by slug. */
  public long id(String slug) {
    ensureLoaded();
    Long id = ids.get(slug);
    if (id == null) {
      throw new IllegalArgumentException("No fixture with slug " + slug);
    }
    return id;
  }

  public synchronized void ensureLoaded() {
    if (ids.isEmpty()) {
      load();
      zoneCatalog.invalidate();
      categoryCatalog.invalidate();
    }
  }

  @Transactional
  void load() {
    Zone existing = zones.find("slug", "daxing").firstResult();
    if (existing != null) {
      zones.listAll().forEach(zone -> ids.put(zone.slug, zone.id));
      categories.listAll().forEach(category -> ids.put(category.slug, category.id));
      articles.listAll().forEach(article -> ids.put(article.slug, article.id));
      return;
    }
    sites.persist(site());

    zone("beijing", "北京市", "Beijing", ZoneKind.PROVINCE, null, null, null);
    zone("daxing", "大兴区", "Daxing District", ZoneKind.DISTRICT, null, null, "beijing");
    zone(
        "beijing-etdz",
        "北京经济技术开发区",
        "Beijing Economic-Technological Development Area",
        ZoneKind.DEVELOPMENT_ZONE,
        ZoneLevel.NATIONAL,
        ZoneType.ECONOMIC_TECHNOLOGICAL,
        "daxing");
    zone("haidian", "海淀区", "Haidian District", ZoneKind.DISTRICT, null, null, "beijing");
    zone(
        "zhongguancun",
        "中关村科技园区",
        "Zhongguancun Science Park",
        ZoneKind.DEVELOPMENT_ZONE,
        ZoneLevel.NATIONAL,
        ZoneType.HIGH_TECH,
        "haidian");
    zone("jiangsu", "江苏省", "Jiangsu", ZoneKind.PROVINCE, null, null, null);
    zone("suzhou", "苏州市", "Suzhou", ZoneKind.CITY, null, null, "jiangsu");
    zone(
        "suzhou-industrial-park",
        "苏州工业园区",
        "Suzhou Industrial Park",
        ZoneKind.DEVELOPMENT_ZONE,
        ZoneLevel.NATIONAL,
        ZoneType.OTHER,
        "suzhou");
    zone("kunshan", "昆山市", "Kunshan", ZoneKind.DISTRICT, null, null, "suzhou");
    zone(
        "kunshan-hitech",
        "昆山高新技术产业开发区",
        "Kunshan Hi-tech Zone",
        ZoneKind.DEVELOPMENT_ZONE,
        ZoneLevel.PROVINCIAL,
        ZoneType.HIGH_TECH,
        "kunshan");

    category("zone-news", "开发区新闻", "Zone News", null, 1, true);
    category("text-news", "文字新闻", "Text News", "zone-news", 1, false);
    category("photo-news", "图片新闻", "Photo News", "zone-news", 2, false);
    category("policies", "政策法规", "Policies", null, 3, false);
    category("investment-news", "招商资讯", "Investment News", null, 2, false);
    category("industry-trends", "产业动态", "Industry Trends", "investment-news", 1, false);

    article(
        "a1-etdz-signing",
        "北京经济技术开发区举办重点项目集中签约活动",
        "text-news",
        "daxing",
        "beijing-etdz",
        "大兴区融媒体中心",
        "2024-06-21T09:30:00",
        ArticleStatus.PUBLISHED);
    article(
        "a2-daxing-park",
        "大兴区新建产业园区正式开园",
        "text-news",
        "daxing",
        null,
        "大兴区融媒体中心",
        "2024-06-20T10:00:00",
        ArticleStatus.PUBLISHED);
    article(
        "a3-daxing-tie-earlier",
        "大兴区集成电路项目开工（同一时刻之一）",
        "text-news",
        "daxing",
        null,
        "大兴区投资促进局",
        "2024-06-19T08:00:00",
        ArticleStatus.PUBLISHED);
    article(
        "a4-daxing-tie-later",
        "大兴区生物医药项目签约（同一时刻之二）",
        "text-news",
        "daxing",
        null,
        "大兴区投资促进局",
        "2024-06-19T08:00:00",
        ArticleStatus.PUBLISHED);
    article(
        "a5-daxing-photo",
        "图片新闻：开发区夜景",
        "photo-news",
        "daxing",
        "beijing-etdz",
        "大兴区融媒体中心",
        "2024-06-18T12:00:00",
        ArticleStatus.PUBLISHED);
    article(
        "a6-haidian-ai",
        "中关村人工智能创新中心揭牌",
        "text-news",
        "haidian",
        "zhongguancun",
        "海淀区融媒体中心",
        "2024-05-01T09:00:00",
        ArticleStatus.PUBLISHED);
    article(
        "a7-suzhou-policy",
        "苏州市出台外资总部企业扶持办法",
        "policies",
        "suzhou",
        null,
        "苏州市投资促进局",
        "2023-12-31T23:30:00",
        ArticleStatus.PUBLISHED);
    article(
        "a8-kunshan-policy",
        "昆山市发布先进制造业新政",
        "policies",
        "kunshan",
        "kunshan-hitech",
        "昆山市投资促进局",
        "2024-01-01T00:00:00",
        ArticleStatus.PUBLISHED);
    article(
        "a9-sip-english",
        "Suzhou Industrial Park welcomes new biotech investors",
        "industry-trends",
        "suzhou",
        "suzhou-industrial-park",
        "InvestCHN Newsroom",
        "2022-03-15T14:00:00",
        ArticleStatus.PUBLISHED);
    article(
        "a10-daxing-english",
        "Daxing opens an airport economic zone service centre 🚀",
        "text-news",
        "daxing",
        null,
        "InvestCHN Newsroom",
        "2024-06-22T09:00:00",
        ArticleStatus.PUBLISHED);
    article(
        DRAFT,
        "草稿：尚未发布的文章",
        "text-news",
        "daxing",
        null,
        "大兴区融媒体中心",
        "2024-06-23T09:00:00",
        ArticleStatus.DRAFT);
    Article future =
        article(
            SCHEDULED,
            "定时发布：未来的文章",
            "text-news",
            "daxing",
            null,
            "大兴区融媒体中心",
            "2024-06-24T09:00:00",
            ArticleStatus.PUBLISHED);
    future.publishedAt = Instant.now().plus(3650, ChronoUnit.DAYS);
    articles.flush();
    // The fixture enters the change log like any other content, which also lists its articles.
    List<Change> logged = new ArrayList<>();
    logged.add(Change.changed(Change.Entity.SITE, Site.SINGLETON_ID, null));
    zones
        .listAll()
        .forEach(zone -> logged.add(Change.changed(Change.Entity.ZONE, zone.id, zone.slug)));
    categories
        .listAll()
        .forEach(
            category ->
                logged.add(Change.changed(Change.Entity.CATEGORY, category.id, category.slug)));
    articles
        .listAll()
        .forEach(
            article ->
                logged.add(
                    Change.article(
                        article.id, article.slug, false, ArticleEditor.isPublic(article))));
    changeLog.append(logged, "fixtures");
  }

  /** Shanghai local time of a fixture article, as the API shows it. */
  public static String shanghai(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toOffsetDateTime().toString();
  }

  private static Site site() {
    Site site = new Site();
    site.name = "投促中国";
    site.nameEn = "InvestCHN.com";
    site.slogan = "打造网上国际投资促进平台 致力于中国投资促进事业";
    site.baseUrl = "https://www.investchn.com";
    site.logoUrl = "https://static.investchn.com/images/logo.png";
    site.locale = "zh-CN";
    site.timezone = "Asia/Shanghai";
    site.phone = "+86-0512-53660867";
    site.fax = "+86-0512-53660867";
    site.email = "info@investchn.com";
    site.copyright = "Copyright © 2015-2024 InvestCHN.com All Rights Reserved. 版权所有:投促中国";
    return site;
  }

  private void zone(
      String slug,
      String name,
      String nameEn,
      ZoneKind kind,
      ZoneLevel level,
      ZoneType type,
      String parent) {
    Zone zone = new Zone();
    zone.slug = slug;
    zone.name = name;
    zone.nameEn = nameEn;
    zone.kind = kind;
    zone.level = level;
    zone.type = type;
    zone.parentId = parent == null ? null : ids.get(parent);
    zones.persist(zone);
    ids.put(slug, zone.id);
  }

  private void category(
      String slug, String name, String nameEn, String parent, int position, boolean zoneScoped) {
    Category category = new Category();
    category.slug = slug;
    category.name = name;
    category.nameEn = nameEn;
    category.parentId = parent == null ? null : ids.get(parent);
    category.position = position;
    category.zoneScoped = zoneScoped;
    categories.persist(category);
    ids.put(slug, category.id);
  }

  private Article article(
      String slug,
      String title,
      String category,
      String zone,
      String publisherZone,
      String source,
      String shanghaiTime,
      ArticleStatus status) {
    Article article = new Article();
    article.slug = slug;
    article.title = title;
    article.body =
        "<p>" + title + "。这是第一段正文，介绍项目背景与投资规模。</p>" + "<p>第二段正文：园区将提供“一站式”服务 &amp; 配套政策。</p>";
    article.summary = ArticleText.summarize(article.body);
    article.source = source;
    article.author = "测试编辑";
    article.publishedAt = LocalDateTime.parse(shanghaiTime).atZone(SHANGHAI).toInstant();
    article.status = status;
    article.categoryId = ids.get(category);
    article.zoneId = ids.get(zone);
    article.publisherZoneId = publisherZone == null ? null : ids.get(publisherZone);
    articles.persist(article);
    ids.put(slug, article.id);
    return article;
  }
}
