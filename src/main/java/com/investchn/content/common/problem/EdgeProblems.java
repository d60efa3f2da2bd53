package com.investchn.content.common.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.investchn.content.common.edge.RequestEdge;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Writes the problem+json answers of the HTTP edge filters, which refuse a request before any
 * resource or {@link ProblemMapper} could see it, so they carry the same body and headers as every
 * other problem.
 */
@ApplicationScoped
public class EdgeProblems {

  private final ObjectMapper json;

  public EdgeProblems(ObjectMapper json) {
    this.json = json;
  }

  /**
   * Ends the exchange with a problem of the given type; the extra headers (Retry-After, Vary) go
   * out after Content-Type and Cache-Control.
   */
  public void send(
      RoutingContext context, ProblemType type, String detail, Map<CharSequence, String> headers) {
    Object requestId = context.get(RequestEdge.REQUEST_ID);
    Problem problem =
        new Problem(
            type.uri(),
            type.title(),
            type.status(),
            detail,
            context.request().path(),
            null,
            requestId == null ? null : requestId.toString(),
            null);
    byte[] body;
    try {
      body = json.writeValueAsBytes(problem);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    HttpServerResponse response = context.response();
    response.putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
    // A refusal depends on the moment (a bucket, a configured origin): no cache may keep it.
    response.putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    headers.forEach(response::putHeader);
    response.setStatusCode(type.status());
    if (context.request().method() == HttpMethod.HEAD) {
      // Vert.x sends no Content-Length for HEAD by itself; the one a GET would carry counts bytes.
      response.putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(body.length));
      response.end();
      return;
    }
    response.end(Buffer.buffer(body));
  }
}
