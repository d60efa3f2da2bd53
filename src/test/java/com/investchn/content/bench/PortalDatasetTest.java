package com.investchn.content.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's data set has the shape the issue asks for, and the same seed gives the same
 * bytes.
 */
class PortalDatasetTest {

  private static final int ARTICLES = 2_000;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void sameSeedGivesTheSameBytesAndAnotherSeedOthers() throws IOException {
    byte[] first = readAll(new PortalDataset(300, 7).ndjson());
    byte[] again = readAll(new PortalDataset(300, 7).ndjson());
    byte[] other = readAll(new PortalDataset(300, 8).ndjson());
    assertTrue(java.util.Arrays.equals(first, again));
    assertTrue(!java.util.Arrays.equals(first, other));
  }

  @Test
  void hasTheTreesTheArticlesAndTheEdgeCasesOfARealPortal() throws IOException {
    List<JsonNode> lines = parse(new PortalDataset(ARTICLES, PortalDataset.DEFAULT_SEED));
    assertEquals("site", lines.get(0).path("type").asText());

    Map<String, String> zoneParents = new HashMap<>();
    Map<String, String> categoryParents = new HashMap<>();
    List<JsonNode> articles = new ArrayList<>();
    for (JsonNode line : lines.subList(1, lines.size())) {
      String type = line.path("type").asText();
      String parent = line.path("parent").asText(null);
      switch (type) {
        case "zone" -> {
          assertTrue(parent == null || zoneParents.containsKey(parent), "parents first: " + line);
          zoneParents.put(line.path("slug").asText(), parent);
        }
        case "category" -> {
          assertTrue(
              parent == null || categoryParents.containsKey(parent), "parents first: " + line);
          categoryParents.put(line.path("slug").asText(), parent);
        }
        case "article" -> articles.add(line);
        default -> throw new AssertionError("unexpected line " + line);
      }
    }
    assertTrue(zoneParents.size() >= 20, "zones: " + zoneParents.size());
    assertTrue(depth(zoneParents) >= 3, "zone depth: " + depth(zoneParents));
    assertTrue(categoryParents.size() >= 10, "categories: " + categoryParents.size());
    assertTrue(depth(categoryParents) >= 2, "category depth: " + depth(categoryParents));
    assertTrue(zoneParents.containsKey(PortalDataset.ZONE_WITH_DESCENDANTS));
    assertTrue(zoneParents.containsKey(PortalDataset.PUBLISHER_ZONE));
    assertEquals(null, categoryParents.get(PortalDataset.TOP_CATEGORY));
    assertTrue(categoryParents.containsKey(PortalDataset.LEAF_CATEGORY));
    assertTrue(!categoryParents.containsValue(PortalDataset.LEAF_CATEGORY), "a leaf");

    assertEquals(ARTICLES, articles.size());
    long bodyBytes = 0;
    int drafts = 0;
    int scheduled = 0;
    int ties = 0;
    int withPublisher = 0;
    Set<String> sources = new HashSet<>();
    Set<String> slugs = new HashSet<>();
    OffsetDateTime previous = null;
    OffsetDateTime now = OffsetDateTime.now();
    for (JsonNode article : articles) {
      assertTrue(slugs.add(article.path("slug").asText()), "unique slug");
      assertTrue(zoneParents.containsKey(article.path("zone").asText()));
      assertTrue(categoryParents.containsKey(article.path("category").asText()));
      bodyBytes += article.path("body").asText().getBytes(StandardCharsets.UTF_8).length;
      OffsetDateTime published = OffsetDateTime.parse(article.path("publishedAt").asText());
      if (article.path("status").asText().equals("draft")) {
        drafts++;
      } else if (published.isAfter(now)) {
        scheduled++;
      } else {
        if (published.equals(previous)) {
          ties++;
        }
        previous = published;
      }
      if (!article.path("publisherZone").isNull()) {
        withPublisher++;
      }
      sources.add(article.path("source").asText());
    }
    long averageBody = bodyBytes / ARTICLES;
    assertTrue(averageBody > 2_700 && averageBody < 3_600, "average body bytes: " + averageBody);
    assertTrue(drafts > 0 && drafts < ARTICLES / 50, "drafts: " + drafts);
    assertTrue(scheduled > 0 && scheduled < ARTICLES / 50, "scheduled: " + scheduled);
    assertTrue(ties > ARTICLES / 20, "ties on publishedAt: " + ties);
    assertTrue(withPublisher > ARTICLES / 5, "with a publisher zone: " + withPublisher);
    assertTrue(sources.size() > 10, "sources: " + sources.size());
    assertNotEquals(articles.get(0).path("body").asText(), articles.get(1).path("body").asText());
  }

  private static int depth(Map<String, String> parents) {
    int deepest = 0;
    for (String node : parents.keySet()) {
      int depth = 1;
      for (String up = parents.get(node); up != null; up = parents.get(up)) {
        depth++;
      }
      deepest = Math.max(deepest, depth);
    }
    return deepest;
  }

  private static List<JsonNode> parse(PortalDataset data) throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    for (Iterator<String> it = data.lines(); it.hasNext(); ) {
      lines.add(JSON.readTree(it.next()));
    }
    assertEquals(data.lineCount(), lines.size());
    return lines;
  }

  private static byte[] readAll(InputStream in) throws IOException {
    try (in) {
      return in.readAllBytes();
    }
  }
}
