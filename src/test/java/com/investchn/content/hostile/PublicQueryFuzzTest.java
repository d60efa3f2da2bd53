package com.investchn.content.hostile;

import com.investchn.content.hostile.HostileValues.Encoding;
import com.investchn.content.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

/**
 * Every query parameter and path parameter of every public GET endpoint, fed hostile strings: each
 * answer is a 2xx/3xx or a 4xx problem+json, never a 5xx or a stack trace, and the service answers
 * GET /api/v1/site afterwards.
 *
 * <p>Why a Jupiter {@code @QuarkusTest} that draws from jqwik arbitraries rather than jqwik
 * {@code @Property} methods: jqwik is its own JUnit Platform engine and does not run Jupiter
 * extensions, so a property cannot start Quarkus or get its injected fixtures, and starting the
 * packaged jar per property class would cost a build and a JVM. Here Quarkus starts once (shared
 * with every other {@code @QuarkusTest} of the same profile), and jqwik's generators are used
 * programmatically with a {@code java.util.Random} seeded from hostile.seed (default 20261203) and
 * the group name, so a failure names the seed and the try, prints the exact request, and reruns
 * identically. What this gives up is shrinking; the pure parsers are checked by real jqwik
 * properties, with shrinking, in {@link ParserPropertiesTest}.
 */
@QuarkusTest
class PublicQueryFuzzTest extends ApiTest {

  private static final List<String> CATEGORIES = List.of("zone-news", "text-news", "policies", "1");
  private static final List<String> ZONES =
      List.of("daxing", "beijing", "beijing-etdz", "suzhou-industrial-park", "2");
  private static final List<String> DATES =
      List.of("2024-06-21", "2024-06-21T09:30:00+08:00", "2024-06-21T01:30:00Z", "2020-01-01");
  private static final List<String> ARTICLES =
      List.of("a1-etdz-signing", "a10-daxing-english", "d1-daxing-draft", "1");

  /** The filters GET /articles, /adjacent and /search share. */
  private static final Map<String, List<String>> LIST_FILTERS = new LinkedHashMap<>();

  static {
    LIST_FILTERS.put("category", CATEGORIES);
    LIST_FILTERS.put("zone", ZONES);
    LIST_FILTERS.put("publisherZone", List.of("beijing-etdz", "kunshan-hitech"));
    LIST_FILTERS.put("source", List.of("大兴区融媒体中心", "Xinhua"));
    LIST_FILTERS.put("from", DATES);
    LIST_FILTERS.put("to", DATES);
    LIST_FILTERS.put("sort", List.of("publishedAt,desc", "publishedAt,asc"));
  }

  private static final Map<String, List<String>> PAGING =
      Map.of(
          "page", List.of("1", "2", "100"), "size", List.of("1", "20", "100"), "cursor", List.of());

  /** Names no endpoint declares, some close to one that it does. */
  private static final List<String> UNKNOWN =
      List.of(
          "unknown", "Category", "category ", "page[]", "size\u0000", "", "utm_source", "q\u202E");

  private final Fuzzing fuzzing = new Fuzzing();

  @Test
  void theSiteAndTheTreesTakeNoParameterAndRefuseAnyCleanly() {
    fuzz("site", "/api/v1/site", Map.of());
    fuzz("zone tree", "/api/v1/zones/tree", Map.of());
    fuzz("category tree", "/api/v1/categories", Map.of());
  }

  @Test
  void theZoneListSurvivesHostileFiltersAndPaging() {
    Map<String, List<String>> params = new LinkedHashMap<>(PAGING);
    params.put("parent", ZONES);
    params.put("kind", List.of("province", "city", "district", "development_zone"));
    params.put("level", List.of("national", "provincial"));
    fuzz("zone list", "/api/v1/zones", params);
  }

  @Test
  void zoneAndCategoryItemsSurviveHostileIdsAndSlugs() {
    fuzzPath("zone item", "/api/v1/zones/", ZONES, "", Map.of());
    fuzzPath("category item", "/api/v1/categories/", CATEGORIES, "", Map.of());
  }

  @Test
  void theArticleListSurvivesHostileFiltersSortAndPaging() {
    Map<String, List<String>> params = new LinkedHashMap<>(LIST_FILTERS);
    params.putAll(PAGING);
    fuzz("article list", "/api/v1/articles", params);
  }

  @Test
  void articleDetailAndAdjacentSurviveHostileIdsSlugsAndFilters() {
    fuzzPath("article detail", "/api/v1/articles/", ARTICLES, "", Map.of());
    fuzzPath("article adjacent", "/api/v1/articles/", ARTICLES, "/adjacent", LIST_FILTERS);
  }

