package com.investchn.content.admin;

import static com.investchn.content.admin.AdminSupport.ARTICLES;
import static com.investchn.content.admin.AdminSupport.BOOTSTRAP;
import static com.investchn.content.admin.AdminSupport.BOOTSTRAP_NAME;
import static com.investchn.content.admin.AdminSupport.CATEGORIES;
import static com.investchn.content.admin.AdminSupport.JSON;
import static com.investchn.content.admin.AdminSupport.MERGE_PATCH;
import static com.investchn.content.admin.AdminSupport.NO_SUCH_ID;
import static com.investchn.content.admin.AdminSupport.PROBLEM;
import static com.investchn.content.admin.AdminSupport.PROBLEMS;
import static com.investchn.content.admin.AdminSupport.SITE;
import static com.investchn.content.admin.AdminSupport.TOKENS;
import static com.investchn.content.admin.AdminSupport.ZONES;
import static com.investchn.content.admin.AdminSupport.as;
import static com.investchn.content.admin.AdminSupport.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.investchn.content.support.ApiTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who may call the editorial API: every credential case, both roles, and the token lifecycle. */
@QuarkusTest
class TokenAndRoleTest extends ApiTest {

  private static String editor;
  private static String admin;

  @Inject ApiTokenRepository tokenRepository;

