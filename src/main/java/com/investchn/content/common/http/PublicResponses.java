package com.investchn.content.common.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.investchn.content.common.change.ChangeHead;
import com.investchn.content.common.config.ContentApiConfig;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Finishes every answer on its way out. A successful GET or HEAD of a {@link PublicRead} resource
 * is serialized once, tagged with a strong ETag from its bytes, given {@code Cache-Control: public}
 * with {@code stale-while-revalidate}, {@code Vary: Accept-Encoding} and, where the last change is
 * old enough, {@code Last-Modified}; it answers 304 to matching validators, is gzipped when the
 * client asks and it is worth it, and is kept in the {@link ResponseCache} under the change-log
 * position the request started at. Everything else answers {@code Cache-Control: no-store}; an
 * admin GET whose version tag matches If-None-Match answers 304.
 */
public class PublicResponses {

  /** Headers a resource sets that belong to the cached answer. */
  private static final Set<String> KEPT_HEADERS =
      Set.of("link", "x-total-count", "content-language");

  private final ObjectMapper json;
  private final ResponseCache cache;
  private final ChangeHead head;
  private final String publicPolicy;
  private final int compressMinSize;

  public PublicResponses(
      ObjectMapper json, ResponseCache cache, ChangeHead head, ContentApiConfig config) {
    this.json = json;
    this.cache = cache;
    this.head = head;
    this.publicPolicy =
        "public, max-age="
            + config.http().cacheMaxAge().toSeconds()
            + ", stale-while-revalidate="
            + config.http().staleWhileRevalidate().toSeconds();
    this.compressMinSize = (int) config.cache().compressMinSize().asLongValue();
  }

  @ServerResponseFilter
  public void finish(
      ContainerRequestContext request,
      ContainerResponseContext response,
      ResourceInfo resource,
      RoutingContext routing) {
    boolean read =
        HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod());
    boolean isPublic =
        resource.getResourceClass() != null
            && resource.getResourceClass().isAnnotationPresent(PublicRead.class);
    int status = response.getStatus();
    if (!isPublic || !read || status != 200 || response.getEntity() == null) {
      response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
      if (read && status == 200) {
        answerNotModifiedToVersionTag(request, response);
      }
      return;
    }
    CachedResponse entry = entryOf(response, routing);
    if (routing != null) {
      cache.keep(
          ResponseCache.key(CachedReads.authority(routing.request()), routing.request().uri()),
          entry);
    }
    String lastModified = Validators.lastModified(head.changedAt(), Instant.now());
    Answer answer =
        Answer.decide(
            entry,
            lastModified,
            request.getHeaderString(HttpHeaders.IF_NONE_MATCH),
            request.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE),
            request.getHeaderString(HttpHeaders.ACCEPT_ENCODING),
            false);
    MultivaluedMap<String, Object> headers = response.getHeaders();
    for (Map.Entry<String, String> header : entry.headers()) {
      headers.putSingle(header.getKey(), header.getValue());
    }
    headers.putSingle(HttpHeaders.ETAG, entry.etag());
    if (lastModified != null) {
      headers.putSingle(HttpHeaders.LAST_MODIFIED, lastModified);
    }
    if (answer.status() == 304) {
      response.setStatus(304);
      response.setEntity(null);
      headers.remove(HttpHeaders.CONTENT_TYPE);
      return;
    }
    if (answer.gzip()) {
      headers.putSingle(HttpHeaders.CONTENT_ENCODING, "gzip");
    }
    response.setEntity(answer.body(), null, MediaType.valueOf(entry.contentType()));
    if (routing != null) {
      // The framework would write "type;charset=UTF-8"; the cached path sends the entry's form.
      routing.put(CachedReads.CONTENT_TYPE, entry.contentType());
    }
  }

  /** Serializes the answer and gathers what is sent with it. */
  private CachedResponse entryOf(ContainerResponseContext response, RoutingContext routing) {
    Object entity = response.getEntity();
    byte[] body;
    MediaType type = response.getMediaType();
    try {
      if (entity instanceof byte[] bytes) {
        body = bytes;
      } else if (entity instanceof String text) {
        body = Validators.utf8(text);
      } else {
        body = json.writeValueAsBytes(entity);
        type = MediaType.APPLICATION_JSON_TYPE;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("The answer could not be serialized", e);
    }
    MediaType bare = type == null ? MediaType.APPLICATION_JSON_TYPE : type;
    // Written as RFC 9110 writes it, "type/subtype; charset=UTF-8", on both paths alike.
    String contentType = bare.getType() + "/" + bare.getSubtype() + "; charset=UTF-8";
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    response
        .getHeaders()
        .forEach(
            (name, values) -> {
              if (KEPT_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                for (Object value : values) {
                  headers.add(new AbstractMap.SimpleImmutableEntry<>(name, String.valueOf(value)));
                }
              }
            });
    headers.add(new AbstractMap.SimpleImmutableEntry<>(HttpHeaders.CACHE_CONTROL, publicPolicy));
    headers.add(new AbstractMap.SimpleImmutableEntry<>(HttpHeaders.VARY, "Accept-Encoding"));
    Object started = routing == null ? null : routing.get(CachedReads.POSITION);
    long position = started instanceof Long seq ? seq : -1;
    Object route = routing == null ? null : routing.get(RouteTemplates.ROUTE);
    return new CachedResponse(
        position,
        route == null ? null : route.toString(),
        contentType,
        body,
        body.length >= compressMinSize ? gzip(body) : null,
        Validators.etag(body),
        List.copyOf(headers));
  }

  /** An admin resource's version tag that the client already has: 304 without a body. */
  private static void answerNotModifiedToVersionTag(
      ContainerRequestContext request, ContainerResponseContext response) {
    Object tag = response.getHeaders().getFirst(HttpHeaders.ETAG);
    if (tag == null) {
      return;
    }
    String etag = tag.toString();
    if (!etag.startsWith("\"") && !etag.startsWith("W/")) {
      etag = "\"" + etag + "\"";
    }
    if (Validators.noneMatchHits(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag)) {
      response.setStatus(304);
      response.setEntity(null);
    }
  }

  private static byte[] gzip(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
