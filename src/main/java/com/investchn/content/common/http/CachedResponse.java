package com.investchn.content.common.http;

import java.util.List;
import java.util.Map;

/**
 * A public answer as it is sent, kept with the change-log position it was computed at: the body,
 * its gzip form when that is worth sending, its ETag and the headers that go with it.
 */
record CachedResponse(
    long position,
    String contentType,
    byte[] body,
    byte[] gzipped,
    String etag,
    String lastModified,
    List<Map.Entry<String, String>> headers) {

  /** Bytes the entry holds, for the cache's bound. */
  int weight() {
    int weight = 256 + body.length + (gzipped == null ? 0 : gzipped.length);
    for (Map.Entry<String, String> header : headers) {
      weight += header.getKey().length() + header.getValue().length();
    }
    return weight;
  }
}
