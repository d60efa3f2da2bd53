package com.investchn.content.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.investchn.content.admin.ImportReport.RejectedLine;
import com.investchn.content.admin.TransferLines.ArticleLine;
import com.investchn.content.admin.TransferLines.CategoryLine;
import com.investchn.content.admin.TransferLines.SiteLine;
import com.investchn.content.admin.TransferLines.ZoneLine;
import com.investchn.content.article.Article;
import com.investchn.content.article.ArticleEditor;
import com.investchn.content.article.ArticleInput;
import com.investchn.content.article.ArticleRepository;
import com.investchn.content.article.ArticleStatus;
import com.investchn.content.category.Category;
import com.investchn.content.category.CategoryCatalog;
import com.investchn.content.category.CategoryRepository;
import com.investchn.content.common.config.ContentApiConfig;
import com.investchn.content.common.web.BodyValidation;
import com.investchn.content.common.web.FieldError;
import com.investchn.content.common.web.IdOrSlug;
import com.investchn.content.site.Site;
import com.investchn.content.site.SiteRepository;
import com.investchn.content.zone.Zone;
import com.investchn.content.zone.ZoneCatalog;
import com.investchn.content.zone.ZoneKind;
import com.investchn.content.zone.ZoneLevel;
import com.investchn.content.zone.ZoneRepository;
import com.investchn.content.zone.ZoneType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Imports NDJSON as a stream: lines are read one by one and committed in batches, so neither the
 * upload nor the import's work is ever held whole in memory. Every line is an upsert (zones and
 * categories by slug, articles by externalId or slug) that writes only when something differs, so
 * importing the same file again changes nothing. A bad line is reported with its number and never
 * costs the good lines around it.
 */
@ApplicationScoped
public class NdjsonImporter {

  private static final Logger LOG = Logger.getLogger(NdjsonImporter.class);

  private enum Result {
    CREATED,
    UPDATED,
    UNCHANGED
  }

  private record Line(long number, String text) {}

  /** createdBy and updatedBy for a resource a line creates. */
  private record Authors(String createdBy, String updatedBy) {}

  /** What one line did; zone and category slugs it created become resolvable for later lines. */
  private record Outcome(String type, Result result, String reason, String slug, Long id) {}

  /** Slugs of zones and categories known so far, for references from later lines. */
  private static final class References {
    final Map<String, Long> zones = new HashMap<>();
    final Map<String, Long> categories = new HashMap<>();
  }

  /** The slug and names of a zone or category line, checked as the editorial API checks them. */
  private record SlugAndName(
      @NotBlank @Size(max = 100) @Pattern(regexp = IdOrSlug.SLUG_REGEX) String slug,
      @NotBlank @Size(max = 200) String name,
      @Size(max = 200) String nameEn) {}

  private final ObjectMapper json;
  private final Validator validator;
  private final ZoneRepository zones;
  private final CategoryRepository categories;
  private final ArticleRepository articles;
  private final SiteRepository sites;
  private final ArticleEditor articleEditor;
  private final ZoneCatalog zoneCatalog;
  private final CategoryCatalog categoryCatalog;
  private final int batchSize;

  public NdjsonImporter(
      ObjectMapper json,
      Validator validator,
      ZoneRepository zones,
      CategoryRepository categories,
      ArticleRepository articles,
      SiteRepository sites,
      ArticleEditor articleEditor,
      ZoneCatalog zoneCatalog,
      CategoryCatalog categoryCatalog,
      ContentApiConfig config) {
    this.json = json;
    this.validator = validator;
    this.zones = zones;
    this.categories = categories;
    this.articles = articles;
    this.sites = sites;
    this.articleEditor = articleEditor;
    this.zoneCatalog = zoneCatalog;
    this.categoryCatalog = categoryCatalog;
    this.batchSize = Math.max(1, config.admin().importBatchSize());
  }

