package com.investchn.content.common.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class LogTextTest {

  @Test
  void controlFormatAndSeparatorCharactersAreEscapedSoNoLineCanBeForged() {
    assertEquals(
        "editor\\u000A2024-06-21 INFO forged", LogText.escape("editor\n2024-06-21 INFO forged"));
    assertEquals("a\\u000Db", LogText.escape("a\rb"));
    assertEquals("evil\\u202Etxt.exe", LogText.escape("evil\u202Etxt.exe"));
    assertEquals("\\u001B[31mred", LogText.escape("\u001b[31mred"));
    assertEquals("zero\\u200Bwidth", LogText.escape("zero\u200Bwidth"));
    assertEquals("line\\u2028sep", LogText.escape("line\u2028sep"));
    // A backslash is doubled, so an escape in the log always means an escaped character.
    assertEquals("not\\\\u000Aa newline", LogText.escape("not\\u000Aa newline"));
    assertEquals("lone\\uD800", LogText.escape("lone\uD800"));
    assertEquals("null", LogText.escape(null));
  }

  @Test
  void printableTextIsLeftAsItIs() {
    String printable = "编辑 王 🚀 /api/v1/articles?x=1";
    assertSame(printable, LogText.escape(printable));
    assertFalse(LogText.isUnprintable("🚀".codePointAt(0)));
  }
}
