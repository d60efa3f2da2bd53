package com.investchn.content.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Marks the query's terms in a text: fragments of at most {@link #FRAGMENT_LENGTH} characters
 * around the first matches, at most {@link #MAX_FRAGMENTS} of them, every character HTML-escaped
 * and each match wrapped in {@code <mark>}. Matching is on the folded text (case, full width), so
 * ＡＢＣ in a text is marked for the query abc.
 */
final class Highlights {

  static final int FRAGMENT_LENGTH = 120;
  static final int MAX_FRAGMENTS = 3;

  /** Characters shown before the first match of a fragment. */
  private static final int LEAD = 30;

  private Highlights() {}

  /** The fragments of a text, empty when no term occurs in it. */
  static List<String> fragments(String text, List<String> terms) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    boolean[] marked = marks(SearchAnalysis.fold(text), needles(terms));
    List<String> fragments = new ArrayList<>();
    int next = 0;
    while (fragments.size() < MAX_FRAGMENTS) {
      int first = nextMarked(marked, next);
      if (first < 0) {
        break;
      }
      int start;
      int end;
      if (text.length() <= FRAGMENT_LENGTH) {
        start = 0;
        end = text.length();
      } else {
        start = Math.max(0, first - LEAD);
        end = Math.min(text.length(), start + FRAGMENT_LENGTH);
        start = Math.max(0, Math.min(start, end - FRAGMENT_LENGTH));
      }
      // Never cut a surrogate pair in two.
      if (start > 0 && Character.isLowSurrogate(text.charAt(start))) {
        start++;
      }
      if (end < text.length() && Character.isLowSurrogate(text.charAt(end))) {
        end--;
      }
      fragments.add(render(text, marked, start, end));
      next = end;
    }
    return fragments;
  }

  /** The folded forms to look for: each term, and English words without a plural s. */
  private static List<String> needles(List<String> terms) {
    List<String> needles = new ArrayList<>();
    for (String term : terms) {
      String folded = SearchAnalysis.fold(term).strip();
      if (folded.isEmpty()) {
        continue;
      }
      needles.add(folded);
      if (folded.length() > 3 && folded.endsWith("s") && folded.matches("[a-z]+")) {
        needles.add(folded.substring(0, folded.length() - 1));
      }
    }
    return needles;
  }

  private static boolean[] marks(String folded, List<String> needles) {
    boolean[] marked = new boolean[folded.length()];
    for (String needle : needles) {
      String lower = needle.toLowerCase(Locale.ROOT);
      for (int at = folded.indexOf(lower); at >= 0; at = folded.indexOf(lower, at + 1)) {
        for (int i = at; i < at + lower.length() && i < marked.length; i++) {
          marked[i] = true;
        }
      }
    }
    return marked;
  }

  private static int nextMarked(boolean[] marked, int from) {
    for (int i = from; i < marked.length; i++) {
      if (marked[i]) {
        return i;
      }
    }
    return -1;
  }

  private static String render(String text, boolean[] marked, int start, int end) {
    StringBuilder html = new StringBuilder(end - start + 32);
    boolean open = false;
    for (int i = start; i < end; i++) {
      if (marked[i] && !open) {
        html.append("<mark>");
        open = true;
      } else if (!marked[i] && open) {
        html.append("</mark>");
        open = false;
      }
      escape(text.charAt(i), html);
    }
    if (open) {
      html.append("</mark>");
    }
    return html.toString();
  }

  private static void escape(char c, StringBuilder html) {
    switch (c) {
      case '<' -> html.append("&lt;");
      case '>' -> html.append("&gt;");
      case '&' -> html.append("&amp;");
      case '"' -> html.append("&quot;");
      case '\'' -> html.append("&#39;");
      default -> html.append(c);
    }
  }
}
