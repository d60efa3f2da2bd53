package com.investchn.content.feed;

import com.investchn.content.article.ArticleQuery;
import com.investchn.content.article.ArticleQueryParser;
import com.investchn.content.article.ArticleService;
import com.investchn.content.article.PublishedArticle;
import com.investchn.content.category.CategoryCatalog;
import com.investchn.content.category.CategoryInfo;
import com.investchn.content.common.edge.QueryParameters;
import com.investchn.content.common.problem.InvalidParameterException;
import com.investchn.content.site.SiteResponse;
import com.investchn.content.site.SiteService;
import com.investchn.content.zone.ZoneCatalog;
import com.investchn.content.zone.ZoneInfo;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules of the article feeds: which articles (exactly the first page of the {@code GET
 * /articles} list with the same filters, parsed and checked by the same code), how many, and what
 * each entry and the feed itself say, whatever the format.
 */
@ApplicationScoped
class FeedService {

  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;

  /** Title of a feed when the installation has no site record yet. */
  static final String UNNAMED_SITE = "Articles";

  private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");

  private final ArticleService articles;
  private final ArticleQueryParser parser;
  private final SiteService sites;
  private final CategoryCatalog categories;
  private final ZoneCatalog zones;
  private final Permalinks permalinks;

  FeedService(
      ArticleService articles,
      ArticleQueryParser parser,
      SiteService sites,
      CategoryCatalog categories,
      ZoneCatalog zones,
      Permalinks permalinks) {
    this.articles = articles;
    this.parser = parser;
    this.sites = sites;
    this.categories = categories;
    this.zones = zones;
    this.permalinks = permalinks;
  }

  /** The feed the parameters select, its self link being the request's own absolute URL. */
  Feed feed(FeedParams params, URI request) {
    int limit = limit(params.limit);
    ArticleQuery query = parser.parse(params);
    Optional<SiteResponse> site = sites.site();
    String origin = origin(request);
    String template =
        permalinks.articleTemplate(site.map(SiteResponse::baseUrl).orElse(null), origin);
    List<Feed.Entry> entries = new ArrayList<>();
    Instant updated = null;
    for (PublishedArticle article : articles.newest(query, limit)) {
      entries.add(entry(article, template));
      if (updated == null || article.lastModified().isAfter(updated)) {
        updated = article.lastModified();
      }
    }
    if (updated == null) {
      updated = site.map(s -> s.updatedAt().toInstant()).orElse(Instant.EPOCH);
    }
    String siteName = site.map(SiteResponse::name).orElse(UNNAMED_SITE);
    String home =
        site.map(SiteResponse::baseUrl)
            .filter(url -> !url.isBlank())
            .orElse(origin + "/api/v1/articles");
    return new Feed(
        title(siteName, query),
        site.map(SiteResponse::slogan).filter(slogan -> !slogan.isBlank()).orElse(siteName),
        home,
        request.toString(),
        siteName,
        site.map(SiteResponse::logoUrl).filter(url -> !url.isBlank()).orElse(null),
        site.map(SiteResponse::copyright).orElse(null),
        updated,
        List.copyOf(entries));
  }

  private Feed.Entry entry(PublishedArticle article, String template) {
    List<String> terms = new ArrayList<>();
    if (article.category() != null) {
      terms.add(article.category().name());
    }
    if (article.zone() != null) {
      terms.add(article.zone().name());
    }
    String byline = firstPresent(article.author(), article.source());
    return new Feed.Entry(
        permalinks.entryId(article.id()),
        Permalinks.expand(template, article.id(), article.slug()),
        article.title(),
        article.summary(),
        article.body(),
        article.publishedAt(),
        article.lastModified(),
        byline,
        List.copyOf(terms));
  }

  /** The number of entries: 1..100, 20 when absent; anything else is a 400 naming limit. */
  static int limit(String raw) {
    if (raw == null) {
      return DEFAULT_LIMIT;
    }
    if (DIGITS.matcher(raw).matches()) {
      int value = Integer.parseInt(raw);
      if (value >= 1 && value <= MAX_LIMIT) {
        return value;
      }
    }
    throw new InvalidParameterException(
        "limit",
        "must be an integer from 1 to "
            + MAX_LIMIT
            + ", got '"
            + QueryParameters.shown(raw)
            + "'.");
  }

  /** The site's name, then what the filters name: 投促中国 · 开发区新闻 · 大兴区. */
  private String title(String siteName, ArticleQuery query) {
    List<String> parts = new ArrayList<>();
    parts.add(siteName);
    if (query.categoryId() != null) {
      categories.tree().byId(query.categoryId()).map(CategoryInfo::name).ifPresent(parts::add);
    }
    if (query.zoneId() != null) {
      zones.tree().byId(query.zoneId()).map(ZoneInfo::name).ifPresent(parts::add);
    }
    if (query.publisherZoneId() != null) {
      zones.tree().byId(query.publisherZoneId()).map(ZoneInfo::name).ifPresent(parts::add);
    }
    if (query.source() != null) {
      parts.add(query.source());
    }
    return String.join(" · ", parts);
  }

  /** Scheme, host and port of the request, as its Link headers use them. */
  static String origin(URI request) {
    return request.getScheme() + "://" + request.getRawAuthority();
  }

  private static String firstPresent(String first, String second) {
    if (first != null && !first.isBlank()) {
      return first;
    }
    return second != null && !second.isBlank() ? second : null;
  }
}
