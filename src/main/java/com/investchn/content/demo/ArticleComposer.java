package com.investchn.content.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Composes plausible, entirely invented demo news articles from the phrase pools in {@code
 * src/main/resources/demo/}: {@code vocabulary.json} (industries, project types, countries and
 * cities, each in Chinese and English) and one phrasebook per language, {@code phrases-zh.json} and
 * {@code phrases-en.json}. A phrasebook holds, per kind of article, stories (a title with the lead
 * sentence that reports it), body fragments, subheadings and list items, plus the sentences,
 * closing lines, list items, image captions and author names every kind shares. Templates name
 * per-article facts in braces ({@code {zone}}, {@code {amount}}, ...); the pools are read and
 * checked once, when the composer is built, so a typo in a placeholder fails at start-up rather
 * than in one article.
 */
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

    /** The kind's key in the {@code kinds} object of a phrasebook file. */
    String key() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

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

  /**
   * One language's phrase pools, as read from its file; {@code kinds} is keyed by {@link Kind#key}.
   */
  private record Phrasebook(
      Map<String, KindPool> kinds,
      List<String> shared,
      List<String> closings,
      List<String> generalBullets,
      List<String> captions,
      List<String> authors) {}

  private record Term(String cn, String en) {}

  private record Country(String cn, String en, String adjective) {}

  /**
   * The words an article is built around. {@code manufacturing} lists only the industries for which
   * factories, production lines and production bases make sense; every English country {@code
   * adjective} is read with a consonant sound, so that "a {countryAdj} company" is right.
   */
  private record Vocabulary(
      List<Term> industries,
      List<Term> manufacturing,
      List<Term> projectTypes,
      List<Country> countries,
      List<Term> cities) {}

  static final String VOCABULARY = "demo/vocabulary.json";
  static final String PHRASES_ZH = "demo/phrases-zh.json";
  static final String PHRASES_EN = "demo/phrases-en.json";

  private static final int[] FUND_WAN = {50_000, 100_000, 200_000, 300_000, 500_000, 1_000_000};
  private static final int[] REWARD_WAN = {500, 1_000, 2_000, 3_000, 5_000};
  private static final int[] HOUSING_WAN = {50, 100, 200, 300};

  private final Vocabulary vocabulary;
  private final Phrasebook chinese;
  private final Phrasebook english;

  /** Reads and checks the phrase pools from the class path. */
  ArticleComposer() {
    this(ArticleComposer.class.getClassLoader()::getResourceAsStream);
  }

  /** Reads and checks the phrase pools from {@code resources}, which opens one by name. */
  ArticleComposer(Function<String, InputStream> resources) {
    ObjectMapper json = new ObjectMapper();
    this.vocabulary = read(json, resources, VOCABULARY, Vocabulary.class);
    this.chinese = read(json, resources, PHRASES_ZH, Phrasebook.class);
    this.english = read(json, resources, PHRASES_EN, Phrasebook.class);
    checkVocabulary();
    check(PHRASES_ZH, chinese, false);
    check(PHRASES_EN, english, true);
  }

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
    Phrasebook book = english ? this.english : chinese;
    String zone = english ? orElse(zoneNameEn, zoneName) : zoneName;
    // A missing English zone name falls back to Chinese because the zone must be named; a missing
    // English publisher name just drops the publisher, which is optional anyway.
    String publisher = blankToNull(english ? publisherZoneNameEn : publisherZoneName);

    Map<String, String> vars = variables(random, english, zone, publisher, date);
    KindPool pool = book.kinds().get(kind.key());
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

  private Map<String, String> variables(
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

    List<Term> industries = new ArrayList<>(vocabulary.industries());
    Collections.shuffle(industries, random);
    putTerm(vars, "industry", industries.get(0), english);
    putTerm(vars, "industry2", industries.get(1), english);
    putTerm(vars, "industry3", industries.get(2), english);
    putTerm(vars, "mfg", pick(random, vocabulary.manufacturing()), english);
    putTerm(vars, "projectType", pick(random, vocabulary.projectTypes()), english);
    List<Country> countries = new ArrayList<>(vocabulary.countries());
    Collections.shuffle(countries, random);
    vars.put("country", english ? countries.get(0).en() : countries.get(0).cn());
    vars.put("country2", english ? countries.get(1).en() : countries.get(1).cn());
    vars.put("countryAdj", countries.get(0).adjective());
    vars.put("CountryAdj", countries.get(0).adjective());
    // A zone should not travel to its own city for an out-of-town promotion.
    List<Term> cities = new ArrayList<>();
    for (Term city : vocabulary.cities()) {
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

  // ---------------------------------------------------------------------------------------------
  // Loading and checking the pools

  private static <T> T read(
      ObjectMapper json, Function<String, InputStream> resources, String resource, Class<T> type) {
    try (InputStream in = resources.apply(resource)) {
      if (in == null) {
        throw new IllegalStateException("Demo resource missing: " + resource);
      }
      return json.readValue(in, type);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read demo resource " + resource, e);
    }
  }

  private void checkVocabulary() {
    // Three distinct industries and two countries per article; a zone never travels to its own
    // city, so one city must remain whatever the zone is called.
    require(vocabulary.industries(), 3, VOCABULARY, "industries");
    require(vocabulary.manufacturing(), 1, VOCABULARY, "manufacturing");
    require(vocabulary.projectTypes(), 1, VOCABULARY, "projectTypes");
    require(vocabulary.countries(), 2, VOCABULARY, "countries");
    require(vocabulary.cities(), 2, VOCABULARY, "cities");
  }

  private void check(String resource, Phrasebook book, boolean english) {
    Set<String> expected = new TreeSet<>();
    for (Kind kind : Kind.values()) {
      expected.add(kind.key());
    }
    if (book.kinds() == null || !expected.equals(new TreeSet<>(book.kinds().keySet()))) {
      throw new IllegalStateException(
          resource
              + ": \"kinds\" must have exactly "
              + expected
              + ", has "
              + (book.kinds() == null ? "none" : new TreeSet<>(book.kinds().keySet())));
    }
    // The names of the facts are the same for every article, so one draw tells them all.
    Set<String> known =
        variables(new Random(0), english, "zone", "publisher", LocalDate.of(2024, 1, 1)).keySet();
    List<String> templates = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      KindPool pool = book.kinds().get(kind.key());
      String where = "kinds." + kind.key() + ".";
      require(pool.stories(), 1, resource, where + "stories");
      require(pool.fragments(), 1, resource, where + "fragments");
      require(pool.headings(), 1, resource, where + "headings");
      require(pool.bullets(), 0, resource, where + "bullets");
      for (Story story : pool.stories()) {
        templates.add(story.title());
        templates.add(story.lead());
      }
      templates.addAll(pool.fragments());
      templates.addAll(pool.headings());
      templates.addAll(pool.bullets());
    }
    require(book.shared(), 1, resource, "shared");
    require(book.closings(), 1, resource, "closings");
    require(book.generalBullets(), 1, resource, "generalBullets");
    require(book.captions(), 1, resource, "captions");
    require(book.authors(), 1, resource, "authors");
    templates.addAll(book.shared());
    templates.addAll(book.closings());
    templates.addAll(book.generalBullets());
    templates.addAll(book.captions());
    for (String template : templates) {
      if (template == null || template.isBlank()) {
        throw new IllegalStateException(resource + ": a phrase is blank");
      }
      for (int open = template.indexOf('{'); open >= 0; open = template.indexOf('{', open + 1)) {
        int close = template.indexOf('}', open);
        if (close < 0 || !known.contains(template.substring(open + 1, close))) {
          throw new IllegalStateException(
              resource
                  + ": unknown placeholder at \""
                  + template.substring(open)
                  + "\" in: "
                  + template);
        }
      }
    }
  }

  private static void require(List<?> items, int minimum, String resource, String field) {
    if (items == null || items.size() < minimum) {
      throw new IllegalStateException(
          resource + ": \"" + field + "\" needs at least " + minimum + " entries");
    }
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
}
