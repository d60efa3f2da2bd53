package com.investchn.content.common.paging;

import java.time.Instant;

/**
 * What an opaque cursor carries: the query it belongs to, the position of the next item, and the
 * sort key of the last item served (absent for lists that page by position only). The query is
 * identified by a fingerprint of its filters and order; a decoded cursor holds its digest.
 */
public record Cursor(String fingerprint, long offset, Instant lastTime, Long lastId) {}
