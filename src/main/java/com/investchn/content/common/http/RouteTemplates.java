package com.investchn.content.common.http;

import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Names the route a request matched by its path template (e.g. /api/v1/zones/{idOrSlug}), read from
 * the matched resource's {@code @Path} annotations, and leaves it on the routing context for the
 * access log and the response cache.
 */
public class RouteTemplates {

  /** Routing-context key of the matched route template. */
  public static final String ROUTE = "content-api.route-template";

  @ServerRequestFilter(preMatching = false)
  public void remember(ResourceInfo resource, RoutingContext routing) {
    String template = of(resource);
    if (template != null && routing != null) {
      routing.put(ROUTE, template);
    }
  }

  /** The template of the matched resource method, or null. */
  static String of(ResourceInfo resource) {
    Class<?> type = resource.getResourceClass();
    Method method = resource.getResourceMethod();
    if (type == null || method == null) {
      return null;
    }
    Path classPath = type.getAnnotation(Path.class);
    Path methodPath = method.getAnnotation(Path.class);
    String path = (classPath == null ? "" : classPath.value());
    if (methodPath != null) {
      path = join(path, methodPath.value());
    }
    return path.isEmpty() ? "/" : path;
  }

  private static String join(String left, String right) {
    String a = left.endsWith("/") ? left.substring(0, left.length() - 1) : left;
    String b = right.startsWith("/") ? right : "/" + right;
    return b.equals("/") ? a : a + b;
  }
}
