package com.investchn.content.search;

/**
 * The weights of relevance, chosen with the committed relevance set (RelevanceSetTest): a field's
 * weight multiplies every match in it; the matching CJK-bigram or word phrase counts once, a
 * smartcn word match adds {@code words} times the field weight, a one-character query matches the
 * single-character fields with {@code unigrams} times the field weight, and all the query's words
 * as one exact phrase add {@code phrase}.
 */
record RelevanceWeights(
    float title, float summary, float body, float words, float unigrams, float phrase) {

  /** The weights the service runs with; the README gives the scores that chose them. */
  static final RelevanceWeights CHOSEN = new RelevanceWeights(4f, 2f, 1f, 0.5f, 1f, 1.5f);

  float field(SearchAnalysis.Text text) {
    return switch (text) {
      case TITLE -> title;
      case SUMMARY -> summary;
      case BODY -> body;
    };
  }
}
