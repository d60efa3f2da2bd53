package com.investchn.content.admin;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.investchn.content.admin.ImportReport.RejectedLine;
import com.investchn.content.admin.NdjsonLineReader.Line;
import com.investchn.content.article.Article;
import com.investchn.content.article.ArticleEditor;
import com.investchn.content.article.ArticleInput;
import com.investchn.content.article.ArticleKeyHolders;
import com.investchn.content.article.ArticleRepository;
import com.investchn.content.article.CheckedArticle;
import com.investchn.content.category.Category;
import com.investchn.content.category.CategoryCatalog;
import com.investchn.content.category.CategoryEditor;
import com.investchn.content.category.CategoryInput;
import com.investchn.content.category.CategoryRepository;
import com.investchn.content.common.change.Change;
import com.investchn.content.common.change.ChangeLog;
import com.investchn.content.common.config.ContentApiConfig;
import com.investchn.content.common.log.LogText;
import com.investchn.content.common.problem.DatabaseErrors;
import com.investchn.content.common.problem.ProblemException;
import com.investchn.content.common.problem.ValidationFailedException;
import com.investchn.content.common.tombstone.TombstoneRepository;
import com.investchn.content.common.write.BodyValidation;
import com.investchn.content.site.Site;
import com.investchn.content.site.SiteEditor;
import com.investchn.content.site.SiteInput;
import com.investchn.content.site.SiteRepository;
import com.investchn.content.zone.Zone;
import com.investchn.content.zone.ZoneCatalog;
import com.investchn.content.zone.ZoneEditor;
import com.investchn.content.zone.ZoneInput;
import com.investchn.content.zone.ZoneRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Imports NDJSON as a stream: lines are read one by one (each bounded in length) and committed in
 * batches bounded by count and by bytes, so neither the upload nor the import's work is ever held
 * whole in memory. Every line is an upsert (zones and categories by slug, articles by externalId or
 * slug) that writes only when something differs, so importing the same file again changes nothing.
 * The importer only turns slugs into ids and reports per line; every write rule belongs to the
 * editors ({@code check} and {@code apply}), so an import enforces exactly what the editorial API
 * enforces, with the same messages. A bad line is reported with its number and never costs the good
 * lines around it.
 */
@ApplicationScoped
class NdjsonImporter {

  private static final Logger LOG = Logger.getLogger(NdjsonImporter.class);

  /** Longest reason kept for a rejected line; a reason can quote a value from the line. */
  private static final int MAX_REASON_CHARS = 300;

  /** What a line did. */
  private enum Result {
    CREATED,
    UPDATED,
    UNCHANGED,
    SKIPPED_DELETED,
    SKIPPED_NEWER,
    REJECTED
  }

  /** What one line did, and what it changed for the change log. */
  private record Outcome(String type, Result result, String reason, Change change) {
    static Outcome rejected(String reason) {
      return new Outcome(null, Result.REJECTED, reason, null);
    }
  }

  /** The fields every line may carry besides its content: its type, times and authors. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  private record LineMeta(
      String type,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt,
      String createdBy,
      String updatedBy) {}

  /** createdBy and updatedBy for a row a line creates. */
  private record Authors(String createdBy, String updatedBy) {}

  /** Meta fields, which are not part of an editor's input. */
  private static final List<String> META_FIELDS =
      List.of("type", "createdAt", "updatedAt", "createdBy", "updatedBy");

  private final ObjectMapper json;
  private final ZoneRepository zones;
  private final CategoryRepository categories;
  private final ArticleRepository articles;
  private final SiteRepository sites;
  private final TombstoneRepository tombstones;
  private final ArticleEditor articleEditor;
  private final ZoneEditor zoneEditor;
  private final CategoryEditor categoryEditor;
  private final SiteEditor siteEditor;
  private final ChangeLog changes;
  private final ZoneCatalog zoneCatalog;
  private final CategoryCatalog categoryCatalog;
  private final int batchLines;
  private final long batchBytes;
  private final int maxLineBytes;
  private final int maxRejectionsListed;

