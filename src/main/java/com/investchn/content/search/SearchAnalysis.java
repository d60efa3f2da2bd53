package com.investchn.content.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The field layout of the search index and the analyzers behind it. Each text (title, summary,
 * body) is indexed three ways: CJK bigrams (matching: a Chinese query of two or more characters is
 * a phrase of its bigrams, so its characters must be adjacent and in order), single characters (a
 * one-character query) and smartcn words (a ranking bonus only). All three fold full-width to
 * half-width forms and case; the bigram and unigram fields also fold simple English plurals.
 */
final class SearchAnalysis {

  static final String ID = "id";
  static final String PUBLISHED_AT = "published_at";
  static final String ID_SORT = "id_sort";
  static final String CATEGORY = "category";
  static final String ZONE = "zone";
  static final String PUBLISHER_ZONE = "publisher_zone";
  static final String SOURCE = "source";
  static final String TITLE_KEY = "title_key";
  static final String TITLE_WORDS = "title_words";

  /** The three searched texts, with their stored copies used for highlights. */
  enum Text {
    TITLE("title"),
    SUMMARY("summary"),
    BODY("body");

    final String wireName;

    Text(String wireName) {
      this.wireName = wireName;
    }

    String stored() {
      return wireName + "_text";
    }

    String bigrams() {
      return wireName + "_bi";
    }

    String unigrams() {
      return wireName + "_uni";
    }

    String words() {
      return wireName + "_cn";
    }
  }

  private SearchAnalysis() {}

  /** CJK bigrams for Chinese, words for everything else: the matching analysis. */
  static Analyzer bigrams() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new CJKWidthFilter(tokenizer);
        stream = new LowerCaseFilter(stream);
        stream = new CJKBigramFilter(stream);
        stream = new EnglishMinimalStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
      }
    };
  }

  /** Single characters for Chinese (StandardTokenizer splits ideographs one by one). */
  static Analyzer unigrams() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new CJKWidthFilter(tokenizer);
        stream = new LowerCaseFilter(stream);
        stream = new EnglishMinimalStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
      }
    };
  }

  /** The whole title, folded, as one token: prefix completions. */
  static Analyzer titleKey() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        KeywordTokenizer tokenizer = new KeywordTokenizer();
        TokenStream stream = new CJKWidthFilter(tokenizer);
        stream = new LowerCaseFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
      }
    };
  }

  /**
   * The title's words, folded but neither stemmed nor paired: completions of a word anywhere in the
   * title ("zo" finds "Free Trade Zone Opens").
   */
  static Analyzer titleWords() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer tokenizer = new StandardTokenizer();
        TokenStream stream = new CJKWidthFilter(tokenizer);
        stream = new LowerCaseFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
      }
    };
  }

  /** The analyzer of the index writer and of queries, by field. */
  static Analyzer perField() {
    Analyzer bigrams = bigrams();
    Analyzer unigrams = unigrams();
    // smartcn has no width folding of its own: its fields get folded text (see fold).
    Analyzer words = new SmartChineseAnalyzer();
    Map<String, Analyzer> fields = new java.util.HashMap<>();
    for (Text text : Text.values()) {
      fields.put(text.bigrams(), bigrams);
      fields.put(text.unigrams(), unigrams);
      fields.put(text.words(), words);
    }
    fields.put(TITLE_KEY, titleKey());
    fields.put(TITLE_WORDS, titleWords());
    return new PerFieldAnalyzerWrapper(new StandardAnalyzer(), fields);
  }

  /** A token and its position, as a query is built from them. */
  record Token(String term, int position) {}

  /** The tokens an analyzer makes of a text for a field. */
  static List<Token> tokens(Analyzer analyzer, String field, String text) {
    List<Token> tokens = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
      stream.reset();
      int position = -1;
      while (stream.incrementToken()) {
        position += Math.max(1, increment.getPositionIncrement());
        tokens.add(new Token(term.toString(), position));
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return tokens;
  }

  /** Microseconds since the epoch: the stored and compared form of publication times. */
  static long micros(java.time.Instant instant) {
    return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
  }

  /**
   * Full-width to half-width and lower case, one char for one char, so that offsets in the folded
   * text are offsets in the original (highlights rely on it).
   */
  static String fold(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      if (c >= '\uFF01' && c <= '\uFF5E') {
        c = (char) (c - 0xFEE0);
      } else if (c == '\u3000') {
        c = ' ';
      }
      char lower = Character.toLowerCase(c);
      chars[i] = lower;
    }
    return new String(chars);
  }
}
