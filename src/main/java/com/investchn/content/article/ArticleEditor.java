package com.investchn.content.article;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.investchn.content.category.CategoryCatalog;
import com.investchn.content.category.CategoryRef;
import com.investchn.content.common.html.HtmlSanitizer;
import com.investchn.content.common.tombstone.TombstoneRepository;
import com.investchn.content.common.web.BodyValidation;
import com.investchn.content.common.web.ConflictException;
import com.investchn.content.common.web.FieldError;
import com.investchn.content.common.web.JsonMergePatch;
import com.investchn.content.common.web.PageRequest;
import com.investchn.content.common.web.PageResponse;
import com.investchn.content.common.web.Preconditions;
import com.investchn.content.common.web.ResourceNotFoundException;
import com.investchn.content.common.web.ValidationFailedException;
import com.investchn.content.zone.ZoneCatalog;
import com.investchn.content.zone.ZoneRef;
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

/**
 * Write rules for articles: validation, sanitizing, slugs, optimistic concurrency, publishing and
 * deletion with a tombstone. The public read side sees every change at once.
 */
@ApplicationScoped
public class ArticleEditor {

  /** Largest body an editor may send, in UTF-8 bytes. */
  public static final int MAX_BODY_BYTES = 1024 * 1024;

  static final String RESOURCE = "article";

  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  private final ArticleRepository articles;
  private final CategoryCatalog categories;
  private final ZoneCatalog zones;
  private final HtmlSanitizer sanitizer;
  private final TombstoneRepository tombstones;
  private final Validator validator;
  private final ObjectMapper json;

  public ArticleEditor(
      ArticleRepository articles,
      CategoryCatalog categories,
      ZoneCatalog zones,
      HtmlSanitizer sanitizer,
      TombstoneRepository tombstones,
      Validator validator,
      ObjectMapper json) {
    this.articles = articles;
    this.categories = categories;
    this.zones = zones;
    this.sanitizer = sanitizer;
    this.tombstones = tombstones;
    this.validator = validator;
    this.json = json;
  }

  @Transactional
  public ArticleAdminView create(ArticleInput input, String actor) {
    validate(input);
    requireUnique(input, null);
    Article article = new Article();
    apply(article, input);
    if (article.slug == null) {
      article.slug = generatedSlug();
    }
    article.createdBy = actor;
    article.updatedBy = actor;
    articles.persist(article);
    articles.flush();
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
    validate(input);
    requireUnique(input, article.id);
    apply(article, input);
    if (article.slug == null) {
      article.slug = generatedSlug();
    }
    article.updatedBy = actor;
    articles.flush();
    return view(article);
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
    return replace(id, merged, ifMatch, actor);
  }

  @Transactional
  public void delete(long id, String ifMatch, String actor) {
    Article article = find(id);
    Preconditions.requireMatch(ifMatch, article.version);
    tombstones.record(RESOURCE, article.id, article.slug, actor);
    articles.delete(article);
  }

  /** Publishes now, or at the scheduled time when publishedAt lies in the future. */
  @Transactional
  public ArticleAdminView publish(long id, String ifMatch, String actor) {
    Article article = find(id);
    if (ifMatch != null) {
      Preconditions.requireMatch(ifMatch, article.version);
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    if (article.status == ArticleStatus.DRAFT && !article.publishedAt.isAfter(now)) {
      article.publishedAt = now;
    }
    article.status = ArticleStatus.PUBLISHED;
    article.updatedBy = actor;
    articles.flush();
    return view(article);
  }

  @Transactional
  public ArticleAdminView unpublish(long id, String ifMatch, String actor) {
    Article article = find(id);
    if (ifMatch != null) {
      Preconditions.requireMatch(ifMatch, article.version);
    }
    article.status = ArticleStatus.DRAFT;
    article.updatedBy = actor;
    articles.flush();
    return view(article);
  }

  /**
   * Every problem of an input at once: Bean Validation, body size, and references to zones and
   * categories that must exist.
   */
  public List<FieldError> problems(ArticleInput input) {
    List<FieldError> errors = new ArrayList<>(BodyValidation.errors(validator.validate(input)));
    if (input.body() != null
        && input.body().getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
      errors.add(new FieldError("body", "must be at most 1 MB (1048576 bytes of UTF-8)"));
    }
    if (input.categoryId() != null && categories.tree().byId(input.categoryId()).isEmpty()) {
      errors.add(new FieldError("categoryId", "names no category: " + input.categoryId()));
    }
    if (input.zoneId() != null && zones.tree().byId(input.zoneId()).isEmpty()) {
      errors.add(new FieldError("zoneId", "names no zone: " + input.zoneId()));
    }
    if (input.publisherZoneId() != null && zones.tree().byId(input.publisherZoneId()).isEmpty()) {
      errors.add(new FieldError("publisherZoneId", "names no zone: " + input.publisherZoneId()));
    }
    return errors;
  }

  /** Copies a valid input onto an entity: sanitized body, derived summary, defaults. */
  public void apply(Article article, ArticleInput input) {
    String body = sanitizer.sanitize(input.body());
    // A slug is part of the public URL: an update that leaves it out keeps the one there is.
    if (input.slug() != null) {
      article.slug = input.slug();
    }
    article.externalId = input.externalId();
    article.title = input.title().strip();
    article.body = body;
    article.summary =
        input.summary() == null || input.summary().isBlank()
            ? ArticleText.summarize(body)
            : ArticleText.plainText(input.summary());
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

  private void validate(ArticleInput input) {
    List<FieldError> errors = problems(input);
    if (!errors.isEmpty()) {
      throw new ValidationFailedException(errors);
    }
  }

  private void requireUnique(ArticleInput input, Long ownId) {
    requireFree("slug", input.slug(), ownId);
    requireFree("externalId", input.externalId(), ownId);
  }

  /** No other article may hold this value of a unique field. */
  private void requireFree(String field, String value, Long ownId) {
    if (value == null) {
      return;
    }
    articles
        .find(field, value)
        .firstResultOptional()
        .filter(other -> !other.id.equals(ownId))
        .ifPresent(
            other -> {
              throw new ConflictException(
                  "Another article ("
                      + other.id
                      + ") already has the "
                      + field
                      + " '"
                      + value
                      + "'.");
            });
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
