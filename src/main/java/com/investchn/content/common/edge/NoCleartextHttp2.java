package com.investchn.content.common.edge;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Serves the plain-text port as HTTP/1.1 only: an {@code Upgrade: h2c} header is ignored. The JDK's
 * {@code HttpClient} asks for that upgrade on every cleartext request by default, and an import
 * streamed on an upgraded request was cut off after exactly {@code quarkus.http.idle-timeout} (30
 * s; 120 s when set to 120 s) with "Stream was closed", while the same upload over HTTP/1.1, or
 * over HTTP/2 with prior knowledge, ran for minutes. The load balancer in front speaks HTTP/1.1 to
 * the service; HTTP/2 to clients belongs on its TLS side.
 */
@ApplicationScoped
class NoCleartextHttp2 implements HttpServerOptionsCustomizer {

  @Override
  public void customizeHttpServer(HttpServerOptions options) {
    options.setHttp2ClearTextEnabled(false);
  }
}
