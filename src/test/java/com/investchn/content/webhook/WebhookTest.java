package com.investchn.content.webhook;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.investchn.content.support.AdminArticles;
import com.investchn.content.support.ApiTest;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpServer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks end to end: endpoints registered through the admin API, writes through the editorial
 * API, and a local receiver (the JDK's HTTP server on 127.0.0.1) that answers as each test needs.
 * The test profile allows loopback receivers, retries after 200 ms doubling to 2 s, times out after
 * 1 s and disables an endpoint after 3 failed deliveries in a row.
 */
@QuarkusTest
class WebhookTest extends ApiTest {

  private static final String BOOTSTRAP = "test-bootstrap-admin-token-0123456789abcdef";
  private static final String WEBHOOKS = "/api/v1/admin/webhooks";
  private static final String ARTICLES = "/api/v1/admin/articles";
  private static final String JSON = "application/json; charset=UTF-8";
  private static final String PROBLEM = "application/problem+json";
  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<String> ALL_EVENTS =
      List.of(
          "article.published",
          "article.updated",
          "article.unpublished",
          "article.deleted",
          "zone.changed",
          "category.changed",
          "site.changed");

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @Inject WebhookRuntime runtime;
  @Inject WebhookStore store;
  @Inject WebhookDispatcher dispatcher;
  @Inject AgroalDataSource dataSource;

  private final List<Receiver> receivers = new ArrayList<>();
  private final AdminArticles articles = new AdminArticles();

  @AfterEach
  void cleanUp() {
    List<Integer> ids = as(BOOTSTRAP).get(WEBHOOKS).then().statusCode(200).extract().path("id");
    ids.forEach(id -> as(BOOTSTRAP).delete(WEBHOOKS + "/" + id).then().statusCode(204));
    articles.deleteAll();
    receivers.forEach(Receiver::close);
  }

  // --- the admin API ---------------------------------------------------------------------

  @Test
  void registersWithASecretShownOnceAndListsWithoutIt() {
    Receiver receiver = receiver();
    Response created =
        as(BOOTSTRAP)
            .contentType(JSON)
            .body(json(Map.of("url", receiver.url("/hook"), "description", "合作网站 A")))
            .post(WEBHOOKS);
    assertEquals(201, created.statusCode(), created.asString());
    long id = created.<Integer>path("id");
    assertEquals(WEBHOOKS + "/" + id, java.net.URI.create(created.header("Location")).getPath());
    assertEquals("no-store", created.header("Cache-Control"));
    String secret = created.path("secret");
    assertTrue(secret.startsWith("whsec_"), secret);
    assertTrue(Base64.getDecoder().decode(secret.substring(6)).length >= 24);
    assertEquals(ALL_EVENTS, created.path("events"), "no events given means all seven");
    assertEquals("active", created.path("status"));
    assertEquals("合作网站 A", created.path("description"));
    assertEquals("bootstrap-admin", created.path("createdBy"));

    Response one = as(BOOTSTRAP).get(WEBHOOKS + "/" + id);
    one.then()
        .statusCode(200)
        .header("Cache-Control", "no-store")
        .header("ETag", "\"1\"")
        .body("url", equalTo(receiver.url("/hook")))
        .body("status", equalTo("active"))
        .body("pendingDeliveries", equalTo(0));
    assertFalse(one.asString().contains(secret.substring(6)), "the secret is shown once only");
    Response list = as(BOOTSTRAP).get(WEBHOOKS);
    list.then().statusCode(200).header("Cache-Control", "no-store").body("id", hasItem((int) id));
    assertFalse(list.asString().contains(secret.substring(6)));
    assertFalse(list.asString().contains("\"secret\""));

    as(BOOTSTRAP).delete(WEBHOOKS + "/" + id).then().statusCode(204);
    as(BOOTSTRAP).get(WEBHOOKS + "/" + id).then().statusCode(404).contentType(PROBLEM);
  }

  @Test
  void refusesBadRegistrationsWithProblemsNamingTheField() {
    String receiver = receiver().url("/hook");
    assertInvalid(Map.of("url", "ftp://partner.example.com/hook"), "url", "http or https");
    assertInvalid(Map.of("url", "http://169.254.169.254/latest/meta-data/"), "url", "metadata");
    assertInvalid(Map.of("url", "http://[fd00:ec2::254]/"), "url", "metadata");
    assertInvalid(Map.of("url", "http://10.1.2.3/hook"), "url", "private address");
    assertInvalid(Map.of("url", "http://192.168.0.10/hook"), "url", "private address");
    assertInvalid(Map.of("url", "not a url"), "url", "");
    assertInvalid(Map.of("url", "https://user:pw@partner.example.com/"), "url", "credentials");
    assertInvalid(Map.of("description", "no url"), "url", "blank");
    assertInvalid(
        Map.of("url", receiver, "events", List.of("article.published", "article.hidden")),
        "events.1",
        "unknown event 'article.hidden'");
    assertInvalid(Map.of("url", receiver, "events", List.of("article.navigation")), "events.0", "");
    assertInvalid(Map.of("url", receiver, "secret", "mine"), "secret", "not a field");
    assertInvalid(Map.of("url", receiver, "category", "no-such-channel"), "category", "names no");
    assertInvalid(Map.of("url", receiver, "zone", "atlantis"), "zone", "names no");
    assertInvalid(Map.of("url", receiver, "events", "article.published"), "events", "wrong type");
    as(BOOTSTRAP)
        .contentType(JSON)
        .body("{\"url\": ")
        .post(WEBHOOKS)
        .then()
        .statusCode(400)
        .contentType(PROBLEM);
    as(BOOTSTRAP)
        .contentType(JSON)
        .body("[]")
        .post(WEBHOOKS)
        .then()
        .statusCode(400)
        .contentType(PROBLEM);
    as(BOOTSTRAP).get(WEBHOOKS).then().statusCode(200).body("size()", equalTo(0));
  }

  @Test
  void onlyAdminsManageWebhooks() {
    given().get(WEBHOOKS).then().statusCode(401).contentType(PROBLEM);
    given()
        .contentType(JSON)
        .body(json(Map.of("url", "https://partner.example.com/hook")))
        .post(WEBHOOKS)
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", "Bearer realm=\"content-api\"");
    String editor =
        as(BOOTSTRAP)
            .contentType(JSON)
            .body(
                json(
                    Map.of(
                        "name",
                        "t-webhook-editor-" + SEQUENCE.incrementAndGet(),
                        "role",
                        "editor")))
            .post("/api/v1/admin/tokens")
            .then()
            .statusCode(201)
            .extract()
            .path("token");
    as(editor).get(WEBHOOKS).then().statusCode(403).contentType(PROBLEM);
    as(editor)
        .contentType(JSON)
        .body(json(Map.of("url", "https://partner.example.com/hook")))
        .post(WEBHOOKS)
        .then()
        .statusCode(403);
  }

  @Test
  void unknownEndpointsAreNotFound() {
    as(BOOTSTRAP).get(WEBHOOKS + "/987654321").then().statusCode(404).contentType(PROBLEM);
    as(BOOTSTRAP).post(WEBHOOKS + "/987654321/test").then().statusCode(404);
    as(BOOTSTRAP).post(WEBHOOKS + "/987654321/pause").then().statusCode(404);
    as(BOOTSTRAP).delete(WEBHOOKS + "/987654321").then().statusCode(404);
    as(BOOTSTRAP).get(WEBHOOKS + "/987654321/deliveries").then().statusCode(404);
  }

  // --- deliveries ------------------------------------------------------------------------

  @Test
  void deliversSignedChangeRecordsEqualToThePublicRepresentation() throws Exception {
    Receiver receiver = receiver();
    Registered hook = register(receiver.url("/signed"), Map.of());
    long article = createArticle("签名验证的新闻", "text-news", "daxing");
    Received published = receiver.awaitCount(1).get(0);

    new Webhook(hook.secret()).verify(published.body(), published.headers());
    JsonNode body = MAPPER.readTree(published.body());
    assertEquals("article.published", body.path("type").asText());
    JsonNode change = body.path("data");
    assertEquals("article", change.path("entity").asText());
    assertEquals("upsert", change.path("op").asText());
    assertEquals(article, change.path("id").asLong());
    JsonNode publicArticle = MAPPER.readTree(given().get("/api/v1/articles/" + article).asString());
    assertEquals(publicArticle.path("slug").asText(), change.path("slug").asText());
    assertEquals(
        publicArticle, change.path("data"), "data is what GET /api/v1/articles/{id} serves");
    assertTrue(body.path("timestamp").asText().endsWith("+08:00"), body.toString());
    assertEquals(body.path("timestamp"), change.path("changedAt"));
    OffsetDateTime.parse(body.path("timestamp").asText());
    String messageId = published.header("webhook-id");
    assertTrue(messageId.matches("msg_[0-9]+_" + hook.id()), messageId);
    long timestamp = Long.parseLong(published.header("webhook-timestamp"));
    assertTrue(Math.abs(timestamp - Instant.now().getEpochSecond()) < 30);
    assertTrue(published.header("webhook-signature").startsWith("v1,"));
    assertTrue(published.header("content-type").startsWith("application/json"));

    // A tampered body, or another secret, does not verify: the check above can fail.
    assertThrows(
        WebhookVerificationException.class,
        () -> new Webhook(hook.secret()).verify(published.body() + " ", published.headers()));
    assertThrows(
        WebhookVerificationException.class,
        () ->
            new Webhook("whsec_" + Base64.getEncoder().encodeToString(new byte[32]))
                .verify(published.body(), published.headers()));

    // Unpublished and deleted: no public data any more, and op delete.
    unpublish(article);
    articles.delete(article);
    List<Received> all = receiver.awaitCount(3);
    JsonNode unpublished = MAPPER.readTree(all.get(1).body());
    assertEquals("article.unpublished", unpublished.path("type").asText());
    assertEquals("delete", unpublished.path("data").path("op").asText());
    assertFalse(unpublished.path("data").has("data"), "no data for what is not public");
    JsonNode deleted = MAPPER.readTree(all.get(2).body());
    assertEquals("article.deleted", deleted.path("type").asText());
    assertFalse(deleted.path("data").has("data"));
    for (Received received : all) {
      new Webhook(hook.secret()).verify(received.body(), received.headers());
    }
  }

  @Test
  void zoneCategoryAndSiteChangesAreDeliveredToWhoWantsThem() throws Exception {
    Receiver receiver = receiver();
    register(receiver.url("/site"), Map.of("events", List.of("site.changed")));
    long article = createArticle("不应送达的站点测试", "text-news", "daxing");
    Response site = as(BOOTSTRAP).get("/api/v1/admin/site");
    String slogan = site.path("slogan");
    patchSite(site.header("ETag"), "投资中国 " + SEQUENCE.incrementAndGet());
    Received changed = receiver.awaitCount(1).get(0);
    JsonNode body = MAPPER.readTree(changed.body());
    assertEquals("site.changed", body.path("type").asText());
    assertEquals("site", body.path("data").path("entity").asText());
    assertEquals(
        MAPPER.readTree(given().get("/api/v1/site").asString()), body.path("data").path("data"));
    patchSite(as(BOOTSTRAP).get("/api/v1/admin/site").header("ETag"), slogan);
    receiver.awaitCount(2);
    Thread.sleep(300);
    assertEquals(2, receiver.received().size(), "the article event was not subscribed");
    assertTrue(article > 0);
  }

  @Test
  void aCategoryFilterDeliversArticlesBelowItAndTellsWhenOneLeaves() throws Exception {
    Receiver receiver = receiver();
    register(receiver.url("/zone-news"), Map.of("category", "zone-news"));
    long inside = createArticle("开发区新闻之内", "text-news", "daxing");
    long outside = createArticle("政策法规不在其内", "policies", "daxing");
    receiver.awaitCount(1);
    // Moving the article out of the filter is its last delivery, as a delete.
    patchArticle(inside, Map.of("categoryId", fixtures.id("policies")));
    patchArticle(inside, Map.of("title", "已移出的文章再次修改"));
    patchArticle(outside, Map.of("title", "不在其内的文章修改"));
    List<Received> received = receiver.awaitCount(2);
    Thread.sleep(400);
    assertEquals(2, receiver.received().size(), bodies(receiver.received()));
    JsonNode first = MAPPER.readTree(received.get(0).body());
    assertEquals(inside, first.path("data").path("id").asLong());
    assertEquals("upsert", first.path("data").path("op").asText());
    JsonNode left = MAPPER.readTree(received.get(1).body());
    assertEquals("article.updated", left.path("type").asText());
    assertEquals(inside, left.path("data").path("id").asLong());
    assertEquals("delete", left.path("data").path("op").asText());
    assertFalse(left.path("data").has("data"));
  }

  @Test
  void retriesOnServerErrorsAndTimeoutsWithGrowingDelaysAndHonoursRetryAfter() throws Exception {
    Receiver receiver = receiver();
    receiver.answer(
        n ->
            switch (n) {
              case 1, 2 -> Reply.status(500);
              case 3 -> Reply.hang(1_600);
              case 4 -> Reply.status(429).with("Retry-After", "1");
              default -> Reply.status(200);
            });
    Registered hook = register(receiver.url("/flaky"), Map.of());
    String messageId = sendTest(hook.id());
    List<Received> received = receiver.awaitCount(5, Duration.ofSeconds(20));
    awaitTrue(() -> attempts(hook.id()).size() == 5, "five attempts logged");
    assertEquals(
        List.of(messageId, messageId, messageId, messageId, messageId),
        received.stream().map(r -> r.header("webhook-id")).toList(),
        "every attempt carries the same webhook-id");
    for (Received attempt : received) {
      new Webhook(hook.secret()).verify(attempt.body(), attempt.headers());
    }
    List<JsonNode> log = attempts(hook.id());
    Collections.reverse(log); // the log is newest first
    assertEquals(
        List.of("retrying", "retrying", "retrying", "retrying", "delivered"),
        log.stream().map(a -> a.path("outcome").asText()).toList());
    assertEquals(
        List.of("500", "500", "null", "429", "200"),
        log.stream().map(a -> a.path("statusCode").asText()).toList());
    assertTrue(log.get(2).path("error").asText().contains("no answer within"), log.toString());
    assertTrue(log.get(2).path("durationMs").asLong() >= 900, log.toString());
    for (int i = 0; i < 5; i++) {
      assertEquals(i + 1, log.get(i).path("attempt").asInt());
      assertEquals("webhook.test", log.get(i).path("event").asText());
      assertTrue(log.get(i).path("changeSeq").isNull());
    }
    assertTrue(log.get(4).path("nextAttempt").isNull());
    // Backoff with full jitter: the n-th delay lies in (0, 200 ms * 2^(n-1)], so the bound grows.
    long[] ceilings = {200, 400, 800};
    for (int i = 0; i < 3; i++) {
      long delay = millisBetween(log.get(i).path("time"), log.get(i).path("nextAttempt"));
      long afterAttempt = delay - log.get(i).path("durationMs").asLong();
      assertTrue(
          afterAttempt > 0 && afterAttempt <= ceilings[i] + 25,
          "delay " + i + " was " + afterAttempt + " ms, ceiling " + ceilings[i] + ": " + log);
    }
    // Retry-After: 1 was honoured: the fifth attempt came at least a second after the fourth.
    long retryAfter = received.get(4).atMillis() - received.get(3).atMillis();
    assertTrue(retryAfter >= 950, "Retry-After honoured, got " + retryAfter + " ms");
    as(BOOTSTRAP).get(WEBHOOKS + "/" + hook.id()).then().body("consecutiveFailures", equalTo(0));
  }

  @Test
  void aReceiverThatComesBackGetsEveryMissedEventInOrderPerEntity() throws Exception {
    Receiver receiver = receiver();
    long downUntil = System.currentTimeMillis() + 2_500;
    receiver.answer(
        n -> System.currentTimeMillis() < downUntil ? Reply.status(503) : Reply.status(204));
    Registered hook = register(receiver.url("/comes-back"), Map.of());
    long first = createArticle("恢复测试之一", "text-news", "daxing");
    long second = createArticle("恢复测试之二", "policies", "haidian");
    for (int i = 1; i <= 3; i++) {
      patchArticle(first, Map.of("title", "恢复测试之一 第" + i + "次修改"));
      patchArticle(second, Map.of("title", "恢复测试之二 第" + i + "次修改"));
    }
    awaitTrue(
        () -> receiver.received().stream().filter(r -> r.status() == 204).count() == 8,
        "all eight events delivered after the receiver came back");
    List<Received> delivered = receiver.received().stream().filter(r -> r.status() == 204).toList();
    List<Long> seqs = delivered.stream().map(WebhookTest::seqOf).toList();
    assertEquals(
        seqs.stream().sorted().distinct().toList(), seqs, "in change-log order, once each");
    Map<Long, List<String>> titles = new LinkedHashMap<>();
    for (Received r : delivered) {
      JsonNode change = MAPPER.readTree(r.body()).path("data");
      titles
          .computeIfAbsent(change.path("id").asLong(), k -> new ArrayList<>())
          .add(MAPPER.readTree(r.body()).path("type").asText());
    }
    assertEquals(
        List.of("article.published", "article.updated", "article.updated", "article.updated"),
        titles.get(first));
    assertEquals(titles.get(first), titles.get(second));
    assertTrue(receiver.received().stream().anyMatch(r -> r.status() == 503), "it was down");
    assertEquals(0L, pending(hook.id()));
  }

  @Test
  void pausingHoldsDeliveriesAndResumingSendsTheBacklogInOrder() throws Exception {
    Receiver receiver = receiver();
    Registered hook = register(receiver.url("/paused"), Map.of());
    as(BOOTSTRAP)
        .post(WEBHOOKS + "/" + hook.id() + "/pause")
        .then()
        .statusCode(200)
        .header("Cache-Control", "no-store")
        .body("status", equalTo("paused"));
    as(BOOTSTRAP).post(WEBHOOKS + "/" + hook.id() + "/pause").then().statusCode(200);
    long article = createArticle("暂停期间发布", "text-news", "daxing");
    patchArticle(article, Map.of("title", "暂停期间修改"));
    String test = sendTest(hook.id());
    awaitTrue(() -> pending(hook.id()) == 3, "three deliveries wait");
    Thread.sleep(400);
    assertEquals(0, receiver.received().size(), "nothing is sent while paused");
    String etag = as(BOOTSTRAP).get(WEBHOOKS + "/" + hook.id()).header("ETag");
    as(BOOTSTRAP)
        .header("If-Match", "\"999\"")
        .post(WEBHOOKS + "/" + hook.id() + "/resume")
        .then()
        .statusCode(412);
    as(BOOTSTRAP)
        .header("If-Match", etag)
        .post(WEBHOOKS + "/" + hook.id() + "/resume")
        .then()
        .statusCode(200)
        .body("status", equalTo("active"));
    List<Received> received = receiver.awaitCount(3);
    assertEquals(
        List.of("article.published", "article.updated", "webhook.test"),
        received.stream().map(WebhookTest::type).toList());
    assertEquals(test, received.get(2).header("webhook-id"));
  }

  @Test
  void pausingAPausedOrResumingAnActiveEndpointLeavesItsVersion() {
    Registered hook = register(receiver().url("/unchanged"), Map.of());
    String endpoint = WEBHOOKS + "/" + hook.id();
    String active = as(BOOTSTRAP).get(endpoint).header("ETag");
    as(BOOTSTRAP)
        .post(endpoint + "/resume")
        .then()
        .statusCode(200)
        .header("ETag", active)
        .body("status", equalTo("active"));
    String paused =
        as(BOOTSTRAP).post(endpoint + "/pause").then().statusCode(200).extract().header("ETag");
    assertFalse(active.equals(paused), "pausing an active endpoint is a new version");
    as(BOOTSTRAP)
        .post(endpoint + "/pause")
        .then()
        .statusCode(200)
        .header("ETag", paused)
        .body("status", equalTo("paused"));
  }

  @Test
  void deletingAnEndpointStopsItsDeliveries() throws Exception {
    Receiver receiver = receiver();
    Registered hook = register(receiver.url("/deleted"), Map.of());
    as(BOOTSTRAP).post(WEBHOOKS + "/" + hook.id() + "/pause").then().statusCode(200);
    sendTest(hook.id());
    as(BOOTSTRAP)
        .header("If-Match", "\"999\"")
        .delete(WEBHOOKS + "/" + hook.id())
        .then()
        .statusCode(412);
    as(BOOTSTRAP).delete(WEBHOOKS + "/" + hook.id()).then().statusCode(204);
    createArticle("删除之后发布", "text-news", "daxing");
    Thread.sleep(500);
    assertEquals(0, receiver.received().size());
    assertEquals(
        0, count("select count(*) from webhook_delivery where endpoint_id = ?", hook.id()));
  }

  @Test
  void anEndpointThatKeepsFailingIsDisabledAndSaysWhy() throws Exception {
    Receiver receiver = receiver();
    receiver.answer(n -> Reply.status(410));
    Registered hook = register(receiver.url("/gone"), Map.of());
    for (int i = 0; i < 4; i++) {
      sendTest(hook.id());
    }
    awaitTrue(
        () -> "disabled".equals(as(BOOTSTRAP).get(WEBHOOKS + "/" + hook.id()).path("status")),
        "disabled after three failed deliveries");
    Response disabled = as(BOOTSTRAP).get(WEBHOOKS + "/" + hook.id());
    assertTrue(
        disabled.<String>path("disabledReason").startsWith("3 deliveries in a row failed"),
        disabled.asString());
    assertTrue(disabled.<String>path("disabledReason").contains("410"));
    assertNotNull(disabled.path("disabledAt"));
    assertEquals(3, disabled.<Integer>path("consecutiveFailures"));
    Thread.sleep(400);
    assertEquals(3, receiver.received().size(), "a 4xx fails at once, and a disabled one waits");
    List<JsonNode> log = attempts(hook.id());
    assertEquals(3, log.size());
    log.forEach(a -> assertEquals("failed", a.path("outcome").asText()));
    log.forEach(a -> assertEquals(1, a.path("attempt").asInt()));
    // Resumed, it sends what waits and the count starts again.
    receiver.answer(n -> Reply.status(200));
    as(BOOTSTRAP).post(WEBHOOKS + "/" + hook.id() + "/resume").then().statusCode(200);
    receiver.awaitCount(4);
    awaitTrue(() -> pending(hook.id()) == 0, "the waiting test event arrived");
  }

  @Test
  void redirectsAreNotFollowed() throws Exception {
    Receiver receiver = receiver();
    receiver.answer(n -> Reply.status(302).with("Location", receiver.url("/elsewhere")));
    Registered hook = register(receiver.url("/moved"), Map.of());
    sendTest(hook.id());
    awaitTrue(() -> attempts(hook.id()).size() == 1, "one attempt logged");
    Thread.sleep(300);
    JsonNode attempt = attempts(hook.id()).get(0);
    assertEquals(302, attempt.path("statusCode").asInt());
    assertEquals("failed", attempt.path("outcome").asText());
    assertTrue(attempt.path("error").asText().contains("not followed"), attempt.toString());
    assertEquals(List.of("/moved"), receiver.received().stream().map(Received::path).toList());
  }

  @Test
  void theTestEventAndTheDeliveryLogPagedNewestFirst() throws Exception {
    Receiver receiver = receiver();
    Registered hook = register(receiver.url("/log"), Map.of());
    Response accepted = as(BOOTSTRAP).post(WEBHOOKS + "/" + hook.id() + "/test");
    accepted.then().statusCode(202).header("Cache-Control", "no-store");
    assertEquals("webhook.test", accepted.path("event"));
    Received test = receiver.awaitCount(1).get(0);
    assertEquals(accepted.<String>path("messageId"), test.header("webhook-id"));
    new Webhook(hook.secret()).verify(test.body(), test.headers());
    JsonNode body = MAPPER.readTree(test.body());
    assertEquals("webhook.test", body.path("type").asText());
    assertEquals(hook.id(), body.path("data").path("webhookId").asLong());
    sendTest(hook.id());
    sendTest(hook.id());
    receiver.awaitCount(3);
    awaitTrue(() -> attempts(hook.id()).size() == 3, "three attempts logged");
    Response page =
        as(BOOTSTRAP).queryParam("size", 2).get(WEBHOOKS + "/" + hook.id() + "/deliveries");
    page.then()
        .statusCode(200)
        .header("X-Total-Count", "3")
        .header("Cache-Control", "no-store")
        .body("totalItems", equalTo(3))
        .body("totalPages", equalTo(2))
        .body("items.size()", equalTo(2));
    List<Integer> ids = page.path("items.deliveryId");
    assertTrue(ids.get(0) > ids.get(1), "newest first: " + ids);
    assertTrue(page.header("Link").contains("page=2>; rel=\"last\""), page.header("Link"));
    as(BOOTSTRAP)
        .queryParam("size", 2)
        .queryParam("page", 2)
        .get(WEBHOOKS + "/" + hook.id() + "/deliveries")
        .then()
        .statusCode(200)
        .body("items.size()", equalTo(1))
        .body("items[0].deliveryId", equalTo(accepted.<Integer>path("deliveryId")))
        .body("items[0].statusCode", equalTo(200))
        .body("items[0].outcome", equalTo("delivered"));
    as(BOOTSTRAP)
        .queryParam("size", 0)
        .get(WEBHOOKS + "/" + hook.id() + "/deliveries")
        .then()
        .statusCode(400)
        .contentType(PROBLEM);
    as(BOOTSTRAP)
        .queryParam("cursor", "x")
        .get(WEBHOOKS + "/" + hook.id() + "/deliveries")
        .then()
        .statusCode(400)
        .body("parameter", equalTo("cursor"));
  }

  @Test
  void pruningDropsFinishedDeliveriesAndKeepsPendingOnes() throws Exception {
    Receiver receiver = receiver();
    Registered hook = register(receiver.url("/pruned"), Map.of());
    sendTest(hook.id());
    receiver.awaitCount(1);
    awaitTrue(() -> attempts(hook.id()).size() == 1, "the test event delivered");
    as(BOOTSTRAP).post(WEBHOOKS + "/" + hook.id() + "/pause").then().statusCode(200);
    sendTest(hook.id());
    Instant now = Instant.now().plusSeconds(1);
    QuarkusTransaction.requiringNew().call(() -> store.prune(now.minusSeconds(3600)));
    assertEquals(1, attempts(hook.id()).size(), "younger than the retention: kept");
    QuarkusTransaction.requiringNew().call(() -> store.prune(now));
    assertEquals(List.of(), attempts(hook.id()));
    assertEquals(
        1, count("select count(*) from webhook_delivery where endpoint_id = ?", hook.id()));
    assertEquals(1L, pending(hook.id()), "the pending one stays");
  }

  @Test
  void aScheduledArticleIsDeliveredWhenItsTimeComes() throws Exception {
    Receiver receiver = receiver();
    register(receiver.url("/scheduled"), Map.of("events", List.of("article.published")));
    OffsetDateTime at = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusSeconds(2);
    Map<String, Object> input = articleInput("定时发布的新闻", "text-news", "daxing");
    input.put("publishedAt", at.toString());
    long id = articles.create(input);
    Thread.sleep(800);
    assertEquals(0, receiver.received().size(), "not public yet");
    Received published = receiver.awaitCount(1).get(0);
    JsonNode body = MAPPER.readTree(published.body());
    assertEquals("article.published", body.path("type").asText());
    assertEquals(id, body.path("data").path("id").asLong());
    assertEquals("upsert", body.path("data").path("op").asText());
    assertTrue(
        published.atMillis() >= at.toInstant().toEpochMilli(),
        "received " + Instant.ofEpochMilli(published.atMillis()) + ", due " + at);
  }

  // --- several instances ---------------------------------------------------------------------

  @Test
  void competingWorkersMakeEachAttemptExactlyOnce() throws Exception {
    Receiver receiver = receiver();
    receiver.answer(n -> Reply.status(200).after(20));
    List<Registered> hooks = new ArrayList<>();
    Map<String, Long> deliveryIds = new HashMap<>();
    for (int e = 0; e < 5; e++) {
      Registered hook = register(receiver.url("/competing-" + e), Map.of());
      hooks.add(hook);
      as(BOOTSTRAP).post(WEBHOOKS + "/" + hook.id() + "/pause").then().statusCode(200);
      for (int i = 0; i < 8; i++) {
        Response test = as(BOOTSTRAP).post(WEBHOOKS + "/" + hook.id() + "/test");
        deliveryIds.put(test.path("messageId"), test.<Integer>path("deliveryId").longValue());
      }
    }
    // Two more workers, as two more instances would run them, race the service's own.
    DeliveryWorker a = runtime.newWorker("test-instance-a");
    DeliveryWorker b = runtime.newWorker("test-instance-b");
    AtomicBoolean done = new AtomicBoolean();
    AtomicInteger startedByOthers = new AtomicInteger();
    ExecutorService loops = Executors.newFixedThreadPool(2);
    for (DeliveryWorker worker : List.of(a, b)) {
      loops.submit(
          () -> {
            while (!done.get()) {
              startedByOthers.addAndGet(worker.claimAndStart());
              Thread.sleep(2);
            }
            return null;
          });
    }
    try {
      hooks.forEach(
          hook ->
              as(BOOTSTRAP).post(WEBHOOKS + "/" + hook.id() + "/resume").then().statusCode(200));
      receiver.awaitCount(40, Duration.ofSeconds(30));
      Thread.sleep(500);
    } finally {
      done.set(true);
      loops.shutdown();
      assertTrue(loops.awaitTermination(5, TimeUnit.SECONDS));
      a.stop();
      b.stop();
    }
    Map<String, Long> perMessage =
        receiver.received().stream()
            .collect(Collectors.groupingBy(r -> r.header("webhook-id"), Collectors.counting()));
    assertEquals(40, perMessage.size());
    assertEquals(Set.of(1L), Set.copyOf(perMessage.values()), "each attempt made once");
    assertEquals(40, receiver.received().size());
    for (Registered hook : hooks) {
      List<Long> order =
          receiver.received().stream()
              .filter(r -> r.path().endsWith("-" + hooks.indexOf(hook)))
              .map(r -> deliveryIds.get(r.header("webhook-id")))
              .toList();
      assertEquals(order.stream().sorted().toList(), order, "in order per endpoint");
      assertEquals(8, attempts(hook.id()).size());
    }
    System.out.printf(
        "competing workers: 40 deliveries, %d made by the two extra workers%n",
        startedByOthers.get());
    assertTrue(startedByOthers.get() > 0, "the extra workers competed");
  }

  @Test
  void concurrentClaimersWinEachLeaseOnce() throws Exception {
    Registered hook = register(receiver().url("/leases"), Map.of());
    as(BOOTSTRAP).post(WEBHOOKS + "/" + hook.id() + "/pause").then().statusCode(200);
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      ids.add(
          as(BOOTSTRAP)
              .post(WEBHOOKS + "/" + hook.id() + "/test")
              .<Integer>path("deliveryId")
              .longValue());
    }
    int claimers = 6;
    Map<Long, List<String>> winners = new ConcurrentHashMap<>();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(claimers);
    List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
    for (int c = 0; c < claimers; c++) {
      String owner = "claimer-" + c;
      futures.add(
          pool.submit(
              () -> {
                start.await();
                for (long id : ids) {
                  Instant now = Instant.now();
                  if (QuarkusTransaction.requiringNew()
                      .call(() -> store.lease(id, owner, now.plusSeconds(60), now))) {
                    winners.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(owner);
                  }
                }
                return null;
              }));
    }
    start.countDown();
    for (var future : futures) {
      future.get(30, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertEquals(Set.copyOf(ids), winners.keySet());
    winners.forEach((id, who) -> assertEquals(1, who.size(), id + " leased by " + who));
  }

  @Test
  void racingDispatchersEnqueueEachEntryOnce() throws Exception {
    Registered hook =
        register(receiver().url("/dispatch"), Map.of("events", List.of("article.updated")));
    as(BOOTSTRAP).post(WEBHOOKS + "/" + hook.id() + "/pause").then().statusCode(200);
    long article = createArticle("并发分发测试", "text-news", "daxing");
    AtomicBoolean done = new AtomicBoolean();
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(3);
    for (int t = 0; t < 3; t++) {
      pool.submit(
          () -> {
            while (!done.get()) {
              try {
                dispatcher.dispatchAll();
              } catch (RuntimeException e) {
                failures.add(e);
              }
            }
          });
    }
    for (int i = 1; i <= 10; i++) {
      patchArticle(article, Map.of("title", "并发分发测试 第" + i + "次"));
    }
    awaitTrue(() -> pending(hook.id()) >= 10, "ten updates enqueued");
    done.set(true);
    pool.shutdown();
    assertTrue(pool.awaitTermination(20, TimeUnit.SECONDS));
    assertEquals(List.of(), failures);
    assertEquals(10, pending(hook.id()));
    assertEquals(
        10,
        count(
            "select count(distinct change_seq) from webhook_delivery where endpoint_id = ?",
            hook.id()));
    assertEquals(
        count(
            "select count(*) from change_log where entity = 'article' and entity_id = ?"
                + " and event = 'article.updated'",
            article),
        10);
  }

  // --- latency -------------------------------------------------------------------------------

  @Test
  void measuresDeliveryLatencyFromCommitToReceipt() throws Exception {
    Receiver receiver = receiver();
    register(receiver.url("/latency"), Map.of("events", List.of("article.updated")));
    long article = createArticle("延迟测量", "text-news", "daxing");
    List<Long> latencies = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      patchArticle(article, Map.of("title", "延迟测量 第" + i + "次"));
      Received received = receiver.awaitCount(i).get(i - 1);
      Instant changedAt =
          OffsetDateTime.parse(
                  MAPPER.readTree(received.body()).path("data").path("changedAt").asText())
              .toInstant();
      latencies.add(received.atMillis() - changedAt.toEpochMilli());
    }
    List<Long> sorted = latencies.stream().sorted().toList();
    long median = (sorted.get(9) + sorted.get(10)) / 2;
    System.out.printf(
        "webhook latency from commit to receipt over 20 events: median %d ms, max %d ms, min %d ms"
            + " (in order: %s)%n",
        median, sorted.get(19), sorted.get(0), latencies);
    assertTrue(median < 2_000, "median " + median + " ms: " + latencies);
  }

  // --- helpers -------------------------------------------------------------------------------

  private record Registered(long id, String secret) {}

  private Registered register(String url, Map<String, Object> more) {
    Map<String, Object> input = new LinkedHashMap<>(more);
    input.put("url", url);
    Response created = as(BOOTSTRAP).contentType(JSON).body(json(input)).post(WEBHOOKS);
    assertEquals(201, created.statusCode(), created.asString());
    return new Registered(created.<Integer>path("id"), created.path("secret"));
  }

  private void assertInvalid(Map<String, Object> input, String field, String message) {
    Response response = as(BOOTSTRAP).contentType(JSON).body(json(input)).post(WEBHOOKS);
    assertEquals(400, response.statusCode(), response.asString());
    assertTrue(response.contentType().startsWith(PROBLEM), response.contentType());
    List<String> fields = response.path("errors.field");
    assertTrue(fields.contains(field), field + " in " + response.asString());
    String text = response.path("errors.find { it.field == '" + field + "' }.message");
    assertTrue(text.contains(message), message + " in " + response.asString());
  }

  private String sendTest(long id) {
    return as(BOOTSTRAP)
        .post(WEBHOOKS + "/" + id + "/test")
        .then()
        .statusCode(202)
        .extract()
        .path("messageId");
  }

  private List<JsonNode> attempts(long id) {
    try {
      JsonNode page =
          MAPPER.readTree(
              as(BOOTSTRAP)
                  .queryParam("size", 100)
                  .get(WEBHOOKS + "/" + id + "/deliveries")
                  .then()
                  .statusCode(200)
                  .extract()
                  .asString());
      List<JsonNode> items = new ArrayList<>();
      page.path("items").forEach(items::add);
      return items;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private long pending(long id) {
    return as(BOOTSTRAP)
        .get(WEBHOOKS + "/" + id)
        .then()
        .statusCode(200)
        .extract()
        .<Integer>path("pendingDeliveries");
  }

  private Map<String, Object> articleInput(String title, String category, String zone) {
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("title", title + " " + SEQUENCE.incrementAndGet());
    input.put("body", "<p>" + title + "。正文。</p>");
    input.put("categoryId", fixtures.id(category));
    input.put("zoneId", fixtures.id(zone));
    input.put("status", "published");
    return input;
  }

  private long createArticle(String title, String category, String zone) {
    return articles.create(articleInput(title, category, zone));
  }

  private void patchArticle(long id, Map<String, Object> patch) {
    String etag = as(BOOTSTRAP).get(ARTICLES + "/" + id).header("ETag");
    as(BOOTSTRAP)
        .header("If-Match", etag)
        .contentType("application/merge-patch+json")
        .body(json(patch))
        .patch(ARTICLES + "/" + id)
        .then()
        .statusCode(200);
  }

  private void patchSite(String etag, String slogan) {
    Map<String, Object> patch = new HashMap<>();
    patch.put("slogan", slogan);
    as(BOOTSTRAP)
        .header("If-Match", etag)
        .contentType("application/merge-patch+json")
        .body(json(patch))
        .patch("/api/v1/admin/site")
        .then()
        .statusCode(200);
  }

  private void unpublish(long id) {
    as(BOOTSTRAP).post(ARTICLES + "/" + id + "/unpublish").then().statusCode(200);
  }

  private long count(String sql, long parameter) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select = connection.prepareStatement(sql)) {
      select.setLong(1, parameter);
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long seqOf(Received received) {
    return Long.parseLong(received.header("webhook-id").split("_")[1]);
  }

  private static String type(Received received) {
    try {
      return MAPPER.readTree(received.body()).path("type").asText();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String bodies(List<Received> received) {
    return received.stream().map(Received::body).collect(Collectors.joining("\n"));
  }

  private static long millisBetween(JsonNode from, JsonNode to) {
    return Duration.between(
            OffsetDateTime.parse(from.asText()).toInstant(),
            OffsetDateTime.parse(to.asText()).toInstant())
        .toMillis();
  }

  private static RequestSpecification as(String token) {
    return given().auth().oauth2(token);
  }

  private static String json(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void awaitTrue(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("Timed out waiting: " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        fail("interrupted");
      }
    }
  }

  private Receiver receiver() {
    Receiver receiver = new Receiver();
    receivers.add(receiver);
    return receiver;
  }

  /** How the receiver answers its n-th request. */
  private record Reply(int status, long sleepMillis, Map<String, String> headers) {
    static Reply status(int status) {
      return new Reply(status, 0, Map.of());
    }

    static Reply hang(long millis) {
      return new Reply(200, millis, Map.of());
    }

    Reply after(long millis) {
      return new Reply(status, millis, headers);
    }

    Reply with(String name, String value) {
      Map<String, String> more = new HashMap<>(headers);
      more.put(name, value);
      return new Reply(status, sleepMillis, more);
    }
  }

  /** One request the receiver got. */
  private record Received(
      long atMillis, String path, Map<String, List<String>> headers, String body, int status) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(entry -> entry.getKey().equalsIgnoreCase(name))
          .map(entry -> entry.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  /** A webhook receiver on 127.0.0.1 and a random port that records what it gets. */
  private static final class Receiver implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger count = new AtomicInteger();
    private volatile java.util.function.IntFunction<Reply> answer = n -> Reply.status(200);

    Receiver() {
      try {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      server.setExecutor(threads);
      server.createContext(
          "/",
          exchange -> {
            long at = System.currentTimeMillis();
            String body =
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Reply reply = answer.apply(count.incrementAndGet());
            received.add(
                new Received(
                    at,
                    exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    body,
                    reply.status()));
            try {
              if (reply.sleepMillis() > 0) {
                Thread.sleep(reply.sleepMillis());
              }
              reply
                  .headers()
                  .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
              exchange.sendResponseHeaders(reply.status(), -1);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            } catch (IOException e) {
              // The sender gave up waiting (a timeout test).
            } finally {
              exchange.close();
            }
          });
      server.start();
    }

    String url(String path) {
      return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void answer(java.util.function.IntFunction<Reply> answer) {
      this.answer = answer;
    }

    List<Received> received() {
      return List.copyOf(received);
    }

    List<Received> awaitCount(int n) {
      return awaitCount(n, WAIT);
    }

    List<Received> awaitCount(int n, Duration timeout) {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (received.size() < n) {
        if (System.nanoTime() > deadline) {
          fail("Expected " + n + " requests, got " + received.size() + ": " + bodies(received()));
        }
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          fail("interrupted");
        }
      }
      return received();
    }

    @Override
    public void close() {
      server.stop(0);
      threads.shutdownNow();
    }
  }
}
