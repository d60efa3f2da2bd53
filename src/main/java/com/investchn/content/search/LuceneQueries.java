package com.investchn.content.search;

import com.investchn.content.search.SearchAnalysis.Text;
import com.investchn.content.search.SearchAnalysis.Token;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns a parsed {@link SearchText} into a Lucene query. A term matches on the bigram fields (a
 * phrase of its tokens, so Chinese characters must be adjacent and in order) or, for a single
 * Chinese character, on the unigram fields; smartcn words and the whole query as one phrase only
 * add to the score. Fields weigh title 4, summary 2, body 1.
 */
final class LuceneQueries {

  /** Extra weight of the smartcn match of a term, relative to the field's weight. */
  static final float WORDS_WEIGHT = 0.5f;

  /** Extra weight of all the query's words as one exact phrase. */
  static final float PHRASE_WEIGHT = 1.5f;

  private final Analyzer analyzer;

  LuceneQueries(Analyzer analyzer) {
    this.analyzer = analyzer;
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
        query.add(new BoostQuery(phrase, PHRASE_WEIGHT), Occur.SHOULD);
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
        fields.add(new BoostQuery(query, text.boost), Occur.SHOULD);
        any = true;
      }
    }
    return any ? fields.build() : null;
  }

  /** The smartcn segmentation of a term, as a ranking bonus; null when it has no words. */
  private Query words(String term) {
    BooleanQuery.Builder fields = new BooleanQuery.Builder();
    boolean any = false;
    for (Text text : Text.values()) {
      Query query =
          phrase(
              text.words(),
              SearchAnalysis.tokens(analyzer, text.words(), SearchAnalysis.fold(term)));
      if (query != null) {
        fields.add(new BoostQuery(query, text.boost * WORDS_WEIGHT), Occur.SHOULD);
        any = true;
      }
    }
    return any ? fields.build() : null;
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
