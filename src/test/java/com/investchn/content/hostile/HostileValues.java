package com.investchn.content.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * The jqwik arbitraries behind the hostile-input tests: strings biased towards what breaks parsers
 * (control and bidi characters, lone surrogates, numbers at and past the 64-bit bounds, 10,000
 * characters, nothing at all), and the ways a value can reach the wire in a URL.
 */
final class HostileValues {

  /** Values every parser should have an answer for; most are at a boundary of some type. */
  static final List<String> EDGES =
      List.of(
          "",
          " ",
          "0",
          "-0",
          "-1",
          "00000000000000000001",
          "1.5",
          "+1",
          "0x10",
          "1_000",
          "2147483647",
          "2147483648",
          "-2147483649",
          "9223372036854775807",
          "9223372036854775808",
          "-9223372036854775808",
          "-9223372036854775809",
          "18446744073709551616",
          "99999999999999999999999999999999999999",
          "1e309",
          "-1e309",
          "4.9e-324",
          "NaN",
          "Infinity",
          "-Infinity",
          "１２３",
          "١٢٣",
          "\u202E",
          "abc\u202Edef",
          "\u200F\u200E",
          "\u2066\u2069",
          "\uFEFF1",
          "\u0000",
          "a\u0000b",
          "\r\n",
          "\t",
          "\u001B[31m",
          "\u007F",
          "\u0085",
          "\uD800",
          "\uDFFF",
          "a\uDC00b",
          "\uFFFE\uFFFF",
          "😀",
          "%",
          "%00",
          "%ZZ",
          "..",
          "../..",
          "/",
          "\\",
          "*",
          "?",
          "#",
          "&",
          "=",
          ",",
          ";",
          "'",
          "\"",
          "' or '1'='1",
          "<script>alert(1)</script>",
          "${jndi:ldap://127.0.0.1/a}",
          "null",
          "true",
          "[]",
          "{}",
          "2024-02-30",
          "2024-06-21T25:00:00+08:00",
          "2024-06-21T09:30:00+18:01",
          "0000-01-01",
          "9999-12-31T23:59:59.999999999Z",
          "+999999999-12-31",
          "-999999999-01-01T00:00:00Z",
          "publishedAt,",
          "publishedAt,desc,asc",
          "articles-0000-00.xml",
          "articles-9999-99-999999.xml");

  /** Pieces that are each hostile alone and worse when several meet. */
  private static final List<String> PIECES =
      List.of(
          "\u0000", "\u0001", "\u0008", "\t", "\n", "\r", "\u000B", "\u001F", "\u007F", "\u0085",
          "\u00A0", "\u200B", "\u200E", "\u200F", "\u202A", "\u202B", "\u202C", "\u202D", "\u202E",
          "\u2066", "\u2067", "\u2069", "\uFEFF", "\uFFFD", "\uFFFE", "\uFFFF", "\uD800", "\uDBFF",
          "\uDC00", "\uDFFF", "😀", "中", "文", "é", "ǅ", "İ", "ß", "%", "&", "=", "+", "#", "?", "/",
          "\\", "\"", "'", "<", ">", " ", ".", "*", ",", ";", "-", "_", "~", "0", "1", "9", "a",
          "Z", "e", "E");

  private HostileValues() {}

  /** A string value biased towards the hostile edge cases. */
  static Arbitrary<String> strings() {
    return Arbitraries.frequencyOf(
        Tuple.of(5, Arbitraries.of(EDGES)),
        Tuple.of(3, numbers()),
        Tuple.of(3, Arbitraries.strings().all().ofMaxLength(40)),
        Tuple.of(4, pieces(1, 30)),
        Tuple.of(1, huge()));
  }

  /** A valid value as often as a hostile one, and sometimes a valid one with a hostile piece. */
  static Arbitrary<String> around(List<String> valid) {
    if (valid.isEmpty()) {
      return strings();
    }
    Arbitrary<String> good = Arbitraries.of(valid);
    Arbitrary<String> spliced =
        net.jqwik.api.Combinators.combine(good, pieces(1, 3), Arbitraries.integers().between(0, 1))
            .as((value, piece, front) -> front == 0 ? piece + value : value + piece);
    return Arbitraries.frequencyOf(Tuple.of(3, good), Tuple.of(5, strings()), Tuple.of(2, spliced));
  }