  /** One call of the editorial API that changes nothing even if the guard in front were gone. */
  private record Call(String method, String path, String contentType, String body) {
    Response send(RequestSpecification request) {
      if (contentType != null) {
        request = request.contentType(contentType).body(body.getBytes(StandardCharsets.UTF_8));
      }
      return request.request(method, path);
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  /** Every area of the editorial API; item paths name no row and write bodies are invalid. */
  private static final List<Call> ARTICLE_CALLS =
      List.of(
          new Call("GET", ARTICLES, null, null),
          new Call("POST", ARTICLES, JSON, "{}"),
          new Call("GET", ARTICLES + "/" + NO_SUCH_ID, null, null),
          new Call("PUT", ARTICLES + "/" + NO_SUCH_ID, JSON, "{}"),
          new Call("PATCH", ARTICLES + "/" + NO_SUCH_ID, MERGE_PATCH, "{}"),
          new Call("DELETE", ARTICLES + "/" + NO_SUCH_ID, null, null),
          new Call("POST", ARTICLES + "/" + NO_SUCH_ID + "/publish", null, null),
          new Call("POST", ARTICLES + "/" + NO_SUCH_ID + "/unpublish", null, null));

  private static final List<Call> ADMIN_ONLY_CALLS =
      List.of(
          new Call("POST", ZONES, JSON, "{}"),
          new Call("GET", ZONES + "/" + NO_SUCH_ID, null, null),
          new Call("PUT", ZONES + "/" + NO_SUCH_ID, JSON, "{}"),
          new Call("PATCH", ZONES + "/" + NO_SUCH_ID, MERGE_PATCH, "{}"),
          new Call("DELETE", ZONES + "/" + NO_SUCH_ID, null, null),
          new Call("POST", CATEGORIES, JSON, "{}"),
          new Call("GET", CATEGORIES + "/" + NO_SUCH_ID, null, null),
          new Call("PUT", CATEGORIES + "/" + NO_SUCH_ID, JSON, "{}"),
          new Call("PATCH", CATEGORIES + "/" + NO_SUCH_ID, MERGE_PATCH, "{}"),
          new Call("DELETE", CATEGORIES + "/" + NO_SUCH_ID, null, null),
          new Call("GET", SITE, null, null),
          new Call("PUT", SITE, JSON, "{}"),
          new Call("PATCH", SITE, MERGE_PATCH, "{}"),
          new Call("GET", TOKENS, null, null),
          new Call("POST", TOKENS, JSON, "{}"),
          new Call("DELETE", TOKENS + "/" + NO_SUCH_ID, null, null),
          new Call("GET", TOKENS + "/" + NO_SUCH_ID, null, null));

  /** Bulk transfer. */
  private static final List<Call> TRANSFER_CALLS =
      List.of(
          new Call("POST", "/api/v1/admin/import", "application/x-ndjson", ""),
          new Call("GET", "/api/v1/admin/export", null, null));

  private static final List<String> PUBLIC_READS =
      List.of(
          "/api/v1/articles",
          "/api/v1/articles/a1-etdz-signing",
          "/api/v1/articles/a1-etdz-signing/adjacent",
          "/api/v1/categories",
          "/api/v1/categories/text-news",
          "/api/v1/zones",
          "/api/v1/zones/tree",
          "/api/v1/zones/daxing",
          "/api/v1/site");

  @BeforeEach
  void issueTokens() {
    if (editor == null) {
      editor = AdminSupport.issueToken("t-roles-editor", "editor");
      admin = AdminSupport.issueToken("t-roles-admin", "admin");
    }
  }

  private static List<Call> everyAdminCall() {
    List<Call> calls = new ArrayList<>(ARTICLE_CALLS);
    calls.addAll(ADMIN_ONLY_CALLS);
    calls.addAll(TRANSFER_CALLS);
    return calls;
  }

  private static void assertUnauthorized(Response response, String what) {
    assertEquals(401, response.statusCode(), what + ": " + response.asString());
    String challenge = response.header("WWW-Authenticate");
    assertNotNull(challenge, what + ": WWW-Authenticate");
    assertTrue(challenge.startsWith("Bearer"), what + ": " + challenge);
    assertTrue(response.contentType().startsWith(PROBLEM), what + ": " + response.contentType());
    assertEquals(401, response.<Integer>path("status"), what);
    assertEquals(PROBLEMS + "unauthorized", response.path("type"), what);
  }

  private static void assertForbidden(Response response, String what) {
    assertEquals(403, response.statusCode(), what + ": " + response.asString());
    assertTrue(response.contentType().startsWith(PROBLEM), what + ": " + response.contentType());
    assertEquals(403, response.<Integer>path("status"), what);
    assertEquals(PROBLEMS + "forbidden", response.path("type"), what);
  }

  private void assertEveryAdminCallIsUnauthorized(
      String credential, UnaryOperator<RequestSpecification> authenticate) {
    for (Call call : everyAdminCall()) {
      assertUnauthorized(call.send(authenticate.apply(given())), credential + " " + call);
    }
  }

  private static UnaryOperator<RequestSpecification> header(String authorization) {
    return request -> request.header("Authorization", authorization);
  }

  private static Response issue(String name, String role) {
    return as(BOOTSTRAP)
        .contentType(JSON)
        .body(json(Map.of("name", name, "role", role)))
        .post(TOKENS)
        .then()
        .statusCode(201)
        .extract()
        .response();
  }

  private static Map<String, Object> listed(long id) {
    List<Map<String, Object>> tokens =
        as(BOOTSTRAP).get(TOKENS).then().statusCode(200).extract().path("$");
    return tokens.stream()
        .filter(token -> ((Number) token.get("id")).longValue() == id)
        .findFirst()
        .orElseThrow(() -> new AssertionError("token " + id + " not listed"));
  }

  // --- 401: missing or wrong credentials --------------------------------------------------

  @Test
  void everyAdminCallWithoutCredentialsIsA401ProblemWithABearerChallenge() {
    assertEveryAdminCallIsUnauthorized("no Authorization", UnaryOperator.identity());
  }

  @Test
  void everyAdminCallWithAnUnknownTokenIsA401() {
    assertEveryAdminCallIsUnauthorized("unknown token", header("Bearer ica_not-a-real-token"));
  }

  @Test
  void malformedAuthorizationHeadersAreA401NeverA500() {
    List<String> malformed =
        List.of(
            "Basic dGVzdDp0ZXN0",
            "Bearer",
            "Bearer ",
            "Bearer    ",
            "Token " + BOOTSTRAP,
            "Bearer" + BOOTSTRAP,
            BOOTSTRAP,
            "Bearer " + "x".repeat(5000),
            "Bearer " + BOOTSTRAP + "x",
            "Bearer " + BOOTSTRAP.substring(1));
    for (String authorization : malformed) {
      for (Call call : List.of(ARTICLE_CALLS.get(0), ADMIN_ONLY_CALLS.get(10))) {
        assertUnauthorized(
            call.send(given().header("Authorization", authorization)),
            "'" + abbreviate(authorization) + "' " + call);
      }
    }
  }

  private static String abbreviate(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "…" : value;
  }

  @Test
  void theBearerSchemeIsCaseInsensitive() {
    given().header("Authorization", "bearer " + editor).get(ARTICLES).then().statusCode(200);
    given().header("Authorization", "BEARER " + admin).get(SITE).then().statusCode(200);
  }

  @Test
  void aRevokedTokenIsRejectedAtOnceEverywhere() {
    Response issued = issue("t-revoked-admin", "admin");
    long id = issued.<Integer>path("id");
    String secret = issued.path("token");
    as(secret).get(SITE).then().statusCode(200);

    Response revoked = as(BOOTSTRAP).delete(TOKENS + "/" + id);
    // 204 with no body, like every other delete.
    assertEquals(204, revoked.statusCode(), revoked.asString());
    assertEquals("", revoked.asString());
    assertEquals("no-store", revoked.header("Cache-Control"));
    Response read = as(BOOTSTRAP).get(TOKENS + "/" + id);
    assertEquals(200, read.statusCode(), read.asString());
    assertEquals(id, (long) read.<Integer>path("id"));
    assertEquals("t-revoked-admin", read.path("name"));
    assertFalse(read.jsonPath().getMap("$").containsKey("token"));
    String revokedAt = read.path("revokedAt");
    assertNotNull(revokedAt);

    assertEveryAdminCallIsUnauthorized("revoked token", header("Bearer " + secret));

    // Revoking twice is harmless and keeps the first time.
    Response again = as(BOOTSTRAP).delete(TOKENS + "/" + id);
    assertEquals(204, again.statusCode(), again.asString());
    assertEquals(revokedAt, as(BOOTSTRAP).get(TOKENS + "/" + id).path("revokedAt"));
    assertEquals(revokedAt, listed(id).get("revokedAt"));
  }

  @Test
  void revokingOrReadingAnUnknownTokenIs404() {
    as(BOOTSTRAP)
        .delete(TOKENS + "/" + NO_SUCH_ID)
        .then()
        .statusCode(404)
        .contentType(PROBLEM)
        .body("status", is(404));
    as(BOOTSTRAP)
        .get(TOKENS + "/" + NO_SUCH_ID)
        .then()
        .statusCode(404)
        .contentType(PROBLEM)
        .body("status", is(404));
  }

  @Test
  void anExpiredTokenIsA401() {
    OffsetDateTime inAnHour =
        OffsetDateTime.now(ZoneOffset.ofHours(8)).plusHours(1).truncatedTo(ChronoUnit.SECONDS);
    Response issued =
        as(BOOTSTRAP)
            .contentType(JSON)
            .body(
                json(
                    Map.of(
                        "name", "t-expiring", "role", "editor", "expiresAt", inAnHour.toString())))
            .post(TOKENS)
            .then()
            .statusCode(201)
            .extract()
            .response();
    long id = issued.<Integer>path("id");
    String secret = issued.path("token");
    assertEquals(inAnHour.toInstant(), OffsetDateTime.parse(issued.path("expiresAt")).toInstant());
    as(secret).get(ARTICLES).then().statusCode(200);

    // Let the hour pass.
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                tokenRepository.update(
                    "expiresAt = ?1 where id = ?2", Instant.now().minusSeconds(1), id));

    assertEveryAdminCallIsUnauthorized("expired token", header("Bearer " + secret));
  }

