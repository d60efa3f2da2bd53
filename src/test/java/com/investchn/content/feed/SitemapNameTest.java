package com.investchn.content.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The split rule and the one name of each sitemap file. */
class SitemapNameTest {

  private static final YearMonth JUNE = YearMonth.of(2024, 6);

  @Test
  void aMonthUpToTheCapIsOneFileAndEachFurtherCapStartsAPart() {
    assertEquals(List.of("articles-2024-06.xml"), names(1, 50_000));
    assertEquals(List.of("articles-2024-06.xml"), names(50_000, 50_000));
    assertEquals(List.of("articles-2024-06.xml", "articles-2024-06-2.xml"), names(50_001, 50_000));
    assertEquals(
        List.of("articles-2024-06.xml", "articles-2024-06-2.xml", "articles-2024-06-3.xml"),
        names(9, 4));
    assertEquals(0, new SitemapName(JUNE, 1).skip(4));
    assertEquals(4, new SitemapName(JUNE, 2).skip(4));
    assertEquals(100_000, new SitemapName(JUNE, 3).skip(50_000));
  }

  @Test
  void everyListedNameParsesBackToItself() {
    for (String name : names(12, 5)) {
      assertEquals(name, SitemapName.parse(name).orElseThrow().fileName());
    }
    assertEquals(
        Optional.of(new SitemapName(YearMonth.of(1999, 12), 1)),
        SitemapName.parse("articles-1999-12.xml"));
  }

  @Test
  void malformedNamesAndSecondNamesAreRefused() {
    for (String name :
        List.of(
            "articles-2024-13.xml",
            "articles-2024-00.xml",
            "articles-2024-6.xml",
            "articles-2024-06-1.xml",
            "articles-2024-06-0.xml",
            "articles-2024-06-02.xml",
            "articles-2024-06.XML",
            "articles-2024-06.xml.gz",
            "Articles-2024-06.xml",
            "articles-2024-06-9999999.xml",
            "",
            "x".repeat(5000))) {
      assertTrue(SitemapName.parse(name).isEmpty(), name);
    }
  }

  private static List<String> names(long articles, int cap) {
    return SitemapName.parts(JUNE, articles, cap).stream().map(SitemapName::fileName).toList();
  }
}
