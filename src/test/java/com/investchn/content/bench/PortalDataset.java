package com.investchn.content.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * A seeded, deterministic portal in the NDJSON import format: the site record, a zone tree of depth
 * 4 (provinces, cities, districts, development zones), a channel tree of depth 3 and any number of
 * articles with Chinese HTML bodies of about 3 KB. The same seed and size always give the same
 * bytes. Parents come before children, as the importer requires.
 */
final class PortalDataset {

  static final int DEFAULT_SEED = 20240621;

  /** The top channel (with three children) the "by top category" reads filter on. */
  static final String TOP_CATEGORY = "investment";

  /** A leaf channel for the "by leaf category" reads. */
  static final String LEAF_CATEGORY = "local-policies";

  /** A province: the "by zone" read includes its cities, districts and development zones. */
  static final String ZONE_WITH_DESCENDANTS = "jiangsu";

  /** A development zone that publishes many articles. */
  static final String PUBLISHER_ZONE = "suzhou-hitech";

  /** A month in the middle of the publication span, for the from/to read. */
  static final String RANGE_FROM = "2020-03-01";

  static final String RANGE_TO = "2020-03-31";

  /** Published articles are spread over this span; scheduled ones lie years after it. */
  static final LocalDateTime FIRST_PUBLISHED = LocalDateTime.of(2015, 1, 1, 8, 0);

  static final LocalDateTime LAST_PUBLISHED = LocalDateTime.of(2026, 6, 30, 18, 0);

  private static final LocalDateTime SCHEDULED_FROM = LocalDateTime.of(2031, 1, 5, 9, 0);
  private static final ZoneOffset SHANGHAI = ZoneOffset.ofHours(8);

  /** A zone line's fields; kind and level as the wire names them. */
  record ZoneSpec(
      String slug,
      String name,
      String nameEn,
      String kind,
      String level,
      String zoneType,
      String parent) {}

  record CategorySpec(
      String slug, String name, String nameEn, String parent, int position, boolean zoneScoped) {}

  private record Province(String slug, String name, String nameEn, List<City> cities) {}

  private record City(
      String slug, String name, String nameEn, String district, String districtEn) {}

  private static final List<Province> PROVINCES =
      List.of(
          new Province(
              "jiangsu",
              "江苏省",
              "Jiangsu",
              List.of(
                  new City("suzhou", "苏州市", "Suzhou", "吴中区", "Wuzhong"),
                  new City("nanjing", "南京市", "Nanjing", "江宁区", "Jiangning"))),
          new Province(
              "guangdong",
              "广东省",
              "Guangdong",
              List.of(
                  new City("guangzhou", "广州市", "Guangzhou", "黄埔区", "Huangpu"),
                  new City("shenzhen", "深圳市", "Shenzhen", "南山区", "Nanshan"))),
          new Province(
              "zhejiang",
              "浙江省",
              "Zhejiang",
              List.of(
                  new City("hangzhou", "杭州市", "Hangzhou", "萧山区", "Xiaoshan"),
                  new City("ningbo", "宁波市", "Ningbo", "北仑区", "Beilun"))),
          new Province(
              "sichuan",
              "四川省",
              "Sichuan",
              List.of(
                  new City("chengdu", "成都市", "Chengdu", "双流区", "Shuangliu"),
                  new City("mianyang", "绵阳市", "Mianyang", "涪城区", "Fucheng"))),
          new Province(
              "shandong",
              "山东省",
              "Shandong",
              List.of(
                  new City("qingdao", "青岛市", "Qingdao", "黄岛区", "Huangdao"),
                  new City("jinan", "济南市", "Jinan", "历下区", "Lixia"))),
          new Province(
              "hubei",
              "湖北省",
              "Hubei",
              List.of(
                  new City("wuhan", "武汉市", "Wuhan", "洪山区", "Hongshan"),
                  new City("yichang", "宜昌市", "Yichang", "西陵区", "Xiling"))));

