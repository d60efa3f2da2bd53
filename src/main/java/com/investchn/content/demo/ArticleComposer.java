package com.investchn.content.demo;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/** Composes plausible, entirely invented demo news articles from built-in phrase pools. */
final class ArticleComposer {

  /** A composed article; title, source and author are plain text, only the body is HTML. */
  record ArticleDraft(String title, String bodyHtml, String source, String author) {}

  static final int MIN_TITLE_LENGTH_CN = 8;
  static final int MAX_TITLE_LENGTH_CN = 60;
  static final int MAX_TITLE_LENGTH_EN = 120;
  static final int MIN_PARAGRAPH_LENGTH_CN = 60;
  static final int MAX_PARAGRAPH_LENGTH_CN = 200;

  private static final String IMAGE_BASE_URL = "https://static.investchn.com/images/";

  /** Article flavours; several category slugs share one flavour. */
  private enum Kind {
    TEXT_NEWS,
    PHOTO_NEWS,
    INDUSTRY,
    FOREIGN,
    POLICY,
    PROJECT,
    EVENT;

    static Kind of(String categorySlug) {
      return switch (categorySlug) {
        case "photo-news" -> PHOTO_NEWS;
        case "investment-news", "industry-trends" -> INDUSTRY;
        case "foreign-investment" -> FOREIGN;
        case "policies" -> POLICY;
        case "investment-projects" -> PROJECT;
        case "events" -> EVENT;
        // Parent "zone-news" and any future category get plain zone news rather than an error,
        // so adding a category never breaks seeding.
        default -> TEXT_NEWS;
      };
    }
  }

  /** A title and the lead sentence that reports it; kept together so the two never disagree. */
  private record Story(String title, String lead) {}

  /** Everything one language needs to write one kind of article. */
  private record KindPool(
      List<Story> stories, List<String> fragments, List<String> headings, List<String> bullets) {}

  private record Phrasebook(
      Map<Kind, KindPool> kinds,
      List<String> shared,
      List<String> closings,
      List<String> generalBullets,
      List<String> captions,
      List<String> authors) {}

  private record Term(String cn, String en) {}

  private record Country(String cn, String en, String adjective) {}

  private static final List<Term> INDUSTRIES =
      List.of(
          new Term("集成电路", "integrated circuits"),
          new Term("生物医药", "biomedicine"),
          new Term("新能源汽车", "new energy vehicles"),
          new Term("高端装备", "high-end equipment"),
          new Term("人工智能", "artificial intelligence"),
          new Term("跨境电商", "cross-border e-commerce"),
          new Term("新材料", "new materials"),
          new Term("智能制造", "smart manufacturing"),
          new Term("数字经济", "digital economy"),
          new Term("现代物流", "modern logistics"),
          new Term("医疗器械", "medical devices"),
          new Term("新一代信息技术", "next-generation IT"),
          new Term("航空航天", "aerospace"),
          new Term("氢能", "hydrogen energy"),
          new Term("新型储能", "energy storage"),
          new Term("工业互联网", "industrial internet"),
          new Term("机器人", "robotics"),
          new Term("光伏", "photovoltaics"),
          new Term("低空经济", "low-altitude economy"),
          new Term("生物制造", "biomanufacturing"));

  // Factories, production lines and production bases only make sense for these.
  private static final List<Term> MANUFACTURING =
      List.of(
          new Term("集成电路", "integrated circuits"),
          new Term("生物医药", "biomedicine"),
          new Term("新能源汽车", "new energy vehicles"),
          new Term("高端装备", "high-end equipment"),
          new Term("新材料", "new materials"),
          new Term("医疗器械", "medical devices"),
          new Term("航空航天", "aerospace"),
          new Term("氢能", "hydrogen energy"),
          new Term("新型储能", "energy storage"),
          new Term("机器人", "robotics"),
          new Term("光伏", "photovoltaics"),
          new Term("生物制造", "biomanufacturing"),
          new Term("汽车零部件", "auto parts"),
          new Term("精密仪器", "precision instruments"));

  private static final List<Term> PROJECT_TYPES =
      List.of(
          new Term("研发中心", "R&D center"),
          new Term("生产基地", "production base"),
          new Term("区域总部", "regional headquarters"),
          new Term("智能工厂", "smart factory"),
          new Term("产业园", "industrial park"),
          new Term("中试基地", "pilot production base"),
          new Term("创新中心", "innovation center"));

  // English adjectives are all read with a consonant sound, so "a {countryAdj} company" is right.
  private static final List<Country> COUNTRIES =
      List.of(
          new Country("德国", "Germany", "German"),
          new Country("新加坡", "Singapore", "Singaporean"),
          new Country("日本", "Japan", "Japanese"),
          new Country("韩国", "South Korea", "South Korean"),
          new Country("法国", "France", "French"),
          new Country("美国", "the United States", "US"),
          new Country("英国", "the United Kingdom", "British"),
          new Country("荷兰", "the Netherlands", "Dutch"),
          new Country("瑞士", "Switzerland", "Swiss"),
          new Country("丹麦", "Denmark", "Danish"),
          new Country("瑞典", "Sweden", "Swedish"),
          new Country("西班牙", "Spain", "Spanish"),
          new Country("中国香港", "Hong Kong SAR", "Hong Kong"));

  private static final List<Term> CITIES =
      List.of(
          new Term("香港", "Hong Kong"),
          new Term("新加坡", "Singapore"),
          new Term("深圳", "Shenzhen"),
          new Term("上海", "Shanghai"),
          new Term("北京", "Beijing"),
          new Term("杭州", "Hangzhou"),
          new Term("成都", "Chengdu"),
          new Term("法兰克福", "Frankfurt"),
          new Term("慕尼黑", "Munich"),
          new Term("东京", "Tokyo"),
          new Term("首尔", "Seoul"),
          new Term("迪拜", "Dubai"));

  private static final int[] FUND_WAN = {50_000, 100_000, 200_000, 300_000, 500_000, 1_000_000};
  private static final int[] REWARD_WAN = {500, 1_000, 2_000, 3_000, 5_000};
  private static final int[] HOUSING_WAN = {50, 100, 200, 300};

  private static final Phrasebook CHINESE = chinese();
  private static final Phrasebook ENGLISH = english();

  /**
   * Composes one article. The zone name always appears in the body; the title names either the zone
   * or, sometimes, the publishing zone. Uses only {@code random} for choices, so the same seed and
   * inputs give the same article.
   */
  ArticleDraft compose(
      Random random,
      String categorySlug,
      String zoneName,
      String zoneNameEn,
      String publisherZoneName,
      String publisherZoneNameEn,
      LocalDate date,
      boolean english) {
    Objects.requireNonNull(random, "random");
    Objects.requireNonNull(categorySlug, "categorySlug");
    Objects.requireNonNull(zoneName, "zoneName");
    Objects.requireNonNull(date, "date");
    Kind kind = Kind.of(categorySlug);
    Phrasebook book = english ? ENGLISH : CHINESE;
    String zone = english ? orElse(zoneNameEn, zoneName) : zoneName;
    // A missing English zone name falls back to Chinese because the zone must be named; a missing
    // English publisher name just drops the publisher, which is optional anyway.
    String publisher = blankToNull(english ? publisherZoneNameEn : publisherZoneName);

    Map<String, String> vars = variables(random, english, zone, publisher, date);
    KindPool pool = book.kinds().get(kind);
    Story story = pickStory(random, pool.stories(), vars, english);
    String title = fitTitle(fill(story.title(), vars), english);
    String body = body(random, kind, book, pool, fill(story.lead(), vars), vars, date, english);
    String source = source(random, english, zone, publisher);
    String author = random.nextBoolean() ? null : pick(random, book.authors());
    return new ArticleDraft(title, body, source, author);
  }

  // ---------------------------------------------------------------------------------------------
  // Assembly

  private static Story pickStory(
      Random random, List<Story> stories, Map<String, String> vars, boolean english) {
    // Long zone names can push a template over the limit; the next one that fits is taken, and
    // only when none fits is the shortest title cut down later.
    int start = random.nextInt(stories.size());
    Story shortest = stories.get(start);
    for (int i = 0; i < stories.size(); i++) {
      Story story = stories.get((start + i) % stories.size());
      String title = fill(story.title(), vars);
      if (titleFits(title, english)) {
        return story;
      }
      if (length(title) < length(fill(shortest.title(), vars))) {
        shortest = story;
      }
    }
    return shortest;
  }

  private static boolean titleFits(String title, boolean english) {
    int length = length(title);
    return english
        ? length <= MAX_TITLE_LENGTH_EN
        : length >= MIN_TITLE_LENGTH_CN && length <= MAX_TITLE_LENGTH_CN;
  }

  private static String fitTitle(String title, boolean english) {
    int max = english ? MAX_TITLE_LENGTH_EN : MAX_TITLE_LENGTH_CN;
    if (length(title) <= max) {
      return title;
    }
    int end = title.offsetByCodePoints(0, max - 1);
    return title.substring(0, end).strip() + "…";
  }

