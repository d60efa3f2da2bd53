package com.investchn.content.common.edge;

import com.investchn.content.common.config.ContentApiConfig;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Headers that tell a browser how little an answer of this API may do: never sniff a type, never
 * run or frame it, send no referrer from it. The API's answers are data, so their policy allows
 * nothing at all; Swagger UI is a page of its own and gets one that lets it load its scripts and
 * styles and call the API on its own origin, and nothing else. Set on every answer, before anything
 * else runs, so cached answers, errors and 304s carry them too.
 */
@ApplicationScoped
class SecurityHeaders {

  /** Data, never a document: nothing may load, run or frame it. */
  static final String API_POLICY =
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

  /**
   * Swagger UI's page: its own scripts and styles (the page configures itself in an inline script),
   * images including data: URIs, and calls to this origin only.
   */
  static final String SWAGGER_UI_POLICY =
      "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline';"
          + " img-src 'self' data:; font-src 'self' data:; connect-src 'self';"
          + " frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

  private final String swaggerUiPath;
  private final String strictTransportSecurity;

  public SecurityHeaders(
      ContentApiConfig config,
      @ConfigProperty(name = "quarkus.swagger-ui.path", defaultValue = "/q/swagger-ui")
          String swaggerUiPath) {
    this.swaggerUiPath = swaggerUiPath;
    this.strictTransportSecurity = config.http().strictTransportSecurity().orElse(null);
  }

  void register(@Observes Filters filters) {
    // Before the request edge, so even an answer it writes itself carries them.
    filters.register(this::handle, 11_000);
  }

  private void handle(RoutingContext context) {
    MultiMap headers = context.response().headers();
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Referrer-Policy", "no-referrer");
    headers.set("X-Frame-Options", "DENY");
    String path = context.request().path();
    if (path != null && path.startsWith(swaggerUiPath)) {
      headers.set("Content-Security-Policy", SWAGGER_UI_POLICY);
    } else if (path == null || !path.startsWith("/q/dev")) {
      // The Dev UI (dev mode only) builds itself from inline code and is left to its defaults.
      headers.set("Content-Security-Policy", API_POLICY);
    }
    if (strictTransportSecurity != null) {
      headers.set("Strict-Transport-Security", strictTransportSecurity);
    }
    context.next();
  }
}
