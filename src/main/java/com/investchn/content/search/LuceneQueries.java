package com.investchn.content.search;

import com.investchn.content.search.SearchAnalysis.Text;
import com.investchn.content.search.SearchAnalysis.Token;
import java.time.Instant;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
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

  /** Published after the instant: not public yet, though the index holds it. */
  static Query publishedAfter(Instant instant) {
    return LongPoint.newRangeQuery(
        SearchAnalysis.PUBLISHED_AT, SearchAnalysis.micros(instant) + 1, Long.MAX_VALUE);
  }

  /**
   * The text part of the query: what must, may and must not match. What must match is a filter
   * (each group once); the score is one flat disjunction of every weighted clause (the terms on
   * their fields, their smartcn words, the whole phrase), required as a whole so that the top
   * results can skip what cannot score high enough. Lucene skips well over a disjunction but hardly
   * at all over a required clause plus optional bonuses: with the bonuses as optional siblings, a
   * four-character query matching 58,000 of 100,000 articles scored 55,000 of them for a page of
   * 20, and 550 as one disjunction (12 ms down to 3 ms). The score is the same sum as before.
   * Counting needs only what must match: the scoring disjunction would make it check every phrase
   * of every match again.
   */
  TextQuery build(SearchText text) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    BooleanQuery.Builder scoring = new BooleanQuery.Builder();
    boolean anyPositive = false;
    for (List<String> group : text.groups()) {
      BooleanQuery.Builder either = new BooleanQuery.Builder();
      boolean any = false;
      for (String term : group) {
        Query match = match(term);
        if (match != null) {
          either.add(match, Occur.SHOULD);
          any = true;
          addScoring(scoring, match);
          Query bonus = words(term);
          if (bonus != null) {
            addScoring(scoring, bonus);
          }
        }
      }
      // A term that is only punctuation names nothing and is left out.
      if (any) {
        query.add(either.build(), Occur.FILTER);
        anyPositive = true;
      }
    }
    if (!anyPositive) {
      Query none = new MatchNoDocsQuery("no searchable text in the query");
      return new TextQuery(none, none);
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
        scoring.add(new BoostQuery(phrase, weights.phrase()), Occur.SHOULD);
      }
    }
    Query matching = query.build();
    // Every matching document matches at least one scoring clause, so this adds only the score.
    query.add(scoring.build(), Occur.MUST);
    return new TextQuery(matching, query.build());
  }

  /** What a query must match (for counting), and the same with its score (for ranking). */
  record TextQuery(Query matching, Query scored) {}

  /** Adds a clause to the scoring disjunction, the clauses of a plain disjunction one by one. */
  private static void addScoring(BooleanQuery.Builder scoring, Query clause) {
    if (clause instanceof BooleanQuery disjunction
        && disjunction.getMinimumNumberShouldMatch() == 0
        && disjunction.clauses().stream().allMatch(c -> c.getOccur() == Occur.SHOULD)) {
      for (BooleanClause inner : disjunction.clauses()) {
        scoring.add(inner.getQuery(), Occur.SHOULD);
      }
    } else {
      scoring.add(clause, Occur.SHOULD);
    }
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