  @Test
  void aTokenCannotBeIssuedAlreadyExpired() {
    as(BOOTSTRAP)
        .contentType(JSON)
        .body(
            json(
                Map.of(
                    "name", "t-born-dead", "role", "editor", "expiresAt", "2020-01-01T00:00:00Z")))
        .post(TOKENS)
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("errors.field", containsInAnyOrder("expiresAt"));
  }

  // --- 403: right credentials, wrong role ---------------------------------------------------

  @Test
  void anEditorIsForbiddenEverywhereButArticles() {
    List<Call> calls = new ArrayList<>(ADMIN_ONLY_CALLS);
    calls.addAll(TRANSFER_CALLS);
    for (Call call : calls) {
      assertForbidden(call.send(as(editor)), "editor " + call);
    }
    // Also with real rows and valid bodies, and nothing happens.
    assertForbidden(as(editor).get(ZONES + "/" + fixtures.id("daxing")), "editor GET zone");
    assertForbidden(
        as(editor).get(CATEGORIES + "/" + fixtures.id("policies")), "editor GET category");
    String slug = AdminSupport.slug("editor-zone");
    assertForbidden(
        as(editor)
            .contentType(JSON)
            .body(json(AdminSupport.zone(slug, "编辑建的区", "district", null)))
            .post(ZONES),
        "editor POST zone");
    given().get("/api/v1/zones/" + slug).then().statusCode(404);
    String site = as(BOOTSTRAP).get(SITE).then().extract().header("ETag");
    assertForbidden(
        as(editor)
            .header("If-Match", site)
            .contentType(MERGE_PATCH)
            .body("{\"slogan\":\"编辑改的口号\"}")
            .patch(SITE),
        "editor PATCH site");
    given().get("/api/v1/site").then().body("slogan", is("打造网上国际投资促进平台 致力于中国投资促进事业"));
  }