  private static final List<CategorySpec> CATEGORIES =
      List.of(
          new CategorySpec("zone-news", "开发区新闻", "Zone News", null, 1, true),
          new CategorySpec("investment", "招商资讯", "Investment Promotion", null, 2, false),
          new CategorySpec("policies", "政策法规", "Policies", null, 3, false),
          new CategorySpec("projects", "投资项目", "Investment Projects", null, 4, false),
          new CategorySpec("events", "活动会展", "Events", null, 5, false),
          new CategorySpec("text-news", "文字新闻", "Text News", "zone-news", 1, false),
          new CategorySpec("photo-news", "图片新闻", "Photo News", "zone-news", 2, false),
          new CategorySpec("investment-news", "招商动态", "Investment News", "investment", 1, false),
          new CategorySpec(
              "foreign-investment", "外资动态", "Foreign Investment", "investment", 2, false),
          new CategorySpec("industry-trends", "产业观察", "Industry Trends", "investment", 3, false),
          new CategorySpec("national-policies", "国家政策", "National Policies", "policies", 1, false),
          new CategorySpec("local-policies", "地方政策", "Local Policies", "policies", 2, false),
          new CategorySpec(
              "manufacturing-projects", "制造业项目", "Manufacturing Projects", "projects", 1, false),
          new CategorySpec("services-projects", "服务业项目", "Service Projects", "projects", 2, false),
          new CategorySpec(
              "semiconductor-projects",
              "集成电路项目",
              "Semiconductor Projects",
              "manufacturing-projects",
              1,
              false),
          new CategorySpec("forums", "论坛峰会", "Forums", "events", 1, false),
          new CategorySpec("expos", "展览展会", "Expos", "events", 2, false));

  /** Where articles are filed, with weights that sum to 100. */
  private static final String[] ARTICLE_CATEGORIES = {
    "text-news",
    "photo-news",
    "investment-news",
    "foreign-investment",
    "industry-trends",
    "national-policies",
    "local-policies",
    "manufacturing-projects",
    "semiconductor-projects",
    "services-projects",
    "forums",
    "expos",
    "investment",
    "zone-news"
  };

  private static final int[] ARTICLE_CATEGORY_WEIGHTS = {
    24, 8, 10, 6, 6, 6, 8, 6, 4, 6, 5, 5, 3, 3
  };

  private final int articleCount;
  private final long seed;
  private final List<ZoneSpec> zones;

  PortalDataset(int articleCount, long seed) {
    if (articleCount < 1) {
      throw new IllegalArgumentException("article count must be at least 1: " + articleCount);
    }
    this.articleCount = articleCount;
    this.seed = seed;
    this.zones = buildZones();
  }

  int articleCount() {
    return articleCount;
  }

  long seed() {
    return seed;
  }

  List<ZoneSpec> zones() {
    return zones;
  }

  List<CategorySpec> categories() {
    return CATEGORIES;
  }

  /** Lines of every type: one site, then zones, categories and articles. */
  long lineCount() {
    return 1L + zones.size() + CATEGORIES.size() + articleCount;
  }

  /** The whole data set as an NDJSON stream, generated while it is read. */
  InputStream ndjson() {
    return new LineStream(lines());
  }

