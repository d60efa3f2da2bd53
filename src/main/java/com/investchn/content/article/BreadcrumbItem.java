package com.investchn.content.article;

import com.fasterxml.jackson.annotation.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One step of a breadcrumb such as 首页 > 开发区新闻 > 大兴区 > 文字新闻. */
@Schema(name = "BreadcrumbItem", description = "One step of the article's breadcrumb.")
record BreadcrumbItem(
    @Schema(required = true, example = "category") Type type,
    @Schema(required = true, nullable = true, description = "Null for home.", example = "1")
        Long id,
    @Schema(required = true, nullable = true, description = "Null for home.", example = "zone-news")
        String slug,
    @Schema(required = true, example = "开发区新闻") String name) {

  /** Name of the first step. */
  public static final String HOME_NAME = "首页";

  /** What a breadcrumb step links to. */
  @Schema(name = "BreadcrumbType")
  public enum Type {
    HOME,
    CATEGORY,
    ZONE;

    @JsonValue
    public String wireName() {
      return name().toLowerCase();
    }
  }

  static BreadcrumbItem home() {
    return new BreadcrumbItem(Type.HOME, null, null, HOME_NAME);
  }
}