  public ImportReport importFrom(InputStream upload, String actor) {
    long started = System.nanoTime();
    References references = loadReferences();
    Map<String, Map<Result, Long>> counts = new TreeMap<>();
    List<RejectedLine> rejected = new ArrayList<>();
    long lines = 0;
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(upload, StandardCharsets.UTF_8), 1 << 16)) {
      List<Line> batch = new ArrayList<>(batchSize);
      long number = 0;
      String text;
      while ((text = reader.readLine()) != null) {
        number++;
        if (text.isBlank()) {
          continue;
        }
        lines++;
        batch.add(new Line(number, text));
        if (batch.size() == batchSize) {
          commit(batch, references, counts, rejected, actor);
          batch.clear();
        }
      }
      commit(batch, references, counts, rejected, actor);
    } catch (IOException e) {
      throw new UncheckedIOException("The upload could not be read", e);
    } finally {
      zoneCatalog.invalidate();
      categoryCatalog.invalidate();
    }
    LOG.infof(
        "Import by %s: %d lines, %d rejected, in %d ms",
        actor, lines, rejected.size(), (System.nanoTime() - started) / 1_000_000);
    return new ImportReport(
        lines,
        totals(counts, Result.CREATED),
        totals(counts, Result.UPDATED),
        totals(counts, Result.UNCHANGED),
        rejected.size(),
        rejected);
  }

  /**
   * Commits a batch in one transaction. When something unforeseen fails inside it (a constraint the
   * checks did not catch), the batch is redone line by line so only the bad line is lost.
   */
  private void commit(
      List<Line> batch,
      References references,
      Map<String, Map<Result, Long>> counts,
      List<RejectedLine> rejected,
      String actor) {
    if (batch.isEmpty()) {
      return;
    }
    List<Outcome> outcomes;
    try {
      outcomes = QuarkusTransaction.requiringNew().call(() -> processAll(batch, references, actor));
    } catch (RuntimeException batchFailure) {
      outcomes = new ArrayList<>();
      for (Line line : batch) {
        try {
          outcomes.add(
              QuarkusTransaction.requiringNew()
                  .call(() -> processAll(List.of(line), references, actor).get(0)));
        } catch (RuntimeException lineFailure) {
          outcomes.add(new Outcome(null, null, reason(lineFailure), null, null));
        }
      }
    }
    for (int i = 0; i < batch.size(); i++) {
      Outcome outcome = outcomes.get(i);
      if (outcome.reason() != null) {
        rejected.add(new RejectedLine(batch.get(i).number(), outcome.reason()));
        continue;
      }
      counts
          .computeIfAbsent(outcome.type(), type -> new TreeMap<>())
          .merge(outcome.result(), 1L, Long::sum);
      if (TransferLines.ZONE.equals(outcome.type())) {
        references.zones.put(outcome.slug(), outcome.id());
      } else if (TransferLines.CATEGORY.equals(outcome.type())) {
        references.categories.put(outcome.slug(), outcome.id());
      }
    }
  }

  /** Processes lines inside the caller's transaction; references made here are visible at once. */
  private List<Outcome> processAll(List<Line> batch, References committed, String actor) {
    References local = new References();
    local.zones.putAll(committed.zones);
    local.categories.putAll(committed.categories);
    List<Outcome> outcomes = new ArrayList<>(batch.size());
    for (Line line : batch) {
      Outcome outcome = process(line, local, actor);
      if (outcome.reason() == null && outcome.slug() != null) {
        if (TransferLines.ZONE.equals(outcome.type())) {
          local.zones.put(outcome.slug(), outcome.id());
        } else if (TransferLines.CATEGORY.equals(outcome.type())) {
          local.categories.put(outcome.slug(), outcome.id());
        }
      }
      outcomes.add(outcome);
    }
    return outcomes;
  }

  private Outcome process(Line line, References references, String actor) {
    JsonNode node;
    try {
      node = json.readTree(line.text());
    } catch (JsonProcessingException e) {
      return rejected("not valid JSON");
    }
    if (node == null || !node.isObject()) {
      return rejected("must be a JSON object");
    }
    String type = node.path("type").asText("");
    // A line that names its authors (as an export does) keeps them, even when null; a line
    // without them is written by the importing token.
    Authors authors =
        new Authors(
            node.has("createdBy") ? node.get("createdBy").asText(null) : actor,
            node.has("updatedBy") ? node.get("updatedBy").asText(null) : actor);
    try {
      return switch (type) {
        case TransferLines.ZONE ->
            zone(json.treeToValue(node, ZoneLine.class), references, authors, actor);
        case TransferLines.CATEGORY ->
            category(json.treeToValue(node, CategoryLine.class), references, authors, actor);
        case TransferLines.ARTICLE ->
            article(json.treeToValue(node, ArticleLine.class), references, authors, actor);
        case TransferLines.SITE -> site(json.treeToValue(node, SiteLine.class), authors, actor);
        default ->
            rejected("type must be one of site, zone, category, article; got '" + type + "'");
      };
    } catch (JsonMappingException e) {
      return rejected(BodyValidation.field(e) + ": has a value of the wrong type or format");
    } catch (JsonProcessingException e) {
      return rejected("not a valid " + type + " line");
    }
  }

  private Outcome zone(ZoneLine line, References references, Authors authors, String actor) {
    List<String> problems =
        messages(validator.validate(new SlugAndName(line.slug(), line.name(), line.nameEn())));
    ZoneKind kind = parse(ZoneKind.class, "kind", line.kind(), true, problems);
    ZoneLevel level = parse(ZoneLevel.class, "level", line.level(), false, problems);
    ZoneType zoneType = parse(ZoneType.class, "zoneType", line.zoneType(), false, problems);
    if (kind != null && kind != ZoneKind.DEVELOPMENT_ZONE && (level != null || zoneType != null)) {
      problems.add("level and zoneType: are only for development zones");
    }
    Long parentId = null;
    if (line.parent() != null) {
      parentId = references.zones.get(line.parent());
      if (parentId == null) {
        problems.add("parent: names no zone '" + line.parent() + "' (parents must come first)");
      }
    }
    if (!problems.isEmpty()) {
      return rejected(String.join("; ", problems));
    }
    Zone zone = zones.find("slug", line.slug()).firstResult();
    if (zone == null) {
      zone = new Zone();
      zone.slug = line.slug();
      setZone(zone, line, kind, level, zoneType, parentId);
      zone.createdAt = instant(line.createdAt());
      zone.updatedAt = instant(line.updatedAt());
      zone.createdBy = authors.createdBy();
      zone.updatedBy = authors.updatedBy();
      zones.persist(zone);
      zones.flush();
      return new Outcome(TransferLines.ZONE, Result.CREATED, null, zone.slug, zone.id);
    }
    boolean same =
        Objects.equals(zone.name, line.name())
            && Objects.equals(zone.nameEn, line.nameEn())
            && zone.kind == kind
            && zone.level == level
            && zone.type == zoneType
            && Objects.equals(zone.parentId, parentId);
    if (same) {
      return new Outcome(TransferLines.ZONE, Result.UNCHANGED, null, zone.slug, zone.id);
    }
    if (parentId != null && isSelfOrBelow(parentId, zone.id, this::zoneParent)) {
      return rejected("parent: would put the zone under itself");
    }
    setZone(zone, line, kind, level, zoneType, parentId);
    zone.updatedBy = actor;
    return new Outcome(TransferLines.ZONE, Result.UPDATED, null, zone.slug, zone.id);
  }

  private static void setZone(
      Zone zone, ZoneLine line, ZoneKind kind, ZoneLevel level, ZoneType type, Long parentId) {
    zone.name = line.name();
    zone.nameEn = line.nameEn();
    zone.kind = kind;
    zone.level = level;
    zone.type = type;
    zone.parentId = parentId;
  }

  private Outcome category(
      CategoryLine line, References references, Authors authors, String actor) {
    List<String> problems =
        messages(validator.validate(new SlugAndName(line.slug(), line.name(), line.nameEn())));
    Long parentId = null;
    if (line.parent() != null) {
      parentId = references.categories.get(line.parent());
      if (parentId == null) {
        problems.add("parent: names no category '" + line.parent() + "' (parents must come first)");
      }
    }
    if (!problems.isEmpty()) {
      return rejected(String.join("; ", problems));
    }
    int position = line.position() == null ? 0 : line.position();
    boolean zoneScoped = Boolean.TRUE.equals(line.zoneScoped());
    Category category = categories.find("slug", line.slug()).firstResult();
    if (category == null) {
      category = new Category();
      category.slug = line.slug();
      setCategory(category, line, parentId, position, zoneScoped);
      category.createdAt = instant(line.createdAt());
      category.updatedAt = instant(line.updatedAt());
      category.createdBy = authors.createdBy();
      category.updatedBy = authors.updatedBy();
      categories.persist(category);
      categories.flush();
      return new Outcome(TransferLines.CATEGORY, Result.CREATED, null, category.slug, category.id);
    }
    boolean same =
        Objects.equals(category.name, line.name())
            && Objects.equals(category.nameEn, line.nameEn())
            && Objects.equals(category.parentId, parentId)
            && category.position == position
            && category.zoneScoped == zoneScoped;
    if (same) {
      return new Outcome(
          TransferLines.CATEGORY, Result.UNCHANGED, null, category.slug, category.id);
    }
    if (parentId != null && isSelfOrBelow(parentId, category.id, this::categoryParent)) {
      return rejected("parent: would put the category under itself");
    }
    setCategory(category, line, parentId, position, zoneScoped);
    category.updatedBy = actor;
    return new Outcome(TransferLines.CATEGORY, Result.UPDATED, null, category.slug, category.id);
  }

  private static void setCategory(
      Category category, CategoryLine line, Long parentId, int position, boolean zoneScoped) {
    category.name = line.name();
    category.nameEn = line.nameEn();
    category.parentId = parentId;
    category.position = position;
    category.zoneScoped = zoneScoped;
  }

  /**
   * Whether {@code candidate} is {@code ancestor} or lies below it, following parents in the
   * database (the in-memory trees may not know this import's nodes yet).
   */
  private Long zoneParent(long id) {
    Zone zone = zones.findById(id);
    return zone == null ? null : zone.parentId;
  }

  private Long categoryParent(long id) {
    Category category = categories.findById(id);
    return category == null ? null : category.parentId;
  }

  private static boolean isSelfOrBelow(
      long candidate, long ancestor, java.util.function.LongFunction<Long> parentOf) {
    Long current = candidate;
    for (int depth = 0; current != null && depth < 100; depth++) {
      if (current == ancestor) {
        return true;
      }
      current = parentOf.apply(current);
    }
    return false;
  }

  private Outcome article(ArticleLine line, References references, Authors authors, String actor) {
    List<String> problems = new ArrayList<>();
    if (line.slug() == null && line.externalId() == null) {
      problems.add(
          "slug or externalId: one is needed, so that importing again updates the article");
    }
    Long categoryId = resolve(references.categories, "category", line.category(), true, problems);
    Long zoneId = resolve(references.zones, "zone", line.zone(), true, problems);
    Long publisherZoneId =
        resolve(references.zones, "publisherZone", line.publisherZone(), false, problems);
    ArticleStatus status = ArticleStatus.DRAFT;
    if (line.status() != null) {
      switch (line.status()) {
        case "draft" -> status = ArticleStatus.DRAFT;
        case "published" -> status = ArticleStatus.PUBLISHED;
        default -> problems.add("status: must be draft or published");
      }
    }
    ArticleInput input =
        new ArticleInput(
            line.slug(),
            line.externalId(),
            line.title(),
            line.summary(),
            line.body(),
            line.publishedAt(),
            line.source(),
            line.sourceUrl(),
            line.author(),
            line.coverImageUrl(),
            categoryId,
            zoneId,
            publisherZoneId,
            status);
    // References were resolved above against this import's own zones and categories.
    for (FieldError error : articleEditor.problems(input)) {
      if (!error.field().endsWith("Id")) {
        problems.add(error.field() + ": " + error.message());
      }
    }
    if (!problems.isEmpty()) {
      return rejected(String.join("; ", problems));
    }
    Article existing =
        line.externalId() != null
            ? articles.find("externalId", line.externalId()).firstResult()
            : articles.find("slug", line.slug()).firstResult();
    if (line.slug() != null) {
      Article holder = articles.find("slug", line.slug()).firstResult();
      if (holder != null && (existing == null || !holder.id.equals(existing.id))) {
        return rejected("slug: already used by article " + holder.id);
      }
    }
    Article candidate = new Article();
    if (existing != null) {
      // What a line leaves out stays as stored, exactly as an editorial update would keep it.
      candidate.slug = existing.slug;
      candidate.publishedAt = existing.publishedAt;
    }
    articleEditor.apply(candidate, input);
    if (existing == null) {
      candidate.createdAt = instant(line.createdAt());
      candidate.updatedAt = instant(line.updatedAt());
      candidate.createdBy = authors.createdBy();
      candidate.updatedBy = authors.updatedBy();
      articles.persist(candidate);
      return new Outcome(TransferLines.ARTICLE, Result.CREATED, null, null, candidate.id);
    }
    if (sameContent(existing, candidate)) {
      return new Outcome(TransferLines.ARTICLE, Result.UNCHANGED, null, null, existing.id);
    }
    articleEditor.apply(existing, input);
    existing.updatedBy = actor;
    return new Outcome(TransferLines.ARTICLE, Result.UPDATED, null, null, existing.id);
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

  private Outcome site(SiteLine line, Authors authors, String actor) {
    List<String> problems = new ArrayList<>();
    if (line.name() == null || line.name().isBlank()) {
      problems.add("name: must not be blank");
    }
    if (!problems.isEmpty()) {
      return rejected(String.join("; ", problems));
    }
    Site site = sites.findSite().orElse(null);
    boolean created = site == null;
    if (created) {
      site = new Site();
    } else if (sameSite(site, line)) {
      return new Outcome(TransferLines.SITE, Result.UNCHANGED, null, null, null);
    }
    site.name = line.name();
    site.nameEn = line.nameEn();
    site.slogan = line.slogan();
    site.baseUrl = line.baseUrl();
    site.logoUrl = line.logoUrl();
    site.locale = Objects.requireNonNullElse(line.locale(), "zh-CN");
    site.timezone = Objects.requireNonNullElse(line.timezone(), "Asia/Shanghai");
    site.phone = line.phone();
    site.fax = line.fax();
    site.email = line.email();
    site.address = line.address();
    site.copyright = line.copyright();
    site.icpLicense = line.icpLicense();
    site.updatedBy = created ? authors.updatedBy() : actor;
    if (created) {
      site.updatedAt = instant(line.updatedAt());
      sites.persist(site);
    }
    return new Outcome(
        TransferLines.SITE, created ? Result.CREATED : Result.UPDATED, null, null, null);
  }

  private static boolean sameSite(Site site, SiteLine line) {
    return Objects.equals(site.name, line.name())
        && Objects.equals(site.nameEn, line.nameEn())
        && Objects.equals(site.slogan, line.slogan())
        && Objects.equals(site.baseUrl, line.baseUrl())
        && Objects.equals(site.logoUrl, line.logoUrl())
        && Objects.equals(site.locale, Objects.requireNonNullElse(line.locale(), "zh-CN"))
        && Objects.equals(
            site.timezone, Objects.requireNonNullElse(line.timezone(), "Asia/Shanghai"))
        && Objects.equals(site.phone, line.phone())
        && Objects.equals(site.fax, line.fax())
        && Objects.equals(site.email, line.email())
        && Objects.equals(site.address, line.address())
        && Objects.equals(site.copyright, line.copyright())
        && Objects.equals(site.icpLicense, line.icpLicense());
  }

  private References loadReferences() {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              References references = new References();
              zones.listAll().forEach(zone -> references.zones.put(zone.slug, zone.id));
              categories
                  .listAll()
                  .forEach(category -> references.categories.put(category.slug, category.id));
              return references;
            });
  }

  private static Long resolve(
      Map<String, Long> known, String field, String slug, boolean required, List<String> problems) {
    if (slug == null) {
      if (required) {
        problems.add(field + ": must name a " + (field.equals("category") ? "category" : "zone"));
      }
      return null;
    }
    Long id = known.get(slug);
    if (id == null) {
      problems.add(field + ": names nothing with slug '" + slug + "'");
    }
    return id;
  }

  private static <E extends Enum<E>> E parse(
      Class<E> type, String field, String raw, boolean required, List<String> problems) {
    if (raw == null) {
      if (required) {
        problems.add(field + ": must not be null");
      }
      return null;
    }
    try {
      return Enum.valueOf(type, raw.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(field + ": unknown value '" + raw + "'");
      return null;
    }
  }

  private static List<String> messages(
      java.util.Set<? extends jakarta.validation.ConstraintViolation<?>> violations) {
    return BodyValidation.errors(violations).stream()
        .map(error -> error.field() + ": " + error.message())
        .collect(Collectors.toCollection(ArrayList::new));
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }

  private static Outcome rejected(String reason) {
    return new Outcome(null, null, reason, null, null);
  }

  private static String reason(RuntimeException failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    // Constraint names are ours and meaningful; the rest of a driver message is noise.
    if (message.toLowerCase(Locale.ROOT).contains("uk_article_slug")) {
      return "slug: already used by another article";
    }
    if (message.toLowerCase(Locale.ROOT).contains("uk_article_external_id")) {
      return "externalId: already used by another article";
    }
    return "could not be stored: " + message.lines().findFirst().orElse("");
  }

  private static Map<String, Long> totals(Map<String, Map<Result, Long>> counts, Result result) {
    Map<String, Long> totals = new TreeMap<>();
    for (String type :
        List.of(
            TransferLines.SITE,
            TransferLines.ZONE,
            TransferLines.CATEGORY,
            TransferLines.ARTICLE)) {
      totals.put(type, counts.getOrDefault(type, Map.of()).getOrDefault(result, 0L));
    }
    return totals;
  }
}
