package com.investchn.content.article;

import java.time.Instant;
import java.time.YearMonth;

/**
 * A month (Asia/Shanghai) in which public articles were published: how many, and when the last of
 * them changed as a reader sees it (published or edited).
 */
public record PublicationMonth(YearMonth month, long articles, Instant lastModified) {}
