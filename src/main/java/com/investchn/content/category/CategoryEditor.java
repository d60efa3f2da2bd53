package com.investchn.content.category;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.investchn.content.common.tombstone.TombstoneRepository;
import com.investchn.content.common.tree.Forest;
import com.investchn.content.common.web.BodyValidation;
import com.investchn.content.common.web.ConflictException;
import com.investchn.content.common.web.FieldError;
import com.investchn.content.common.web.IdOrSlug;
import com.investchn.content.common.web.InvalidParameterException;
import com.investchn.content.common.web.JsonMergePatch;
import com.investchn.content.common.web.Preconditions;
import com.investchn.content.common.web.ResourceNotFoundException;
import com.investchn.content.common.web.ValidationFailedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;

/** Write rules for categories: unique slugs, no cycles, no orphaned articles or children. */
@ApplicationScoped
public class CategoryEditor {

  static final String RESOURCE = "category";

  private final CategoryRepository categories;
  private final CategoryCatalog catalog;
  private final TombstoneRepository tombstones;
  private final Validator validator;
  private final ObjectMapper json;

  public CategoryEditor(
      CategoryRepository categories,
      CategoryCatalog catalog,
      TombstoneRepository tombstones,
      Validator validator,
      ObjectMapper json) {
    this.categories = categories;
    this.catalog = catalog;
    this.tombstones = tombstones;
    this.validator = validator;
    this.json = json;
  }

  @Transactional
  public CategoryAdminView create(CategoryInput input, String actor) {
    validate(input, null);
    Category category = new Category();
    apply(category, input);
    category.createdBy = actor;
    category.updatedBy = actor;
    categories.persist(category);
    categories.flush();
    catalog.invalidate();
    return CategoryAdminView.from(category);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public CategoryAdminView get(long id) {
    return CategoryAdminView.from(find(id));
  }

  @Transactional
  public CategoryAdminView replace(long id, CategoryInput input, String ifMatch, String actor) {
    Category category = find(id);
    Preconditions.requireMatch(ifMatch, category.version);
    validate(input, category.id);
    apply(category, input);
    category.updatedBy = actor;
    categories.flush();
    catalog.invalidate();
    return CategoryAdminView.from(category);
  }

  @Transactional
  public CategoryAdminView patch(long id, JsonNode patch, String ifMatch, String actor) {
    Category category = find(id);
    Preconditions.requireMatch(ifMatch, category.version);
    CategoryInput merged =
        JsonMergePatch.apply(
            json, json.valueToTree(CategoryInput.from(category)), patch, CategoryInput.class);
    return replace(id, merged, ifMatch, actor);
  }

  /**
   * Deletes a category. While articles or child categories refer to it the answer is 409, unless
   * the caller names a category to hand them to.
   */
  @Transactional
  public void delete(long id, String ifMatch, String reassignTo, String actor) {
    Category category = find(id);
    Preconditions.requireMatch(ifMatch, category.version);
    long children = categories.count("parentId", category.id);
    long articles = categories.countArticlesReferring(category.id);
    if (children + articles > 0) {
      if (reassignTo == null) {
        throw new ConflictException(
            "Category '"
                + category.slug
                + "' still has "
                + children
                + " child categories and "
                + articles
                + " articles; move them first or pass reassignTo=<category id or slug>.");
      }
      Forest<CategoryInfo> tree = catalog.tree();
      CategoryInfo target =
          tree.find(IdOrSlug.parse(reassignTo))
              .orElseThrow(
                  () ->
                      new InvalidParameterException(
                          "reassignTo", "names no category: '" + reassignTo + "'."));
      if (tree.isSelfOrDescendant(target.id(), category.id)) {
        throw new InvalidParameterException(
            "reassignTo", "must not be the deleted category or one of its descendants.");
      }
      categories.update("parentId = ?1 where parentId = ?2", target.id(), category.id);
      categories.reassignArticles(category.id, target.id());
    }
    tombstones.record(RESOURCE, category.id, category.slug, actor);
    categories.delete(category);
    categories.flush();
    catalog.invalidate();
  }

  private void validate(CategoryInput input, Long ownId) {
    List<FieldError> errors = new ArrayList<>(BodyValidation.errors(validator.validate(input)));
    if (Boolean.TRUE.equals(input.zoneScoped()) && input.parentId() != null) {
      errors.add(new FieldError("zoneScoped", "is only for top-level categories"));
    }
    Forest<CategoryInfo> tree = catalog.tree();
    if (input.parentId() != null) {
      if (tree.byId(input.parentId()).isEmpty()) {
        errors.add(new FieldError("parentId", "names no category: " + input.parentId()));
      } else if (ownId != null && tree.isSelfOrDescendant(input.parentId(), ownId)) {
        throw new ConflictException(
            "A category cannot move under itself or one of its own descendants.");
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationFailedException(errors);
    }
    categories
        .find("slug", input.slug())
        .firstResultOptional()
        .filter(other -> !other.id.equals(ownId))
        .ifPresent(
            other -> {
              throw new ConflictException(
                  "Another category ("
                      + other.id
                      + ") already has the slug '"
                      + input.slug()
                      + "'.");
            });
  }

  private static void apply(Category category, CategoryInput input) {
    category.slug = input.slug();
    category.name = input.name().strip();
    category.nameEn = input.nameEn();
    category.parentId = input.parentId();
    category.position = input.position() == null ? 0 : input.position();
    category.zoneScoped = Boolean.TRUE.equals(input.zoneScoped());
  }

  private Category find(long id) {
    return categories
        .findByIdOptional(id)
        .orElseThrow(() -> new ResourceNotFoundException(RESOURCE, Long.toString(id)));
  }
}
