package com.investchn.content.common.http;

import java.util.Locale;

/**
 * What to send for a public answer to one request: 304 when the client's validators match, the gzip
 * bytes when it accepts them, the plain bytes otherwise, and no body for HEAD. Both the response
 * cache's fast path and the first computation of an answer decide through here, so a hit and a miss
 * answer alike.
 */
record Answer(int status, byte[] body, boolean gzip) {

  static Answer decide(
      CachedResponse entry,
      String ifNoneMatch,
      String ifModifiedSince,
      String acceptEncoding,
      boolean head) {
    boolean notModified =
        ifNoneMatch != null
            ? Validators.noneMatchHits(ifNoneMatch, entry.etag())
            : Validators.notModifiedSince(ifModifiedSince, entry.lastModified());
    if (notModified) {
      return new Answer(304, null, false);
    }
    boolean gzip = entry.gzipped() != null && acceptsGzip(acceptEncoding);
    byte[] body = gzip ? entry.gzipped() : entry.body();
    return new Answer(200, head ? null : body, gzip);
  }

  /** The length of the representation the answer describes (also for HEAD). */
  static int length(CachedResponse entry, Answer answer) {
    return answer.gzip() ? entry.gzipped().length : entry.body().length;
  }

  /** Whether Accept-Encoding allows gzip (gzip or *, with a q-value other than 0). */
  static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    for (String part : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
      String[] pieces = part.trim().split(";");
      String coding = pieces[0].trim();
      if (!coding.equals("gzip") && !coding.equals("*")) {
        continue;
      }
      boolean refused = false;
      for (int i = 1; i < pieces.length; i++) {
        String parameter = pieces[i].trim();
        if (parameter.startsWith("q=")) {
          try {
            refused = Double.parseDouble(parameter.substring(2)) <= 0;
          } catch (NumberFormatException e) {
            refused = true;
          }
        }
      }
      if (!refused) {
        return true;
      }
    }
    return false;
  }
}
