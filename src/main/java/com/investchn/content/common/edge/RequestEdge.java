package com.investchn.content.common.edge;

import com.investchn.content.common.log.LogText;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The first and last thing every HTTP request meets: it gets a request id (the caller's
 * X-Request-Id when it is sane, a new one otherwise), echoed in the response, the logs and error
 * bodies, and leaves one access-log line with method, route, status and duration.
 */
@ApplicationScoped
public class RequestEdge {

  public static final String REQUEST_ID_HEADER = "X-Request-Id";

  /** Key of the request id in the log MDC and in the routing context. */
  public static final String REQUEST_ID = "requestId";

  /**
   * Routing-context key under which the matched route's path template is left (by the resource
   * layer, or by the response cache for an answer it serves), e.g. /api/v1/zones/{idOrSlug}.
   */
  private static final String ROUTE_TEMPLATE = "content-api.route-template";

  /** What we accept as a caller's request id: short, printable, no separators that break logs. */
  private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

  private static final Logger ACCESS = Logger.getLogger("com.investchn.content.access");

  void register(@Observes Filters filters) {
    filters.register(this::handle, 10_000);
  }

  private void handle(RoutingContext context) {
    long started = System.nanoTime();
    String given = context.request().getHeader(REQUEST_ID_HEADER);
    String requestId =
        given != null && SANE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
    // Downstream code (the problem mapper) reads the id from the request like any header.
    context.request().headers().set(REQUEST_ID_HEADER, requestId);
    context.put(REQUEST_ID, requestId);
    context.response().putHeader(REQUEST_ID_HEADER, requestId);
    MDC.put(REQUEST_ID, requestId);
    context.addEndHandler(
        ignored -> {
          Object template = context.get(ROUTE_TEMPLATE);
          // The path as the client sent it only when no route matched: escaped, like any of
          // its text, so that it cannot forge or reorder a log line.
          String route =
              template != null ? template.toString() : LogText.escape(context.request().path());
          ACCESS.infof(
              "%s %s %d %.1fms requestId=%s",
              context.request().method(),
              route,
              context.response().getStatusCode(),
              (System.nanoTime() - started) / 1_000_000.0,
              requestId);
        });
    context.next();
  }
}
