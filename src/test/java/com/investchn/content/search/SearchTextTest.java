package com.investchn.content.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.investchn.content.common.problem.InvalidParameterException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

/** The query language and the analysis, without a running service. */
class SearchTextTest {

  @Test
  void parsesWordsPhrasesExclusionsAndOr() {
    SearchText text = SearchText.parse("京蒙协作 \"签约 仪式\" -光伏 乳业 OR 牧业 OR");

    assertEquals(
        List.of(List.of("京蒙协作"), List.of("签约 仪式"), List.of("乳业", "牧业"), List.of("OR")),
        text.groups());
    assertEquals(List.of("光伏"), text.exclusions());
  }

  @Test
  void takesEverythingElseAsText() {
    SearchText text = SearchText.parse("title:(a* OR b~) \\ \"unterminated");

    assertEquals(
        List.of(List.of("title:(a*", "b~)"), List.of("\\"), List.of("unterminated")),
        text.groups());
  }

  @Test
  void rejectsBlankOverlongAndOnlyExcludingQueries() {
    for (String q : new String[] {null, "", "   ", "\u3000", "-a -b", "\"\"", "x".repeat(201)}) {
      InvalidParameterException e =
          assertThrows(InvalidParameterException.class, () -> SearchText.parse(q), "" + q);
      assertEquals("q", e.parameter());
    }
    assertEquals(1, SearchText.parse("园".repeat(200)).groups().size());
  }

  @Test
  void indexesChineseAsBigramsAndFoldsWidthCaseAndPlurals() {
    Analyzer analyzer = SearchAnalysis.perField();

    assertEquals(List.of("开发", "发区"), terms(analyzer, "title_bi", "开发区"));
    assertEquals(List.of("abc", "2024"), terms(analyzer, "title_bi", "ＡＢＣ ２０２４"));
    assertEquals(List.of("park"), terms(analyzer, "title_bi", "Parks"));
    assertEquals(List.of("区"), terms(analyzer, "title_uni", "区"));
    assertEquals("abc2024 园", SearchAnalysis.fold("ＡＢＣ２０２４\u3000园"));
  }

  @Test
  void keepsHighlightFragmentsShortFewAndEscaped() {
    String text =
        "<i>玫瑰</i>" + "长".repeat(300) + "玫瑰" + "长".repeat(300) + "玫瑰" + "尾".repeat(300) + "玫瑰";

    List<String> fragments = Highlights.fragments(text, List.of("玫瑰"));

    assertEquals(3, fragments.size());
    assertTrue(fragments.get(0).startsWith("&lt;i&gt;<mark>玫瑰</mark>&lt;/i&gt;"), fragments.get(0));
    for (String fragment : fragments) {
      assertTrue(
          fragment.replace("<mark>", "").replace("</mark>", "").replaceAll("&[a-z]+;", "x").length()
              <= Highlights.FRAGMENT_LENGTH,
          fragment);
    }
  }

  private static List<String> terms(Analyzer analyzer, String field, String text) {
    return SearchAnalysis.tokens(analyzer, field, text).stream()
        .map(SearchAnalysis.Token::term)
        .toList();
  }
}
