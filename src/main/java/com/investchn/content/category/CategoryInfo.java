package com.investchn.content.category;

/** An immutable copy of a category, held by {@link CategoryCatalog}. */
public record CategoryInfo(
    long id,
    String slug,
    String name,
    String nameEn,
    Long parentId,
    int position,
    boolean zoneScoped) {

  static CategoryInfo from(Category category) {
    return new CategoryInfo(
        category.id,
        category.slug,
        category.name,
        category.nameEn,
        category.parentId,
        category.position,
        category.zoneScoped);
  }
}
