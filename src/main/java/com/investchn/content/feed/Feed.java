package com.investchn.content.feed;

import java.time.Instant;
import java.util.List;

/**
 * One feed, independent of its format: what RSS, Atom and JSON Feed each write in their own way.
 * Links are absolute.
 */
record Feed(
    String title,
    String description,
    String homeUrl,
    String selfUrl,
    String siteName,
    String logoUrl,
    String copyright,
    Instant updated,
    List<Entry> entries) {

  /** One article in a feed. */
  record Entry(
      String id,
      String url,
      String title,
      String summary,
      String contentHtml,
      Instant published,
      Instant updated,
      String author,
      List<String> categories) {}
}
