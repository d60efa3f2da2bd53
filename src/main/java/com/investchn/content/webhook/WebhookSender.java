package com.investchn.content.webhook;

import com.standardwebhooks.Webhook;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/**
 * Makes one attempt: checks the receiver's addresses after resolving them, signs the body as the
 * Standard Webhooks specification says (with its library) and posts it with bounded timeouts, never
 * following a redirect.
 */
final class WebhookSender {

  private static final String USER_AGENT = "InvestCHN-Webhooks/1.0";

  private final HttpClient client;
  private final AddressGuard guard;
  private final Duration requestTimeout;

  WebhookSender(AddressGuard guard, Duration connectTimeout, Duration requestTimeout) {
    this.guard = guard;
    this.requestTimeout = requestTimeout;
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  /** What became of an attempt. */
  enum Verdict {
    DELIVERED,
    RETRY,
    FAIL
  }

  record Result(Verdict verdict, Integer statusCode, String error, Duration retryAfter) {}

  /** The three Standard Webhooks headers for a body, signed now. */
  static String[] signedHeaders(String secret, String messageId, String payload, Instant now) {
    long timestamp = now.getEpochSecond();
    try {
      String signature = new Webhook(secret).sign(messageId, timestamp, payload);
      return new String[] {
        "webhook-id", messageId,
        "webhook-timestamp", Long.toString(timestamp),
        "webhook-signature", signature
      };
    } catch (Exception e) {
      throw new IllegalStateException("Cannot sign a webhook delivery", e);
    }
  }

  /**
   * Sends one delivery and says whether it arrived, may be retried, or failed for good.
   *
   * @throws InterruptedException when the service stops meanwhile; nothing is recorded then, and
   *     the lease's expiry lets the attempt be made again
   */
  Result send(WebhookStore.Claim claim) throws InterruptedException {
    URI uri = URI.create(claim.url());
    try {
      guard.check(uri.getHost());
    } catch (UnknownHostException e) {
      return new Result(Verdict.RETRY, null, "cannot resolve " + uri.getHost(), null);
    } catch (AddressGuard.RefusedAddressException e) {
      return new Result(Verdict.FAIL, null, "address refused: " + e.getMessage(), null);
    }
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(requestTimeout)
            .header("Content-Type", "application/json")
            .header("User-Agent", USER_AGENT)
            .headers(
                signedHeaders(claim.secret(), claim.messageId(), claim.payload(), Instant.now()))
            .POST(HttpRequest.BodyPublishers.ofString(claim.payload(), StandardCharsets.UTF_8))
            .build();
    HttpResponse<InputStream> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpConnectTimeoutException e) {
      return new Result(Verdict.RETRY, null, "connect timed out", null);
    } catch (HttpTimeoutException e) {
      return new Result(
          Verdict.RETRY, null, "no answer within " + requestTimeout.toMillis() + " ms", null);
    } catch (IOException e) {
      return new Result(Verdict.RETRY, null, "connection failed: " + describe(e), null);
    }
    // The answer's body is not read: closing it ends the exchange.
    try {
      response.body().close();
    } catch (IOException ignored) {
      // The status is what counts.
    }
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return new Result(Verdict.DELIVERED, status, null, null);
    }
    if (status >= 300 && status < 400) {
      String location = response.headers().firstValue("Location").orElse("?");
      return new Result(
          Verdict.FAIL,
          status,
          "redirect to " + shorten(location, 200) + " not followed; register the final URL",
          null);
    }
    if (status == 408 || status == 429 || status >= 500) {
      Duration retryAfter =
          status == 429 || status == 503
              ? RetryPolicy.retryAfter(
                  response.headers().firstValue("Retry-After").orElse(null), Instant.now())
              : null;
      return new Result(Verdict.RETRY, status, "receiver answered " + status, retryAfter);
    }
    if (status >= 400) {
      return new Result(Verdict.FAIL, status, "receiver answered " + status, null);
    }
    return new Result(Verdict.RETRY, status, "unexpected status " + status, null);
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    String kind = e.getClass().getSimpleName();
    return shorten(message == null || message.isBlank() ? kind : kind + ": " + message, 300);
  }

  static String shorten(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
