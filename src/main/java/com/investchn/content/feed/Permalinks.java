package com.investchn.content.feed;

import com.investchn.content.common.config.ContentApiConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Where an article lives on the portal and what it is called for ever: the permalink template
 * (configured, or the site's baseUrl + /articles/{slug}) and the stable id template. Checked at
 * start-up, so a template without its placeholder never reaches a feed.
 */
@Startup
@ApplicationScoped
class Permalinks {

  static final String SLUG = "{slug}";
  static final String ID = "{id}";

  /** Path of an article on the portal when no template is configured. */
  static final String DEFAULT_PATH = "/articles/" + SLUG;

  private final Optional<String> articleUrl;
  private final String articleId;

  Permalinks(ContentApiConfig config) {
    this.articleUrl = config.site().articleUrl().map(String::trim).filter(url -> !url.isEmpty());
    this.articleId = config.site().articleId().trim();
    articleUrl.ifPresent(
        url -> {
          if (!url.contains(SLUG) && !url.contains(ID)) {
            throw new IllegalStateException(
                "content-api.site.article-url must contain {slug} or {id}: " + url);
          }
          if (!url.startsWith("https://") && !url.startsWith("http://")) {
            throw new IllegalStateException(
                "content-api.site.article-url must be an absolute http(s) URL: " + url);
          }
        });
    if (!articleId.contains(ID)) {
      throw new IllegalStateException(
          "content-api.site.article-id must contain {id}, so that no two articles share one: "
              + articleId);
    }
  }

  /**
   * The permalink template in force: the configured one; else the site's baseUrl with {@link
   * #DEFAULT_PATH}; else, on an installation whose site record names no baseUrl, the article's own
   * API address, which is absolute and always resolves.
   */
  String articleTemplate(String siteBaseUrl, String apiOrigin) {
    if (articleUrl.isPresent()) {
      return articleUrl.get();
    }
    if (siteBaseUrl != null && !siteBaseUrl.isBlank()) {
      return withoutTrailingSlash(siteBaseUrl.trim()) + DEFAULT_PATH;
    }
    return apiOrigin + "/api/v1/articles/" + SLUG;
  }

  /** An article's permalink: {slug} is its slug, or its id when it has none. */
  static String expand(String template, long id, String slug) {
    String idText = Long.toString(id);
    return template.replace(SLUG, slug == null ? idText : slug).replace(ID, idText);
  }

  /** An article's id in every feed: the same for as long as the article exists. */
  String entryId(long id) {
    return articleId.replace(ID, Long.toString(id));
  }

  static String withoutTrailingSlash(String url) {
    String result = url;
    while (result.endsWith("/")) {
      result = result.substring(0, result.length() - 1);
    }
    return result;
  }
}
