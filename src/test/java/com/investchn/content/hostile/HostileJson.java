package com.investchn.content.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Hostile JSON, as text: values of every type in the place of any other (huge and out-of-range
 * numbers, strings with control characters and lone surrogates, arrays, objects, deep nesting),
 * bodies with a field replaced, dropped, duplicated or added, and bodies that are not JSON at all.
 */
final class HostileJson {

  private static final List<String> NUMBERS =
      List.of(
          "0",
          "-0",
          "-1",
          "1.5",
          "1e2",
          "1E+2",
          "2147483648",
          "-2147483649",
          "9223372036854775807",
          "9223372036854775808",
          "-9223372036854775809",
          "18446744073709551616",
          "123456789012345678901234567890123456789",
          "1e309",
          "-1e309",
          "1e-400",
          "4.9e-324",
          "0.1e999999999",
          "1" + "0".repeat(2_000));

  private static final List<String> NOT_QUITE_JSON =
      List.of(
          "NaN",
          "Infinity",
          "-Infinity",
          "undefined",
          "01",
          "+1",
          ".5",
          "1.",
          "0x10",
          "'x'",
          "\"\\ud800\"",
          "\"\\u0000\"",
          "\"\\x41\"",
          "\"\\uZZZZ\"",
          "[1,]",
          "{\"a\":1,}",
          "{\"a\"}",
          "[",
          "{",
          "\"",
          "}",
          "]",
          "nul",
          "tru");

  private HostileJson() {}

  /** One JSON value (or nearly one) in the place of a field's value. */
  static Arbitrary<String> value() {
    return Arbitraries.frequencyOf(
        Tuple.of(5, HostileValues.strings().flatMap(HostileJson::string)),
        Tuple.of(3, Arbitraries.of(NUMBERS)),
        Tuple.of(2, Arbitraries.longs().map(String::valueOf)),
        Tuple.of(2, Arbitraries.of("true", "false", "null")),
        Tuple.of(2, Arbitraries.of("[]", "{}", "[null]", "[\"a\",1,{}]", "{\"\":null}")),
        Tuple.of(1, Arbitraries.of(NOT_QUITE_JSON)),
        Tuple.of(1, deep()),
        Tuple.of(
            1,
            Arbitraries.of(
                "\"2024-06-21T09:30:00+08:00\"",
                "\"published\"",
                "\"draft\"",
                "\"development_zone\"",
                "\"editor\"",
                "\"admin\"",
                "\"https://www.investchn.com/\"",
                "[\"article.published\"]")));
  }

  /** Arrays or objects nested 50 to 100,000 deep. */
  static Arbitrary<String> deep() {
    return Combinators.combine(
            Arbitraries.of(50, 1_000, 5_000, 100_000), Arbitraries.of(true, false))
        .as(
            (depth, arrays) ->
                arrays
                    ? "[".repeat(depth) + "]".repeat(depth)
                    : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
  }

  /** A JSON string literal: escaped every way JSON allows, or raw, lone surrogates included. */
  static Arbitrary<String> string(String text) {
    return Arbitraries.of(true, false).map(escapeAll -> quote(text, escapeAll));
  }

  static String quote(String text, boolean escapeAll) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || Character.isSurrogate(c) || (escapeAll && c > 0x7e)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  /** A field name: mostly one the body has, sometimes an unknown or hostile one. */
  private static Arbitrary<String> key(List<String> fields) {
    return Arbitraries.frequencyOf(
        Tuple.of(8, Arbitraries.of(fields)),
        Tuple.of(
            1, Arbitraries.of("titel", "Title", "id", "version", "createdAt", "", "__proto__")),
        Tuple.of(1, HostileValues.strings()));
  }

  /** A change to one field: replace it, drop it, repeat it with another value, or add one. */
  record Change(String key, String value, boolean remove, boolean duplicate) {}

  private static Arbitrary<Change> change(List<String> fields) {
    return Combinators.combine(
            key(fields),
            value(),
            Arbitraries.frequency(Tuple.of(6, 0), Tuple.of(2, 1), Tuple.of(2, 2)))
        .as((key, value, kind) -> new Change(key, value, kind == 1, kind == 2));
  }

  /**
   * A body made from a valid one (field name to JSON text): one to four fields changed, or, one
   * time in seven, something that is not that body at all.
   */
  static Arbitrary<byte[]> body(Map<String, String> valid, List<String> keep) {
    List<String> fields = new ArrayList<>(valid.keySet());
    fields.removeAll(keep);
    Arbitrary<byte[]> changed =
        change(fields).list().ofMinSize(1).ofMaxSize(4).map(changes -> apply(valid, changes));
    return Arbitraries.frequencyOf(Tuple.of(6, changed), Tuple.of(1, notTheBody(valid)));
  }

  static byte[] apply(Map<String, String> valid, List<Change> changes) {
    Map<String, String> fields = new LinkedHashMap<>(valid);
    List<String> duplicates = new ArrayList<>();
    for (Change change : changes) {
      if (change.remove()) {
        fields.remove(change.key());
      } else if (change.duplicate()) {
        duplicates.add(HostileJson.quote(change.key(), false) + ":" + change.value());
      } else {
        fields.put(change.key(), change.value());
      }
    }
    List<String> members = new ArrayList<>();
    fields.forEach((key, value) -> members.add(HostileJson.quote(key, false) + ":" + value));
    members.addAll(duplicates);
    return HostileValues.looseUtf8("{" + String.join(",", members) + "}");
  }

  /** Arbitrary bytes, a bare value, the body cut short, wrapped, or with a byte-order mark. */
  private static Arbitrary<byte[]> notTheBody(Map<String, String> valid) {
    String whole = new String(apply(valid, List.of()), StandardCharsets.UTF_8);
    return Arbitraries.oneOf(
        Arbitraries.bytes().array(byte[].class).ofMaxSize(200),
        value().map(HostileValues::looseUtf8),
        Arbitraries.integers()
            .between(0, whole.length())
            .map(cut -> whole.substring(0, cut).getBytes(StandardCharsets.UTF_8)),
        Arbitraries.of(
            ("[" + whole + "]").getBytes(StandardCharsets.UTF_8),
            (whole + whole).getBytes(StandardCharsets.UTF_8),
            (whole + " trailing").getBytes(StandardCharsets.UTF_8),
            ("\uFEFF" + whole).getBytes(StandardCharsets.UTF_8),
            whole.getBytes(StandardCharsets.UTF_16),
            new byte[0],
            "{}".getBytes(StandardCharsets.UTF_8),
            "null".getBytes(StandardCharsets.UTF_8)));
  }
}
