package com.investchn.content.common.edge;

import com.investchn.content.common.config.ContentApiConfig;
import com.investchn.content.common.problem.EdgeProblems;
import com.investchn.content.common.problem.ProblemType;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Cross-origin resource sharing with two policies. The public API (everything outside {@code
 * /api/v1/admin}) is readable from the configured origins, by default from any: its answers say
 * {@code Access-Control-Allow-Origin: *} whether or not the request named an origin, so a shared
 * cache can hand the same bytes to every browser. The admin API accepts no cross-origin call unless
 * its origins are configured; a call or preflight from any other origin is a 403 problem. A request
 * whose Origin is the service's own origin (Swagger UI) is no cross-origin call at all.
 *
 * <p>It runs at the HTTP edge, before the response cache, so cached answers, errors and 304s carry
 * the same headers. The two policies are told apart by path: there is no resource to follow for a
 * preflight, and the admin prefix is fixed by the API's contract.
 */
@ApplicationScoped
class CrossOrigin {

  private static final String ADMIN_PREFIX = "/api/v1/admin/";
  private static final String ADMIN_ROOT = "/api/v1/admin";
  private static final String ANY = "*";

  /** Headers a browser script may read from a public answer. */
  private static final String PUBLIC_EXPOSED =
      "X-Total-Count, Link, ETag, Last-Modified, X-Request-Id, Retry-After, Content-Language,"
          + " RateLimit, RateLimit-Policy";

  /** Headers a browser script may read from an admin answer. */
  private static final String ADMIN_EXPOSED =
      "X-Total-Count, Link, ETag, Location, X-Request-Id, Retry-After, RateLimit,"
          + " RateLimit-Policy";

  private static final String PUBLIC_METHODS = "GET, HEAD, OPTIONS";
  private static final String ADMIN_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

  /** Request headers a public read may send beyond the CORS-safelisted ones. */
  private static final Set<String> PUBLIC_REQUEST_HEADERS =
      Set.of("if-none-match", "if-modified-since", "x-request-id", "accept-encoding");

  /** Request headers an admin call may send beyond the CORS-safelisted ones. */
  private static final Set<String> ADMIN_REQUEST_HEADERS =
      Set.of(
          "authorization",
          "content-type",
          "if-match",
          "if-none-match",
          "if-modified-since",
          "x-request-id");

  private final Policy publicPolicy;
  private final Policy adminPolicy;
  private final String maxAge;
  private final EdgeProblems problems;

  public CrossOrigin(ContentApiConfig config, EdgeProblems problems) {
    this.publicPolicy =
        new Policy(
            origins(config.cors().publicOrigins()),
            PUBLIC_METHODS,
            PUBLIC_REQUEST_HEADERS,
            PUBLIC_EXPOSED);
    List<String> admin = config.cors().adminOrigins().orElse(List.of());
    if (admin.contains(ANY)) {
      throw new IllegalStateException(
          "content-api.cors.admin-origins must name each origin that may call the admin API;"
              + " '*' would let any web page use an editor's token.");
    }
    this.adminPolicy =
        new Policy(origins(admin), ADMIN_METHODS, ADMIN_REQUEST_HEADERS, ADMIN_EXPOSED);
    this.maxAge = Long.toString(config.cors().maxAge().toSeconds());
    this.problems = problems;
  }

  void register(@Observes Filters filters) {
    // After the request edge (request id, access log), before the response cache.
    filters.register(this::handle, 9_500);
  }

