package com.investchn.content.feed;

import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One monthly sitemap file: the month of publication (Asia/Shanghai) and the part. A month of at
 * most the cap is one file, {@code articles-2024-06.xml}; a bigger month goes on in {@code
 * articles-2024-06-2.xml}, {@code -3} and so on, each holding the next cap articles in publication
 * order. The first part keeps the month's plain name, so a month that outgrows the cap never loses
 * its URL; every file has exactly one name.
 */
record SitemapName(YearMonth month, int part) {

  private static final Pattern NAME =
      Pattern.compile("articles-([0-9]{4})-([0-9]{2})(?:-([1-9][0-9]{0,5}))?\\.xml");

  static Optional<SitemapName> parse(String name) {
    if (name == null || name.length() > 40) {
      return Optional.empty();
    }
    Matcher matcher = NAME.matcher(name);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    int part = matcher.group(3) == null ? 1 : Integer.parseInt(matcher.group(3));
    if (matcher.group(3) != null && part < 2) {
      // "-1" would be a second name for the plain one.
      return Optional.empty();
    }
    try {
      YearMonth month =
          YearMonth.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
      return Optional.of(new SitemapName(month, part));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** The files of a month of {@code articles} articles with {@code cap} URLs per file. */
  static List<SitemapName> parts(YearMonth month, long articles, int cap) {
    long count = Math.max(1, (articles + cap - 1) / cap);
    List<SitemapName> names = new ArrayList<>();
    for (int part = 1; part <= count; part++) {
      names.add(new SitemapName(month, part));
    }
    return names;
  }

  /** Articles of the month before this part. */
  long skip(int cap) {
    return (long) (part - 1) * cap;
  }

  String fileName() {
    return "articles-" + month + (part == 1 ? "" : "-" + part) + ".xml";
  }
}