  /** The same lines, one JSON object each, without the newline. */
  Iterator<String> lines() {
    return new Iterator<>() {
      private final ObjectMapper json = new ObjectMapper();
      private final ArticleStream articles = new ArticleStream(articleCount, seed, zones);
      private int header;
      private final int headerSize = 1 + zones.size() + CATEGORIES.size();

      @Override
      public boolean hasNext() {
        return header < headerSize || articles.hasNext();
      }

      @Override
      public String next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Map<String, Object> line;
        if (header == 0) {
          line = siteLine();
        } else if (header <= zones.size()) {
          line = zoneLine(zones.get(header - 1));
        } else if (header < headerSize) {
          line = categoryLine(CATEGORIES.get(header - 1 - zones.size()));
        } else {
          line = articles.next();
        }
        header = Math.min(header + 1, headerSize);
        try {
          return json.writeValueAsString(line);
        } catch (JsonProcessingException e) {
          throw new IllegalStateException(e);
        }
      }
    };
  }

  private static List<ZoneSpec> buildZones() {
    List<ZoneSpec> provinces = new ArrayList<>();
    List<ZoneSpec> cities = new ArrayList<>();
    List<ZoneSpec> districts = new ArrayList<>();
    List<ZoneSpec> developmentZones = new ArrayList<>();
    for (Province province : PROVINCES) {
      provinces.add(
          new ZoneSpec(
              province.slug(), province.name(), province.nameEn(), "province", null, null, null));
      for (City city : province.cities()) {
        cities.add(
            new ZoneSpec(
                city.slug(),
                city.name(),
                city.nameEn() + " City",
                "city",
                null,
                null,
                province.slug()));
        String cityShort = city.name().substring(0, city.name().length() - 1);
        developmentZones.add(
            new ZoneSpec(
                city.slug() + "-hitech",
                cityShort + "高新技术产业开发区",
                city.nameEn() + " Hi-tech Industrial Development Zone",
                "development_zone",
                "national",
                "high_tech",
                city.slug()));
        String district = city.slug() + "-" + city.districtEn().toLowerCase();
        districts.add(
            new ZoneSpec(
                district,
                city.district(),
                city.districtEn() + " District",
                "district",
                null,
                null,
                city.slug()));
        developmentZones.add(
            new ZoneSpec(
                district + "-etdz",
                cityShort + city.district().substring(0, city.district().length() - 1) + "经济开发区",
                city.districtEn() + " Economic Development Zone",
                "development_zone",
                "provincial",
                "economic_technological",
                district));
      }
    }
    // Parents first: every level before the next one.
    List<ZoneSpec> all = new ArrayList<>();
    all.addAll(provinces);
    all.addAll(cities);
    all.addAll(districts);
    all.addAll(developmentZones);
    return Collections.unmodifiableList(all);
  }

  private static Map<String, Object> siteLine() {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("type", "site");
    line.put("name", "投资中国网（基准测试）");
    line.put("nameEn", "InvestCHN benchmark portal");
    line.put("slogan", "服务开发区，助力招商引资");
    line.put("baseUrl", "https://bench.investchn.example");
    line.put("locale", "zh-CN");
    line.put("timezone", "Asia/Shanghai");
    line.put("phone", "010-00000000");
    line.put("email", "bench@investchn.example");
    line.put("address", "北京市东城区示例大街1号");
    line.put("copyright", "© 2026 InvestCHN benchmark");
    return line;
  }

  private static Map<String, Object> zoneLine(ZoneSpec zone) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("type", "zone");
    line.put("slug", zone.slug());
    line.put("name", zone.name());
    line.put("nameEn", zone.nameEn());
    line.put("kind", zone.kind());
    line.put("level", zone.level());
    line.put("zoneType", zone.zoneType());
    line.put("parent", zone.parent());
    return line;
  }

  private static Map<String, Object> categoryLine(CategorySpec category) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("type", "category");
    line.put("slug", category.slug());
    line.put("name", category.name());
    line.put("nameEn", category.nameEn());
    line.put("parent", category.parent());
    line.put("position", category.position());
    line.put("zoneScoped", category.zoneScoped());
    return line;
  }

  /** Articles in publication order, oldest first, with ties, a few drafts and scheduled ones. */
  private static final class ArticleStream implements Iterator<Map<String, Object>> {
    private final int count;
    private final Random random;
    private final ChineseArticleWriter writer;
    private final List<ZoneSpec> filedUnder = new ArrayList<>();
    private final Map<String, ZoneSpec> bySlug = new LinkedHashMap<>();
    private final long stepMinutes;
    private LocalDateTime published;
    private int next;

    ArticleStream(int count, long seed, List<ZoneSpec> zones) {
      this.count = count;
      this.random = new Random(seed);
      this.writer = new ChineseArticleWriter(random);
      for (ZoneSpec zone : zones) {
        bySlug.put(zone.slug(), zone);
        if (!zone.kind().equals("province")) {
          filedUnder.add(zone);
        }
      }
      this.stepMinutes =
          Math.max(1, ChronoUnit.MINUTES.between(FIRST_PUBLISHED, LAST_PUBLISHED) / count);
    }

    @Override
    public boolean hasNext() {
      return next < count;
    }

    @Override
    public Map<String, Object> next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      int i = next++;
      // Evenly spread with a jitter of less than one step, so times never decrease; about one
      // article in eight shares the previous one's time: ties the order must break.
      if (i == 0 || random.nextInt(8) != 0) {
        published =
            FIRST_PUBLISHED.plusMinutes(i * stepMinutes + random.nextInt((int) stepMinutes));
      }
      String status = "published";
      LocalDateTime time = published;
      int roll = random.nextInt(1000);
      if (roll < 4) {
        status = "draft";
      } else if (roll < 7) {
        time = SCHEDULED_FROM.plusHours(i % 5000);
      }
      ZoneSpec zone = filedUnder.get(random.nextInt(filedUnder.size()));
      String publisherZone = null;
      if (zone.kind().equals("development_zone") && random.nextInt(10) < 7) {
        publisherZone = zone.slug();
      } else if (random.nextInt(10) == 0) {
        publisherZone = PUBLISHER_ZONE;
      }
      String category = pickCategory();
      ZoneSpec city = cityOf(zone);
      ZoneSpec province = bySlug.get(city.parent());
      ChineseArticleWriter.Article article =
          writer.write(category, zone.name(), city.name(), province.name(), time.getYear());

      Map<String, Object> line = new LinkedHashMap<>();
      line.put("type", "article");
      line.put("slug", String.format(Locale.ROOT, "bench-%06d", i));
      line.put("externalId", String.format(Locale.ROOT, "bench-%06d", i));
      line.put("title", article.title());
      line.put("body", article.body());
      line.put("publishedAt", OffsetDateTime.of(time, SHANGHAI).toString());
      line.put("source", article.source());
      line.put("author", article.author());
      if (category.equals("photo-news") || random.nextInt(4) == 0) {
        line.put("coverImageUrl", "https://static.investchn.example/bench/" + i + ".jpg");
      }
      line.put("category", category);
      line.put("zone", zone.slug());
      line.put("publisherZone", publisherZone);
      line.put("status", status);
      return line;
    }

    private String pickCategory() {
      int roll = random.nextInt(100);
      for (int c = 0; c < ARTICLE_CATEGORIES.length; c++) {
        roll -= ARTICLE_CATEGORY_WEIGHTS[c];
        if (roll < 0) {
          return ARTICLE_CATEGORIES[c];
        }
      }
      return ARTICLE_CATEGORIES[0];
    }

    private ZoneSpec cityOf(ZoneSpec zone) {
      ZoneSpec current = zone;
      while (!current.kind().equals("city")) {
        current = bySlug.get(current.parent());
      }
      return current;
    }
  }

  /** Turns lines into a byte stream, one line at a time, so no file is held in memory. */
  private static final class LineStream extends InputStream {
    private final Iterator<String> lines;
    private byte[] line = new byte[0];
    private int position;

    LineStream(Iterator<String> lines) {
      this.lines = lines;
    }

    @Override
    public int read() {
      if (position == line.length && !advance()) {
        return -1;
      }
      return line[position++] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (length == 0) {
        return 0;
      }
      if (position == line.length && !advance()) {
        return -1;
      }
      int n = Math.min(length, line.length - position);
      System.arraycopy(line, position, buffer, offset, n);
      position += n;
      return n;
    }

    private boolean advance() {
      if (!lines.hasNext()) {
        return false;
      }
      line = (lines.next() + "\n").getBytes(StandardCharsets.UTF_8);
      position = 0;
      return true;
    }
  }
}
