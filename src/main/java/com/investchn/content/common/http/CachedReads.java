package com.investchn.content.common.http;

import com.investchn.content.common.change.ChangeHead;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import java.util.Map;

/**
 * The fast path of the public read API: a GET or HEAD whose answer the response cache holds for the
 * current change-log position is answered right here, on the event loop, without routing, resource
 * code or a database query. Every other request notes the position it started at and goes on;
 * {@link PublicResponses} fills the cache from its answer.
 */
@ApplicationScoped
class CachedReads {

  /** Routing-context key of the change-log position a request started at. */
  static final String POSITION = "content-api.change-log-position";

  /**
   * Routing-context key of the Content-Type a computed public answer is sent with, so that it reads
   * exactly as the cached one ("application/json; charset=UTF-8").
   */
  static final String CONTENT_TYPE = "content-api.content-type";

  private static final String PUBLIC_PREFIX = "/api/v1/";

  private final ResponseCache cache;
  private final ChangeHead head;

  public CachedReads(ResponseCache cache, ChangeHead head) {
    this.cache = cache;
    this.head = head;
  }

  void register(@Observes Filters filters) {
    // After the request edge (request id, access log), before everything else.
    filters.register(this::handle, 9_000);
  }

  private void handle(RoutingContext context) {
    HttpServerRequest request = context.request();
    HttpMethod method = request.method();
    if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
      context.next();
      return;
    }
    long position = head.seen();
    context.put(POSITION, position);
    // Registered before the framework's own handler, so it runs after it (they run last first)
    // and has the last word on the header.
    context.addHeadersEndHandler(
        ignored -> {
          String contentType = context.get(CONTENT_TYPE);
          if (contentType != null) {
            context.response().headers().set(HttpHeaders.CONTENT_TYPE, contentType);
          }
        });
    String uri = request.uri();
    if (!cache.enabled() || !uri.startsWith(PUBLIC_PREFIX)) {
      context.next();
      return;
    }
    CachedResponse entry = cache.find(ResponseCache.key(authority(request), uri), position);
    if (entry == null || !accepts(request.getHeader(HttpHeaders.ACCEPT), entry.contentType())) {
      context.next();
      return;
    }
    if (entry.route() != null) {
      context.put(RouteTemplates.ROUTE, entry.route());
    }
    MultiMap headers = request.headers();
    // The same position means the same last change, so the date is the one the entry was made
    // under, given now that it may have grown a second old.
    String lastModified = Validators.lastModified(head.changedAt(), java.time.Instant.now());
    Answer answer =
        Answer.decide(
            entry,
            lastModified,
            headers.get(HttpHeaders.IF_NONE_MATCH),
            headers.get(HttpHeaders.IF_MODIFIED_SINCE),
            headers.get(HttpHeaders.ACCEPT_ENCODING),
            method == HttpMethod.HEAD);
    HttpServerResponse response = context.response();
    response.setStatusCode(answer.status());
    MultiMap out = response.headers();
    for (Map.Entry<String, String> header : entry.headers()) {
      out.add(header.getKey(), header.getValue());
    }
    out.set(HttpHeaders.ETAG, entry.etag());
    if (lastModified != null) {
      out.set(HttpHeaders.LAST_MODIFIED, lastModified);
    }
    if (answer.status() == 304) {
      response.end();
      return;
    }
    out.set(HttpHeaders.CONTENT_TYPE, entry.contentType());
    if (answer.gzip()) {
      out.set(HttpHeaders.CONTENT_ENCODING, "gzip");
    }
    out.set(HttpHeaders.CONTENT_LENGTH, Integer.toString(Answer.length(entry, answer)));
    if (answer.body() == null) {
      response.end();
    } else {
      response.end(Buffer.buffer(answer.body()));
    }
  }

  /** The host and port the client addressed (after trusted forwarding), for the cache key. */
  static String authority(HttpServerRequest request) {
    return request.authority() == null ? "" : request.authority().toString();
  }

  /**
   * Whether the entry's type satisfies Accept; anything less clear goes the slow way, where the
   * framework answers 406 where it must.
   */
  static boolean accepts(String accept, String contentType) {
    if (accept == null || accept.isBlank()) {
      return true;
    }
    String type = contentType.toLowerCase(Locale.ROOT);
    int semicolon = type.indexOf(';');
    String bare = semicolon < 0 ? type : type.substring(0, semicolon).trim();
    String family = bare.substring(0, bare.indexOf('/') + 1) + "*";
    for (String part : accept.toLowerCase(Locale.ROOT).split(",")) {
      String[] pieces = part.split(";");
      String range = pieces[0].trim();
      double quality = 1;
      for (int i = 1; i < pieces.length; i++) {
        String parameter = pieces[i].trim();
        if (parameter.startsWith("q=")) {
          try {
            quality = Double.parseDouble(parameter.substring(2));
          } catch (NumberFormatException e) {
            quality = 0;
          }
        }
      }
      if (quality > 0 && (range.equals("*/*") || range.equals(bare) || range.equals(family))) {
        return true;
      }
    }
    return false;
  }
}
