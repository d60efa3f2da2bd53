package com.investchn.content.article;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether an article may be shown: only published ones whose time has come are public. */
public enum ArticleStatus {
  DRAFT,
  PUBLISHED;

  @JsonValue
  public String wireName() {
    return name().toLowerCase();
  }
}
