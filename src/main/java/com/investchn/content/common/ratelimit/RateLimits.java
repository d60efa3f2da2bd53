package com.investchn.content.common.ratelimit;

import com.investchn.content.common.config.ContentApiConfig;
import com.investchn.content.common.problem.EdgeProblems;
import com.investchn.content.common.problem.ProblemType;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Rate limits at the HTTP edge, per client address (see {@link ClientAddress}), before the response
 * cache, so that cached answers count like any other:
 *
 * <ul>
 *   <li>public reads, every request under /api/v1 outside /api/v1/admin, take from the "public"
 *       bucket;
 *   <li>admin writes (POST, PUT, PATCH, DELETE under /api/v1/admin) take from the tighter "admin"
 *       bucket;
 *   <li>every 401 answer takes from the tightest, "auth": while it is empty, every request under
 *       /api/v1/admin is refused, so guessing tokens is slowed to its rate.
 * </ul>
 *
 * Every answer under /api/v1 carries RateLimit-Policy and RateLimit (draft-ietf-httpapi-ratelimit-
 * headers, structured fields); a request over a limit is a 429 problem with Retry-After. Nothing
 * else is limited (the OpenAPI document, Swagger UI). When the buckets cannot be reached (Redis is
 * down) the request is served without a limit, with a warning a minute at most.
 */
@ApplicationScoped
public class RateLimits {

  public static final String POLICY_HEADER = "RateLimit-Policy";
  public static final String LIMIT_HEADER = "RateLimit";

