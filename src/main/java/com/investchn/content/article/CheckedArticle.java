package com.investchn.content.article;

/**
 * An article input that passed every write rule, with the body as it will be stored (sanitized) and
 * the summary that goes with it.
 */
public record CheckedArticle(ArticleInput input, String body, String summary) {}
