package com.investchn.content.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.investchn.content.category.CategoryCatalog;
import com.investchn.content.category.CategoryRef;
import com.investchn.content.category.CategoryRepository;
import com.investchn.content.common.change.Change;
import com.investchn.content.common.change.ChangeLog;
import com.investchn.content.common.html.HtmlSanitizer;
import com.investchn.content.common.paging.PageRequest;
import com.investchn.content.common.paging.PageResponse;
import com.investchn.content.common.problem.ConflictException;
import com.investchn.content.common.problem.FieldError;
import com.investchn.content.common.problem.ResourceNotFoundException;
import com.investchn.content.common.problem.ValidationFailedException;
import com.investchn.content.common.tombstone.TombstoneRepository;
import com.investchn.content.common.write.BodyValidation;
import com.investchn.content.common.write.JsonMergePatch;
import com.investchn.content.common.write.Preconditions;
import com.investchn.content.zone.ZoneCatalog;
import com.investchn.content.zone.ZoneRef;
import com.investchn.content.zone.ZoneRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Write rules for articles: validation, sanitizing, slugs, optimistic concurrency, publishing and
 * deletion with a tombstone. The public read side sees every change at once. The importer applies
 * the same rules through {@link #check} and {@link #apply}, so there is one owner of each rule.
 */
@ApplicationScoped
public class ArticleEditor {

  /** Largest body an article may store, in UTF-8 bytes of its sanitized HTML. */
  public static final int MAX_BODY_BYTES = 1024 * 1024;

  static final String RESOURCE = "article";

  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  private final ArticleRepository articles;
  private final CategoryCatalog categories;
  private final ZoneCatalog zones;
  private final CategoryRepository categoryRows;
  private final ZoneRepository zoneRows;
  private final HtmlSanitizer sanitizer;
  private final TombstoneRepository tombstones;
  private final ChangeLog changes;
  private final Validator validator;
  private final ObjectMapper json;

  public ArticleEditor(
      ArticleRepository articles,
      CategoryCatalog categories,
      ZoneCatalog zones,
      CategoryRepository categoryRows,
      ZoneRepository zoneRows,
      HtmlSanitizer sanitizer,
      TombstoneRepository tombstones,
      ChangeLog changes,
      Validator validator,
      ObjectMapper json) {
    this.articles = articles;
    this.categories = categories;
    this.zones = zones;
    this.categoryRows = categoryRows;
    this.zoneRows = zoneRows;
    this.sanitizer = sanitizer;
    this.tombstones = tombstones;
    this.changes = changes;
    this.validator = validator;
    this.json = json;
  }

  @Transactional
  public ArticleAdminView create(ArticleInput input, String actor) {
    CheckedArticle checked = check(input, null);
    Article article = new Article();
    apply(article, checked);
    article.createdBy = actor;
    article.updatedBy = actor;
    articles.persist(article);
    articles.flush();
    changes.append(Change.article(article.id, article.slug, false, isPublic(article)), actor);
    return view(article);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public ArticleAdminView get(long id) {
    return view(find(id));
  }

  /** Every article, drafts and scheduled ones too, newest id first; optionally one status. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public PageResponse<ArticleAdminView> list(ArticleStatus status, PageRequest paging) {
    var query =
        status == null
            ? articles.findAll(Sort.descending("id"))
            : articles.find("status", Sort.descending("id"), status);
    long total = query.count();
    List<ArticleAdminView> items =
        paging.offset() >= total
            ? List.of()
            : query.page(Page.of(paging.page() - 1, paging.size())).list().stream()
                .map(this::view)
                .toList();
    return PageResponse.of(items, paging.offset(), paging.size(), total, null);
  }

  @Transactional
  public ArticleAdminView replace(long id, ArticleInput input, String ifMatch, String actor) {
    Article article = find(id);
    Preconditions.requireMatch(ifMatch, article.version);
    return save(article, input, actor);
  }

  /** Applies an RFC 7396 merge patch to the article as an editor would write it. */
  @Transactional
  public ArticleAdminView patch(long id, JsonNode patch, String ifMatch, String actor) {
    Article article = find(id);
    Preconditions.requireMatch(ifMatch, article.version);
    ObjectNode current = json.valueToTree(ArticleInput.from(article));
    // A summary that was derived from the old body is derived again from a new one.
    if (patch != null
        && patch.has("body")
        && !patch.has("summary")
        && Objects.equals(article.summary, ArticleText.summarize(article.body))) {
      current.remove("summary");
    }
    ArticleInput merged = JsonMergePatch.apply(json, current, patch, ArticleInput.class);
    return save(article, merged, actor);
  }

  @Transactional
  public void delete(long id, String ifMatch, String actor) {
    Article article = find(id);
    Preconditions.requireMatch(ifMatch, article.version);
    tombstones.record(RESOURCE, article.id, article.slug, article.externalId, actor);
    articles.delete(article);
    articles.flush();
    changes.append(Change.deleted(Change.Entity.ARTICLE, id, article.slug), actor);
  }

  /** Publishes now, or at the scheduled time when publishedAt lies in the future. */
  @Transactional
  public ArticleAdminView publish(long id, String ifMatch, String actor) {
    Article article = find(id);
    if (ifMatch != null) {
      Preconditions.requireMatch(ifMatch, article.version);
    }
    boolean wasPublic = isPublic(article);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    if (article.status == ArticleStatus.DRAFT && !article.publishedAt.isAfter(now)) {
      article.publishedAt = now;
    }
    article.status = ArticleStatus.PUBLISHED;
    article.updatedBy = actor;
    articles.flush();
    changes.append(Change.article(article.id, article.slug, wasPublic, isPublic(article)), actor);
    return view(article);
  }

  @Transactional
  public ArticleAdminView unpublish(long id, String ifMatch, String actor) {
    Article article = find(id);
    if (ifMatch != null) {
      Preconditions.requireMatch(ifMatch, article.version);
    }
    boolean wasPublic = isPublic(article);
    article.status = ArticleStatus.DRAFT;
    article.updatedBy = actor;
    articles.flush();
    changes.append(Change.article(article.id, article.slug, wasPublic, false), actor);
    return view(article);
  }

  /**
   * Checks an input against every rule of an article write: Bean Validation, references to zones
   * and categories that exist (read in the caller's transaction, so an import sees the zones it
   * created itself), the size of the body as it will be stored, and unique slug and externalId. A
   * stored body that the input leaves as it is is neither sanitized nor checked again.
   *
   * @param current the article being changed, or null for a new one
   * @throws ValidationFailedException listing every invalid field
   * @throws ConflictException when another article holds the slug or externalId
   */
  public CheckedArticle check(ArticleInput input, Article current) {
    return check(input, current, this::storedHolder);
  }

  /**
   * {@link #check(ArticleInput, Article)} with the holders of slugs and externalIds answered by
   * {@code holders}.
   */
  public CheckedArticle check(ArticleInput input, Article current, ArticleKeyHolders holders) {
    List<FieldError> errors = new ArrayList<>(BodyValidation.errors(validator.validate(input)));
    String body = null;
    if (input.body() != null) {
      if (current != null && input.body().equals(current.body)) {
        body = current.body;
      } else {
        body = sanitizer.sanitize(input.body());
        int bytes = body.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BODY_BYTES) {
          errors.add(
              new FieldError(
                  "body",
                  "must be at most 1 MB (1048576 bytes of UTF-8) once sanitized; it is "
                      + bytes
                      + " bytes"));
        }
      }
    }
    if (input.categoryId() != null && categoryRows.findByIdOptional(input.categoryId()).isEmpty()) {
      errors.add(new FieldError("categoryId", "names no category: " + input.categoryId()));
    }
    if (input.zoneId() != null && zoneRows.findByIdOptional(input.zoneId()).isEmpty()) {
      errors.add(new FieldError("zoneId", "names no zone: " + input.zoneId()));
    }
    if (input.publisherZoneId() != null
        && zoneRows.findByIdOptional(input.publisherZoneId()).isEmpty()) {
      errors.add(new FieldError("publisherZoneId", "names no zone: " + input.publisherZoneId()));
    }
    if (!errors.isEmpty()) {
      throw new ValidationFailedException(errors);
    }
    Long ownId = current == null ? null : current.id;
    requireFree(holders, "slug", input.slug(), ownId);
    requireFree(holders, "externalId", input.externalId(), ownId);
    String summary =
        input.summary() == null || input.summary().isBlank()
            ? ArticleText.summarize(body)
            : ArticleText.plainText(input.summary());
    return new CheckedArticle(input, body, summary);
  }

  /** Copies a checked input onto an entity: the stored body, its summary, defaults. */
  public void apply(Article article, CheckedArticle checked) {
    ArticleInput input = checked.input();
    // A slug is part of the public URL: an update that leaves it out keeps the one there is.
    if (input.slug() != null) {
      article.slug = input.slug();
    } else if (article.slug == null) {
      article.slug = generatedSlug();
    }
    article.externalId = input.externalId();
    article.title = input.title().strip();
    article.body = checked.body();
    article.summary = checked.summary();
    article.status = input.status() == null ? ArticleStatus.DRAFT : input.status();
    article.publishedAt =
        input.publishedAt() != null
            ? input.publishedAt().toInstant().truncatedTo(ChronoUnit.MICROS)
            : Objects.requireNonNullElseGet(
                article.publishedAt, () -> Instant.now().truncatedTo(ChronoUnit.MICROS));
    article.source = input.source();
    article.sourceUrl = input.sourceUrl();
    article.author = input.author();
    article.coverImageUrl = input.coverImageUrl();
    article.categoryId = input.categoryId();
    article.zoneId = input.zoneId();
    article.publisherZoneId = input.publisherZoneId();
  }

  /** Whether the public API shows the article now: published and due. */
  public static boolean isPublic(Article article) {
    return article.status == ArticleStatus.PUBLISHED
        && article.publishedAt != null
        && !article.publishedAt.isAfter(Instant.now());
  }

  private ArticleAdminView save(Article article, ArticleInput input, String actor) {
    boolean wasPublic = isPublic(article);
    CheckedArticle checked = check(input, article);
    apply(article, checked);
    article.updatedBy = actor;
    articles.flush();
    changes.append(Change.article(article.id, article.slug, wasPublic, isPublic(article)), actor);
    return view(article);
  }

  /** No other article may hold this value of a unique field. */
  private static void requireFree(
      ArticleKeyHolders holders, String field, String value, Long ownId) {
    if (value == null) {
      return;
    }
    holders
        .holder(field, value)
        .filter(other -> !other.equals(ownId))
        .ifPresent(
            other -> {
              throw new ConflictException(
                  "Another article (" + other + ") already has the " + field + " '" + value + "'.");
            });
  }

  /** The article holding a key in the database: its id only, never the row and its body. */
  public Optional<Long> storedHolder(String field, String value) {
    return articles
        .getEntityManager()
        .createQuery("select a.id from Article a where a." + field + " = :value", Long.class)
        .setParameter("value", value)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /** A slug for an article whose editor gave none: short, random, never all digits. */
  private String generatedSlug() {
    while (true) {
      String candidate =
          "article-" + Long.toString(Math.abs(RANDOM.nextLong()) % 2_176_782_336L, 36);
      if (articles.count("slug", candidate) == 0) {
        return candidate;
      }
    }
  }

  private Article find(long id) {
    return articles
        .findByIdOptional(id)
        .orElseThrow(() -> new ResourceNotFoundException(RESOURCE, Long.toString(id)));
  }

  ArticleAdminView view(Article article) {
    return ArticleAdminView.from(
        article,
        CategoryRef.from(categories.tree().byId(article.categoryId).orElse(null)),
        ZoneRef.from(zones.tree().byId(article.zoneId).orElse(null)),
        ZoneRef.from(zones.tree().byId(article.publisherZoneId).orElse(null)));
  }
}
