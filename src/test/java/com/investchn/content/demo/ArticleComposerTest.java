package com.investchn.content.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.investchn.content.demo.ArticleComposer.ArticleDraft;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ArticleComposerTest {

  private static final List<String> CATEGORY_SLUGS =
      List.of(
          "zone-news",
          "text-news",
          "photo-news",
          "investment-news",
          "industry-trends",
          "foreign-investment",
          "policies",
          "investment-projects",
          "events");

  /** Zone and publisher names, including the longest ones in the demo zones. */
  private static final List<String[]> ZONES =
      List.of(
          new String[] {
            "大兴区", "Daxing District", "北京经济技术开发区", "Beijing Economic-Technological Development Area"
          },
          new String[] {
            "南山区",
            "Nanshan District",
            "中国（广东）自由贸易试验区深圳前海蛇口片区",
            "Qianhai & Shekou Area of China (Guangdong) Pilot Free Trade Zone"
          },
          new String[] {"苏州工业园区", "China-Singapore Suzhou Industrial Park", null, null},
          new String[] {
            "中国（上海）自由贸易试验区临港新片区",
            "Lingang Special Area of China (Shanghai) Pilot Free Trade Zone",
            null,
            null
          });

  private static final LocalDate DATE = LocalDate.of(2024, 5, 20);
  private static final Pattern PARAGRAPH = Pattern.compile("<p>(.*?)</p>");
  private static final Pattern LATIN = Pattern.compile("[A-Za-z]");

  private final ArticleComposer composer = new ArticleComposer();

  @Test
  void sameSeedGivesIdenticalArticle() {
    for (String slug : CATEGORY_SLUGS) {
      for (boolean english : new boolean[] {false, true}) {
        ArticleDraft first = compose(new Random(42), slug, ZONES.get(0), english);
        ArticleDraft second = compose(new Random(42), slug, ZONES.get(0), english);
        assertEquals(first, second, slug);
      }
    }
  }

  @Test
  void differentSeedsGiveDifferentArticles() {
    ArticleDraft first = compose(new Random(1), "text-news", ZONES.get(0), false);
    ArticleDraft second = compose(new Random(2), "text-news", ZONES.get(0), false);
    assertNotEquals(first.bodyHtml(), second.bodyHtml());
  }

  @Test
  void titlesFitLengthLimitsForEveryCategoryLanguageAndZone() {
    Random random = new Random(7);
    for (String slug : CATEGORY_SLUGS) {
      for (String[] zone : ZONES) {
        for (boolean english : new boolean[] {false, true}) {
          for (int i = 0; i < 40; i++) {
            String title = compose(random, slug, zone, english).title();
            assertFalse(title.isBlank(), slug);
            int length = title.codePointCount(0, title.length());
            if (english) {
              assertTrue(length <= ArticleComposer.MAX_TITLE_LENGTH_EN, title);
            } else {
              assertTrue(length >= ArticleComposer.MIN_TITLE_LENGTH_CN, title);
              assertTrue(length <= ArticleComposer.MAX_TITLE_LENGTH_CN, title);
            }
            assertTrue(length <= 200, title);
          }
        }
      }
    }
  }

  @Test
  void bodyHasThreeToSixTextParagraphsAndNamesTheZone() {
    Random random = new Random(11);
    for (String slug : CATEGORY_SLUGS) {
      for (String[] zone : ZONES) {
        for (boolean english : new boolean[] {false, true}) {
          for (int i = 0; i < 20; i++) {
            ArticleDraft draft = compose(random, slug, zone, english);
            String body = draft.bodyHtml();
            long textParagraphs =
                PARAGRAPH
                    .matcher(body)
                    .results()
                    .filter(m -> !m.group(1).startsWith("<img"))
                    .count();
            assertTrue(textParagraphs >= 3 && textParagraphs <= 6, body);
            String zoneName = ArticleComposer.escape(english ? zone[1] : zone[0]);
            String title = ArticleComposer.escape(draft.title());
            assertTrue(title.contains(zoneName) || body.contains(zoneName), body);
          }
        }
      }
    }
  }

  @Test
  void chineseParagraphsStayWithinLengthBounds() {
    Random random = new Random(13);
    for (String slug : CATEGORY_SLUGS) {
      for (String[] zone : ZONES) {
        for (int i = 0; i < 20; i++) {
          Matcher paragraphs = PARAGRAPH.matcher(compose(random, slug, zone, false).bodyHtml());
          while (paragraphs.find()) {
            String text = paragraphs.group(1);
            if (text.startsWith("<img")) {
              continue;
            }
            int length = text.codePointCount(0, text.length());
            assertTrue(
                length >= ArticleComposer.MIN_PARAGRAPH_LENGTH_CN
                    && length <= ArticleComposer.MAX_PARAGRAPH_LENGTH_CN,
                text);
          }
        }
      }
    }
  }

  @Test
  void photoNewsStartsWithAnImage() {
    Random random = new Random(17);
    for (boolean english : new boolean[] {false, true}) {
      for (int i = 0; i < 20; i++) {
        String body =
            compose(random, "photo-news", ZONES.get(i % ZONES.size()), english).bodyHtml();
        assertTrue(body.startsWith("<p><img src=\"https://static.investchn.com/images/"), body);
        assertTrue(body.contains(".jpg\" alt=\""), body);
      }
    }
  }

  @Test
  void insertedNamesAreEscapedInTheBody() {
    String[] zone = {"A&B<区>", "A&B <Zone>", "C&D\"开发区\"", "C&D \"Zone\""};
    Random random = new Random(19);
    for (String slug : CATEGORY_SLUGS) {
      for (boolean english : new boolean[] {false, true}) {
        String body = compose(random, slug, zone, english).bodyHtml();
        assertFalse(body.contains("<区>") || body.contains("<Zone>"), body);
        assertFalse(Pattern.compile("&(?!amp;|lt;|gt;|quot;|#39;)").matcher(body).find(), body);
      }
    }
  }

  @Test
  void sourceIsPresentAndAuthorIsSometimesMissing() {
    Random random = new Random(23);
    int withoutAuthor = 0;
    for (int i = 0; i < 200; i++) {
      ArticleDraft draft =
          compose(random, CATEGORY_SLUGS.get(i % CATEGORY_SLUGS.size()), ZONES.get(0), i % 2 == 0);
      assertFalse(draft.source().isBlank());
      assertFalse(draft.source().contains("新华社"), draft.source());
      if (draft.author() == null) {
        withoutAuthor++;
      } else {
        assertFalse(draft.author().isBlank());
      }
    }
    assertTrue(withoutAuthor > 50 && withoutAuthor < 150, "without author: " + withoutAuthor);
  }

  @Test
  void threeHundredArticlesHaveMostlyDistinctTitles() {
    Random random = new Random(2024);
    Set<String> titles = new HashSet<>();
    for (int i = 0; i < 300; i++) {
      String slug = CATEGORY_SLUGS.get(i % CATEGORY_SLUGS.size());
      titles.add(compose(random, slug, ZONES.get(0), false).title());
    }
    assertTrue(titles.size() >= 200, "distinct titles: " + titles.size());
  }

  @Test
  void chineseArticlesAreWrittenInChinese() {
    Random random = new Random(29);
    for (String slug : CATEGORY_SLUGS) {
      for (String[] zone : ZONES) {
        for (int i = 0; i < 10; i++) {
          ArticleDraft draft = compose(random, slug, zone, false);
          // Image addresses and alt attributes are markup, not prose.
          String prose = draft.title() + draft.bodyHtml().replaceAll("<[^>]*>", "");
          assertFalse(LATIN.matcher(prose).find(), prose);
          assertTrue(prose.codePoints().filter(c -> c >= 0x4E00 && c <= 0x9FFF).count() > 100);
        }
      }
    }
  }

  @Test
  void aPlaceholderTypoInAPhrasebookFailsWhenTheComposerIsBuilt() {
    IllegalStateException failure =
        assertThrows(
            IllegalStateException.class,
            () ->
                new ArticleComposer(
                    replacing(ArticleComposer.PHRASES_ZH, "{industry2}", "{industri2}")));
    assertTrue(failure.getMessage().contains(ArticleComposer.PHRASES_ZH), failure.getMessage());
    assertTrue(failure.getMessage().contains("{industri2}"), failure.getMessage());
  }

  @Test
  void aPhrasebookWithoutAKindOfArticleIsRefused() {
    IllegalStateException failure =
        assertThrows(
            IllegalStateException.class,
            () ->
                new ArticleComposer(
                    replacing(ArticleComposer.PHRASES_EN, "\"policy\":", "\"policies\":")));
    assertTrue(failure.getMessage().contains(ArticleComposer.PHRASES_EN), failure.getMessage());
    assertTrue(failure.getMessage().contains("policy"), failure.getMessage());
  }

  @Test
  void aMissingPoolFileIsNamed() {
    IllegalStateException failure =
        assertThrows(
            IllegalStateException.class,
            () ->
                new ArticleComposer(
                    name ->
                        name.equals(ArticleComposer.VOCABULARY)
                            ? null
                            : getClass().getClassLoader().getResourceAsStream(name)));
    assertTrue(failure.getMessage().contains(ArticleComposer.VOCABULARY), failure.getMessage());
  }

  /** The class-path resources, with one text replaced in one file. */
  private static Function<String, InputStream> replacing(String file, String from, String to) {
    return name -> {
      try (InputStream in = ArticleComposerTest.class.getClassLoader().getResourceAsStream(name)) {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        if (name.equals(file)) {
          assertTrue(text.contains(from), from);
          text = text.replace(from, to);
        }
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  private ArticleDraft compose(Random random, String slug, String[] zone, boolean english) {
    return composer.compose(random, slug, zone[0], zone[1], zone[2], zone[3], DATE, english);
  }
}