  @Test
  void anEditorCannotIssueTokensSoCannotMakeItselfAnAdmin() {
    int before = as(BOOTSTRAP).get(TOKENS).then().extract().path("size()");
    assertForbidden(
        as(editor)
            .contentType(JSON)
            .body(json(Map.of("name", "t-escalation", "role", "admin")))
            .post(TOKENS),
        "editor POST token");
    as(BOOTSTRAP).get(TOKENS).then().body("size()", is(before));
  }

  @Test
  void aWrongTokenOnAnAdminOnlyAreaIsA401NotA403() {
    assertUnauthorized(as("ica_wrong").get(SITE), "wrong token GET site");
    assertUnauthorized(as("ica_wrong").get(TOKENS), "wrong token GET tokens");
  }

  @Test
  void editorsAndAdminsBothWriteArticles() {
    AdminSupport.Created created = new AdminSupport.Created();
    try {
      for (Map.Entry<String, String> writer :
          Map.of(editor, "t-roles-editor", admin, "t-roles-admin").entrySet()) {
        Map<String, Object> input =
            AdminSupport.article(
                "角色写入 " + writer.getValue(), fixtures.id("text-news"), fixtures.id("daxing"));
        Response written = created.post(writer.getKey(), ARTICLES, input);
        assertEquals(201, written.statusCode(), written.asString());
        assertEquals(writer.getValue(), written.path("createdBy"));
        assertEquals(writer.getValue(), written.path("updatedBy"));
        long id = written.<Integer>path("id");
        // The other role changes it; the audit fields tell the two apart.
        String other = writer.getKey().equals(editor) ? admin : editor;
        String otherName = other.equals(editor) ? "t-roles-editor" : "t-roles-admin";
        Response patched =
            as(other)
                .header("If-Match", written.header("ETag"))
                .contentType(MERGE_PATCH)
                .body("{\"author\":\"另一位\"}")
                .patch(ARTICLES + "/" + id);
        assertEquals(200, patched.statusCode(), patched.asString());
        assertEquals(writer.getValue(), patched.path("createdBy"));
        assertEquals(otherName, patched.path("updatedBy"));
      }
      as(editor)
          .get(ARTICLES + "/" + fixtures.id("d1-daxing-draft"))
          .then()
          .statusCode(200)
          .body("status", is("draft"));
    } finally {
      created.deleteAll();
    }
  }

  @Test
  void anAdminIssuedThroughTheApiReachesEveryArea() {
    as(admin).get(ARTICLES).then().statusCode(200);
    as(admin)
        .get(ZONES + "/" + fixtures.id("daxing"))
        .then()
        .statusCode(200)
        .body("slug", is("daxing"));
    as(admin)
        .get(CATEGORIES + "/" + fixtures.id("policies"))
        .then()
        .statusCode(200)
        .body("slug", is("policies"));
    as(admin).get(SITE).then().statusCode(200).body("site.name", is("投促中国"));
    as(admin).get(TOKENS).then().statusCode(200);
    as(admin).get("/api/v1/admin/export").then().statusCode(200);
    Response issuedByAdmin = issueAs(admin, "t-made-by-admin", "editor");
    assertEquals("t-roles-admin", issuedByAdmin.path("createdBy"));
  }

  private static Response issueAs(String token, String name, String role) {
    return as(token)
        .contentType(JSON)
        .body(json(Map.of("name", name, "role", role)))
        .post(TOKENS)
        .then()
        .statusCode(201)
        .extract()
        .response();
  }

  // --- the token itself ------------------------------------------------------------------------

