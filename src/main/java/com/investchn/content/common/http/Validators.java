package com.investchn.content.common.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Conditional requests (RFC 9110): strong ETags from the bytes, If-None-Match, If-Modified-Since.
 */
final class Validators {

  private Validators() {}

  /** A strong tag that changes exactly when the bytes do. */
  static String etag(byte[] body) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return "\""
          + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27)
          + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }

  /**
   * Whether an If-None-Match header names the tag: "*", one tag or a list; the weak comparison RFC
   * 9110 asks for, so W/"x" matches "x".
   */
  static boolean noneMatchHits(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null || etag == null) {
      return false;
    }
    String opaque = opaque(etag);
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.trim();
      if (tag.equals("*") || opaque(tag).equals(opaque)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the content has not changed since If-Modified-Since (compared in whole seconds). */
  static boolean notModifiedSince(String ifModifiedSince, String lastModified) {
    if (ifModifiedSince == null || lastModified == null) {
      return false;
    }
    try {
      ZonedDateTime since =
          ZonedDateTime.parse(ifModifiedSince.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
      ZonedDateTime modified =
          ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME);
      return !modified.isAfter(since);
    } catch (DateTimeParseException e) {
      // An unreadable date is ignored, as RFC 9110 asks.
      return false;
    }
  }

  /**
   * The Last-Modified of content whose last change (the change-log head) happened at {@code
   * changedAt}, or null while that change is less than a second old: HTTP dates have whole seconds,
   * and a date given out in the same second as a later change would let that change pass as
   * unmodified.
   */
  static String lastModified(Instant changedAt, Instant now) {
    if (changedAt == null || !changedAt.plusSeconds(1).isBefore(now)) {
      return null;
    }
    return DateTimeFormatter.RFC_1123_DATE_TIME.format(
        changedAt.atZone(ZoneOffset.UTC).withNano(0));
  }

  private static String opaque(String tag) {
    String value = tag.startsWith("W/") ? tag.substring(2) : tag;
    return value;
  }

  static byte[] utf8(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