  private static String body(
      Random random,
      Kind kind,
      Phrasebook book,
      KindPool pool,
      String lead,
      Map<String, String> vars,
      LocalDate date,
      boolean english) {
    Dealer deck = new Dealer(random, pool.fragments(), book.shared());
    List<String> html = new ArrayList<>();
    if (kind == Kind.PHOTO_NEWS) {
      html.add(image(random, book, vars, date));
    }
    // English sentences are longer than Chinese fragments, so English bodies stop at five
    // paragraphs; that also keeps an article from running out of fresh sentences.
    int paragraphs = 3 + random.nextInt(english ? 3 : 4);
    // About one article in four gets a subheading or a list, placed after the lead.
    int extra = random.nextInt(8);
    int extraAt = 1 + random.nextInt(paragraphs - 1);
    for (int i = 0; i < paragraphs; i++) {
      if (i == extraAt && extra == 0) {
        html.add("<h2>" + escape(fill(pick(random, pool.headings()), vars)) + "</h2>");
      } else if (i == extraAt && extra == 1) {
        List<String> bullets = pool.bullets().isEmpty() ? book.generalBullets() : pool.bullets();
        html.add(list(random, bullets, vars));
      }
      String text;
      if (i == 0) {
        text = paragraph(random, deck, lead, vars, english);
      } else if (i == paragraphs - 1) {
        text =
            closingParagraph(
                random, deck, fill(pick(random, book.closings()), vars), vars, english);
      } else {
        text = paragraph(random, deck, null, vars, english);
      }
      html.add("<p>" + escape(text) + "</p>");
    }
    return String.join("\n", html);
  }

  private static String paragraph(
      Random random, Dealer deck, String start, Map<String, String> vars, boolean english) {
    StringBuilder text = new StringBuilder(start == null ? "" : start);
    if (english) {
      int target = 2 + random.nextInt(3);
      while (sentences(text) < target) {
        appendSentence(text, fill(deck.draw(), vars));
      }
      return text.toString();
    }
    boolean wantsMore = random.nextInt(3) == 0;
    for (int guard = 0; guard < 6; guard++) {
      int current = length(text);
      if (current >= MIN_PARAGRAPH_LENGTH_CN && !wantsMore) {
        break;
      }
      String next = fill(deck.draw(), vars);
      if (current + length(next) > MAX_PARAGRAPH_LENGTH_CN) {
        if (current >= MIN_PARAGRAPH_LENGTH_CN) {
          break;
        }
        continue;
      }
      if (current >= MIN_PARAGRAPH_LENGTH_CN) {
        wantsMore = false;
      }
      text.append(next);
    }
    return text.toString();
  }