  public NdjsonImporter(
      ObjectMapper json,
      ZoneRepository zones,
      CategoryRepository categories,
      ArticleRepository articles,
      SiteRepository sites,
      TombstoneRepository tombstones,
      ArticleEditor articleEditor,
      ZoneEditor zoneEditor,
      CategoryEditor categoryEditor,
      SiteEditor siteEditor,
      ChangeLog changes,
      ZoneCatalog zoneCatalog,
      CategoryCatalog categoryCatalog,
      ContentApiConfig config) {
    this.json = json;
    this.zones = zones;
    this.categories = categories;
    this.articles = articles;
    this.sites = sites;
    this.tombstones = tombstones;
    this.articleEditor = articleEditor;
    this.zoneEditor = zoneEditor;
    this.categoryEditor = categoryEditor;
    this.siteEditor = siteEditor;
    this.changes = changes;
    this.zoneCatalog = zoneCatalog;
    this.categoryCatalog = categoryCatalog;
    this.batchLines = Math.max(1, config.admin().importBatchSize());
    this.batchBytes = Math.max(1, config.admin().importBatchBytes().asLongValue());
    this.maxLineBytes =
        (int) Math.min(Integer.MAX_VALUE - 16, config.admin().importMaxLineBytes().asLongValue());
    this.maxRejectionsListed = Math.max(0, config.admin().importMaxRejectionsListed());
  }

  public ImportReport importFrom(InputStream upload, ImportOptions options, String actor) {
    long started = System.nanoTime();
    Tally tally = new Tally(maxRejectionsListed);
    try {
      NdjsonLineReader reader = new NdjsonLineReader(upload, maxLineBytes);
      List<Line> batch = new ArrayList<>();
      long bytes = 0;
      Line line;
      while ((line = reader.next()) != null) {
        if (line.isBlank()) {
          continue;
        }
        tally.lines++;
        if (line.tooLong()) {
          tally.reject(
              line.number(),
              "line: is "
                  + line.length()
                  + " bytes long; at most "
                  + maxLineBytes
                  + " bytes are accepted per line");
          continue;
        }
        batch.add(line);
        bytes += line.length();
        if (batch.size() >= batchLines || bytes >= batchBytes) {
          commit(batch, options, tally, actor);
          batch.clear();
          bytes = 0;
        }
      }
      commit(batch, options, tally, actor);
    } catch (IOException e) {
      throw new UncheckedIOException("The upload could not be read", e);
    } finally {
      zoneCatalog.invalidate();
      categoryCatalog.invalidate();
    }
    LOG.infof(
        "Import by %s: %d lines, %d rejected, in %d ms",
        LogText.escape(actor),
        tally.lines,
        tally.rejectedCount,
        (System.nanoTime() - started) / 1_000_000);
    return tally.report();
  }

  /**
   * Commits a batch in one transaction. When something the checks did not foresee fails inside it
   * (a constraint, a concurrent import of the same rows), the batch is redone line by line, each
   * line in a transaction of its own whose result counts at once, so only the bad line is lost.
   */
  private void commit(List<Line> batch, ImportOptions options, Tally tally, String actor) {
    if (batch.isEmpty()) {
      return;
    }
    List<Outcome> outcomes;
    try {
      outcomes =
          QuarkusTransaction.requiringNew().call(() -> processInTransaction(batch, options, actor));
    } catch (RuntimeException batchFailure) {
      if (DatabaseErrors.isUnreachable(batchFailure)) {
        throw batchFailure;
      }
      LOG.debugf(
          batchFailure, "Import batch failed; retrying its %d lines one by one", batch.size());
      outcomes = new ArrayList<>(batch.size());
      for (Line line : batch) {
        outcomes.add(processAlone(line, options, actor));
      }
    }
    for (int i = 0; i < batch.size(); i++) {
      tally.count(batch.get(i).number(), outcomes.get(i));
    }
  }

  /** Tries a line that lost a race with a concurrent writer at most this often. */
  private static final int ATTEMPTS = 4;

