package com.investchn.content.publication;

import com.investchn.content.article.ArticleDetail;
import com.investchn.content.article.ArticleService;
import com.investchn.content.category.CategoryService;
import com.investchn.content.common.change.Change;
import com.investchn.content.common.edge.IdOrSlug;
import com.investchn.content.site.SiteService;
import com.investchn.content.zone.ZoneService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * What the public API serves, right now, for one entity the change log names: the very record
 * {@code GET /api/v1/articles/{id}}, {@code /zones/{id}}, {@code /categories/{id}} or {@code /site}
 * answers, or nothing when that answer is a 404. The followers of the log (the change feed,
 * webhooks) send it as their {@code data}, so a partner's copy is byte for byte the public one.
 */
@ApplicationScoped
public class PublicContent {

  private final ArticleService articles;
  private final ZoneService zones;
  private final CategoryService categories;
  private final SiteService site;

  public PublicContent(
      ArticleService articles, ZoneService zones, CategoryService categories, SiteService site) {
    this.articles = articles;
    this.zones = zones;
    this.categories = categories;
    this.site = site;
  }

  /** The public representation of the entity, or empty when the public API does not show it. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Object> current(Change.Entity entity, long id) {
    IdOrSlug key = IdOrSlug.parse(Long.toString(id));
    return switch (entity) {
      case ARTICLE -> articles.find(key).map(Object.class::cast);
      case ZONE -> zones.find(key).map(Object.class::cast);
      case CATEGORY -> categories.find(key).map(Object.class::cast);
      case SITE -> site.site().map(Object.class::cast);
    };
  }

  /** The public article with this id, for followers that filter by its category and zone. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<ArticleDetail> article(long id) {
    return articles.find(IdOrSlug.parse(Long.toString(id)));
  }
}
