package com.investchn.content.article;

import java.time.Instant;

/** The least a sitemap needs of a public article: how to link it and when it last changed. */
public record ArticleStamp(long id, String slug, Instant publishedAt, Instant lastModified) {}
