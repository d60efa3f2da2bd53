package com.investchn.content.search;

import com.investchn.content.search.SearchAnalysis.Text;
import com.investchn.content.search.SearchAnalysis.Token;
import java.time.Instant;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;

/**
 * Turns a parsed {@link SearchText} into a Lucene query, and owns the order of results. A term
 * matches on the bigram fields (a phrase of its tokens, so Chinese characters must be adjacent and
 * in order) or, for a single Chinese character, on the unigram fields; smartcn words and the whole
 * query as one phrase only add to the score. The weights are {@link RelevanceWeights}.
 */
final class LuceneQueries {

  /** Best match first; among equal scores the newer, then the higher id. */
  static final Sort RELEVANCE =
      new Sort(
          SortField.FIELD_SCORE,
          new SortField(SearchAnalysis.PUBLISHED_AT, SortField.Type.LONG, true),
          new SortField(SearchAnalysis.ID_SORT, SortField.Type.LONG, true));

  private final Analyzer analyzer;
  private final RelevanceWeights weights;

  LuceneQueries(Analyzer analyzer, RelevanceWeights weights) {
    this.analyzer = analyzer;
    this.weights = weights;
  }

  /** Published in [from, to] (from null: any time): the index may hold an article not yet due. */
  static Query publishedBetween(Instant from, Instant to) {
    return LongPoint.newRangeQuery(
        SearchAnalysis.PUBLISHED_AT,
        from == null ? Long.MIN_VALUE : SearchAnalysis.micros(from),
        SearchAnalysis.micros(to));
  }

  /** The text part of the query: what must, may and must not match. */
  Query build(SearchText text) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    boolean anyPositive = false;
    for (List<String> group : text.groups()) {
      BooleanQuery.Builder either = new BooleanQuery.Builder();
      boolean any = false;
      for (String term : group) {
        Query match = match(term);
        if (match != null) {
          either.add(match, Occur.SHOULD);
          any = true;
          Query bonus = words(term);
          if (bonus != null) {
            query.add(bonus, Occur.SHOULD);
          }
        }
      }
      // A term that is only punctuation names nothing and is left out.
      if (any) {
        query.add(either.build(), Occur.MUST);
        anyPositive = true;
      }
    }
    if (!anyPositive) {
      return new MatchNoDocsQuery("no searchable text in the query");
    }
    for (String term : text.exclusions()) {
      Query match = match(term);
      if (match != null) {
        query.add(match, Occur.MUST_NOT);
      }
    }
    List<String> words = text.positiveTerms();
    if (words.size() > 1) {
      Query phrase = match(joined(words));
      if (phrase != null) {
        query.add(new BoostQuery(phrase, weights.phrase()), Occur.SHOULD);
      }
    }
    return query.build();
  }

  /** A term in any of the three texts, weighted by field; null when it has no tokens. */
  Query match(String term) {
    boolean single = isSingleHan(term.strip());
    BooleanQuery.Builder fields = new BooleanQuery.Builder();
    boolean any = false;
    for (Text text : Text.values()) {
      String field = single ? text.unigrams() : text.bigrams();
      Query query = phrase(field, SearchAnalysis.tokens(analyzer, field, term));
      if (query != null) {
        float boost = weights.field(text) * (single ? weights.unigrams() : 1f);
        fields.add(new BoostQuery(query, boost), Occur.SHOULD);
        any = true;
      }
    }
    return any ? fields.build() : null;
  }

  /** The smartcn segmentation of a term, as a ranking bonus; null when it has no words. */
  private Query words(String term) {
    if (weights.words() <= 0) {
      return null;
    }
    BooleanQuery.Builder fields = new BooleanQuery.Builder();
    boolean any = false;
    for (Text text : Text.values()) {
      Query query =
          phrase(
              text.words(),
              SearchAnalysis.tokens(analyzer, text.words(), SearchAnalysis.fold(term)));
      if (query != null) {
        fields.add(new BoostQuery(query, weights.field(text) * weights.words()), Occur.SHOULD);
        any = true;
      }
    }
    return any ? fields.build() : null;
  }

  /**
   * Title completions of what a reader has typed: the whole title starting with it (weight 10), a
   * word of the title starting with its last word after its other words (weight 3), or the title
   * containing it as a bigram phrase (weight 1).
   */
  Query completions(String prefix) {
    String folded = SearchAnalysis.fold(prefix.strip());
    BooleanQuery.Builder either = new BooleanQuery.Builder();
    either.add(
        new BoostQuery(new PrefixQuery(new Term(SearchAnalysis.TITLE_KEY, folded)), 10f),
        Occur.SHOULD);
    List<Token> words = SearchAnalysis.tokens(analyzer, SearchAnalysis.TITLE_WORDS, prefix);
    if (!words.isEmpty() && !isHan(words.get(words.size() - 1).term().codePointAt(0))) {
      BooleanQuery.Builder inside = new BooleanQuery.Builder();
      for (int i = 0; i < words.size() - 1; i++) {
        inside.add(
            new TermQuery(new Term(SearchAnalysis.TITLE_WORDS, words.get(i).term())), Occur.MUST);
      }
      String last = words.get(words.size() - 1).term();
      inside.add(new PrefixQuery(new Term(SearchAnalysis.TITLE_WORDS, last)), Occur.MUST);
      either.add(new BoostQuery(new ConstantScoreQuery(inside.build()), 3f), Occur.SHOULD);
    }
    Query contains =
        phrase(Text.TITLE.bigrams(), SearchAnalysis.tokens(analyzer, Text.TITLE.bigrams(), prefix));
    if (contains != null) {
      either.add(new ConstantScoreQuery(contains), Occur.SHOULD);
    }
    return either.build();
  }

  static Query phrase(String field, List<Token> tokens) {
    if (tokens.isEmpty()) {
      return null;
    }
    if (tokens.size() == 1) {
      return new TermQuery(new Term(field, tokens.get(0).term()));
    }
    PhraseQuery.Builder phrase = new PhraseQuery.Builder();
    int base = tokens.get(0).position();
    for (Token token : tokens) {
      phrase.add(new Term(field, token.term()), token.position() - base);
    }
    return phrase.build();
  }

  /** Words joined as they would stand in a text: Chinese next to Chinese without a space. */
  static String joined(List<String> words) {
    StringBuilder text = new StringBuilder();
    for (String word : words) {
      if (text.length() > 0
          && !(isHan(text.codePointBefore(text.length())) && isHan(word.codePointAt(0)))) {
        text.append(' ');
      }
      text.append(word);
    }
    return text.toString();
  }

  static boolean isSingleHan(String term) {
    return term.codePointCount(0, term.length()) == 1 && isHan(term.codePointAt(0));
  }

  private static boolean isHan(int codePoint) {
    return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
  }
}
