package com.investchn.content.feed;

import com.investchn.content.article.ArticleService;
import com.investchn.content.article.ArticleStamp;
import com.investchn.content.article.PublicationMonth;
import com.investchn.content.common.config.ContentApiConfig;
import com.investchn.content.site.SiteResponse;
import com.investchn.content.site.SiteService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of the sitemaps: one file per month of publication (Asia/Shanghai), split into parts of
 * at most {@code content-api.site.sitemap-max-urls} URLs, listed with their last change by one
 * index.
 */
@ApplicationScoped
class SitemapService {

  static final String INDEX_PATH = "/api/v1/sitemap.xml";
  static final String SITEMAPS_PATH = "/api/v1/sitemaps/";

  private final ArticleService articles;
  private final SiteService sites;
  private final Permalinks permalinks;
  private final int maxUrls;

  SitemapService(
      ArticleService articles, SiteService sites, Permalinks permalinks, ContentApiConfig config) {
    this.articles = articles;
    this.sites = sites;
    this.permalinks = permalinks;
    this.maxUrls = config.site().sitemapMaxUrls();
  }

  /**
   * The index: every part of every month with articles, oldest first, each with the last change of
   * any article of its month (a new article can shift every part of its month).
   */
  byte[] index(String origin) {
    List<SitemapXml.Location> sitemaps = new ArrayList<>();
    for (PublicationMonth month : articles.publicationMonths()) {
      for (SitemapName name : SitemapName.parts(month.month(), month.articles(), maxUrls)) {
        sitemaps.add(
            new SitemapXml.Location(
                origin + SITEMAPS_PATH + name.fileName(), month.lastModified()));
      }
    }
    return SitemapXml.index(sitemaps);
  }

  /** One monthly file; a name the index does not list is a 404. */
  byte[] sitemap(String fileName, String origin) {
    SitemapName name =
        SitemapName.parse(fileName).orElseThrow(() -> new SitemapNotFoundException(fileName));
    List<ArticleStamp> stamps = articles.publishedIn(name.month(), name.skip(maxUrls), maxUrls);
    if (stamps.isEmpty()) {
      throw new SitemapNotFoundException(fileName);
    }
    String template =
        permalinks.articleTemplate(sites.site().map(SiteResponse::baseUrl).orElse(null), origin);
    return SitemapXml.urlset(
        stamps.stream()
            .map(
                stamp ->
                    new SitemapXml.Location(
                        Permalinks.expand(template, stamp.id(), stamp.slug()),
                        stamp.lastModified()))
            .toList());
  }
}