  private static String closingParagraph(
      Random random, Dealer deck, String closing, Map<String, String> vars, boolean english) {
    if (english) {
      int lead = 1 + random.nextInt(3);
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < lead; i++) {
        appendSentence(text, fill(deck.draw(), vars));
      }
      appendSentence(text, closing);
      return text.toString();
    }
    // The closing line reads as a conclusion, so any padding goes in front of it.
    String text = closing;
    for (int guard = 0; guard < 6 && length(text) < MIN_PARAGRAPH_LENGTH_CN; guard++) {
      String before = fill(deck.draw(), vars);
      if (length(before) + length(text) <= MAX_PARAGRAPH_LENGTH_CN) {
        text = before + text;
      }
    }
    return text;
  }

  private static void appendSentence(StringBuilder text, String sentence) {
    if (text.length() > 0) {
      text.append(' ');
    }
    text.append(sentence);
  }

  private static int sentences(CharSequence text) {
    int count = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean terminal = c == '.' || c == '!' || c == '?';
      // A full stop inside "3.5 billion" is followed by a digit, so it does not end a sentence.
      if (terminal && (i + 1 == text.length() || text.charAt(i + 1) == ' ')) {
        count++;
      }
    }
    return count;
  }

  private static String list(Random random, List<String> bullets, Map<String, String> vars) {
    List<String> items = new ArrayList<>(bullets);
    Collections.shuffle(items, random);
    int count = Math.min(items.size(), 3 + random.nextInt(3));
    StringBuilder html = new StringBuilder("<ul>");
    for (String item : items.subList(0, count)) {
      html.append("<li>").append(escape(fill(item, vars))).append("</li>");
    }
    return html.append("</ul>").toString();
  }

  private static String image(
      Random random, Phrasebook book, Map<String, String> vars, LocalDate date) {
    String file =
        String.format(
            Locale.ROOT,
            "%04d%02d%02d-%06x.jpg",
            date.getYear(),
            date.getMonthValue(),
            date.getDayOfMonth(),
            random.nextInt(0x1000000));
    String src =
        IMAGE_BASE_URL
            + String.format(Locale.ROOT, "%04d/%02d/", date.getYear(), date.getMonthValue())
            + file;
    String alt = fill(pick(random, book.captions()), vars);
    return "<p><img src=\"" + src + "\" alt=\"" + escape(alt) + "\"></p>";
  }

  private static String source(Random random, boolean english, String zone, String publisher) {
    List<String> sources = new ArrayList<>();
    if (english) {
      sources.add("InvestCHN Newsroom");
      sources.add(zone + " Investment Promotion Bureau");
      if (publisher != null) {
        sources.add(publisher + " Administrative Committee");
        sources.add(publisher + " Administrative Committee");
      }
    } else {
      sources.add(zone + "融媒体中心");
      sources.add(zone + "投资促进局");
      sources.add("投促中国编辑部");
      if (publisher != null) {
        // A publishing zone usually speaks through its own committee.
        sources.add(publisher + "管理委员会");
        sources.add(publisher + "管理委员会");
      }
    }
    return pick(random, sources);
  }

  // ---------------------------------------------------------------------------------------------
  // Per-article facts: drawn once so every sentence of an article quotes the same numbers.

  private static Map<String, String> variables(
      Random random, boolean english, String zone, String publisher, LocalDate date) {
    Map<String, String> vars = new HashMap<>();
    boolean publisherLeads = publisher != null && random.nextInt(3) == 0;
    String subject = publisherLeads ? publisher : zone;
    // Bare names go into headlines and compounds ("the 2024 X Conference"); running English text
    // says "the Y Development Zone" but "Daxing District".
    vars.put("zone", zone);
    vars.put("subject", subject);
    vars.put("theZone", english ? withArticle(zone) : zone);
    vars.put("theSubject", english ? withArticle(subject) : subject);
    if (publisher != null) {
      vars.put(
          "office", english ? "the " + publisher + " Administrative Committee" : publisher + "管委会");
    } else {
      vars.put("office", english ? "the " + zone + " Investment Promotion Bureau" : zone + "投资促进局");
    }

    int year = date.getYear();
    int month = date.getMonthValue();
    LocalDate nextMonth = date.plusMonths(1);
    LocalDate effective = date.withDayOfMonth(1).plusMonths(1);
    vars.put("year", String.valueOf(year));
    vars.put("nextYear", String.valueOf(year + 1));
    vars.put("period", period(month, year, english));
    if (english) {
      vars.put("date", monthName(date) + " " + date.getDayOfMonth());
      vars.put("nextMonth", monthName(nextMonth));
      vars.put(
          "effectiveDate",
          monthName(effective) + " " + effective.getDayOfMonth() + ", " + effective.getYear());
    } else {
      vars.put("date", month + "月" + date.getDayOfMonth() + "日");
      vars.put("nextMonth", String.valueOf(nextMonth.getMonthValue()));
      vars.put(
          "effectiveDate",
          effective.getYear()
              + "年"
              + effective.getMonthValue()
              + "月"
              + effective.getDayOfMonth()
              + "日");
    }

    List<Term> industries = new ArrayList<>(INDUSTRIES);
    Collections.shuffle(industries, random);
    putTerm(vars, "industry", industries.get(0), english);
    putTerm(vars, "industry2", industries.get(1), english);
    putTerm(vars, "industry3", industries.get(2), english);
    putTerm(vars, "mfg", pick(random, MANUFACTURING), english);
    putTerm(vars, "projectType", pick(random, PROJECT_TYPES), english);
    List<Country> countries = new ArrayList<>(COUNTRIES);
    Collections.shuffle(countries, random);
    vars.put("country", english ? countries.get(0).en() : countries.get(0).cn());
    vars.put("country2", english ? countries.get(1).en() : countries.get(1).cn());
    vars.put("countryAdj", countries.get(0).adjective());
    vars.put("CountryAdj", countries.get(0).adjective());
    // A zone should not travel to its own city for an out-of-town promotion.
    List<Term> cities = new ArrayList<>();
    for (Term city : CITIES) {
      String names = zone + (publisher == null ? "" : publisher);
      if (!names.contains(english ? city.en() : city.cn())) {
        cities.add(city);
      }
    }
    Term city = pick(random, cities);
    vars.put("city", english ? city.en() : city.cn());
    int ordinal = 2 + random.nextInt(14);
    vars.put("ordinal", english ? ordinal + ordinalSuffix(ordinal) : String.valueOf(ordinal));

    long amount = investmentWan(random);
    long firstPhase = roundTo(amount * (30 + random.nextInt(31)) / 100, 1_000);
    long output = roundTo(amount * (12 + random.nextInt(19)) / 10, 1_000);
    long tax = roundTo(output * (4 + random.nextInt(7)) / 100, 100);
    putMoney(vars, "amount", yuan(amount, english));
    putMoney(vars, "amount2", yuan(Math.max(firstPhase, 1_000), english));
    putMoney(vars, "output", yuan(output, english));
    putMoney(vars, "tax", yuan(Math.max(tax, 100), english));
    putMoney(vars, "fund", yuan(FUND_WAN[random.nextInt(FUND_WAN.length)], english));
    putMoney(vars, "reward", yuan(REWARD_WAN[random.nextInt(REWARD_WAN.length)], english));
    putMoney(vars, "housing", yuan(HOUSING_WAN[random.nextInt(HOUSING_WAN.length)], english));
    putMoney(vars, "fdi", usd(1_000L * (5 + random.nextInt(296)), english));

    vars.put("count", String.valueOf(5 + random.nextInt(36)));
    vars.put("firms", String.valueOf(20 + random.nextInt(281)));
    vars.put("jobs", number(10 * (20 + random.nextInt(281)), english));
    vars.put("pct", percent(random));
    vars.put("pct2", percent(random));
    vars.put("progress", String.valueOf(40 + random.nextInt(56)));
    int mu = 10 * (5 + random.nextInt(76));
    vars.put(
        "area", english ? "about " + Math.max(1, Math.round(mu / 15.0)) + " hectares" : mu + "亩");
    int expoSquareMeters = 10_000 * (1 + random.nextInt(8));
    vars.put(
        "expoArea",
        english
            ? String.format(Locale.ROOT, "%,d square meters", expoSquareMeters)
            : expoSquareMeters / 10_000 + "万平方米");
    vars.put("units", String.valueOf(100 + random.nextInt(801)));
    vars.put("measures", String.valueOf(10 + random.nextInt(21)));
    vars.put("policyDays", String.valueOf(10 + random.nextInt(21)));
    vars.put("leadDays", String.valueOf(30 + random.nextInt(91)));
    vars.put("validYears", String.valueOf(2 + random.nextInt(4)));
    int startYear = month >= 10 ? year + 1 : year;
    vars.put("startYear", String.valueOf(startYear));
    vars.put("endYear", String.valueOf(startYear + 1 + random.nextInt(2)));
    vars.put("guests", String.valueOf(10 * (10 + random.nextInt(71))));
    vars.put("hours", String.valueOf(2 + random.nextInt(7)));
    vars.put("labs", String.valueOf(30 + random.nextInt(271)));
    vars.put("patents", number(200 + random.nextInt(2801), english));
    vars.put("subsidyPct", String.valueOf(5 * (2 + random.nextInt(9))));
    return vars;
  }

  private static void putTerm(Map<String, String> vars, String key, Term term, boolean english) {
    String value = english ? term.en() : term.cn();
    vars.put(key, value);
    // Capitalised twin ("{Industry}") for English headline case; Chinese has no case.
    vars.put(Character.toUpperCase(key.charAt(0)) + key.substring(1), capitalizeWords(value));
  }

  private static void putMoney(Map<String, String> vars, String key, String value) {
    vars.put(key, value);
    vars.put(Character.toUpperCase(key.charAt(0)) + key.substring(1), capitalizeWords(value));
  }

  private static String number(int value, boolean english) {
    return english ? String.format(Locale.ROOT, "%,d", value) : String.valueOf(value);
  }

  /** Adds "the" to names that read as common-noun phrases: zones, parks and areas. */
  private static String withArticle(String name) {
    if (name.regionMatches(true, 0, "the ", 0, 4)) {
      return name;
    }
    for (String word : new String[] {"Zone", "Park", "Area", "Development", "Pilot"}) {
      if (name.contains(word)) {
        return "the " + name;
      }
    }
    return name;
  }

  private static String period(int month, int year, boolean english) {
    if (month <= 3) {
      // Early in the year the freshest complete figures are last year's.
      return english ? "in " + (year - 1) : (year - 1) + "年";
    } else if (month <= 6) {
      return english ? "in the first quarter" : "今年一季度";
    } else if (month <= 9) {
      return english ? "in the first half of the year" : "今年上半年";
    }
    return english ? "in the first three quarters" : "今年前三季度";
  }

  /** An investment in units of ten thousand yuan (万元), from a few hundred million to 50 billion. */
  private static long investmentWan(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> 1_000L * (20 + random.nextInt(80));
      case 1 -> 10_000L * (10 + random.nextInt(40));
      case 2 -> 10_000L * (50 + random.nextInt(150));
      default -> 100_000L * (20 + random.nextInt(31));
    };
  }

  private static long roundTo(long value, long step) {
    return Math.round((double) value / step) * step;
  }

  private static String yuan(long wan, boolean english) {
    if (!english) {
      return wan >= 10_000 ? decimal(wan / 10_000.0) + "亿元" : wan + "万元";
    }
    double yuan = wan * 10_000.0;
    return yuan >= 1e9
        ? decimal(yuan / 1e9) + " billion yuan"
        : decimal(yuan / 1e6) + " million yuan";
  }

  private static String usd(long wan, boolean english) {
    if (!english) {
      return wan >= 10_000 ? decimal(wan / 10_000.0) + "亿美元" : wan + "万美元";
    }
    double dollars = wan * 10_000.0;
    return dollars >= 1e9
        ? "US$" + decimal(dollars / 1e9) + " billion"
        : "US$" + decimal(dollars / 1e6) + " million";
  }

  private static String decimal(double value) {
    String text = String.format(Locale.ROOT, "%.1f", value);
    return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
  }

  private static String percent(Random random) {
    return decimal((30 + random.nextInt(221)) / 10.0);
  }

  private static String ordinalSuffix(int n) {
    if (n % 100 >= 11 && n % 100 <= 13) {
      return "th";
    }
    return switch (n % 10) {
      case 1 -> "st";
      case 2 -> "nd";
      case 3 -> "rd";
      default -> "th";
    };
  }

  private static String monthName(LocalDate date) {
    return date.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
  }

  // ---------------------------------------------------------------------------------------------
  // Text helpers

  private static String fill(String template, Map<String, String> vars) {
    StringBuilder out = new StringBuilder(template.length() + 32);
    int from = 0;
    while (true) {
      int open = template.indexOf('{', from);
      if (open < 0) {
        return out.append(template, from, template.length()).toString();
      }
      int close = template.indexOf('}', open);
      String key = template.substring(open + 1, close);
      String value = vars.get(key);
      if (value == null) {
        throw new IllegalStateException("Unknown placeholder {" + key + "} in: " + template);
      }
      out.append(template, from, open);
      if (startsSentence(out) && !value.isEmpty()) {
        value = Character.toUpperCase(value.charAt(0)) + value.substring(1);
      }
      out.append(value);
      from = close + 1;
    }
  }

  private static boolean startsSentence(CharSequence text) {
    int n = text.length();
    if (n == 0) {
      return true;
    }
    return n >= 2 && text.charAt(n - 1) == ' ' && ".!?".indexOf(text.charAt(n - 2)) >= 0;
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String capitalizeWords(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean startOfWord = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(startOfWord ? Character.toUpperCase(c) : c);
      startOfWord = c == ' ' || c == '-';
    }
    return out.toString();
  }

  private static int length(CharSequence text) {
    return Character.codePointCount(text, 0, text.length());
  }

  private static String orElse(String preferred, String fallback) {
    String value = blankToNull(preferred);
    return value != null ? value : blankToNull(fallback);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static <T> T pick(Random random, List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  /**
   * Deals fragments without repeats, so one article does not say the same thing twice, favouring
   * the article's own topic over the sentences every kind shares.
   */
  private static final class Dealer {
    private final Random random;
    private final List<String> topical;
    private final List<String> shared;
    private int nextTopical;
    private int nextShared;

    Dealer(Random random, List<String> topical, List<String> shared) {
      this.random = random;
      this.topical = new ArrayList<>(topical);
      this.shared = new ArrayList<>(shared);
      Collections.shuffle(this.topical, random);
      Collections.shuffle(this.shared, random);
    }

    String draw() {
      boolean topicalLeft = nextTopical < topical.size();
      boolean sharedLeft = nextShared < shared.size();
      if (!topicalLeft && !sharedLeft) {
        // Only reachable with tiny pools; repeating beats failing.
        Collections.shuffle(topical, random);
        Collections.shuffle(shared, random);
        nextTopical = 0;
        nextShared = 0;
        topicalLeft = true;
      }
      if (topicalLeft && (!sharedLeft || random.nextInt(5) < 3)) {
        return topical.get(nextTopical++);
      }
      return shared.get(nextShared++);
    }
  }

  private static Story story(String title, String lead) {
    return new Story(title, lead);
  }

  // ---------------------------------------------------------------------------------------------
  // Chinese phrase pools. All text is written for this demo; numbers and events are invented.

  private static Phrasebook chinese() {
    Map<Kind, KindPool> kinds = new HashMap<>();
    kinds.put(
        Kind.TEXT_NEWS,
        new KindPool(
            List.of(
                story(
                    "{subject}举办{year}年重点项目集中签约活动",
                    "{date}，{subject}举办{year}年重点项目集中签约活动，共有{count}个项目现场签约，计划总投资约{amount}，涵盖{industry}、{industry2}、{industry3}等多个领域。"),
                story(
                    "{subject}召开优化营商环境工作推进会",
                    "近日，{subject}召开优化营商环境工作推进会，总结{period}各项工作成效，部署下一阶段重点任务，要求以企业需求为导向，持续提升政务服务效能。"),
                story(
                    "{subject}{count}个重点项目集中开工 总投资{amount}",
                    "{date}上午，{subject}{count}个重点项目集中开工，总投资{amount}。项目聚焦{industry}、{industry2}等主导产业，全部建成后预计新增就业岗位约{jobs}个。"),
                story(
                    "{subject}{period}新增高新技术企业{firms}家",
                    "记者从{office}获悉，{period}，{subject}新增高新技术企业{firms}家，其中{industry}领域企业增长最为明显，区域创新主体规模持续扩大。"),
                story(
                    "{subject}召开{industry}企业座谈会 倾听企业发展心声",
                    "{date}，{subject}召开{industry}企业座谈会，{count}家企业负责人围绕人才引进、融资服务、应用场景开放等话题畅所欲言，相关部门现场回应企业诉求。"),
                story(
                    "{subject}上线企业服务“一站式”平台",
                    "为进一步提升企业服务效率，{subject}近日正式上线企业服务“一站式”平台，整合政策申报、审批办理、诉求反映等功能，企业办事平均时长缩短约{pct}%。"),
                story(
                    "{subject}{period}主要经济指标稳中有进",
                    "{period}，{subject}经济运行稳中有进，规模以上工业增加值同比增长{pct}%，固定资产投资同比增长{pct2}%，主要指标增速保持在合理区间。"),
                story(
                    "{subject}“{industry}+”创新中心揭牌成立",
                    "{date}，{subject}“{industry}+”创新中心正式揭牌成立。该中心将围绕关键技术攻关、科技成果转化和专业人才培养，打造开放共享的产业创新服务平台。")),
            List.of(
                "近年来，{zone}坚持“项目为王”，为重点项目配备“一对一”服务专员，从签约、注册到开工全过程跟踪服务，项目平均落地周期明显缩短。",
                "{zone}相关负责人表示，将围绕{industry}、{industry2}两大主导产业持续开展产业链精准招商，推动更多优质项目在区内集聚。",
                "{period}，{zone}新登记各类市场主体{units}户，其中科技型企业数量增长较快，区域市场活力持续增强。",
                "为破解企业用地难题，{zone}推行“标准地”出让和“拿地即开工”审批模式，企业拿到土地后即可同步开展施工准备。",
                "在人才服务方面，{zone}升级人才服务中心，为企业员工提供落户、住房、子女入学等“一站式”服务，已累计配租人才公寓{units}套。",
                "{zone}还将持续深化“放管服”改革，推出更多“一件事一次办”集成服务事项，让企业办事更省心、更便捷。",
                "多家企业代表表示，{zone}区位优势明显、产业配套完善、服务高效务实，坚定了他们扎根当地、长期发展的信心。",
                "据介绍，{zone}今年将实施重点项目{count}个以上，重点向{mfg}、{industry}等领域倾斜，以高质量项目支撑产业转型升级。"),
            List.of("工作成效", "下一步安排", "服务举措", "企业声音"),
            List.of()));
    kinds.put(
        Kind.PHOTO_NEWS,
        new KindPool(
            List.of(
                story(
                    "图片新闻｜{subject}{industry}产业园建设现场一片繁忙",
                    "{date}，在{subject}{industry}产业园建设现场，塔吊林立、机器轰鸣，建设者们正抢抓工期全力推进施工，项目主体工程已完成约{progress}%。"),
                story(
                    "组图：走进{subject}{mfg}智能工厂",
                    "走进{subject}一家{mfg}企业的智能工厂，一条条自动化生产线高速运转，机械臂精准完成上料、装配、检测等工序，整个车间忙而不乱、井然有序。"),
                story(
                    "{subject}：重点项目建设按下“加速键”",
                    "{date}，记者走访{subject}多个重点项目建设现场，看到各项目正倒排工期、挂图作战，处处是热火朝天的建设景象。"),
                story(
                    "航拍{subject}：产业新城拔节生长",
                    "航拍镜头下，{subject}道路纵横交错，一座座现代化厂房拔地而起，绿地与水系点缀其间，一座产城融合的产业新城正在加速成长。"),
                story(
                    "{subject}{mfg}{projectType}项目主体结构封顶",
                    "{date}，{subject}{mfg}{projectType}项目主体结构顺利封顶，标志着项目建设由主体施工阶段转入装饰装修和设备安装阶段。")),
            List.of(
                "在施工现场，数百名建设者正有序开展钢结构吊装和设备安装作业，运输车辆往来穿梭，各道工序衔接紧密。",
                "走进生产车间，自动化生产线高速运转，工人们在数字化看板前实时查看订单进度、设备状态和产品质量数据。",
                "据现场负责人介绍，项目建成后将形成{mfg}关键产品的规模化生产能力，预计年产值可达{output}，带动就业约{jobs}人。",
                "为确保项目按期投用，{zone}组建专班驻点服务，协调解决施工用电、用水和物料运输等问题，保障项目建设跑出“加速度”。",
                "夜幕降临，项目工地依然灯火通明，建设者们分班轮换、有序施工，全力冲刺年度建设目标。",
                "在{zone}新落成的标准厂房内，首批入驻企业正在紧张进行设备调试，预计{nextMonth}月正式投产。",
                "镜头里，一排排光伏板铺满厂房屋顶，新建的道路两旁绿树成荫，园区面貌焕然一新。"),
            List.of("现场直击", "镜头记录"),
            List.of()));
    kinds.put(
        Kind.INDUSTRY,
        new KindPool(
            List.of(
                story(
                    "{subject}{industry}产业规模突破{output}",
                    "记者从{office}了解到，{period}，{subject}{industry}产业规模突破{output}，同比增长{pct}%，产业集聚效应日益凸显。"),
                story(
                    "{subject}加快布局{industry}新赛道",
                    "面对新一轮科技革命和产业变革，{subject}把{industry}作为培育新质生产力的重要方向，从技术研发、企业培育、场景开放等方面加快布局。"),
                story(
                    "{industry}产业链龙头企业加速集聚{subject}",
                    "近年来，{subject}围绕{industry}产业链精准招商，一批龙头企业和专精特新企业相继落户，产业链上下游协同发展格局初步形成。"),
                story(
                    "{subject}{period}{industry}产值同比增长{pct}%",
                    "{period}，{subject}{industry}产业实现产值同比增长{pct}%，增速高于区域工业平均水平，成为拉动经济增长的重要引擎。"),
                story(
                    "{subject}发布{industry}应用场景清单",
                    "{date}，{subject}发布{year}年{industry}应用场景清单，共包含{count}个应用场景，面向全国企业公开征集解决方案。"),
                story(
                    "{subject}推动{industry}与{industry2}融合发展",
                    "{subject}近日出台专项工作方案，推动{industry}与{industry2}深度融合，培育一批跨界融合的新产品、新业态和新模式。")),
            List.of(
                "目前，{zone}已集聚{industry}相关企业{firms}家，初步形成从研发设计、生产制造到应用服务的较完整产业链条。",
                "在{industry}领域，{zone}重点围绕核心技术攻关和应用场景开放两个方向发力，支持企业联合高校院所共建创新联合体。",
                "业内人士分析认为，随着{industry}与{industry2}加速融合，产业链上下游协同创新将成为区域产业竞争的关键。",
                "{zone}先后建设公共技术服务平台、中试验证平台等{count}个产业服务平台，为中小企业提供检测认证、技术咨询等服务。",
                "为培育产业生态，{zone}设立总规模{fund}的产业投资基金，重点投向{industry}领域的初创期和成长期企业。",
                "围绕“链主”企业，{zone}绘制{industry}产业链图谱，梳理出需要补链强链的关键环节，实施清单化精准招商。",
                "{zone}还积极推动{industry}产品在智慧城市、智能制造等场景中的示范应用，帮助企业打开新产品的首批市场。",
                "在{mfg}领域，区内企业持续加大研发投入，多项关键产品实现量产，部分技术指标达到行业先进水平。"),
            List.of("产业布局", "创新生态", "发展态势"),
            List.of()));
    kinds.put(
        Kind.FOREIGN,
        new KindPool(
            List.of(
                story(
                    "{country}{mfg}企业增资扩产 加码投资{subject}",
                    "{date}，一家{country}{mfg}企业与{subject}签署增资协议，计划新增投资{amount}，用于扩建生产线和设立研发中心。"),
                story(
                    "{subject}{period}实际使用外资{fdi}",
                    "{period}，{subject}实际使用外资{fdi}，同比增长{pct}%，新设外商投资企业{firms}家，利用外资规模和质量稳步提升。"),
                story(
                    "外资企业持续看好{subject}发展前景",
                    "“我们对在这里的长期发展充满信心。”近日，多家外资企业负责人在{subject}举办的外资企业座谈会上表示，将继续扩大在华投资。"),
                story(
                    "{subject}举办{country}企业投资交流会",
                    "{date}，{subject}举办{country}企业投资交流会，来自{country}的{count}家企业代表参加，双方围绕{industry}、{industry2}等领域合作展开深入交流。"),
                story(
                    "{subject}外资研发中心增至{count}家",
                    "记者从{office}获悉，{subject}外资研发中心数量已增至{count}家，研发领域覆盖{industry}、{industry2}等，外资企业的创新功能不断增强。")),
            List.of(
                "{period}，{zone}外资来源地覆盖{country}、{country2}等多个国家和地区，外资项目平均投资规模稳步提高。",
                "一家外资企业负责人表示，中国超大规模市场和完整的产业体系是企业持续加大在华投资的重要原因，{zone}的高效服务也让项目推进十分顺利。",
                "为稳外资、促外资，{zone}建立外资企业“服务管家”制度，定期走访外资企业，协调解决通关、用工、融资等方面的问题。",
                "目前，已有{count}家跨国公司在{zone}设立地区总部、研发中心等功能性机构，外资企业在{industry}等领域发挥着重要的技术引领作用。",
                "{zone}持续优化外籍人才服务，推行工作许可和居留许可“一窗受理”，为外籍人才及家属在华工作生活提供便利。",
                "在外资项目推进过程中，{zone}推行“拿地即开工”“验收即发证”等改革举措，外资项目从签约到投产的周期明显缩短。",
                "多家外资企业表示，将借助{zone}的开放平台和产业配套优势，进一步拓展研发、销售和结算等业务功能。",
                "{zone}将继续落实外商投资准入前国民待遇加负面清单管理制度，保障外资企业依法平等参与政府采购、标准制定等活动。"),
            List.of("外资服务", "开放合作", "企业心声"),
            List.of(
                "{period}实际使用外资{fdi}",
                "新设外商投资企业{firms}家",
                "外资研发中心{count}家",
                "外资来源地包括{country}、{country2}等",
                "外资企业“服务管家”全覆盖")));
    kinds.put(
        Kind.POLICY,
        new KindPool(
            List.of(
                story(
                    "一图读懂《{subject}关于支持{industry}产业高质量发展的若干措施》",
                    "近日，{subject}印发《关于支持{industry}产业高质量发展的若干措施》，共{measures}条，从企业落户、研发创新、人才引进、融资支持等方面加大支持力度。"),
                story(
                    "{subject}出台{measures}条措施支持{industry}产业发展",
                    "为加快培育{industry}产业集群，{subject}近日出台{measures}条支持措施，明确对新落户的重点企业最高给予{reward}奖励。"),
                story(
                    "政策解读：{subject}优化营商环境{measures}条举措",
                    "{subject}近日发布优化营商环境{measures}条举措，围绕市场准入、审批服务、要素保障、权益保护等方面推出一批务实管用的改革措施。"),
                story(
                    "{subject}设立{fund}{industry}产业引导基金",
                    "{date}，{subject}宣布设立总规模{fund}的{industry}产业引导基金，重点投向产业链关键环节和掌握核心技术的成长型企业。"),
                story(
                    "{subject}{year}年人才政策“升级版”发布",
                    "{date}，{subject}发布{year}年人才政策“升级版”，在人才引进、住房保障、子女教育等方面推出多项新举措，高层次人才购房补贴最高可达{housing}。"),
                story(
                    "{subject}外商投资企业奖励政策问答",
                    "为帮助企业准确理解和用好政策，{office}对{subject}外商投资企业奖励政策中的重点内容进行了梳理，以问答形式解读如下。"),
                story(
                    "{subject}企业研发投入补贴申报指南发布",
                    "{office}近日发布{year}年度企业研发投入补贴申报指南，符合条件的企业可按研发投入增量的一定比例申请补贴，最高比例可达{subsidyPct}%。")),
            List.of(
                "该政策从企业落户、研发创新、人才引进、融资支持、场景开放等方面提出具体支持举措，覆盖企业从初创到壮大的各个阶段。",
                "在支持企业落户方面，对新引进的{industry}重点企业，按照其实际投资额给予一定比例的奖励，单个企业最高可达{reward}。",
                "在研发创新方面，对企业新建的国家级、省级研发机构分别给予资金支持，鼓励企业持续加大研发投入、攻关关键核心技术。",
                "在人才支持方面，对企业引进的高层次人才，在住房保障、子女教育、医疗服务等方面提供全方位支持，让人才引得进、留得住。",
                "{office}有关负责人介绍，政策制定过程中广泛征求了企业意见，重点回应了企业在融资、用地和人才方面的集中诉求。",
                "政策明确，符合条件的企业可通过{zone}政务服务平台在线申报，相关部门将在受理后{policyDays}个工作日内完成审核。",
                "该政策自{effectiveDate}起施行，有效期{validYears}年，此前发布的相关政策与本政策不一致的，以本政策为准。",
                "政策还将{industry2}纳入重点支持范围，对首台（套）装备、首批次新材料的推广应用给予一定比例的补贴。",
                "业内人士认为，这一系列政策含金量高、针对性强，有助于降低企业经营成本，进一步增强{zone}对优质项目的吸引力。"),
            List.of("政策要点", "申报指南", "适用对象", "支持标准"),
            List.of(
                "新落户重点企业最高奖励{reward}",
                "研发投入补贴比例最高{subsidyPct}%",
                "高层次人才购房补贴最高{housing}",
                "首台（套）产品推广应用奖励",
                "中小企业贷款贴息支持",
                "应用场景优先向区内企业开放")));
    kinds.put(
        Kind.PROJECT,
        new KindPool(
            List.of(
                story(
                    "总投资{amount}！{mfg}{projectType}项目落户{subject}",
                    "{date}，{mfg}{projectType}项目正式签约落户{subject}。项目总投资{amount}，建成后将进一步完善区域{mfg}产业链条，带动上下游企业集聚发展。"),
                story(
                    "{subject}{mfg}{projectType}项目签约 总投资{amount}",
                    "{date}，{subject}与投资方签署{mfg}{projectType}项目投资协议。项目总投资{amount}，规划用地约{area}，将分两期建设。"),
                story(
                    "项目推介：{subject}{industry}产业园招商项目",
                    "{subject}{industry}产业园是区域重点打造的专业园区，现面向国内外企业开展招商。园区规划用地约{area}，计划总投资{amount}。"),
                story(
                    "{subject}{mfg}{projectType}项目开工建设",
                    "{date}，位于{subject}的{mfg}{projectType}项目正式开工建设。项目总投资{amount}，计划{endYear}年建成投用，建成后将新增就业岗位约{jobs}个。"),
                story(
                    "{subject}{mfg}项目一期投产 年产值预计达{output}",
                    "{date}，{subject}{mfg}项目一期正式投产。该项目一期投资{amount2}，主要建设智能化生产线及配套设施，全面达产后预计年产值达{output}。"),
                story(
                    "{subject}发布{year}年{count}个重点招商项目",
                    "{date}，{subject}集中发布{year}年{count}个重点招商项目，涵盖{industry}、{industry2}、{industry3}等领域，总投资约{amount}。")),
            List.of(
                "项目规划用地约{area}，总投资{amount}，其中一期投资{amount2}，主要建设研发楼、生产厂房及配套设施。",
                "项目建成达产后，预计可实现年产值{output}，年纳税约{tax}，新增就业岗位{jobs}个。",
                "据介绍，项目投资方深耕{mfg}领域多年，拥有多项核心专利技术，产品广泛应用于{industry2}等领域。",
                "项目从洽谈到签约仅用时{leadDays}天，{zone}组建专门服务团队，全程协助企业办理各项手续。",
                "{zone}将为项目提供用地、能耗、人才等要素保障，推动项目早日开工建设、早日投产达效。",
                "项目选址位于{zone}产业集聚区，周边已集聚多家上下游配套企业，具备良好的产业协同基础。",
                "按照建设计划，项目将于{endYear}年全面建成投产，届时将成为区域{mfg}产业新的重要增长点。",
                "招商方向方面，{zone}重点引进{industry}领域的整机制造、核心零部件及关键材料企业，支持企业设立区域总部和研发中心。",
                "合作方式灵活多样，可采用独资、合资、租赁标准厂房等多种方式，{zone}将根据项目实际情况给予相应政策支持。"),
            List.of("项目概况", "投资亮点", "合作方式", "配套条件"),
            List.of(
                "总投资：{amount}",
                "用地规模：约{area}",
                "预计年产值：{output}",
                "新增就业：约{jobs}人",
                "建设周期：{startYear}年至{endYear}年",
                "所属产业：{mfg}")));
    kinds.put(
        Kind.EVENT,
        new KindPool(
            List.of(
                story(
                    "{year}{subject}投资促进大会成功举办",
                    "{date}，{year}{subject}投资促进大会成功举办。大会以“开放合作、共赢未来”为主题，吸引了{guests}余位海内外企业家和投资机构代表参加。"),
                story(
                    "{subject}赴{city}举办投资环境推介会",
                    "{date}，{subject}在{city}举办投资环境推介会，向当地企业和商协会代表推介区域营商环境、产业基础和重点招商项目。"),
                story(
                    "{subject}{industry}产业发展论坛举行",
                    "{date}，{subject}{industry}产业发展论坛举行，来自高校、科研院所和行业龙头企业的专家学者齐聚一堂，共话产业发展新趋势。"),
                story(
                    "第{ordinal}届{subject}{industry}博览会开幕",
                    "{date}，第{ordinal}届{subject}{industry}博览会开幕。本届展会展览面积约{expoArea}，吸引{firms}家企业参展，集中展示行业新产品、新技术。"),
                story(
                    "{subject}{industry}产业招商推介会签约{count}个项目",
                    "{date}，{subject}{industry}产业招商推介会举行，现场签约项目{count}个，总投资{amount}，涉及研发、制造、服务等多个环节。"),
                story(
                    "{subject}组团赴{city}开展{industry}产业链招商",
                    "近日，{subject}组织招商小分队赴{city}开展{industry}产业链专题招商活动，先后走访{count}家企业和行业机构，洽谈了一批合作项目。"),
                story(
                    "{industry}创新创业大赛{subject}赛区启动",
                    "{date}，{year}年{industry}创新创业大赛{subject}赛区正式启动，面向海内外征集创新项目，优秀项目可获得落地支持和投融资对接服务。")),
            List.of(
                "本次活动由{office}主办，吸引了来自{country}、{country2}等国家和地区的{guests}余位企业家、投资机构代表参加。",
                "活动现场发布了{zone}投资环境和产业政策，并对{industry}、{industry2}等重点产业的招商需求进行了推介。",
                "活动期间，共有{count}个项目现场签约，总投资{amount}，涉及{mfg}、现代服务业等多个领域。",
                "在主题论坛环节，来自高校、科研机构和龙头企业的专家学者围绕{industry}发展趋势、技术创新路径等话题展开深入交流。",
                "与会企业代表纷纷表示，通过此次活动更加全面地了解了{zone}的营商环境和发展机遇，期待进一步深化合作。",
                "活动还设置了项目路演、企业对接、实地考察等环节，为参会企业与{zone}搭建了务实高效的合作平台。",
                "据悉，该活动已连续举办多届，已成为{zone}对外展示形象、开展招商引资的重要平台。",
                "展会期间，{zone}展区集中展示了{industry}领域的最新产品和技术成果，吸引众多观众驻足参观、洽谈交流。"),
            List.of("活动亮点", "签约成果", "嘉宾观点"),
            List.of(
                "主旨演讲与产业政策发布",
                "{industry}产业链专场对接",
                "重点项目集中签约",
                "参观考察{zone}重点企业",
                "投资机构闭门交流会",
                "项目路演与专家点评")));

    List<String> shared =
        List.of(
            "{zone}区位优势突出，交通网络便捷，企业往来机场、高铁站和城市中心都十分方便，为商务往来和物流运输提供了便利条件。",
            "近年来，{zone}坚持把优化营商环境作为“一号工程”，企业开办实现“一网通办”，最快{hours}小时即可办结。",
            "在科技创新方面，{zone}已建成各类研发机构{labs}家，国家高新技术企业数量保持较快增长，创新活力持续释放。",
            "{zone}不断完善产业配套，建设标准厂房、人才公寓、商业综合体等设施，产城融合发展水平持续提升。",
            "围绕企业全生命周期需求，{zone}搭建了涵盖政策咨询、融资对接、人才招聘等内容的综合服务平台。",
            "{zone}坚持绿色低碳发展方向，推动企业实施节能降碳改造，积极建设分布式光伏、新型储能等设施。",
            "在金融服务方面，{zone}联合多家银行推出科技企业和人才专属信贷产品，帮助中小企业缓解融资难题。",
            "{period}，{zone}新增发明专利授权{patents}件，企业研发投入强度稳步提升，科技成果转化步伐加快。",
            "{zone}深入推进产教融合，与多所高校共建实训基地和联合实验室，为企业持续输送技能人才和研发人才。",
            "为做好要素保障，{zone}建立重点项目用地、用能、用工需求清单，实行动态管理、逐项销号。");
    List<String> closings =
        List.of(
            "“我们将持续优化服务，与企业同心同向、共谋发展。”{office}相关负责人表示，{zone}将以更大力度推进高水平对外开放。",
            "下一步，{zone}将紧扣高质量发展要求，聚焦{industry}等主导产业，加快构建现代化产业体系，为区域经济发展注入新动能。",
            "展望{nextYear}年，{zone}将继续坚持招商引资和项目建设“双轮驱动”，全力打造一流营商环境和产业发展高地。",
            "{zone}相关负责人表示，将持续跟踪服务相关企业和项目，及时协调解决遇到的困难和问题，推动各项工作落地见效。",
            "据了解，{zone}下一步还将围绕产业链薄弱环节开展延链补链招商，力争全年引进亿元以上项目{count}个以上。",
            "业内人士表示，{zone}产业基础扎实、创新资源丰富，未来在{industry}等领域具备较大的发展潜力。");
    List<String> generalBullets =
        List.of(
            "新增市场主体{firms}家",
            "重点项目开工{count}个",
            "规上工业产值同比增长{pct}%",
            "实际使用外资{fdi}",
            "新增发明专利授权{patents}件",
            "人才公寓配租{units}套");
    List<String> captions =
        List.of(
            "{zone}重点项目施工现场",
            "{zone}{mfg}企业智能化生产线",
            "航拍{zone}产业园区",
            "{zone}{industry}产业园一角",
            "{zone}新建标准厂房");
    List<String> authors =
        List.of(
            "王晓宁", "李思远", "张雨桐", "刘俊杰", "陈佳怡", "杨一帆", "赵一鸣", "黄诗琪", "周子涵", "吴昊然", "徐静雯", "孙立伟",
            "马晓东", "朱婷婷", "胡志强", "郭雅楠", "何嘉欣", "林浩宇", "高文博", "罗晓雪");
    return new Phrasebook(kinds, shared, closings, generalBullets, captions, authors);
  }

  // ---------------------------------------------------------------------------------------------
  // English phrase pools, written separately rather than translated so both read naturally.

  private static Phrasebook english() {
    Map<Kind, KindPool> kinds = new HashMap<>();
    kinds.put(
        Kind.TEXT_NEWS,
        new KindPool(
            List.of(
                story(
                    "{subject} Signs {count} Key Projects Worth {Amount}",
                    "On {date}, {theSubject} held a signing ceremony for {count} key projects with"
                        + " a combined planned investment of about {amount}. The projects span"
                        + " {industry}, {industry2} and {industry3}."),
                story(
                    "{subject} Steps Up Efforts to Improve Business Environment",
                    "{theSubject} held a meeting on {date} to review its progress in improving the"
                        + " business environment {period} and to set out priorities for the months"
                        + " ahead."),
                story(
                    "{count} Major Projects Break Ground in {subject}",
                    "Construction started on {count} major projects in {theSubject} on {date},"
                        + " representing a total investment of {amount}. Once completed, the"
                        + " projects are expected to create about {jobs} jobs."),
                story(
                    "{subject} Adds {firms} New High-Tech Enterprises",
                    "{theSubject} added {firms} certified high-tech enterprises {period}, according"
                        + " to {office}, with {industry} companies showing the fastest growth."),
                story(
                    "{subject} Hosts Roundtable with {Industry} Companies",
                    "Executives from {count} {industry} companies met officials in {theSubject} on"
                        + " {date} to discuss talent recruitment, financing and access to new"
                        + " application scenarios."),
                story(
                    "{subject} Launches One-Stop Service Platform for Businesses",
                    "{theSubject} has launched a one-stop online platform that brings policy"
                        + " applications, approvals and feedback channels together, cutting average"
                        + " processing time by about {pct}%."),
                story(
                    "{subject} Opens {Industry} Innovation Center",
                    "A new {industry} innovation center opened in {theSubject} on {date}. It will"
                        + " focus on key technology research, the commercialization of research"
                        + " results and talent training.")),
            List.of(
                "In recent years, {theZone} has assigned a dedicated service officer to each key"
                    + " project, following it from signing and registration through to the start of"
                    + " construction.",
                "Officials in {theZone} said the area will keep targeting investment along the"
                    + " {industry} and {industry2} supply chains.",
                "Industrial output by major companies in {theZone} rose {pct}% year on year"
                    + " {period}, while fixed-asset investment grew {pct2}%.",
                "To ease land constraints, {theZone} offers standardized industrial plots and lets"
                    + " construction begin as soon as land is acquired.",
                "The local talent service center helps newcomers with residence registration,"
                    + " housing and school places, and has let {units} talent apartments so far.",
                "{theZone} plans to bundle more related procedures into single integrated services"
                    + " so that companies can get things done in one visit.",
                "Company representatives said the area's location, supporting industries and"
                    + " efficient services had strengthened their confidence in long-term growth"
                    + " there."),
            List.of("Results So Far", "Next Steps", "Services for Companies"),
            List.of()));
    kinds.put(
        Kind.PHOTO_NEWS,
        new KindPool(
            List.of(
                story(
                    "In Pictures: Construction Speeds Up at {subject} {Industry} Park",
                    "Tower cranes and construction crews were busy on {date} at the {industry}"
                        + " industrial park in {theSubject}, where the main structures are now"
                        + " about {progress}% complete."),
                story(
                    "Photo Story: Inside a Smart {Mfg} Factory in {subject}",
                    "Robotic arms and automated lines keep production running at one of the {mfg}"
                        + " factories in {theSubject}, among the area's newest smart manufacturing"
                        + " sites."),
                story(
                    "{subject}: Key Projects Shift into High Gear",
                    "Reporters visiting several major construction sites in {theSubject} on {date}"
                        + " found work proceeding at full speed as builders race to meet this"
                        + " year's targets."),
                story(
                    "Aerial View: {subject} Grows into a Modern Industrial Hub",
                    "Seen from above, {theSubject} presents a patchwork of new factories, green"
                        + " spaces and wide roads, showing how quickly industry and city life are"
                        + " growing together."),
                story(
                    "Topping-Out Ceremony for {Mfg} {ProjectType} in {subject}",
                    "The main structure of the {mfg} {projectType} in {theSubject} was topped out"
                        + " on {date}, moving the project on to interior fit-out and equipment"
                        + " installation.")),
            List.of(
                "Hundreds of workers were hoisting steel beams and installing equipment, while"
                    + " trucks moved materials in and out of the site.",
                "On the factory floor, engineers follow orders, machine status and quality data on"
                    + " digital dashboards in real time.",
                "Once completed, the project is expected to generate annual output of {output} and"
                    + " provide about {jobs} jobs.",
                "A dedicated task force from {theZone} is stationed on site to sort out power,"
                    + " water and materials transport.",
                "Even after dark, the site stays brightly lit as crews work in shifts to meet this"
                    + " year's construction targets.",
                "The first tenants of the newly completed standard factory buildings in {theZone}"
                    + " are commissioning equipment and expect to start production in {nextMonth}.",
                "Rows of solar panels now cover the factory roofs, and newly planted trees line the"
                    + " park's new roads."),
            List.of("On the Scene", "Through the Lens"),
            List.of()));
    kinds.put(
        Kind.INDUSTRY,
        new KindPool(
            List.of(
                story(
                    "{subject}'s {Industry} Industry Tops {Output}",
                    "The {industry} industry in {theSubject} generated output of more than {output}"
                        + " {period}, up {pct}% year on year, according to {office}."),
                story(
                    "{subject} Moves Fast into Emerging {Industry} Sector",
                    "{theSubject} has made {industry} a priority for new growth and is backing it"
                        + " with support for research, company incubation and pilot applications."),
                story(
                    "Leading {Industry} Firms Cluster in {subject}",
                    "A string of leading {industry} companies and specialized small and"
                        + " medium-sized enterprises has moved into {theSubject}, where upstream"
                        + " and downstream firms increasingly work side by side."),
                story(
                    "{subject} Publishes {year} List of {Industry} Application Scenarios",
                    "{theSubject} released a list of {count} {industry} application scenarios on"
                        + " {date}, inviting companies nationwide to submit solutions."),
                story(
                    "{subject} Promotes Integration of {Industry} and {Industry2}",
                    "A new work plan issued by {theSubject} aims to deepen the integration of"
                        + " {industry} and {industry2}, nurturing new products, business models and"
                        + " services.")),
            List.of(
                "{theZone} is now home to {firms} {industry} companies, forming a chain that runs"
                    + " from research and design to manufacturing and services.",
                "Industry watchers say the convergence of {industry} and {industry2} is becoming a"
                    + " key factor in regional competition.",
                "The area has built {count} public service platforms offering testing,"
                    + " certification and technical consulting to smaller companies.",
                "An industrial investment fund of {fund} set up by {theZone} focuses on early-stage"
                    + " and growth-stage companies in {industry}.",
                "Mapping the {industry} supply chain has helped {theZone} identify the links it"
                    + " most needs to strengthen through targeted investment promotion.",
                "{theZone} is also opening pilot application scenarios to help new {industry}"
                    + " products find their first customers.",
                "Local {mfg} companies keep raising research spending, and several key products"
                    + " have entered mass production."),
            List.of("Industrial Layout", "Innovation Ecosystem", "Growth Trends"),
            List.of()));
    kinds.put(
        Kind.FOREIGN,
        new KindPool(
            List.of(
                story(
                    "{CountryAdj} {Mfg} Company Expands Investment in {subject}",
                    "A {countryAdj} {mfg} company signed an agreement with {theSubject} on {date}"
                        + " to invest an additional {amount} in new production lines and a research"
                        + " center."),
                story(
                    "{subject} Attracts {Fdi} in Foreign Investment",
                    "{theSubject} used {fdi} of foreign investment {period}, up {pct}% year on"
                        + " year, and saw {firms} new foreign-invested enterprises set up."),
                story(
                    "Foreign Firms Upbeat on Long-Term Prospects in {subject}",
                    "Executives of several foreign-invested companies said at a meeting hosted by"
                        + " {theSubject} on {date} that they plan to keep expanding their business"
                        + " in China."),
                story(
                    "{subject} Hosts {CountryAdj} Business Exchange Meeting",
                    "{theSubject} hosted an investment exchange meeting for {countryAdj} companies"
                        + " on {date}, attended by representatives of {count} firms interested in"
                        + " {industry} and {industry2}."),
                story(
                    "Foreign-Funded R&D Centers in {subject} Reach {count}",
                    "The number of foreign-funded research and development centers in {theSubject}"
                        + " has reached {count}, according to {office}, covering fields such as"
                        + " {industry} and {industry2}.")),
            List.of(
                "Foreign investors in {theZone} come from {country}, {country2} and many other"
                    + " countries and regions.",
                "A dedicated service team in {theZone} visits foreign-invested companies regularly"
                    + " to help with customs clearance, recruitment and financing.",
                "Executives said China's huge market and complete industrial system remain key"
                    + " reasons for expanding their investment.",
                "Work permits and residence permits for foreign professionals can now be handled at"
                    + " a single service window in {theZone}.",
                "{theZone} applies pre-establishment national treatment plus a negative list to"
                    + " foreign investment, so foreign-invested firms compete on an equal footing.",
                "Multinational companies have set up {count} regional headquarters, R&D centers and"
                    + " other functional units in {theZone}.",
                "Several foreign companies said they would use the area's open platforms and supply"
                    + " chains to add research, sales and settlement functions."),
            List.of("Services for Foreign Investors", "Opening Up", "Voices from Business"),
            List.of(
                "Foreign investment used {period}: {fdi}",
                "New foreign-invested enterprises: {firms}",
                "Foreign-funded R&D centers: {count}",
                "Main sources of investment: {country} and {country2}")));
    kinds.put(
        Kind.POLICY,
        new KindPool(
            List.of(
                story(
                    "Explainer: {subject}'s New Measures to Support {Industry}",
                    "{theSubject} has issued a package of {measures} measures to support the"
                        + " high-quality development of its {industry} industry, covering company"
                        + " registration, research, talent and financing."),
                story(
                    "{subject} Rolls Out {measures} Measures to Boost {Industry}",
                    "To build a stronger {industry} cluster, {theSubject} has rolled out {measures}"
                        + " support measures, including rewards of up to {reward} for newly"
                        + " established key companies."),
                story(
                    "{subject} Sets Up {Industry} Guidance Fund Worth {Fund}",
                    "{theSubject} announced on {date} that it has set up a {industry} guidance fund"
                        + " of {fund}, which will invest in key links of the industrial chain and"
                        + " in fast-growing technology companies."),
                story(
                    "Q&A: How Foreign-Invested Firms Can Apply for Incentives in {subject}",
                    "{office} has answered the questions foreign-invested companies ask most often"
                        + " about the investment incentives available in {theSubject}."),
                story(
                    "{subject} Upgrades Its Talent Policy for {year}",
                    "{theSubject} released an upgraded talent policy on {date}, offering housing"
                        + " subsidies of up to {housing} for high-level talent and new support for"
                        + " children's education."),
                story(
                    "{subject} Opens Applications for R&D Spending Subsidies",
                    "{office} has published its {year} guidelines for research and development"
                        + " subsidies, under which eligible companies can recover up to"
                        + " {subsidyPct}% of their additional R&D spending.")),
            List.of(
                "Newly established key companies can receive rewards of up to {reward} based on"
                    + " their actual investment.",
                "Companies that set up national- or provincial-level research institutions will"
                    + " receive financial support.",
                "High-level talent will receive support with housing, children's education and"
                    + " medical services.",
                "Eligible companies can apply online through the government service platform of"
                    + " {theZone}, and applications will be reviewed within {policyDays} working"
                    + " days.",
                "The policy takes effect on {effectiveDate} and will remain valid for {validYears}"
                    + " years.",
                "Officials said the policy was drafted after wide consultation with companies on"
                    + " financing, land and talent.",
                "The policy also adds {industry2} to the list of priority sectors and subsidizes"
                    + " the first commercial use of new equipment and materials."),
            List.of("Key Measures", "How to Apply", "Who Is Eligible"),
            List.of(
                "Rewards of up to {reward} for newly established key companies",
                "R&D subsidies of up to {subsidyPct}% of additional spending",
                "Housing subsidies of up to {housing} for high-level talent",
                "Interest subsidies on loans to small and medium-sized companies",
                "Priority access to local application scenarios")));
    kinds.put(
        Kind.PROJECT,
        new KindPool(
            List.of(
                story(
                    "{Mfg} {ProjectType} Worth {Amount} to Be Built in {subject}",
                    "Investors signed an agreement on {date} to build the {mfg} {projectType}"
                        + " project in {theSubject}, with total investment of {amount}. The project"
                        + " will strengthen the local {mfg} supply chain."),
                story(
                    "Construction Begins on {Mfg} {ProjectType} in {subject}",
                    "Construction of the {mfg} {projectType} project in {theSubject} started on"
                        + " {date}. The project involves total investment of {amount} and is"
                        + " scheduled for completion in {endYear}."),
                story(
                    "Investment Opportunity: {Industry} Industrial Park in {subject}",
                    "The {industry} industrial park in {theSubject} is now open to investors at"
                        + " home and abroad. The park covers {area} and has planned investment of"
                        + " {amount}."),
                story(
                    "{subject} Unveils {count} Key Investment Projects for {year}",
                    "{theSubject} unveiled {count} key investment projects for {year} on {date},"
                        + " spanning {industry}, {industry2} and {industry3}, with total investment"
                        + " of about {amount}."),
                story(
                    "First Phase of {Mfg} Project Enters Production in {subject}",
                    "The first phase of the {mfg} project in {theSubject} entered production on"
                        + " {date}. Phase one involved investment of {amount2}, and annual output"
                        + " is expected to reach {output} at full capacity."),
                story(
                    "{subject} Signs {Mfg} Project Worth {Amount}",
                    "{theSubject} signed an investment agreement for the {mfg} {projectType}"
                        + " project on {date}. The project will involve total investment of"
                        + " {amount} and occupy {area}.")),
            List.of(
                "The project covers {area} and involves total investment of {amount}, including"
                    + " {amount2} in the first phase.",
                "At full capacity, the project is expected to generate annual output of {output}"
                    + " and annual tax revenue of about {tax}, creating {jobs} jobs.",
                "It took only {leadDays} days from the first talks to the signing, with a dedicated"
                    + " team from {theZone} helping the investor with all procedures.",
                "{theZone} will secure land, energy and talent for the project so that construction"
                    + " and production can start as early as possible.",
                "Full completion is planned for {endYear}, when the project is expected to become a"
                    + " new growth point for the local {mfg} industry.",
                "The investor has worked in {mfg} for many years and holds a number of core"
                    + " patents.",
                "Investors can choose between wholly owned ventures, joint ventures and leased"
                    + " standard factory buildings, with support tailored to each project."),
            List.of("Project Overview", "Investment Highlights", "Ways to Cooperate"),
            List.of(
                "Total investment: {amount}",
                "Land: {area}",
                "Expected annual output: {output}",
                "New jobs: about {jobs}",
                "Construction period: {startYear} to {endYear}",
                "Sector: {mfg}")));
    kinds.put(
        Kind.EVENT,
        new KindPool(
            List.of(
                story(
                    "{year} {subject} Investment Promotion Conference Held",
                    "The {year} {subject} Investment Promotion Conference was held on {date},"
                        + " bringing together more than {guests} entrepreneurs and investors from"
                        + " home and abroad."),
                story(
                    "{subject} Holds Investment Promotion Event in {city}",
                    "{theSubject} held an investment promotion event in {city} on {date},"
                        + " presenting its business environment, industrial base and key projects"
                        + " to local companies and business associations."),
                story(
                    "{subject} Hosts {Industry} Development Forum",
                    "Experts from universities, research institutes and leading companies gathered"
                        + " at the {industry} development forum in {theSubject} on {date} to"
                        + " discuss new trends in the industry."),
                story(
                    "The {ordinal} {Industry} Expo Opens in {subject}",
                    "The {ordinal} {industry} expo opened in {theSubject} on {date}, with"
                        + " {expoArea} of exhibition space and {firms} exhibitors."),
                story(
                    "{count} Projects Signed at {subject} {Industry} Investment Fair",
                    "An investment fair for the {industry} industry held by {theSubject} on {date}"
                        + " saw {count} projects signed, with total investment of {amount}."),
                story(
                    "{subject} Delegation Visits {city} to Attract {Industry} Investment",
                    "An investment promotion team from {theSubject} recently visited {city},"
                        + " meeting {count} companies and industry organizations to discuss"
                        + " cooperation in {industry}.")),
            List.of(
                "The event was hosted by {office} and attracted more than {guests} guests from"
                    + " {country}, {country2} and other countries and regions.",
                "{theZone} presented its investment environment and industrial policies and"
                    + " outlined the investment needs of its {industry} and {industry2}"
                    + " industries.",
                "A total of {count} projects worth {amount} were signed during the event.",
                "During the forum, experts discussed technology trends and innovation pathways in"
                    + " {industry}.",
                "The program also included project roadshows, business matchmaking sessions and"
                    + " site visits to companies in {theZone}.",
                "Exhibitors from {theZone} showcased the latest products and technologies in"
                    + " {industry}, drawing large crowds of visitors.",
                "Participants said the event had given them a fuller picture of the business"
                    + " environment and opportunities in {theZone}."),
            List.of("Highlights", "Signed Projects", "Guest Views"),
            List.of(
                "Keynote speeches and policy briefings",
                "{Industry} supply chain matchmaking",
                "Signing ceremony for key projects",
                "Site visits to leading companies in {theZone}",
                "Closed-door session for investors")));

    List<String> shared =
        List.of(
            "{theZone} enjoys convenient transport links, giving companies easy access to airports,"
                + " high-speed rail stations and the city center.",
            "Business registration in {theZone} can now be completed online in as little as {hours}"
                + " hours.",
            "{theZone} is home to {labs} research institutions of various kinds, and its number of"
                + " high-tech enterprises keeps growing.",
            "New standard factory buildings, talent apartments and commercial facilities continue"
                + " to improve the supporting services available to companies.",
            "A comprehensive service platform in {theZone} covers policy advice, financing and"
                + " recruitment throughout a company's life cycle.",
            "{theZone} encourages companies to cut energy use and carbon emissions and is adding"
                + " rooftop solar and energy storage facilities.",
            "Local banks have launched dedicated loan products for technology companies and talent,"
                + " easing financing pressure on smaller firms.",
            "Invention patents granted in {theZone} reached {patents} {period}, and research"
                + " spending by companies continues to rise.",
            "Partnerships with universities provide training bases and joint laboratories that"
                + " supply companies with skilled workers and researchers.",
            "Land, energy and labor needs of key projects are tracked on a single list and resolved"
                + " one by one.");
    List<String> closings =
        List.of(
            "\u201cWe will keep improving our services and grow together with companies,\u201d an"
                + " official said, adding that {theZone} will open up further.",
            "Going forward, {theZone} will focus on {industry} and other leading industries to"
                + " build a modern industrial system and bring new momentum to the regional"
                + " economy.",
            "Looking ahead to {nextYear}, {theZone} will treat investment promotion and project"
                + " construction as twin engines of growth.",
            "{theZone} will continue to follow up with the companies and projects concerned and"
                + " help resolve any difficulties they encounter.",
            "Next, {theZone} will target weak links in its industrial chains and aims to attract at"
                + " least {count} projects worth more than 100 million yuan each this year.",
            "Analysts say the solid industrial base and rich innovation resources of {theZone} give"
                + " it strong potential in {industry}.");
    List<String> generalBullets =
        List.of(
            "New market entities: {firms}",
            "Key projects started: {count}",
            "Industrial output growth: {pct}%",
            "Foreign investment used: {fdi}",
            "Invention patents granted: {patents}",
            "Talent apartments let: {units}");
    List<String> captions =
        List.of(
            "Construction site of a key project in {theZone}",
            "Smart production line at a {mfg} company in {theZone}",
            "Aerial view of an industrial park in {theZone}",
            "The {industry} industrial park in {theZone}",
            "New standard factory buildings in {theZone}");
    List<String> authors =
        List.of(
            "Wang Xiaoning",
            "Li Siyuan",
            "Zhang Yutong",
            "Chen Jiayi",
            "Liu Junjie",
            "Zhou Zihan",
            "Xu Jingwen",
            "Lin Haoyu",
            "Gao Wenbo",
            "Luo Xiaoxue",
            "Emily Carter",
            "Daniel Hughes",
            "Sophie Martin",
            "Lukas Becker",
            "Olivia Bennett",
            "James Whitfield",
            "Hannah Schmidt",
            "Michael Tan",
            "Grace Lin",
            "Thomas Reed");
    return new Phrasebook(kinds, shared, closings, generalBullets, captions, authors);
  }
}
