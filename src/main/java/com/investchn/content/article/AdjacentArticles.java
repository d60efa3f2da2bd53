package com.investchn.content.article;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The neighbours of an article in one list. */
@Schema(name = "AdjacentArticles", description = "Previous and next article within a list.")
record AdjacentArticles(
    @Schema(
            required = true,
            nullable = true,
            description = "The item right above the article in the list.")
        ArticleLink previous,
    @Schema(
            required = true,
            nullable = true,
            description = "The item right below the article in the list.")
        ArticleLink next,
    @Schema(required = true) ArticleListContext context) {}
