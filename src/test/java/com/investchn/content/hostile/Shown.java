package com.investchn.content.hostile;

import java.nio.charset.StandardCharsets;

/** Hostile values as a failure message can show them: escaped, printable, and cut short. */
final class Shown {

  private static final int LIMIT = 600;

  private Shown() {}

  /** Every character outside printable ASCII as \\uXXXX, the rest as is, at most 600 shown. */
  static String text(String value) {
    StringBuilder shown = new StringBuilder();
    for (int i = 0; i < value.length() && shown.length() < LIMIT; i++) {
      char c = value.charAt(i);
      if (c >= 0x20 && c < 0x7f) {
        shown.append(c);
      } else {
        shown.append(String.format("\\u%04X", (int) c));
      }
    }
    return value.length() > LIMIT ? shown + "…(" + value.length() + " chars)" : shown.toString();
  }

  /** Bytes as ISO-8859-1 text, escaped the same way. */
  static String bytes(byte[] value) {
    return text(new String(value, StandardCharsets.ISO_8859_1));
  }
}
