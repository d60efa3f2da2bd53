package com.investchn.content.article;

import org.jsoup.Jsoup;

/** Plain text derived from an article's HTML body, for summaries and later for search. */
public final class ArticleText {

  /** Length of a summary derived from the body when the editor gave none. */
  static final int DERIVED_SUMMARY_LENGTH = 120;

  private ArticleText() {}

  /** The visible text of an HTML fragment with whitespace collapsed. */
  public static String plainText(String html) {
    if (html == null || html.isBlank()) {
      return "";
    }
    return Jsoup.parseBodyFragment(html).text().replaceAll("\\s+", " ").trim();
  }

  /** The summary shown in lists: the first characters of the body text, cut at a code point. */
  public static String summarize(String html) {
    String text = plainText(html);
    if (text.codePointCount(0, text.length()) <= DERIVED_SUMMARY_LENGTH) {
      return text;
    }
    int end = text.offsetByCodePoints(0, DERIVED_SUMMARY_LENGTH);
    return text.substring(0, end).trim() + "…";
  }
}