  @Test
  void aTokenIsShownOnceAtCreationAndStoredOnlyAsAHash() throws Exception {
    Instant before = Instant.now().minusSeconds(1);
    Response issued = issue("t-newsroom-王", "editor");
    long id = issued.<Integer>path("id");
    String secret = issued.path("token");
    assertTrue(issued.header("Location").endsWith(TOKENS + "/" + id), issued.header("Location"));
    assertEquals("no-store", issued.header("Cache-Control"));
    // The Location is a token one can read (without its secret).
    Response located = as(BOOTSTRAP).urlEncodingEnabled(false).get(issued.header("Location"));
    assertEquals(200, located.statusCode(), located.asString());
    assertEquals("no-store", located.header("Cache-Control"));
    assertEquals(id, (long) located.<Integer>path("id"));
    assertEquals("t-newsroom-王", located.path("name"));
    assertEquals("editor", located.path("role"));
    assertEquals(issued.<String>path("createdAt"), located.path("createdAt"));
    assertFalse(located.jsonPath().getMap("$").containsKey("token"));
    assertFalse(located.asString().contains(secret), "the secret is shown again");
    assertEquals("t-newsroom-王", issued.path("name"));
    assertEquals("editor", issued.path("role"));
    assertEquals(BOOTSTRAP_NAME, issued.path("createdBy"));
    assertNull(issued.path("expiresAt"));
    Instant createdAt = OffsetDateTime.parse(issued.<String>path("createdAt")).toInstant();
    assertFalse(createdAt.isBefore(before), createdAt.toString());
    assertTrue(secret.length() >= 32, "a long random secret");

    // Never again: the list has no secret, in no field.
    String list = as(BOOTSTRAP).get(TOKENS).then().statusCode(200).extract().asString();
    assertFalse(list.contains(secret), "the secret is listed");
    Map<String, Object> listed = listed(id);
    assertFalse(listed.containsKey("token"), listed.toString());
    assertFalse(listed.containsKey("tokenHash"), listed.toString());
    assertEquals("t-newsroom-王", listed.get("name"));
    assertEquals("editor", listed.get("role"));
    as(BOOTSTRAP).get(TOKENS).then().body("[0]", not(hasKey("token")));

    // The database holds a SHA-256 of it, not the secret.
    String stored =
        QuarkusTransaction.requiringNew().call(() -> tokenRepository.findById(id).tokenHash);
    assertNotEquals(secret, stored);
    assertFalse(stored.contains(secret));
    String sha256 =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
    assertEquals(sha256, stored);

    // Two tokens never share a secret.
    assertNotEquals(secret, issue("t-newsroom-王-2", "editor").path("token"));
  }

  @Test
  void theBootstrapTokenIsListedFirstAsSuchAndCannotBeRevoked() {
    as(BOOTSTRAP).get(SITE).then().statusCode(200);
    List<Map<String, Object>> tokens =
        as(BOOTSTRAP).get(TOKENS).then().statusCode(200).extract().path("$");
    Map<String, Object> first = tokens.get(0);
    assertEquals(0, ((Number) first.get("id")).intValue(), first.toString());
    assertEquals(BOOTSTRAP_NAME, first.get("name"));
    assertEquals("admin", first.get("role"));
    assertEquals(true, first.get("bootstrap"));
    assertNull(first.get("expiresAt"), "it never expires, and the list says so");
    assertNull(first.get("revokedAt"));
    assertNull(first.get("createdBy"));
    assertNotNull(first.get("createdAt"));
    assertNotNull(first.get("lastUsedAt"), "its last use in this process");
    assertFalse(first.containsKey("token"));
    for (Map<String, Object> issued : tokens.subList(1, tokens.size())) {
      assertEquals(false, issued.get("bootstrap"), issued.toString());
      assertNotEquals(0, ((Number) issued.get("id")).intValue());
    }
    Response read = as(BOOTSTRAP).get(TOKENS + "/0");
    assertEquals(200, read.statusCode(), read.asString());
    assertEquals(true, read.path("bootstrap"));
    assertEquals(BOOTSTRAP_NAME, read.path("name"));

    Response revoke = as(BOOTSTRAP).delete(TOKENS + "/0");
    assertEquals(409, revoke.statusCode(), revoke.asString());
    assertEquals(PROBLEMS + "conflict", revoke.path("type"));
    assertTrue(
        revoke.<String>path("detail").contains("CONTENT_API_ADMIN_BOOTSTRAP_TOKEN"),
        revoke.asString());
    as(BOOTSTRAP).get(SITE).then().statusCode(200);
    assertForbidden(as(editor).get(TOKENS + "/0"), "editor GET bootstrap token");
  }

