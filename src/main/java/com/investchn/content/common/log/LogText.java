package com.investchn.content.common.log;

/**
 * Makes a client's text safe inside a log line: control, format (bidirectional overrides such as
 * U+202E, zero-width characters) and line-separator characters become {@code \\uXXXX}, and a
 * backslash becomes two, so no value can start a forged line or reorder what a reader sees.
 */
public final class LogText {

  private LogText() {}

  public static String escape(String text) {
    if (text == null) {
      return "null";
    }
    if (text.codePoints().noneMatch(c -> c == '\\' || isUnprintable(c))) {
      return text;
    }
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    text.codePoints()
        .forEach(
            c -> {
              if (c == '\\') {
                escaped.append("\\\\");
              } else if (isUnprintable(c)) {
                for (char unit : Character.toChars(c)) {
                  escaped.append(String.format("\\u%04X", (int) unit));
                }
              } else {
                escaped.appendCodePoint(c);
              }
            });
    return escaped.toString();
  }

  /**
   * Code points that are not shown as themselves: controls (newlines, escape), format characters
   * (bidirectional controls, zero-width characters), line and paragraph separators, lone
   * surrogates, private-use and unassigned code points.
   */
  public static boolean isUnprintable(int codePoint) {
    return switch (Character.getType(codePoint)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.SURROGATE,
          Character.PRIVATE_USE,
          Character.UNASSIGNED ->
          true;
      default -> false;
    };
  }
}
