package com.investchn.content.demo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Reads the hand-written demo data files in {@code src/main/resources/demo/}. */
final class DemoResources {

  /** A zone of {@code zones.json}; parents come before their children. */
  record ZoneSeed(
      String slug,
      String name,
      String nameEn,
      String kind,
      String level,
      String type,
      String parent) {}

  /** A channel of {@code categories.json}; parents come before their children. */
  record CategorySeed(
      String slug, String name, String nameEn, String parent, int position, boolean zoneScoped) {}

  /**
   * An article of {@code reference-articles.json}: the article of the reference page and its two
   * neighbours, written out in full; {@code body} is its HTML blocks, one per entry.
   */
  record ReferenceArticle(
      String slug,
      String title,
      List<String> body,
      String source,
      String author,
      String publishedAt,
      String category,
      String zone,
      String publisherZone) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private DemoResources() {}

  static List<ZoneSeed> zones() {
    return read("demo/zones.json", new TypeReference<>() {});
  }

  static List<CategorySeed> categories() {
    return read("demo/categories.json", new TypeReference<>() {});
  }

  static List<ReferenceArticle> referenceArticles() {
    return read("demo/reference-articles.json", new TypeReference<>() {});
  }

  private static <T> T read(String resource, TypeReference<T> type) {
    try (InputStream in = DemoResources.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Demo resource missing: " + resource);
      }
      return JSON.readValue(in, type);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read demo resource " + resource, e);
    }
  }
}