  @Test
  void tokenNamesAreUniqueAndTheBootstrapNameIsTaken() {
    issue("t-unique-name", "editor");
    for (String taken : List.of("t-unique-name", BOOTSTRAP_NAME, "Bootstrap-Admin")) {
      Response duplicate =
          as(BOOTSTRAP)
              .contentType(JSON)
              .body(json(Map.of("name", taken, "role", "admin")))
              .post(TOKENS);
      assertEquals(409, duplicate.statusCode(), taken + ": " + duplicate.asString());
      assertEquals(PROBLEMS + "conflict", duplicate.path("type"));
      assertTrue(duplicate.<String>path("detail").contains(taken), duplicate.asString());
    }
    // A name used by a revoked token stays taken: audit fields still refer to it.
    Response revokedOne = issue("t-unique-revoked", "editor");
    as(BOOTSTRAP).delete(TOKENS + "/" + revokedOne.path("id")).then().statusCode(204);
    as(BOOTSTRAP)
        .contentType(JSON)
        .body(json(Map.of("name", "t-unique-revoked", "role", "editor")))
        .post(TOKENS)
        .then()
        .statusCode(409);
  }

  @Test
  void tokenNamesArePrintable() {
    for (String name :
        List.of(
            "t-line\nbreak",
            "t-return\rfeed",
            "t-tab\tbed",
            "t-nul\u0000",
            "t-escape\u001b[31m",
            "t-bidi-\u202Egnp.exe",
            "t-zero\u200Bwidth",
            "t-next-line\u0085",
            "t-separator\u2028",
            " t-leading-space",
            "t-trailing-space ")) {
      as(BOOTSTRAP)
          .contentType(JSON)
          .body(json(Map.of("name", name, "role", "editor")))
          .post(TOKENS)
          .then()
          .statusCode(400)
          .contentType(PROBLEM)
          .body("errors.field", containsInAnyOrder("name"));
    }
    // Chinese, emoji and inner spaces are printable.
    issue("t-编辑 王 🚀", "editor");
  }

  @Test
  void lastUsedAtIsRecordedWhenATokenIsUsed() {
    Response issued = issue("t-last-used", "editor");
    long id = issued.<Integer>path("id");
    assertNull(listed(id).get("lastUsedAt"));
    Instant before = Instant.now().minusSeconds(1);
    as(issued.<String>path("token")).get(ARTICLES).then().statusCode(200);
    Object lastUsedAt = listed(id).get("lastUsedAt");
    assertNotNull(lastUsedAt, "lastUsedAt after a use");
    Instant used = OffsetDateTime.parse((String) lastUsedAt).toInstant();
    assertFalse(used.isBefore(before), used.toString());
    assertFalse(used.isAfter(Instant.now().plusSeconds(1)), used.toString());
    assertTrue(((String) lastUsedAt).endsWith("+08:00"), lastUsedAt.toString());
  }

  @Test
  void aTokenRequestIsValidated() {
    record Invalid(String body, String field) {}
    for (Invalid invalid :
        List.of(
            new Invalid("{\"role\":\"editor\"}", "name"),
            new Invalid("{\"name\":\"  \",\"role\":\"editor\"}", "name"),
            new Invalid("{\"name\":\"" + "n".repeat(101) + "\",\"role\":\"editor\"}", "name"),
            new Invalid("{\"name\":\"t-no-role\"}", "role"),
            new Invalid("{\"name\":\"t-root\",\"role\":\"superuser\"}", "role"),
            new Invalid(
                "{\"name\":\"t-bad-expiry\",\"role\":\"editor\",\"expiresAt\":\"soon\"}",
                "expiresAt"))) {
      as(BOOTSTRAP)
          .contentType(JSON)
          .body(invalid.body())
          .post(TOKENS)
          .then()
          .statusCode(400)
          .contentType(PROBLEM)
          .body("status", is(400))
          .body("errors.field", containsInAnyOrder(invalid.field()))
          .body("errors[0].message", matchesPattern(".*\\S.*"));
    }
  }

  @Test
  void aTokenRequestWithSeveralBadFieldsListsEveryOne() {
    as(BOOTSTRAP)
        .contentType(JSON)
        .body("{\"name\":\"\",\"role\":\"superuser\",\"expiresAt\":\"2020-01-01T00:00:00+08:00\"}")
        .post(TOKENS)
        .then()
        .statusCode(400)
        .contentType(PROBLEM)
        .body("errors.field", containsInAnyOrder("name", "role", "expiresAt"));
  }

