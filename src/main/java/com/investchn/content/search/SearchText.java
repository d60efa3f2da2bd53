package com.investchn.content.search;

import com.investchn.content.common.problem.InvalidParameterException;
import java.util.ArrayList;
import java.util.List;

/**
 * The query language, parsed by hand so that no text is a syntax error: words separated by spaces
 * (all must match), {@code "quoted phrases"} (the words in this order), {@code -word} or {@code
 * -"phrase"} (must not match), and a bare {@code OR} between two terms (either may match). Every
 * other character, Lucene's syntax included, is text.
 *
 * @param groups terms that must match: each group is satisfied by any one of its terms
 * @param exclusions terms that must not match
 */
record SearchText(List<List<String>> groups, List<String> exclusions) {

  static final int MAX_LENGTH = 200;

  private record Piece(String text, boolean quoted, boolean negated) {}

  static SearchText parse(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new InvalidParameterException("q", "is required and must not be blank.");
    }
    if (raw.codePointCount(0, raw.length()) > MAX_LENGTH) {
      throw new InvalidParameterException(
          "q", "must be at most " + MAX_LENGTH + " characters long.");
    }
    List<Piece> pieces = pieces(raw);
    List<List<String>> groups = new ArrayList<>();
    List<String> exclusions = new ArrayList<>();
    boolean or = false;
    for (int i = 0; i < pieces.size(); i++) {
      Piece piece = pieces.get(i);
      boolean orKeyword = !piece.quoted() && !piece.negated() && piece.text().equals("OR");
      if (orKeyword
          && !groups.isEmpty()
          && i + 1 < pieces.size()
          && !pieces.get(i + 1).negated()
          && !or) {
        or = true;
        continue;
      }
      if (piece.negated()) {
        exclusions.add(piece.text());
        or = false;
      } else if (or) {
        groups.get(groups.size() - 1).add(piece.text());
        or = false;
      } else {
        groups.add(new ArrayList<>(List.of(piece.text())));
      }
    }
    if (groups.isEmpty()) {
      throw new InvalidParameterException(
          "q", "must contain at least one word or phrase to find; exclusions alone find nothing.");
    }
    return new SearchText(groups, exclusions);
  }

  /** Every term that must or may match, for highlights and the phrase bonus. */
  List<String> positiveTerms() {
    return groups.stream().flatMap(List::stream).toList();
  }

  private static List<Piece> pieces(String raw) {
    List<Piece> pieces = new ArrayList<>();
    int i = 0;
    int n = raw.length();
    while (i < n) {
      char c = raw.charAt(i);
      if (Character.isWhitespace(c) || c == '\u3000') {
        i++;
        continue;
      }
      boolean negated = false;
      if (c == '-' && i + 1 < n && !Character.isWhitespace(raw.charAt(i + 1))) {
        negated = true;
        i++;
        c = raw.charAt(i);
      }
      if (c == '"' || c == '\u201C') {
        int close = closingQuote(raw, i + 1);
        String text = raw.substring(i + 1, close).strip();
        if (!text.isEmpty()) {
          pieces.add(new Piece(text, true, negated));
        }
        i = Math.min(n, close + 1);
        continue;
      }
      int end = i;
      while (end < n && !Character.isWhitespace(raw.charAt(end)) && raw.charAt(end) != '\u3000') {
        end++;
      }
      pieces.add(new Piece(raw.substring(i, end), false, negated));
      i = end;
    }
    return pieces;
  }

  private static int closingQuote(String raw, int from) {
    for (int i = from; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '"' || c == '\u201D') {
        return i;
      }
    }
    return raw.length();
  }
}