  /**
   * One line in a transaction of its own. A line that loses a race with a concurrent import (both
   * create the same slug, or wait on each other's rows) is tried again, when it finds the other
   * import's row.
   */
  private Outcome processAlone(Line line, ImportOptions options, String actor) {
    for (int attempt = 1; ; attempt++) {
      try {
        return QuarkusTransaction.requiringNew()
            .call(() -> processInTransaction(List.of(line), options, actor).get(0));
      } catch (RuntimeException failure) {
        if (DatabaseErrors.isUnreachable(failure)) {
          throw failure;
        }
        if (attempt < ATTEMPTS && DatabaseErrors.isLostRace(failure)) {
          continue;
        }
        LOG.warnf(failure, "Import line %d could not be stored", line.number());
        return Outcome.rejected(storageReason(failure));
      }
    }
  }

  /** Processes lines in the caller's transaction and appends what they changed to the log. */
  private List<Outcome> processInTransaction(
      List<Line> lines, ImportOptions options, String actor) {
    // Queries in the batch need not see its own unflushed changes (inserts are written at once;
    // the database's constraints catch the rest), and without this every query would dirty-check
    // every row the batch has touched, which grows with the square of the batch.
    articles
        .getEntityManager()
        .unwrap(org.hibernate.Session.class)
        .setHibernateFlushMode(org.hibernate.FlushMode.COMMIT);
    References references = new References();
    List<JsonNode> nodes = new ArrayList<>(lines.size());
    for (Line line : lines) {
      nodes.add(parse(line));
    }
    prefetchArticles(nodes, references);
    List<Outcome> outcomes = new ArrayList<>(lines.size());
    List<Change> changed = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Outcome outcome = process(nodes.get(i), references, options, actor);
      outcomes.add(outcome);
      if (outcome.change() != null) {
        changed.add(outcome.change());
      }
    }
    articles.flush();
    changes.append(changed, actor);
    return outcomes;
  }

  /** The line as JSON, or null when it is not JSON at all. */
  private JsonNode parse(Line line) {
    try {
      return json.readTree(line.bytes());
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * The articles and tombstones a batch's article lines name, each looked up once per batch instead
   * of once per line.
   */
  private void prefetchArticles(List<JsonNode> nodes, References references) {
    java.util.Set<String> slugs = new java.util.HashSet<>();
    java.util.Set<String> externalIds = new java.util.HashSet<>();
    for (JsonNode node : nodes) {
      if (node != null
          && node.isObject()
          && TransferLines.ARTICLE.equals(node.path("type").asText())) {
        if (node.path("slug").isTextual()) {
          slugs.add(node.get("slug").asText());
        }
        if (node.path("externalId").isTextual()) {
          externalIds.add(node.get("externalId").asText());
        }
      }
    }
    references.prefetchedSlugs.addAll(slugs);
    references.prefetchedExternalIds.addAll(externalIds);
    if (!slugs.isEmpty()) {
      articles.list("slug in ?1", slugs).forEach(a -> references.articlesBySlug.put(a.slug, a));
      references.deletedSlugs.addAll(tombstones.deletedArticleSlugs(slugs));
    }
    if (!externalIds.isEmpty()) {
      articles
          .list("externalId in ?1", externalIds)
          .forEach(a -> references.articlesByExternalId.put(a.externalId, a));
      references.deletedExternalIds.addAll(tombstones.deletedArticleExternalIds(externalIds));
    }
  }

  private Outcome process(
      JsonNode node, References references, ImportOptions options, String actor) {
    if (node == null) {
      return Outcome.rejected("not valid JSON");
    }
    if (!node.isObject()) {
      return Outcome.rejected("must be a JSON object");
    }
    LineMeta meta;
    try {
      meta = json.treeToValue(node, LineMeta.class);
    } catch (JsonMappingException e) {
      return Outcome.rejected(
          BodyValidation.field(e) + ": has a value of the wrong type or format");
    } catch (JsonProcessingException e) {
      return Outcome.rejected("not a valid line");
    }
    String type = meta.type() == null ? "" : meta.type();
    // A line that names its authors (as an export does) keeps them, even when null; a line
    // without them is written by the importing token.
    Authors authors =
        new Authors(
            node.has("createdBy") ? meta.createdBy() : actor,
            node.has("updatedBy") ? meta.updatedBy() : actor);
    ObjectNode content = ((ObjectNode) node).deepCopy();
    content.remove(META_FIELDS);
    try {
      return switch (type) {
        case TransferLines.ZONE -> zone(content, meta, authors, references, options, actor);
        case TransferLines.CATEGORY -> category(content, meta, authors, references, options, actor);
        case TransferLines.ARTICLE -> article(content, meta, authors, references, options, actor);
        case TransferLines.SITE -> site(content, meta, authors, options, actor);
        default ->
            Outcome.rejected(
                "type: must be one of site, zone, category, article; got '"
                    + truncate(type, 40)
                    + "'");
      };
    } catch (ValidationFailedException e) {
      return Outcome.rejected(
          e.errors().stream()
              .map(error -> error.field() + ": " + error.message())
              .collect(Collectors.joining("; ")));
    } catch (ProblemException e) {
      return Outcome.rejected(e.getMessage());
    }
  }

  private Outcome zone(
      ObjectNode content,
      LineMeta meta,
      Authors authors,
      References references,
      ImportOptions options,
      String actor) {
    List<String> problems = new ArrayList<>();
    rename(content, "zoneType", "type");
    resolve(content, "parent", "parentId", references.zones, zones::idOfSlug, false, problems);
    ZoneInput input = read(content, ZoneInput.class);
    if (!problems.isEmpty()) {
      return rejectedWithRules(problems, () -> zoneEditor.check(input, null));
    }
    Zone zone = input.slug() == null ? null : zones.find("slug", input.slug()).firstResult();
    if (zone == null) {
      zoneEditor.check(input, null);
      zone = new Zone();
      zoneEditor.apply(zone, input);
      zone.createdAt = instant(meta.createdAt());
      zone.updatedAt = instant(meta.updatedAt());
      zone.createdBy = authors.createdBy();
      zone.updatedBy = authors.updatedBy();
      zones.persist(zone);
      zones.flush();
      references.zones.put(zone.slug, zone.id);
      return new Outcome(
          TransferLines.ZONE,
          Result.CREATED,
          null,
          Change.changed(Change.Entity.ZONE, zone.id, zone.slug));
    }
    Zone wanted = new Zone();
    zoneEditor.apply(wanted, input);
    boolean same =
        Objects.equals(zone.name, wanted.name)
            && Objects.equals(zone.nameEn, wanted.nameEn)
            && zone.kind == wanted.kind
            && zone.level == wanted.level
            && zone.type == wanted.type
            && Objects.equals(zone.parentId, wanted.parentId);
    if (same) {
      return new Outcome(TransferLines.ZONE, Result.UNCHANGED, null, null);
    }
    if (isNewerHere(zone.updatedAt, meta, options)) {
      return new Outcome(TransferLines.ZONE, Result.SKIPPED_NEWER, null, null);
    }
    zoneEditor.check(input, zone);
    boolean moved = !Objects.equals(zone.parentId, input.parentId());
    zoneEditor.apply(zone, input);
    zone.updatedBy = actor;
    zones.flush();
    return new Outcome(
        TransferLines.ZONE,
        Result.UPDATED,
        null,
        moved
            ? Change.changed(Change.Entity.ZONE, zone.id, zone.slug).asMove()
            : Change.changed(Change.Entity.ZONE, zone.id, zone.slug));
  }

  private Outcome category(
      ObjectNode content,
      LineMeta meta,
      Authors authors,
      References references,
      ImportOptions options,
      String actor) {
    List<String> problems = new ArrayList<>();
    resolve(
        content,
        "parent",
        "parentId",
        references.categories,
        categories::idOfSlug,
        false,
        problems);
    CategoryInput input = read(content, CategoryInput.class);
    if (!problems.isEmpty()) {
      return rejectedWithRules(problems, () -> categoryEditor.check(input, null));
    }
    Category category =
        input.slug() == null ? null : categories.find("slug", input.slug()).firstResult();
    if (category == null) {
      categoryEditor.check(input, null);
      category = new Category();
      categoryEditor.apply(category, input);
      category.createdAt = instant(meta.createdAt());
      category.updatedAt = instant(meta.updatedAt());
      category.createdBy = authors.createdBy();
      category.updatedBy = authors.updatedBy();
      categories.persist(category);
      categories.flush();
      references.categories.put(category.slug, category.id);
      return new Outcome(
          TransferLines.CATEGORY,
          Result.CREATED,
          null,
          Change.changed(Change.Entity.CATEGORY, category.id, category.slug));
    }
    Category wanted = new Category();
    categoryEditor.apply(wanted, input);
    boolean same =
        Objects.equals(category.name, wanted.name)
            && Objects.equals(category.nameEn, wanted.nameEn)
            && Objects.equals(category.parentId, wanted.parentId)
            && category.position == wanted.position
            && category.zoneScoped == wanted.zoneScoped;
    if (same) {
      return new Outcome(TransferLines.CATEGORY, Result.UNCHANGED, null, null);
    }
    if (isNewerHere(category.updatedAt, meta, options)) {
      return new Outcome(TransferLines.CATEGORY, Result.SKIPPED_NEWER, null, null);
    }
    categoryEditor.check(input, category);
    boolean moved = !Objects.equals(category.parentId, input.parentId());
    categoryEditor.apply(category, input);
    category.updatedBy = actor;
    categories.flush();
    return new Outcome(
        TransferLines.CATEGORY,
        Result.UPDATED,
        null,
        moved
            ? Change.changed(Change.Entity.CATEGORY, category.id, category.slug).asMove()
            : Change.changed(Change.Entity.CATEGORY, category.id, category.slug));
  }

  private Outcome article(
      ObjectNode content,
      LineMeta meta,
      Authors authors,
      References references,
      ImportOptions options,
      String actor) {
    List<String> problems = new ArrayList<>();
    String slug = text(content, "slug");
    String externalId = text(content, "externalId");
    if (slug == null && externalId == null) {
      problems.add(
          "slug or externalId: one is needed, so that importing again updates the article");
    }
    resolve(
        content,
        "category",
        "categoryId",
        references.categories,
        categories::idOfSlug,
        true,
        problems);
    resolve(content, "zone", "zoneId", references.zones, zones::idOfSlug, true, problems);
    resolve(
        content,
        "publisherZone",
        "publisherZoneId",
        references.zones,
        zones::idOfSlug,
        false,
        problems);
    ArticleInput input = read(content, ArticleInput.class);
    if (!problems.isEmpty()) {
      return rejectedWithRules(problems, () -> articleEditor.check(input, null));
    }
    Article existing =
        externalId != null
            ? references.articlesByExternalId.get(externalId)
            : references.articlesBySlug.get(slug);
    if (existing == null) {
      boolean deleted =
          (externalId != null && references.deletedExternalIds.contains(externalId))
              || (slug != null && references.deletedSlugs.contains(slug));
      if (!options.restoreDeleted() && deleted) {
        return new Outcome(TransferLines.ARTICLE, Result.SKIPPED_DELETED, null, null);
      }
      CheckedArticle checked = articleEditor.check(input, null, keyHolders(references));
      Article article = new Article();
      articleEditor.apply(article, checked);
      article.createdAt = instant(meta.createdAt());
      article.updatedAt = instant(meta.updatedAt());
      article.createdBy = authors.createdBy();
      article.updatedBy = authors.updatedBy();
      articles.persist(article);
      // A later line of the batch about the same article updates this one.
      references.holds(article, null, null);
      return new Outcome(
          TransferLines.ARTICLE,
          Result.CREATED,
          null,
          Change.article(article.id, article.slug, false, ArticleEditor.isPublic(article)));
    }
    CheckedArticle checked = articleEditor.check(input, existing, keyHolders(references));
    // What a line leaves out stays as stored, exactly as an editorial update would keep it.
    Article wanted = new Article();
    wanted.slug = existing.slug;
    wanted.publishedAt = existing.publishedAt;
    articleEditor.apply(wanted, checked);
    if (sameContent(existing, wanted)) {
      return new Outcome(TransferLines.ARTICLE, Result.UNCHANGED, null, null);
    }
    if (isNewerHere(existing.updatedAt, meta, options)) {
      return new Outcome(TransferLines.ARTICLE, Result.SKIPPED_NEWER, null, null);
    }
    boolean wasPublic = ArticleEditor.isPublic(existing);
    String oldSlug = existing.slug;
    String oldExternalId = existing.externalId;
    articleEditor.apply(existing, checked);
    existing.updatedBy = actor;
    if (!Objects.equals(oldSlug, existing.slug)
        || !Objects.equals(oldExternalId, existing.externalId)) {
      // A later line of the batch may take the freed key: its insert runs at once, so the row
      // must not hold it any more by then.
      articles.flush();
    }
    references.holds(existing, oldSlug, oldExternalId);
    return new Outcome(
        TransferLines.ARTICLE,
        Result.UPDATED,
        null,
        Change.article(existing.id, existing.slug, wasPublic, ArticleEditor.isPublic(existing)));
  }

  /** The batch's key holders, and the editor's own lookup for anything else. */
  private ArticleKeyHolders keyHolders(References references) {
    return references.keyHolders(articleEditor::storedHolder);
  }

  private static boolean sameContent(Article a, Article b) {
    return Objects.equals(a.slug, b.slug)
        && Objects.equals(a.externalId, b.externalId)
        && Objects.equals(a.title, b.title)
        && Objects.equals(a.summary, b.summary)
        && Objects.equals(a.body, b.body)
        && Objects.equals(a.publishedAt, b.publishedAt)
        && Objects.equals(a.source, b.source)
        && Objects.equals(a.sourceUrl, b.sourceUrl)
        && Objects.equals(a.author, b.author)
        && Objects.equals(a.coverImageUrl, b.coverImageUrl)
        && Objects.equals(a.categoryId, b.categoryId)
        && Objects.equals(a.zoneId, b.zoneId)
        && Objects.equals(a.publisherZoneId, b.publisherZoneId)
        && a.status == b.status;
  }

  private Outcome site(
      ObjectNode content, LineMeta meta, Authors authors, ImportOptions options, String actor) {
    SiteInput input = read(content, SiteInput.class);
    siteEditor.check(input);
    Site site = sites.findSite().orElse(null);
    if (site == null) {
      site = new Site();
      siteEditor.apply(site, input);
      site.updatedBy = authors.updatedBy();
      site.updatedAt = instant(meta.updatedAt());
      sites.persist(site);
      sites.flush();
      return new Outcome(
          TransferLines.SITE,
          Result.CREATED,
          null,
          Change.changed(Change.Entity.SITE, site.id, null));
    }
    Site wanted = new Site();
    siteEditor.apply(wanted, input);
    if (sameSite(site, wanted)) {
      return new Outcome(TransferLines.SITE, Result.UNCHANGED, null, null);
    }
    if (isNewerHere(site.updatedAt, meta, options)) {
      return new Outcome(TransferLines.SITE, Result.SKIPPED_NEWER, null, null);
    }
    siteEditor.apply(site, input);
    site.updatedBy = actor;
    sites.flush();
    return new Outcome(
        TransferLines.SITE,
        Result.UPDATED,
        null,
        Change.changed(Change.Entity.SITE, site.id, null));
  }

  private static boolean sameSite(Site a, Site b) {
    return Objects.equals(a.name, b.name)
        && Objects.equals(a.nameEn, b.nameEn)
        && Objects.equals(a.slogan, b.slogan)
        && Objects.equals(a.baseUrl, b.baseUrl)
        && Objects.equals(a.logoUrl, b.logoUrl)
        && Objects.equals(a.locale, b.locale)
        && Objects.equals(a.timezone, b.timezone)
        && Objects.equals(a.phone, b.phone)
        && Objects.equals(a.fax, b.fax)
        && Objects.equals(a.email, b.email)
        && Objects.equals(a.address, b.address)
        && Objects.equals(a.copyright, b.copyright)
        && Objects.equals(a.icpLicense, b.icpLicense);
  }

  /**
   * Whether the stored row changed after the line was written, so that the line would undo an
   * editorial decision made here. A line without updatedAt is taken as current.
   */
  private static boolean isNewerHere(
      Instant storedUpdatedAt, LineMeta meta, ImportOptions options) {
    return !options.overwriteNewer()
        && meta.updatedAt() != null
        && storedUpdatedAt != null
        && storedUpdatedAt.isAfter(meta.updatedAt().toInstant());
  }

  /**
   * Turns the slug a line names in {@code field} into the id an editor's input carries in {@code
   * idField}, or records why it cannot.
   */
  private static void resolve(
      ObjectNode content,
      String field,
      String idField,
      Map<String, Long> known,
      java.util.function.Function<String, Long> lookup,
      boolean required,
      List<String> problems) {
    JsonNode value = content.remove(field);
    if (value == null || value.isNull()) {
      if (required) {
        problems.add(field + ": must name a " + (field.equals("category") ? "category" : "zone"));
      }
      return;
    }
    if (!value.isTextual()) {
      problems.add(field + ": must be a slug");
      return;
    }
    String slug = value.asText();
    Long id = known.computeIfAbsent(slug, lookup);
    if (id == null) {
      known.remove(slug);
      problems.add(field + ": names nothing with slug '" + truncate(slug, 100) + "'");
      return;
    }
    content.put(idField, id);
  }

  /**
   * A line whose references could not be resolved, reported with everything else the editor's rules
   * find wrong with it, so one pass shows every problem of the line. The id fields the importer
   * could not fill are left out: their reason is already the unresolved slug.
   */
  private static Outcome rejectedWithRules(List<String> referenceProblems, Runnable check) {
    List<String> problems = new ArrayList<>(referenceProblems);
    java.util.Set<String> unfilled =
        referenceProblems.stream()
            .map(problem -> problem.substring(0, problem.indexOf(':')) + "Id")
            .collect(Collectors.toSet());
    try {
      check.run();
    } catch (ValidationFailedException e) {
      e.errors().stream()
          .filter(error -> !unfilled.contains(error.field()))
          .forEach(error -> problems.add(error.field() + ": " + error.message()));
    } catch (ProblemException e) {
      problems.add(e.getMessage());
    }
    return Outcome.rejected(String.join("; ", problems));
  }

  private <T> T read(ObjectNode content, Class<T> type) {
    try {
      return json.treeToValue(content, type);
    } catch (JsonMappingException e) {
      // The API's rule, also for a line: a member nobody reads is a typo until proven otherwise.
      throw BodyValidation.unmapped(e);
    } catch (JsonProcessingException e) {
      throw ValidationFailedException.of("", "is not a valid line");
    }
  }

  private static void rename(ObjectNode content, String from, String to) {
    content.remove(to);
    JsonNode value = content.remove(from);
    if (value != null) {
      content.set(to, value);
    }
  }

  private static String text(ObjectNode content, String field) {
    JsonNode value = content.get(field);
    return value == null || !value.isTextual() ? null : value.asText();
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant().truncatedTo(ChronoUnit.MICROS);
  }

  /** A reason for a line the database refused, in the application's words. */
  private static String storageReason(RuntimeException failure) {
    String constraint = DatabaseErrors.constraintName(failure);
    if (constraint != null) {
      if (constraint.contains("uk_article_slug")) {
        return "slug: already used by another article";
      }
      if (constraint.contains("uk_article_external_id")) {
        return "externalId: already used by another article";
      }
      if (constraint.contains("uk_zone_slug") || constraint.contains("uk_category_slug")) {
        return "slug: already used by another row of this type";
      }
      if (constraint.startsWith("fk_")) {
        return "refers to a zone or category that was deleted meanwhile";
      }
    }
    if (DatabaseErrors.isValueTooLong(failure)) {
      return "a value is longer than the database column that stores it";
    }
    return "could not be stored because of a database error (logged with the line number)";
  }

  private static String truncate(String value, int max) {
    if (value.codePointCount(0, value.length()) <= max) {
      return value;
    }
    return value.substring(0, value.offsetByCodePoints(0, max)) + "…";
  }

  /** What one transaction looked up, so a batch looks each slug and article up once. */
  private static final class References {
    final Map<String, Long> zones = new HashMap<>();
    final Map<String, Long> categories = new HashMap<>();
    final Map<String, Article> articlesBySlug = new HashMap<>();
    final Map<String, Article> articlesByExternalId = new HashMap<>();
    final java.util.Set<String> deletedSlugs = new java.util.HashSet<>();
    final java.util.Set<String> deletedExternalIds = new java.util.HashSet<>();

    /** Keys whose holders were all read up front: the maps above answer for them. */
    final java.util.Set<String> prefetchedSlugs = new java.util.HashSet<>();

    final java.util.Set<String> prefetchedExternalIds = new java.util.HashSet<>();

    /** Holders of the batch's keys from memory, any other key from the editor's own query. */
    ArticleKeyHolders keyHolders(ArticleKeyHolders stored) {
      return (field, value) -> {
        if (field.equals("slug") && prefetchedSlugs.contains(value)) {
          return java.util.Optional.ofNullable(articlesBySlug.get(value)).map(a -> a.id);
        }
        if (field.equals("externalId") && prefetchedExternalIds.contains(value)) {
          return java.util.Optional.ofNullable(articlesByExternalId.get(value)).map(a -> a.id);
        }
        return stored.holder(field, value);
      };
    }

    /** An article the batch created or whose keys it changed: later lines see its new keys. */
    void holds(Article article, String oldSlug, String oldExternalId) {
      if (oldSlug != null && articlesBySlug.get(oldSlug) == article) {
        articlesBySlug.remove(oldSlug);
      }
      if (oldExternalId != null && articlesByExternalId.get(oldExternalId) == article) {
        articlesByExternalId.remove(oldExternalId);
      }
      articlesBySlug.put(article.slug, article);
      if (article.externalId != null) {
        articlesByExternalId.put(article.externalId, article);
      }
    }
  }

  /** Counts per type and result, and the first rejected lines. */
  private static final class Tally {
    private final Map<Result, Map<String, Long>> counts = new EnumMap<>(Result.class);
    private final List<RejectedLine> rejected = new ArrayList<>();
    private final int maxListed;
    private long lines;
    private long rejectedCount;

    Tally(int maxListed) {
      this.maxListed = maxListed;
    }

    void count(long lineNumber, Outcome outcome) {
      if (outcome.result() == Result.REJECTED) {
        reject(lineNumber, outcome.reason());
        return;
      }
      counts
          .computeIfAbsent(outcome.result(), result -> new TreeMap<>())
          .merge(outcome.type(), 1L, Long::sum);
    }

    void reject(long lineNumber, String reason) {
      rejectedCount++;
      if (rejected.size() < maxListed) {
        rejected.add(new RejectedLine(lineNumber, truncate(reason, MAX_REASON_CHARS)));
      }
    }

    ImportReport report() {
      return new ImportReport(
          lines,
          totals(Result.CREATED),
          totals(Result.UPDATED),
          totals(Result.UNCHANGED),
          totals(Result.SKIPPED_DELETED),
          totals(Result.SKIPPED_NEWER),
          rejectedCount,
          List.copyOf(rejected),
          rejectedCount > rejected.size());
    }

    private Map<String, Long> totals(Result result) {
      Map<String, Long> totals = new TreeMap<>();
      Map<String, Long> byType = counts.getOrDefault(result, Map.of());
      for (String type :
          List.of(
              TransferLines.SITE,
              TransferLines.ZONE,
              TransferLines.CATEGORY,
              TransferLines.ARTICLE)) {
        totals.put(type, byType.getOrDefault(type, 0L));
      }
      return totals;
    }
  }
}