  @Test
  void searchAndSuggestSurviveHostileQueries() {
    Map<String, List<String>> params = new LinkedHashMap<>(LIST_FILTERS);
    params.putAll(PAGING);
    params.put("q", List.of("大兴", "签约", "park", "ai"));
    fuzz("search", "/api/v1/search", params);
    fuzz("suggest", "/api/v1/search/suggest", Map.of("q", List.of("大", "签约", "Su", "a")));
  }

  @Test
  void theFeedsSurviveHostileFilters() {
    Map<String, List<String>> params = new LinkedHashMap<>(LIST_FILTERS);
    params.remove("sort");
    params.put("limit", List.of("1", "20", "100"));
    for (String feed : List.of("articles.rss", "articles.atom", "articles.json")) {
      fuzz("feed " + feed, "/api/v1/feeds/" + feed, params);
    }
  }

  @Test
  void theSitemapsSurviveHostileNamesAndParameters() {
    fuzz("sitemap index", "/api/v1/sitemap.xml", Map.of());
    fuzzPath(
        "sitemap",
        "/api/v1/sitemaps/",
        List.of("articles-2024-06.xml", "articles-2024-06-1.xml", "articles-2024-06-2.xml"),
        "",
        Map.of());
  }

  @Test
  void theChangeFeedSurvivesHostileCursorsAndFilters() {
    Map<String, List<String>> params = new LinkedHashMap<>();
    params.put("cursor", List.of());
    params.put("limit", List.of("1", "100", "1000"));
    params.put("entity", List.of("article", "zone", "category", "site"));
    params.put("category", CATEGORIES);
    params.put("zone", ZONES);
    fuzz("change feed", "/api/v1/sync", params);
  }

  private void fuzz(String group, String path, Map<String, List<String>> params) {
    Arbitrary<byte[]> target = query(params).map(query -> concat(ascii(path), query));
    fuzzing.run(group, target, this::get);
  }

  private void fuzzPath(
      String group,
      String prefix,
      List<String> valid,
      String suffix,
      Map<String, List<String>> params) {
    Arbitrary<byte[]> segment =
        Combinators.combine(
                HostileValues.around(valid), HostileValues.encodings(), Arbitraries.integers())
            .as((value, encoding, seed) -> HostileValues.encode(value, encoding, seed))
            .filter(bytes -> bytes.length > 0);
    Arbitrary<byte[]> target =
        Combinators.combine(segment, query(params))
            .as(
                (value, query) ->
                    concat(concat(ascii(prefix), value), concat(ascii(suffix), query)));
    fuzzing.run(group, target, this::get);
  }

  private Fuzzing.Exchange get(byte[] target) {
    RawHttp.Answer answer = fuzzing.http().send("GET", target, Map.of("Accept", "*/*"), null);
    return new Fuzzing.Exchange("GET " + Shown.bytes(target), Invariant.isUri(target), answer);
  }

  /** A query string of up to five parameters, declared, unknown or hostile, maybe repeated. */
  private static Arbitrary<byte[]> query(Map<String, List<String>> params) {
    List<String> declared = List.copyOf(params.keySet());
    Arbitrary<String> names =
        declared.isEmpty()
            ? Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(UNKNOWN)), Tuple.of(1, HostileValues.strings()))
            : Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.of(declared)),
                Tuple.of(1, Arbitraries.of(UNKNOWN)),
                Tuple.of(1, HostileValues.strings()));
    Arbitrary<byte[]> pair =
        names.flatMap(
            name ->
                Combinators.combine(
                        HostileValues.around(params.getOrDefault(name, List.of())),
                        HostileValues.encodings(),
                        Arbitraries.integers(),
                        Arbitraries.frequency(Tuple.of(9, true), Tuple.of(1, false)))
                    .as(
                        (value, encoding, seed, withEquals) -> {
                          byte[] encodedName = HostileValues.encode(name, Encoding.PERCENT, seed);
                          if (!withEquals) {
                            return encodedName;
                          }
                          return concat(
                              concat(encodedName, ascii("=")),
                              HostileValues.encode(value, encoding, seed));
                        }));
    return pair.list()
        .ofMaxSize(5)
        .map(
            pairs -> {
              if (pairs.isEmpty()) {
                return new byte[0];
              }
              ByteArrayOutputStream out = new ByteArrayOutputStream();
              out.write('?');
              for (int i = 0; i < pairs.size(); i++) {
                if (i > 0) {
                  out.write('&');
                }
                out.writeBytes(pairs.get(i));
              }
              return out.toByteArray();
            });
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }
}