  private void handle(RoutingContext context) {
    HttpServerRequest request = context.request();
    String path = request.path();
    Policy policy =
        path != null && (path.startsWith(ADMIN_PREFIX) || path.equals(ADMIN_ROOT))
            ? adminPolicy
            : publicPolicy;
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    boolean preflight =
        request.method() == HttpMethod.OPTIONS
            && origin != null
            && request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null;
    HttpServerResponse response = context.response();
    if (origin == null || isSameOrigin(request, origin)) {
      if (policy.anyOrigin()) {
        // Also without an Origin: a shared cache may serve these bytes to a browser later.
        response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ANY);
        response.putHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, policy.exposed());
      } else if (!policy.origins().isEmpty()) {
        varyOnOrigin(context);
      }
      context.next();
      return;
    }
    if (!policy.allows(origin)) {
      if (preflight || policy == adminPolicy) {
        refuse(context, origin, policy == adminPolicy);
        return;
      }
      // A public read answers anyway (its content is public); without the header a browser keeps
      // it from the page.
      varyOnOrigin(context);
      context.next();
      return;
    }
    if (policy.anyOrigin()) {
      response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ANY);
    } else {
      response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
      varyOnOrigin(context);
    }
    if (preflight) {
      answerPreflight(request, response, policy);
      return;
    }
    response.putHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, policy.exposed());
    context.next();
  }

  private void answerPreflight(
      HttpServerRequest request, HttpServerResponse response, Policy policy) {
    response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, policy.methods());
    String requested = request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
    if (requested != null && !requested.isBlank()) {
      // Only the headers this policy accepts; the browser refuses the call if one is missing.
      String allowed =
          java.util.Arrays.stream(requested.split(","))
              .map(String::trim)
              .filter(name -> policy.requestHeaders().contains(name.toLowerCase(Locale.ROOT)))
              .collect(Collectors.joining(", "));
      if (!allowed.isEmpty()) {
        response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, allowed);
      }
    }
    response.putHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, maxAge);
    response.putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    response.putHeader(
        HttpHeaders.VARY, "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
    response.putHeader(HttpHeaders.CONTENT_LENGTH, "0");
    response.setStatusCode(204).end();
  }

  private void refuse(RoutingContext context, String origin, boolean admin) {
    problems.send(
        context,
        ProblemType.ORIGIN_NOT_ALLOWED,
        "Origin '"
            + QueryParameters.shown(origin)
            + "' may not call "
            + (admin
                ? "the admin API; allowed origins are set with content-api.cors.admin-origins."
                : "this API; allowed origins are set with content-api.cors.public-origins."),
        Map.of(HttpHeaders.VARY, "Origin"));
  }

  /**
   * The answer depends on Origin: say so, keeping whatever Vary the rest of the chain sets (it
   * replaces the header, so the merge happens as the headers leave).
   */
  private static void varyOnOrigin(RoutingContext context) {
    context.addHeadersEndHandler(
        ignored -> {
          MultiMap headers = context.response().headers();
          Set<String> names = new LinkedHashSet<>();
          for (String value : headers.getAll(HttpHeaders.VARY)) {
            for (String name : value.split(",")) {
              if (!name.isBlank()) {
                names.add(name.trim());
              }
            }
          }
          if (names.stream().noneMatch(name -> name.equalsIgnoreCase("Origin"))) {
            names.add("Origin");
          }
          headers.set(HttpHeaders.VARY, String.join(", ", names));
        });
  }

  /** The page was served by this service itself (Swagger UI), through its own address. */
  private static boolean isSameOrigin(HttpServerRequest request, String origin) {
    String authority = request.authority() == null ? null : request.authority().toString();
    if (authority == null) {
      return false;
    }
    return origin.equalsIgnoreCase(request.scheme() + "://" + authority);
  }

  private static Set<String> origins(List<String> configured) {
    Set<String> origins = new LinkedHashSet<>();
    for (String origin : configured) {
      String trimmed = origin.trim();
      if (!trimmed.isEmpty()) {
        // A trailing slash is a common slip in configuration; browsers never send one.
        origins.add(trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
      }
    }
    return origins;
  }

  /** Who may call, with what. */
  private record Policy(
      Set<String> origins, String methods, Set<String> requestHeaders, String exposed) {

    boolean anyOrigin() {
      return origins.contains(ANY);
    }

    boolean allows(String origin) {
      return anyOrigin() || origins.stream().anyMatch(allowed -> allowed.equalsIgnoreCase(origin));
    }
  }
}
