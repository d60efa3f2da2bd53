package com.investchn.content.common.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.investchn.content.common.config.ContentApiConfig;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The serialized public answers, bounded by bytes and keyed by the request (host, path and query as
 * sent). An entry is served only while the change log is still at the position it was computed at,
 * so a new position makes every older entry unreachable at once: the cache is exact without
 * invalidating anything.
 */
@ApplicationScoped
class ResponseCache {

  private final boolean enabled;
  private final Cache<String, CachedResponse> entries;

  public ResponseCache(ContentApiConfig config, MeterRegistry metrics) {
    this.enabled = config.cache().enabled();
    this.entries =
        Caffeine.newBuilder()
            .maximumWeight(Math.max(0, config.cache().maxSize().asLongValue()))
            .<String, CachedResponse>weigher((key, value) -> key.length() + value.weight())
            .recordStats()
            .build();
    metrics.gauge("content_api_response_cache_entries", entries, cache -> cache.estimatedSize());
    metrics.gauge("content_api_response_cache_hits", entries, cache -> cache.stats().hitCount());
    metrics.gauge("content_api_response_cache_misses", entries, cache -> cache.stats().missCount());
  }

  boolean enabled() {
    return enabled;
  }

  /** The answer to the request at this position, or null. */
  CachedResponse find(String key, long position) {
    if (!enabled || position < 0) {
      return null;
    }
    CachedResponse entry = entries.getIfPresent(key);
    return entry != null && entry.position() == position ? entry : null;
  }

  void keep(String key, CachedResponse entry) {
    if (enabled && entry.position() >= 0) {
      entries.put(key, entry);
    }
  }

  /** The cache key of a request: what the answer can depend on. */
  static String key(String authority, String uri) {
    return authority + " " + uri;
  }
}
