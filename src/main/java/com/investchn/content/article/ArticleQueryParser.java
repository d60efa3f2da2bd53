package com.investchn.content.article;

import com.investchn.content.category.CategoryCatalog;
import com.investchn.content.category.CategoryInfo;
import com.investchn.content.common.edge.QueryParameters;
import com.investchn.content.common.problem.InvalidParameterException;
import com.investchn.content.common.time.PortalTime;
import com.investchn.content.zone.ZoneCatalog;
import com.investchn.content.zone.ZoneInfo;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/** Parses list parameters into an {@link ArticleQuery}, rejecting bad values by name. */
@ApplicationScoped
public class ArticleQueryParser {

  private static final Pattern DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");

  private static final Pattern OFFSET = Pattern.compile("^[^T]*T[^+-]*[+-]\\d{2}:?\\d{2}$");

  /** The longest date-time: 2024-06-21T09:30:00.123456789+08:00 has 35 characters. */
  static final int MAX_BOUND_LENGTH = 40;

  /**
   * Digits, the separators of dates, times and offsets, T and Z (either case), and a space for +.
   */
  private static final Pattern BOUND_CHARACTERS = Pattern.compile("[0-9TZtz:.+\\- ]+");

  /** An offset whose '+' arrived as a space because the client did not percent-encode it. */
  private static final Pattern SPACE_FOR_PLUS = Pattern.compile("^(.*T[0-9:.]+) (\\d{2}:?\\d{2})$");

  private final CategoryCatalog categories;
  private final ZoneCatalog zones;

  public ArticleQueryParser(CategoryCatalog categories, ZoneCatalog zones) {
    this.categories = categories;
    this.zones = zones;
  }

  public ArticleQuery parse(ArticleListParams params) {
    return parse(params, params.sort);
  }

  /**
   * Parses the filters with an order of the article list ({@code sort}, null for the default):
   * search passes its filters alone, since its own order is not an article list's.
   */
  public ArticleQuery parse(ArticleFilterParams params, String sort) {
    Long categoryId = null;
    String categorySlug = null;
    if (params.category != null) {
      CategoryInfo category =
          categories.requireForFilter("category", requireValue("category", params.category));
      categoryId = category.id();
      categorySlug = category.slug();
    }
    Long zoneId = null;
    String zoneSlug = null;
    if (params.zone != null) {
      ZoneInfo zone = zones.requireForFilter("zone", requireValue("zone", params.zone));
      zoneId = zone.id();
      zoneSlug = zone.slug();
    }
    Long publisherZoneId = null;
    String publisherZoneSlug = null;
    if (params.publisherZone != null) {
      ZoneInfo zone =
          zones.requireForFilter(
              "publisherZone", requireValue("publisherZone", params.publisherZone));
      publisherZoneId = zone.id();
      publisherZoneSlug = zone.slug();
    }
    String source = params.source == null ? null : requireValue("source", params.source);
    Instant from = params.from == null ? null : parseBound("from", params.from, false);
    Instant to = params.to == null ? null : parseBound("to", params.to, true);
    if (from != null && to != null && from.isAfter(to)) {
      throw new InvalidParameterException(
          "from", "must not be after 'to' (" + params.from + " > " + params.to + ").");
    }
    ArticleSort order = ArticleSort.fromQuery(sort);
    return new ArticleQuery(
        categoryId,
        zoneId,
        publisherZoneId,
        source,
        from,
        to,
        order,
        ArticleListContext.of(
            categorySlug, zoneSlug, publisherZoneSlug, source, params.from, params.to, order));
  }

  /** The list an article belongs to by default: its own category and zone, newest first. */
  public ArticleQuery defaultContext(long categoryId, long zoneId) {
    CategoryInfo category = categories.tree().byId(categoryId).orElse(null);
    ZoneInfo zone = zones.tree().byId(zoneId).orElse(null);
    return new ArticleQuery(
        categoryId,
        zoneId,
        null,
        null,
        null,
        null,
        ArticleSort.PUBLISHED_AT_DESC,
        ArticleListContext.of(
            category == null ? Long.toString(categoryId) : category.slug(),
            zone == null ? Long.toString(zoneId) : zone.slug(),
            null,
            null,
            null,
            null,
            ArticleSort.PUBLISHED_AT_DESC));
  }

  private static String requireValue(String parameter, String raw) {
    if (raw.isBlank()) {
      throw new InvalidParameterException(parameter, "must not be empty.");
    }
    return raw;
  }

  /**
   * A date means the whole day in Asia/Shanghai; a date-time without offset is Asia/Shanghai local
   * time; a date-time with an offset or Z is taken as given.
   */
  static Instant parseBound(String parameter, String raw, boolean upper) {
    // Length and characters first: the expressions below never see more than a date-time's worth.
    if (raw.length() > MAX_BOUND_LENGTH || !BOUND_CHARACTERS.matcher(raw).matches()) {
      throw new InvalidParameterException(
          parameter,
          "must be a date (2024-06-21) or an ISO-8601 date-time (2024-06-21T09:30:00 or"
              + " 2024-06-21T09:30:00+08:00) of at most "
              + MAX_BOUND_LENGTH
              + " characters, got '"
              + QueryParameters.shown(raw)
              + "'.");
    }
    String value = raw;
    try {
      if (DATE.matcher(value).matches()) {
        LocalDate date = LocalDate.parse(value);
        // Databases keep microseconds: the last microsecond of the day is the day's upper bound.
        return upper
            ? date.plusDays(1).atStartOfDay(PortalTime.ZONE).toInstant().minus(1, ChronoUnit.MICROS)
            : date.atStartOfDay(PortalTime.ZONE).toInstant();
      }
      var spaced = SPACE_FOR_PLUS.matcher(value);
      if (spaced.matches()) {
        value = spaced.group(1) + "+" + spaced.group(2);
      }
      if (value.endsWith("Z") || OFFSET.matcher(value).matches()) {
        return OffsetDateTime.parse(value).toInstant().truncatedTo(ChronoUnit.MICROS);
      }
      return LocalDateTime.parse(value)
          .atZone(PortalTime.ZONE)
          .toInstant()
          .truncatedTo(ChronoUnit.MICROS);
    } catch (DateTimeException e) {
      throw new InvalidParameterException(
          parameter,
          "must be a date (2024-06-21) or an ISO-8601 date-time (2024-06-21T09:30:00 or"
              + " 2024-06-21T09:30:00+08:00), got '"
              + QueryParameters.shown(raw)
              + "'.");
    }
  }
}