  @Test
  void noTokenEverReachesTheLog() {
    List<String> logged = new CopyOnWriteArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            StringBuilder line = new StringBuilder(String.valueOf(record.getMessage()));
            if (record.getParameters() != null) {
              for (Object parameter : record.getParameters()) {
                line.append(' ').append(parameter);
              }
            }
            for (Throwable thrown = record.getThrown();
                thrown != null;
                thrown = thrown.getCause()) {
              line.append(' ').append(thrown);
            }
            logged.add(line.toString());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger root = Logger.getLogger("");
    root.addHandler(capture);
    String secret;
    try {
      Response issued = issue("t-log-watch", "admin");
      secret = issued.path("token");
      as(secret).get(SITE).then().statusCode(200);
      as(secret + "x").get(SITE).then().statusCode(401);
      as(BOOTSTRAP).get(TOKENS).then().statusCode(200);
      as(secret).contentType(JSON).body("{not json").post(ARTICLES).then().statusCode(400);
      as(BOOTSTRAP).delete(TOKENS + "/" + issued.path("id")).then().statusCode(204);
      as(secret).get(SITE).then().statusCode(401);
    } finally {
      root.removeHandler(capture);
    }
    assertTrue(
        logged.stream().anyMatch(line -> line.contains("/api/v1/admin/site")),
        "the access log was captured: " + logged);
    for (String line : logged) {
      assertFalse(line.contains(secret), "token logged: " + line);
      assertFalse(line.contains(BOOTSTRAP), "bootstrap token logged: " + line);
    }
  }

  // --- the public API -----------------------------------------------------------------------

  @Test
  void thePublicApiIgnoresCredentialsGoodOrBad() {
    String revoked = issue("t-public-revoked", "editor").path("token");
    as(BOOTSTRAP).delete(TOKENS + "/" + listedIdOfName("t-public-revoked")).then().statusCode(204);
    List<UnaryOperator<RequestSpecification>> credentials =
        List.of(
            header("Bearer ica_not-a-real-token"),
            header("Basic dGVzdDp0ZXN0"),
            header("Bearer"),
            header("Bearer " + "x".repeat(5000)),
            header("Bearer " + revoked),
            header("Bearer " + editor),
            header("Bearer " + BOOTSTRAP));
    for (String path : PUBLIC_READS) {
      String anonymous = given().get(path).then().statusCode(200).extract().asString();
      for (UnaryOperator<RequestSpecification> credential : credentials) {
        Response response = credential.apply(given()).get(path);
        assertEquals(200, response.statusCode(), path + ": " + response.asString());
        assertEquals(anonymous, response.asString(), path);
        assertNull(response.header("WWW-Authenticate"), path);
      }
    }
    // Credentials do not open drafts or scheduled articles on the public API.
    as(BOOTSTRAP).get("/api/v1/articles/d1-daxing-draft").then().statusCode(404);
    as(editor).get("/api/v1/articles/f1-daxing-future").then().statusCode(404);
  }

  private static long listedIdOfName(String name) {
    List<Map<String, Object>> tokens = as(BOOTSTRAP).get(TOKENS).then().extract().path("$");
    return tokens.stream()
        .filter(token -> name.equals(token.get("name")))
        .map(token -> ((Number) token.get("id")).longValue())
        .reduce((first, second) -> second)
        .orElseThrow();
  }

  // --- Swagger UI -------------------------------------------------------------------------------

  @Test
  void theOpenApiDocumentDeclaresTheBearerSchemeOnAdminOperationsOnly() {
    Response openapi = given().queryParam("format", "json").get("/q/openapi");
    openapi
        .then()
        .statusCode(200)
        .body("components.securitySchemes.bearer.type", is("http"))
        .body("components.securitySchemes.bearer.scheme", is("bearer"))
        .body("paths.'/api/v1/admin/articles'.post.security[0]", hasKey("bearer"))
        .body("paths.'/api/v1/admin/articles/{id}'.put.security[0]", hasKey("bearer"))
        .body("paths.'/api/v1/admin/zones'.post.security[0]", hasKey("bearer"))
        .body("paths.'/api/v1/admin/site'.patch.security[0]", hasKey("bearer"))
        .body("paths.'/api/v1/admin/tokens'.post.security[0]", hasKey("bearer"))
        .body("paths.'/api/v1/articles'.get.security", empty());
    given().get("/q/swagger-ui/").then().statusCode(200);
  }
}