  /** Integers around and beyond every bound a parser of long, int or double has. */
  static Arbitrary<String> numbers() {
    return Arbitraries.oneOf(
        Arbitraries.longs().map(String::valueOf),
        Arbitraries.bigIntegers()
            .between(java.math.BigInteger.TWO.pow(80).negate(), java.math.BigInteger.TWO.pow(80))
            .map(String::valueOf),
        Arbitraries.doubles().map(String::valueOf),
        Arbitraries.integers().between(-3, 3).map(d -> Long.toString(Long.MAX_VALUE + d)),
        Arbitraries.integers().between(-3, 3).map(d -> Long.toString(Long.MIN_VALUE + d)),
        Arbitraries.integers().between(300, 400).map(e -> "1e" + e));
  }

  /** 10,000 characters of one kind, or 16,000 digits. */
  static Arbitrary<String> huge() {
    return Arbitraries.of(
        "a".repeat(10_000),
        "9".repeat(10_000),
        "-".repeat(10_000),
        "a-".repeat(5_000),
        "1".repeat(16_000),
        "\u202E".repeat(1_000),
        "中".repeat(1_000));
  }

  private static Arbitrary<String> pieces(int min, int max) {
    return Arbitraries.of(PIECES)
        .list()
        .ofMinSize(min)
        .ofMaxSize(max)
        .map(list -> String.join("", list));
  }

  /** How a value travels in a URL. */
  enum Encoding {
    /** Percent-encoded UTF-8; a lone surrogate as the (invalid) three bytes it would be. */
    PERCENT,
    /** As raw bytes in the request line, only space, CR, LF and the delimiters escaped. */
    RAW,
    /** Percent-encoded with a broken or invalid sequence spliced in. */
    BROKEN
  }

  static Arbitrary<Encoding> encodings() {
    return Arbitraries.frequency(
        Tuple.of(6, Encoding.PERCENT), Tuple.of(2, Encoding.RAW), Tuple.of(2, Encoding.BROKEN));
  }

  private static final List<String> BROKEN_SEQUENCES =
      List.of(
          "%ED%A0%80",
          "%ED%BF%BF",
          "%C0%AF",
          "%C0%80",
          "%FF",
          "%FE",
          "%80",
          "%E4%B8",
          "%F4%90%80%80",
          "%",
          "%G0",
          "%0",
          "%%",
          "%u0041");

  /** The bytes of a value in a query string or path segment, encoded as given. */
  static byte[] encode(String value, Encoding encoding, int seed) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] bytes = looseUtf8(value);
    for (byte b : bytes) {
      int u = b & 0xff;
      boolean unreserved =
          (u >= 'a' && u <= 'z')
              || (u >= 'A' && u <= 'Z')
              || (u >= '0' && u <= '9')
              || u == '-'
              || u == '.'
              || u == '_'
              || u == '~';
      boolean delimiter =
          u <= 0x20 || u == '%' || u == '&' || u == '=' || u == '#' || u == '?' || u == '/'
              || u == '+' || u == 0x7f;
      if (unreserved || (encoding == Encoding.RAW && !delimiter)) {
        out.write(u);
      } else {
        out.writeBytes(String.format("%%%02X", u).getBytes(StandardCharsets.US_ASCII));
      }
    }
    byte[] encoded = out.toByteArray();
    if (encoding != Encoding.BROKEN) {
      return encoded;
    }
    String broken = BROKEN_SEQUENCES.get(Math.floorMod(seed, BROKEN_SEQUENCES.size()));
    // Spliced in between two escapes or characters, never inside one.
    String text = new String(encoded, StandardCharsets.ISO_8859_1);
    int at = Math.floorMod(seed / 31, text.length() + 1);
    while (at > 0
        && at < text.length()
        && (text.charAt(at - 1) == '%' || (at > 1 && text.charAt(at - 2) == '%'))) {
      at--;
    }
    return (text.substring(0, at) + broken + text.substring(at))
        .getBytes(StandardCharsets.ISO_8859_1);
  }

  /**
   * UTF-8, except that a lone surrogate becomes the three bytes a naive encoder (CESU-8, or
   * JavaScript's escape of a broken string) would produce for it: invalid UTF-8, as it arrives.
   */
  static byte[] looseUtf8(String value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < value.length(); ) {
      int codePoint = value.codePointAt(i);
      if (Character.isSurrogate((char) codePoint)) {
        out.write(0xE0 | (codePoint >> 12));
        out.write(0x80 | ((codePoint >> 6) & 0x3F));
        out.write(0x80 | (codePoint & 0x3F));
      } else {
        out.writeBytes(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
      }
      i += Character.charCount(codePoint);
    }
    return out.toByteArray();
  }
}
