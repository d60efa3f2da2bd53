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

  /** HTML read to find a summary before the whole body is parsed; most bodies need far less. */
  private static final int SUMMARY_PREFIX_CHARS = 16 * 1024;

  /** The summary shown in lists: the first characters of the body text, cut at a code point. */
  public static String summarize(String html) {
    if (html != null && html.length() > SUMMARY_PREFIX_CHARS) {
      // A long body is parsed from its beginning only. A cut inside a tag can only disturb the
      // end of that text, so its start is the summary when it is comfortably long enough.
      String text = plainText(html.substring(0, SUMMARY_PREFIX_CHARS));
      if (text.codePointCount(0, text.length()) > 2 * DERIVED_SUMMARY_LENGTH) {
        return cut(text);
      }
    }
    return cut(plainText(html));
  }

  private static String cut(String text) {
    if (text.codePointCount(0, text.length()) <= DERIVED_SUMMARY_LENGTH) {
      return text;
    }
    int end = text.offsetByCodePoints(0, DERIVED_SUMMARY_LENGTH);
    return text.substring(0, end).trim() + "…";
  }
}