  private static final Logger LOG = Logger.getLogger(RateLimits.class);
  private static final String API_PREFIX = "/api/";
  private static final String ADMIN_ROOT = "/api/v1/admin";
  private static final String ADMIN_PREFIX = ADMIN_ROOT + "/";
  private static final Set<HttpMethod> WRITES =
      Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);
  private static final long WARNING_INTERVAL_NANOS = 60_000_000_000L;

  private final boolean enabled;
  private final RateLimitPolicy publicReads;
  private final RateLimitPolicy adminWrites;
  private final RateLimitPolicy failedAuthentication;
  private final ClientAddress clients;
  private final Buckets buckets;
  private final EdgeProblems problems;
  private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARNING_INTERVAL_NANOS);

  public RateLimits(
      ContentApiConfig config,
      EdgeProblems problems,
      @ConfigProperty(name = "quarkus.http.proxy.proxy-address-forwarding", defaultValue = "false")
          boolean forwarding,
      @ConfigProperty(name = "quarkus.http.proxy.allow-forwarded", defaultValue = "false")
          boolean allowForwarded,
      @ConfigProperty(name = "quarkus.http.proxy.allow-x-forwarded", defaultValue = "false")
          boolean allowXForwarded,
      @ConfigProperty(name = "quarkus.http.proxy.trusted-proxies")
          Optional<List<String>> trustedProxies) {
    ContentApiConfig.RateLimit limits = config.rateLimit();
    this.enabled = limits.enabled();
    this.publicReads = RateLimitPolicy.of(RateLimitPolicy.PUBLIC, limits.publicReads());
    this.adminWrites = RateLimitPolicy.of(RateLimitPolicy.ADMIN, limits.admin());
    this.failedAuthentication = RateLimitPolicy.of(RateLimitPolicy.AUTH, limits.auth());
    this.clients =
        new ClientAddress(
            forwarding, allowForwarded, allowXForwarded, trustedProxies.orElse(List.of()));
    this.problems = problems;
    if (!enabled) {
      this.buckets = null;
    } else if (limits.redisUrl().isPresent() && !limits.redisUrl().get().isBlank()) {
      this.buckets =
          new RedisBuckets(limits.redisUrl().get(), limits.redisKeyPrefix(), limits.redisTimeout());
      LOG.infof("Rate limits are shared through Redis (keys %s*)", limits.redisKeyPrefix());
    } else {
      this.buckets = new LocalBuckets(limits.maxClients());
    }
  }

  void register(@Observes Filters filters) {
    if (enabled) {
      // After cross-origin (so a 429 is readable by the browser), before the response cache.
      filters.register(this::handle, 9_200);
    }
  }

  @PreDestroy
  void close() {
    if (buckets != null) {
      buckets.close();
    }
  }

  private void handle(RoutingContext context) {
    // Decoded and without dot segments, as the router matches it: /api/v1/%61dmin/… is an admin
    // request and must meet the admin limits, not the public ones.
    String path = context.normalizedPath();
    if (path == null || !path.startsWith(API_PREFIX)) {
      context.next();
      return;
    }
    boolean admin = path.equals(ADMIN_ROOT) || path.startsWith(ADMIN_PREFIX);
    List<RateLimitPolicy> policies =
        !admin
            ? List.of(publicReads)
            : WRITES.contains(context.request().method())
                ? List.of(adminWrites, failedAuthentication)
                : List.of(failedAuthentication);
    String client = clients.of(context.request());
    CompletableFuture<List<Allowance>> decision = decide(policies, client);
    if (decision.isDone()) {
      proceed(context, policies, decision.join(), client);
      return;
    }
    // Redis answers on its own thread: hold the body until the request goes on, on its context.
    context.request().pause();
    Context here = Vertx.currentContext();
    decision.whenComplete(
        (allowances, ignored) ->
            here.runOnContext(
                nothing -> {
                  context.request().resume();
                  if (!context.response().closed() && !context.response().ended()) {
                    proceed(context, policies, allowances, client);
                  }
                }));
  }

  /**
   * Asks the buckets in turn: the auth bucket is only looked at (a 401 takes from it later), the
   * others give a token. The first refusal ends it, so a refused request takes nothing more.
   * Buckets that cannot be reached say nothing (the list is shorter) and refuse nothing.
   */
  private CompletableFuture<List<Allowance>> decide(List<RateLimitPolicy> order, String client) {
    // The auth bucket first: while it is empty nothing else is spent.
    List<RateLimitPolicy> asked = new ArrayList<>(order);
    asked.sort((a, b) -> a == failedAuthentication ? -1 : b == failedAuthentication ? 1 : 0);
    CompletableFuture<List<Allowance>> chain = CompletableFuture.completedFuture(new ArrayList<>());
    for (RateLimitPolicy policy : asked) {
      chain =
          chain.thenCompose(
              allowances -> {
                if (allowances.stream().anyMatch(allowance -> !allowance.allowed())) {
                  return CompletableFuture.completedFuture(allowances);
                }
                CompletableFuture<Allowance> answer =
                    policy == failedAuthentication
                        ? buckets.peek(policy, client)
                        : buckets.take(policy, client);
                return answer.handle(
                    (allowance, failure) -> {
                      if (failure != null) {
                        warnUnreachable(failure);
                      } else {
                        allowances.add(allowance);
                      }
                      return allowances;
                    });
              });
    }
    return chain;
  }

  private void proceed(
      RoutingContext context,
      List<RateLimitPolicy> policies,
      List<Allowance> allowances,
      String client) {
    HttpServerResponse response = context.response();
    response
        .headers()
        .set(
            POLICY_HEADER,
            policies.stream().map(RateLimitPolicy::policyItem).collect(Collectors.joining(", ")));
    setRemaining(response, policies, allowances);
    for (Allowance allowance : allowances) {
      if (!allowance.allowed()) {
        refuse(context, allowance);
        return;
      }
    }
    if (policies.contains(failedAuthentication)) {
      Allowance before =
          allowances.stream()
              .filter(allowance -> allowance.policy() == failedAuthentication)
              .findFirst()
              .orElse(null);
      context.addHeadersEndHandler(
          ignored -> countFailure(context, policies, allowances, before, client));
    }
    context.next();
  }

  /** A 401 answer takes a token from the client's auth bucket, and its RateLimit says so. */
  private void countFailure(
      RoutingContext context,
      List<RateLimitPolicy> policies,
      List<Allowance> allowances,
      Allowance before,
      String client) {
    HttpServerResponse response = context.response();
    if (response.getStatusCode() != 401) {
      return;
    }
    CompletableFuture<Allowance> taken =
        buckets
            .take(failedAuthentication, client)
            .whenComplete(
                (allowance, failure) -> {
                  if (failure != null) {
                    warnUnreachable(failure);
                  }
                });
    // The headers leave now: an answer from Redis that is not in yet is estimated.
    Allowance after = taken.isDone() && !taken.isCompletedExceptionally() ? taken.join() : null;
    if (after == null && before != null) {
      after = before.minusOne();
    }
    if (after == null) {
      return;
    }
    List<Allowance> updated = new ArrayList<>();
    for (Allowance allowance : allowances) {
      if (allowance.policy() != failedAuthentication) {
        updated.add(allowance);
      }
    }
    updated.add(after);
    setRemaining(response, policies, updated);
  }

  /** RateLimit with one item per policy that answered, in the order of RateLimit-Policy. */
  private static void setRemaining(
      HttpServerResponse response, List<RateLimitPolicy> policies, List<Allowance> allowances) {
    List<String> items = new ArrayList<>();
    for (RateLimitPolicy policy : policies) {
      for (Allowance allowance : allowances) {
        if (allowance.policy() == policy) {
          items.add(allowance.item());
        }
      }
    }
    if (items.isEmpty()) {
      response.headers().remove(LIMIT_HEADER);
    } else {
      response.headers().set(LIMIT_HEADER, String.join(", ", items));
    }
  }

  private void refuse(RoutingContext context, Allowance allowance) {
    long retryAfter = allowance.retryAfterSeconds();
    problems.send(
        context,
        ProblemType.RATE_LIMITED,
        describe(allowance.policy(), retryAfter),
        Map.of(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter)));
  }

  private static String describe(RateLimitPolicy policy, long retryAfter) {
    String what =
        switch (policy.name()) {
          case RateLimitPolicy.ADMIN -> "admin writes";
          case RateLimitPolicy.AUTH -> "failed authentications";
          default -> "requests";
        };
    return "Too many "
        + what
        + " from your address: "
        + policy.burst()
        + " per "
        + policy.windowSeconds()
        + " s are allowed (policy '"
        + policy.name()
        + "'); retry in "
        + retryAfter
        + " s.";
  }

  private void warnUnreachable(Throwable failure) {
    long now = System.nanoTime();
    long last = lastWarning.get();
    if (now - last >= WARNING_INTERVAL_NANOS && lastWarning.compareAndSet(last, now)) {
      Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
      LOG.warnf(
          "Rate limits cannot reach their buckets (%s); requests are served without a limit"
              + " until they can (this warning repeats once a minute at most)",
          cause.toString());
    }
  }
}
