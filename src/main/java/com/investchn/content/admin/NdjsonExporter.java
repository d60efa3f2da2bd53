package com.investchn.content.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.investchn.content.admin.TransferLines.ArticleLine;
import com.investchn.content.admin.TransferLines.CategoryLine;
import com.investchn.content.admin.TransferLines.SiteLine;
import com.investchn.content.admin.TransferLines.ZoneLine;
import com.investchn.content.article.Article;
import com.investchn.content.article.ArticleRepository;
import com.investchn.content.category.Category;
import com.investchn.content.category.CategoryRepository;
import com.investchn.content.common.time.PortalTime;
import com.investchn.content.site.SiteRepository;
import com.investchn.content.zone.Zone;
import com.investchn.content.zone.ZoneRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Streams the whole content as NDJSON in an order an import can replay: the site, zones and
 * categories parents first, then articles by id, read in keyset batches so memory stays flat.
 */
@ApplicationScoped
public class NdjsonExporter {

  private static final int ARTICLE_BATCH = 500;

  private final ObjectMapper json;
  private final SiteRepository sites;
  private final ZoneRepository zones;
  private final CategoryRepository categories;
  private final ArticleRepository articles;

  public NdjsonExporter(
      ObjectMapper json,
      SiteRepository sites,
      ZoneRepository zones,
      CategoryRepository categories,
      ArticleRepository articles) {
    this.json = json.copy().disable(SerializationFeature.INDENT_OUTPUT);
    this.sites = sites;
    this.zones = zones;
    this.categories = categories;
    this.articles = articles;
  }

  public void exportTo(OutputStream output) throws IOException {
    Writer out =
        new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 1 << 16);
    Map<Long, String> zoneSlugs = new HashMap<>();
    Map<Long, String> categorySlugs = new HashMap<>();
    List<Object> head =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  List<Object> lines = new java.util.ArrayList<>();
                  sites
                      .findSite()
                      .ifPresent(
                          site ->
                              lines.add(
                                  new SiteLine(
                                      TransferLines.SITE,
                                      site.name,
                                      site.nameEn,
                                      site.slogan,
                                      site.baseUrl,
                                      site.logoUrl,
                                      site.locale,
                                      site.timezone,
                                      site.phone,
                                      site.fax,
                                      site.email,
                                      site.address,
                                      site.copyright,
                                      site.icpLicense,
                                      PortalTime.toPortal(site.updatedAt),
                                      site.updatedBy)));
                  List<Zone> allZones = zones.listAll();
                  allZones.forEach(zone -> zoneSlugs.put(zone.id, zone.slug));
                  for (Zone zone : parentsFirst(allZones, z -> z.id, z -> z.parentId)) {
                    lines.add(
                        new ZoneLine(
                            TransferLines.ZONE,
                            zone.slug,
                            zone.name,
                            zone.nameEn,
                            wire(zone.kind),
                            wire(zone.level),
                            wire(zone.type),
                            zoneSlugs.get(zone.parentId),
                            PortalTime.toPortal(zone.createdAt),
                            PortalTime.toPortal(zone.updatedAt),
                            zone.createdBy,
                            zone.updatedBy));
                  }
                  List<Category> allCategories = categories.listAll();
                  allCategories.forEach(category -> categorySlugs.put(category.id, category.slug));
                  for (Category category :
                      parentsFirst(allCategories, c -> c.id, c -> c.parentId)) {
                    lines.add(
                        new CategoryLine(
                            TransferLines.CATEGORY,
                            category.slug,
                            category.name,
                            category.nameEn,
                            categorySlugs.get(category.parentId),
                            category.position,
                            category.zoneScoped,
                            PortalTime.toPortal(category.createdAt),
                            PortalTime.toPortal(category.updatedAt),
                            category.createdBy,
                            category.updatedBy));
                  }
                  return lines;
                });
    for (Object line : head) {
      writeLine(out, line);
    }
    long lastId = 0;
    while (true) {
      long after = lastId;
      List<Article> batch =
          QuarkusTransaction.requiringNew()
              .call(
                  () ->
                      articles
                          .find("id > ?1", Sort.ascending("id"), after)
                          .page(Page.ofSize(ARTICLE_BATCH))
                          .list());
      if (batch.isEmpty()) {
        break;
      }
      for (Article article : batch) {
        writeLine(out, line(article, zoneSlugs, categorySlugs));
      }
      lastId = batch.get(batch.size() - 1).id;
      out.flush();
    }
    out.flush();
  }

  private ArticleLine line(
      Article article, Map<Long, String> zoneSlugs, Map<Long, String> categorySlugs) {
    return new ArticleLine(
        TransferLines.ARTICLE,
        article.slug,
        article.externalId,
        article.title,
        article.summary,
        article.body,
        PortalTime.toPortal(article.publishedAt),
        article.source,
        article.sourceUrl,
        article.author,
        article.coverImageUrl,
        categorySlugs.get(article.categoryId),
        zoneSlugs.get(article.zoneId),
        zoneSlugs.get(article.publisherZoneId),
        article.status.wireName(),
        PortalTime.toPortal(article.createdAt),
        PortalTime.toPortal(article.updatedAt),
        article.createdBy,
        article.updatedBy);
  }

  private void writeLine(Writer out, Object line) throws IOException {
    out.write(json.writeValueAsString(line));
    out.write('\n');
  }

  private static String wire(Enum<?> value) {
    return value == null ? null : value.name().toLowerCase(Locale.ROOT);
  }

  /** Depth first, then id: every parent is written before its children. */
  private static <T> List<T> parentsFirst(
      List<T> nodes, Function<T, Long> idOf, Function<T, Long> parentIdOf) {
    Map<Long, T> byId = new HashMap<>();
    nodes.forEach(node -> byId.put(idOf.apply(node), node));
    Map<Long, Integer> depth = new HashMap<>();
    for (T node : nodes) {
      int d = 0;
      Long parent = parentIdOf.apply(node);
      while (parent != null && byId.containsKey(parent) && d < 100) {
        d++;
        parent = parentIdOf.apply(byId.get(parent));
      }
      depth.put(idOf.apply(node), d);
    }
    return nodes.stream()
        .sorted(Comparator.comparing((T node) -> depth.get(idOf.apply(node))).thenComparing(idOf))
        .toList();
  }
}
