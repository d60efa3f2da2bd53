package com.investchn.content.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every public read the benchmark drives. A scenario is a name, a line saying what it reads, and
 * how to find its concrete URL on the running service (a cursor, a slug or an ETag is asked of the
 * service itself, so the harness needs nothing but HTTP). To add a read, add a line to {@link
 * #all()}; reads of endpoints that may not exist yet are {@code optional} and skipped while the
 * service answers 404.
 */
final class ReadScenarios {

  /** Page size of every list read, as the portal's pages use it. */
  static final int SIZE = 20;

  private static final String ARTICLES = "/api/v1/articles?size=" + SIZE;

  private ReadScenarios() {}

  /** One read: {@code optional} ones are skipped with a note when the service answers 404. */
  record Scenario(String name, String description, boolean optional, Resolver resolver) {}

  /** Finds the request to drive, or why it cannot be driven on this service and data set. */
  @FunctionalInterface
  interface Resolver {
    Target resolve(Probe probe) throws IOException, InterruptedException;
  }

  /**
   * The request to drive. {@code baseline} is the body nginx serves for a conditional request (the
   * answer to the unconditional one); {@code skip} says why there is nothing to drive.
   */
  record Target(String path, Map<String, String> headers, byte[] baseline, String skip) {
    static Target of(String path) {
      return new Target(path, Map.of(), null, null);
    }

    static Target skipped(String reason) {
      return new Target(null, Map.of(), null, reason);
    }

    boolean conditional() {
      return baseline != null;
    }
  }

  /** A scenario ready to be driven, with the exact body the service gave for it. */
  record Resolved(Scenario scenario, Target target, byte[] body, int status, String note) {
    String name() {
      return scenario.name();
    }
  }

  /** A scenario that will not be driven, and why. */
  record Skipped(Scenario scenario, String reason) {}

  static List<Scenario> all() {
    List<Scenario> all = new ArrayList<>();
    all.add(plain("site", "`GET /api/v1/site` (the yardstick of every ratio)", "/api/v1/site"));
    all.add(plain("zones-tree", "`GET /api/v1/zones/tree`", "/api/v1/zones/tree"));
    all.add(plain("zones-list", "`GET /api/v1/zones` (first page, flat)", "/api/v1/zones"));
    String zone = "/api/v1/zones/" + PortalDataset.ZONE_WITH_DESCENDANTS;
    all.add(plain("zone", "`GET " + zone + "` (one zone, ancestors, children)", zone));
    all.add(
        plain("categories", "`GET /api/v1/categories` (the channel tree)", "/api/v1/categories"));
    String category = "/api/v1/categories/" + PortalDataset.TOP_CATEGORY;
    all.add(plain("category", "`GET " + category + "` (one channel)", category));
    all.add(plain("newest-20", "`GET " + ARTICLES + "` (newest 20)", ARTICLES));
    all.add(
        list(
            "top-category",
            "category=" + PortalDataset.TOP_CATEGORY,
            "a top channel with its 3 children"));
    all.add(list("leaf-category", "category=" + PortalDataset.LEAF_CATEGORY, "a leaf channel"));
    all.add(
        list(
            "zone-subtree",
            "zone=" + PortalDataset.ZONE_WITH_DESCENDANTS,
            "a province with its cities, districts and zones"));
    all.add(
        list(
            "publisher-zone",
            "publisherZone=" + PortalDataset.PUBLISHER_ZONE,
            "one publishing development zone"));
    all.add(
        list(
            "from-to",
            "from=" + PortalDataset.RANGE_FROM + "&to=" + PortalDataset.RANGE_TO,
            "one month"));
    all.add(
        list(
            "fields-list",
            "fields=id,slug,title,publishedAt,zone",
            "the newest 20 with the fields a list view needs"));
    all.add(list("updated-desc", "sort=updatedAt,desc", "the 20 most recently changed"));
    for (int page : new int[] {1, 401, 4001}) {
      all.add(page(page));
    }
    for (int page : new int[] {401, 4001}) {
      all.add(cursor(page));
    }
    all.add(
        new Scenario(
            "detail",
            "`GET /api/v1/articles/{slug}` (an article from the middle of the top channel)",
            false,
            probe -> Target.of(probe.detailPath())));
    all.add(
        new Scenario(
            "adjacent",
            "`GET /api/v1/articles/{slug}/adjacent?category=" + PortalDataset.TOP_CATEGORY + "`",
            false,
            probe ->
                Target.of(
                    probe.detailPath() + "/adjacent?category=" + PortalDataset.TOP_CATEGORY)));
    all.add(revalidation("site-304", "/api/v1/site", probe -> "/api/v1/site"));
    all.add(revalidation("newest-20-304", ARTICLES, probe -> ARTICLES));
    all.add(revalidation("detail-304", "/api/v1/articles/{slug}", Probe::detailPath));
    // Reads of later issues: skipped while the service answers 404.
    String feed = "/api/v1/feeds/articles";
    all.add(optional("feed-rss", feed + ".rss"));
    all.add(optional("feed-atom", feed + ".atom"));
    all.add(optional("feed-json", feed + ".json"));
    all.add(optional("feed-rss-filtered", feed + ".rss?category=" + PortalDataset.TOP_CATEGORY));
    all.add(optional("sitemap", "/api/v1/sitemap.xml"));
    all.add(optional("sync", "/api/v1/sync"));
    all.add(optional("search", "/api/v1/search?q=" + encode("集成电路")));
    all.add(optional("search-suggest", "/api/v1/search/suggest?q=" + encode("开发")));
    return all;
  }

  /**
   * Resolves each scenario against the service: asks for its URL once, keeps the body (for nginx)
   * and sorts out what cannot be driven.
   */
  static List<Resolved> resolve(List<Scenario> scenarios, Probe probe, List<Skipped> skipped)
      throws IOException, InterruptedException {
    List<Resolved> resolved = new ArrayList<>();
    for (Scenario scenario : scenarios) {
      Target target = scenario.resolver().resolve(probe);
      if (target.skip() != null) {
        skipped.add(new Skipped(scenario, target.skip()));
        continue;
      }
      Http.Answer answer = probe.get(target.path(), target.headers());
      if (answer.status() == 404 && scenario.optional()) {
        skipped.add(new Skipped(scenario, "`" + target.path() + "` answers 404 (not built yet)"));
        continue;
      }
      if (answer.status() >= 400) {
        skipped.add(
            new Skipped(
                scenario,
                "UNEXPECTED: `"
                    + target.path()
                    + "` answers "
                    + answer.status()
                    + ": "
                    + abbreviate(answer.text(), 200)));
        continue;
      }
      String note = null;
      if (target.conditional() && answer.status() != 304) {
        note = "answers " + answer.status() + " to its own ETag, not 304";
      }
      byte[] body = target.conditional() ? target.baseline() : answer.body();
      resolved.add(new Resolved(scenario, target, body, answer.status(), note));
    }
    return resolved;
  }

  private static Scenario plain(String name, String description, String path) {
    return new Scenario(name, description, false, probe -> Target.of(path));
  }

  private static Scenario optional(String name, String path) {
    return new Scenario(name, "`GET " + path + "`", true, probe -> Target.of(path));
  }

  private static Scenario list(String name, String filter, String what) {
    String path = ARTICLES + "&" + filter;
    return new Scenario(name, "`GET " + path + "` (" + what + ")", false, probe -> Target.of(path));
  }

  /** Page {@code page} by number: an OFFSET of (page - 1) * 20. */
  private static Scenario page(int page) {
    String path = "/api/v1/articles?page=" + page + "&size=" + SIZE;
    return new Scenario(
        "page-" + page,
        "`GET " + path + "`",
        false,
        probe -> probe.tooFewPages(page).map(Target::skipped).orElseGet(() -> Target.of(path)));
  }

  /** The same depth as page {@code page}, by the nextCursor of the page before it. */
  private static Scenario cursor(int page) {
    int depth = (page - 1) * SIZE;
    return new Scenario(
        "cursor-" + depth,
        "`GET " + ARTICLES + "&cursor=…` (the nextCursor of page " + (page - 1) + ")",
        false,
        probe -> {
          Optional<String> tooFew = probe.tooFewPages(page);
          if (tooFew.isPresent()) {
            return Target.skipped(tooFew.get());
          }
          JsonNode before = probe.json("/api/v1/articles?page=" + (page - 1) + "&size=" + SIZE);
          String cursor = before.path("nextCursor").asText(null);
          if (cursor == null) {
            return Target.skipped("page " + (page - 1) + " has no nextCursor");
          }
          return Target.of(ARTICLES + "&cursor=" + encode(cursor));
        });
  }

  /**
   * {@code If-None-Match} with the ETag the same URL answered a moment before; skipped while
   * answers carry no ETag.
   */
  private static Scenario revalidation(String name, String shown, PathOf path) {
    return new Scenario(
        name,
        "`GET " + shown + "` with `If-None-Match: <its ETag>` (304)",
        false,
        probe -> {
          String url = path.of(probe);
          Http.Answer first = probe.get(url, Map.of());
          Optional<String> etag = first.header("ETag");
          if (first.status() != 200 || etag.isEmpty()) {
            return Target.skipped(
                "`"
                    + url
                    + "` answers "
                    + first.status()
                    + " with no ETag (conditional requests"
                    + " are not built yet)");
          }
          return new Target(url, Map.of("If-None-Match", etag.get()), first.body(), null);
        });
  }

  @FunctionalInterface
  private interface PathOf {
    String of(Probe probe) throws IOException, InterruptedException;
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static String abbreviate(String text, int length) {
    String flat = text.replaceAll("\\s+", " ").strip();
    return flat.length() <= length ? flat : flat.substring(0, length) + "…";
  }

  /** Asks the running service what the scenarios need, remembering what it asked before. */
  static final class Probe {
    private final Http http;
    private final int port;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, JsonNode> seen = new LinkedHashMap<>();
    private String detailPath;

    Probe(Http http, int port) {
      this.http = http;
      this.port = port;
    }

    Http.Answer get(String path, Map<String, String> headers)
        throws IOException, InterruptedException {
      return http.get(port, path, headers);
    }

    JsonNode json(String path) throws IOException, InterruptedException {
      JsonNode known = seen.get(path);
      if (known != null) {
        return known;
      }
      Http.Answer answer = get(path, Map.of());
      if (answer.status() != 200) {
        throw new IllegalStateException(
            path + " answered " + answer.status() + ": " + abbreviate(answer.text(), 300));
      }
      JsonNode node = json.readTree(answer.body());
      seen.put(path, node);
      return node;
    }

    /** Why page {@code page} of the newest list does not exist, if it does not. */
    Optional<String> tooFewPages(int page) throws IOException, InterruptedException {
      JsonNode first = json(ARTICLES);
      long pages = first.path("totalPages").asLong();
      if (pages >= page) {
        return Optional.empty();
      }
      return Optional.of(
          "page "
              + page
              + " needs more than "
              + (long) (page - 1) * SIZE
              + " public articles; the data set has "
              + first.path("totalItems").asLong());
    }

    /** The article in the middle of the top channel's list. */
    String detailPath() throws IOException, InterruptedException {
      if (detailPath == null) {
        String list = ARTICLES + "&category=" + PortalDataset.TOP_CATEGORY;
        long pages = json(list).path("totalPages").asLong();
        JsonNode middle = json(list + "&page=" + Math.max(1, (pages + 1) / 2));
        String slug = middle.path("items").path(0).path("slug").asText(null);
        if (slug == null) {
          throw new IllegalStateException("the top channel " + list + " has no articles");
        }
        detailPath = "/api/v1/articles/" + slug;
      }
      return detailPath;
    }
  }
}
