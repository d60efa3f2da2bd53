package com.investchn.content.article;

import java.util.Optional;

/**
 * Which article holds a value of a unique key ({@code slug} or {@code externalId}), as {@link
 * ArticleEditor#check(ArticleInput, Article, ArticleKeyHolders)} asks: the database by default; an
 * importer that has already read every holder of its batch's keys answers from memory instead of
 * one query per line.
 */
@FunctionalInterface
public interface ArticleKeyHolders {

  /** The id of the article whose {@code field} is {@code value}, if one is. */
  Optional<Long> holder(String field, String value);
}
