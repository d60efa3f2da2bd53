package com.investchn.content.common.web;

import com.investchn.content.common.config.ContentApiConfig;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Lets an HTTP cache or CDN in front of the load balancer absorb public reads: successful GETs of
 * the public API may be cached for {@code content-api.http.cache-max-age}, errors never.
 */
public class CacheHeaders {

  private static final String PUBLIC_API = "/api/v1/";
  private static final String ADMIN_API = "/api/v1/admin";

  private final String successPolicy;

  public CacheHeaders(ContentApiConfig config) {
    this.successPolicy = "public, max-age=" + config.http().cacheMaxAge().toSeconds();
  }

  @ServerResponseFilter
  public void addCacheControl(ContainerRequestContext request, ContainerResponseContext response) {
    String path = request.getUriInfo().getRequestUri().getRawPath();
    if (!path.startsWith(PUBLIC_API) || path.startsWith(ADMIN_API)) {
      return;
    }
    if (response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
      return;
    }
    boolean cacheable =
        (HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod()))
            && response.getStatus() >= 200
            && response.getStatus() < 300;
    response
        .getHeaders()
        .putSingle(HttpHeaders.CACHE_CONTROL, cacheable ? successPolicy : "no-store");
  }
}
