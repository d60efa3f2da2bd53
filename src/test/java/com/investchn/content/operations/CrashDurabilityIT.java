package com.investchn.content.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.investchn.content.support.PackagedService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No acknowledged write is lost when the process dies. Several writers create, edit (PATCH with
 * If-Match), delete and import articles against the packaged service while it is killed with
 * SIGKILL at random moments and restarted on the same data; afterwards every write that was
 * answered 2xx is there (or a later write of the same article is), and no write is half-applied: an
 * article is never gone without its tombstone, its title and summary always come from one edit, and
 * an import of several lines is there completely or not at all. On the default H2 file database,
 * and on PostgreSQL when test.pg.url is set.
 *
 * <p>Figures go to standard output and target/crash-test.txt.
 */
class CrashDurabilityIT {

  private static final String TOKEN = PackagedService.ADMIN_TOKEN;
  private static final int WRITERS = 4;
  private static final int KILLS = Integer.getInteger("crash.kills", 6);
  private static final int IMPORT_LINES = 3;
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
  private static final Pattern TITLE_REVISION = Pattern.compile("\\[r(\\d+)]$");
  private static final Pattern SUMMARY_REVISION = Pattern.compile("^revision r(\\d+)$");
  private static final String ACQUISITION_TIMEOUT =
      "Acquisition timeout while waiting for new connection";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Path workDir;
  private static PackagedService.Database database;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private final String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
  private final Ledger ledger = new Ledger();
  private final AtomicInteger starts = new AtomicInteger();
  private final List<String> retriedStarts = new ArrayList<>();

  /** The running process; writers wait while {@code up} is false. */
  private volatile PackagedService service;

  private volatile boolean up;
  private volatile boolean writing = true;
  private long zoneId;
  private long categoryId;

  @BeforeAll
  static void prepareDatabase() throws Exception {
    workDir = Files.createTempDirectory("content-api-crash");
    database = PackagedService.Database.forTest("crash", workDir);
  }

  /** Keeps the service logs in target/crash-test-logs (they explain a failure), drops the rest. */
  @AfterAll
  static void dropDatabase() throws Exception {
    Path logs = Path.of("target", "crash-test-logs");
    PackagedService.deleteTree(logs);
    Files.createDirectories(logs);
    try (var files = Files.list(workDir)) {
      for (Path log : files.filter(f -> f.toString().endsWith(".log")).toList()) {
        Files.copy(log, logs.resolve(log.getFileName()));
      }
    }
    database.drop();
    PackagedService.deleteTree(workDir);
  }

  @Test
  void everyAcknowledgedWriteSurvivesSigkillAndNoneIsHalfApplied() throws Exception {
    Instant began = Instant.now();
    Findings findings;
    try {
      start();
      createZoneAndCategory();
      List<Thread> writers = new ArrayList<>();
      for (int i = 0; i < WRITERS; i++) {
        Thread thread = new Thread(new Writer(i, new Random(31L * i + began.toEpochMilli())));
        thread.setName("crash-writer-" + i);
        thread.setDaemon(true);
        writers.add(thread);
        thread.start();
      }
      Random moments = new Random();
      for (int kill = 1; kill <= KILLS; kill++) {
        // A random moment after some writes have been answered since the start, however slowly
        // the machine runs; by the last kill at least one import has been answered too.
        awaitAnswers(ledger.total() + 15 + moments.nextInt(60), kill == KILLS);
        Thread.sleep(moments.nextInt(500));
        service.kill();
        up = false;
        start();
      }
      writing = false;
      for (Thread writer : writers) {
        writer.join(60_000);
      }
      findings = verifyThroughTheApi();
    } finally {
      writing = false;
      if (service != null) {
        service.stop();
      }
    }
    String settings = "";
    try (Connection db = connect(database)) {
      findings.halfApplied.addAll(
          trailProblems(
              db,
              findings.acknowledged.stream()
                  .filter(
                      write ->
                          !write.entity().equals("article")
                              || !findings.withLostWrites.contains(write.entityId()))
                  .toList(),
              findings.present,
              findings.absent));
      if (database.isPostgres()) {
        settings =
            " (fsync "
                + setting(db, "fsync")
                + ", synchronous_commit "
                + setting(db, "synchronous_commit")
                + ")";
      }
    }

    String report = report(findings, Duration.between(began, Instant.now()), settings);
    System.out.print(report);
    Path out = Path.of("target", "crash-test.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);

    assertTrue(ledger.unexpected.isEmpty(), "unexpected answers: " + ledger.unexpected);
    assertTrue(ledger.acknowledged("import") > 0, "no import was acknowledged");
    assertTrue(ledger.acknowledged("delete") > 0, "no delete was acknowledged");
    assertTrue(ledger.acknowledged("edit") > 0, "no edit was acknowledged");
    assertEquals(List.of(), findings.lost, "acknowledged writes lost after SIGKILL");
    assertEquals(List.of(), findings.halfApplied, "writes half-applied after SIGKILL");
  }

  // --- The service, its setup and the writers ---------------------------------------------

  /**
   * Starts the service on the data and waits until it is ready. A start that fails only because the
   * first database connection took longer than the pool's acquisition timeout (opening the H2 file
   * after a crash on a heavily loaded machine) is tried again, at most twice, and reported; any
   * other failed start fails the test.
   */
  private void start() throws Exception {
    for (int attempt = 1; ; attempt++) {
      PackagedService starting =
          PackagedService.start(
              "service-" + starts.incrementAndGet(), workDir, database, "384m", Map.of());
      try {
        service = starting.awaitReady();
        up = true;
        return;
      } catch (AssertionError failed) {
        starting.stop();
        if (attempt > 2 || !starting.tail().contains(ACQUISITION_TIMEOUT)) {
          throw failed;
        }
        retriedStarts.add("start " + starts.get() + ": " + ACQUISITION_TIMEOUT);
      }
    }
  }

  private void awaitAnswers(int total, boolean andAnImport) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while ((ledger.total() < total || (andAnImport && ledger.acknowledged("import") == 0))
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(10);
    }
  }

  /** The zone and category every article is filed under; acknowledged writes like the rest. */
  private void createZoneAndCategory() throws Exception {
    Answer zone =
        send(
            "POST",
            "/api/v1/admin/zones",
            "application/json",
            json(Map.of("slug", "crash-" + run, "name", "崩溃测试省", "kind", "province")),
            null);
    assertEquals(201, zone.status(), zone.toString());
    zoneId = zone.body().path("id").asLong();
    Answer category =
        send(
            "POST",
            "/api/v1/admin/categories",
            "application/json",
            json(Map.of("slug", "crash-" + run, "name", "崩溃测试频道", "position", 0)),
            null);
    assertEquals(201, category.status(), category.toString());
    categoryId = category.body().path("id").asLong();
    ledger.acknowledgedWrites.add(new Write("zone", zoneId, "create"));
    ledger.acknowledgedWrites.add(new Write("category", categoryId, "create"));
    ledger.count("setup", 2);
  }

  /**
   * One writer: creates, edits and deletes its own articles (so the latest acknowledged edit of
   * each is well defined) and now and then imports a few lines. A request that gets no answer (the
   * process died under it) is recorded as unsure: it may or may not have been applied.
   */
  private final class Writer implements Runnable {
    private final int number;
    private final Random random;
    private final List<Tracked> live = new ArrayList<>();
    private int sequence;

    Writer(int number, Random random) {
      this.number = number;
      this.random = random;
    }

    @Override
    public void run() {
      while (writing) {
        if (!up) {
          pause(20);
          continue;
        }
        int dice = random.nextInt(100);
        try {
          if (live.size() < 3 || dice < 45) {
            create();
          } else if (dice < 80) {
            edit(live.get(random.nextInt(live.size())));
          } else if (dice < 95) {
            delete(live.get(random.nextInt(live.size())));
          } else {
            importLines();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        } catch (RuntimeException e) {
          // A bug of the test, not of the service: fail the test instead of dying silently.
          ledger.unexpected.add("writer " + number + ": " + e);
          return;
        }
      }
    }

    private void create() throws InterruptedException {
      String slug = "crash-" + run + "-w" + number + "-" + (++sequence);
      Map<String, Object> input = new LinkedHashMap<>();
      input.put("slug", slug);
      input.put("title", titleOf(slug, 0));
      input.put("summary", summaryOf(0));
      input.put("body", "<p>崩溃测试正文：" + slug + "。</p>");
      input.put("categoryId", categoryId);
      input.put("zoneId", zoneId);
      input.put("status", "published");
      Answer answer = trySend("POST", "/api/v1/admin/articles", "application/json", json(input));
      if (answer != null && answer.status() == 201) {
        Tracked article = new Tracked(answer.body().path("id").asLong(), slug);
        article.ackVersion = answer.body().path("version").asLong();
        article.baseVersion = article.ackVersion;
        live.add(article);
        ledger.tracked.add(article);
        ledger.count("create", 1);
      } else if (answer == null || answer.status() >= 500) {
        ledger.unsureCreates.add(slug);
        ledger.countUnsure("create");
      } else {
        ledger.unexpected("create", answer);
      }
    }

    private void edit(Tracked article) throws InterruptedException {
      if (article.stale && !reread(article)) {
        return;
      }
      int revision = ++article.lastRevision;
      String patch =
          json(Map.of("title", titleOf(article.slug, revision), "summary", summaryOf(revision)));
      Answer answer =
          trySend(
              "PATCH",
              "/api/v1/admin/articles/" + article.id,
              "application/merge-patch+json",
              patch,
              article.baseVersion);
      if (answer != null && answer.status() == 200) {
        article.ackVersion = answer.body().path("version").asLong();
        article.baseVersion = article.ackVersion;
        article.ackRevision = revision;
        article.acknowledgedEdits.add(revision);
        article.unsureRevisions.clear();
        ledger.count("edit", 1);
      } else if (answer != null && answer.status() == 412) {
        article.stale = true;
      } else if (answer != null && answer.status() == 404) {
        vanished(article);
      } else if (answer == null || answer.status() >= 500) {
        article.unsureRevisions.add(revision);
        article.stale = true;
        ledger.countUnsure("edit");
      } else {
        ledger.unexpected("edit", answer);
        article.stale = true;
      }
    }

    private void delete(Tracked article) throws InterruptedException {
      if (article.stale && !reread(article)) {
        return;
      }
      Answer answer =
          trySend(
              "DELETE", "/api/v1/admin/articles/" + article.id, null, null, article.baseVersion);
      if (answer != null && answer.status() == 204) {
        article.deletion = Deletion.ACKNOWLEDGED;
        live.remove(article);
        ledger.count("delete", 1);
      } else if (answer != null && answer.status() == 412) {
        article.stale = true;
      } else if (answer != null && answer.status() == 404) {
        vanished(article);
      } else if (answer == null || answer.status() >= 500) {
        // Whether it is gone or not, this writer leaves it alone from now on.
        article.deletion = Deletion.UNSURE;
        live.remove(article);
        ledger.countUnsure("delete");
      } else {
        ledger.unexpected("delete", answer);
        article.stale = true;
      }
    }

    /** A small NDJSON import: its lines are committed together, so all or none must be there. */
    private void importLines() throws InterruptedException {
      List<String> slugs = new ArrayList<>();
      StringBuilder body = new StringBuilder();
      String stem = "crash-" + run + "-w" + number + "-import-" + (++sequence);
      for (int i = 0; i < IMPORT_LINES; i++) {
        String slug = stem + "-" + i;
        slugs.add(slug);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("type", "article");
        line.put("externalId", slug);
        line.put("slug", slug);
        line.put("title", titleOf(slug, 0));
        line.put("summary", summaryOf(0));
        line.put("body", "<p>导入的崩溃测试正文：" + slug + "。</p>");
        line.put("category", "crash-" + run);
        line.put("zone", "crash-" + run);
        line.put("status", "published");
        line.put("publishedAt", "2024-06-21T09:30:00+08:00");
        body.append(json(line)).append('\n');
      }
      Answer answer =
          trySend("POST", "/api/v1/admin/import", "application/x-ndjson", body.toString());
      boolean acknowledged =
          answer != null
              && answer.status() == 200
              && answer.body().path("created").path("article").asInt() == IMPORT_LINES
              && answer.body().path("rejectedCount").asInt() == 0;
      if (acknowledged) {
        ledger.imports.add(new Imported(slugs, true));
        ledger.count("import", 1);
        ledger.count("import line", IMPORT_LINES);
      } else if (answer == null || answer.status() >= 500) {
        ledger.imports.add(new Imported(slugs, false));
        ledger.countUnsure("import");
      } else {
        ledger.unexpected("import", answer);
      }
    }

    /** Learns the version to send in If-Match after an unsure or refused change. */
    private boolean reread(Tracked article) throws InterruptedException {
      Answer answer = trySend("GET", "/api/v1/admin/articles/" + article.id, null, null, null);
      if (answer != null && answer.status() == 200) {
        article.baseVersion = answer.body().path("version").asLong();
        article.stale = false;
        return true;
      }
      if (answer != null && answer.status() == 404) {
        vanished(article);
      }
      return false;
    }

    /** Gone although no delete was sent (a lost create): the final check reports it. */
    private void vanished(Tracked article) {
      live.remove(article);
      ledger.countUnsure("vanished");
    }

    private Answer trySend(String method, String path, String contentType, String body)
        throws InterruptedException {
      return trySend(method, path, contentType, body, null);
    }

    /** The answer, or null when none came (connection refused or reset, timeout). */
    private Answer trySend(
        String method, String path, String contentType, String body, Long ifMatch)
        throws InterruptedException {
      try {
        return send(method, path, contentType, body, ifMatch);
      } catch (IOException noAnswer) {
        pause(20);
        return null;
      }
    }
  }

  // --- What the writers know ------------------------------------------------------------------

  enum Deletion {
    NONE,
    UNSURE,
    ACKNOWLEDGED
  }

  /** An article created with an acknowledgement; touched only by its writer until the check. */
  static final class Tracked {
    final long id;
    final String slug;
    long ackVersion;
    int ackRevision;
    long baseVersion;
    int lastRevision;
    boolean stale;
    Deletion deletion = Deletion.NONE;
    final List<Integer> acknowledgedEdits = new ArrayList<>();
    final Set<Integer> unsureRevisions = new HashSet<>();

    Tracked(long id, String slug) {
      this.id = id;
      this.slug = slug;
    }
  }

  /** The lines of one import request; acknowledged when answered 200 with every line created. */
  record Imported(List<String> slugs, boolean acknowledged) {}

  /** One acknowledged write as the database should record it: what, which row, which operation. */
  record Write(String entity, long entityId, String op) {}

  /** Every write the writers sent, by outcome. */
  static final class Ledger {
    final Queue<Tracked> tracked = new ConcurrentLinkedQueue<>();
    final Queue<String> unsureCreates = new ConcurrentLinkedQueue<>();
    final Queue<Imported> imports = new ConcurrentLinkedQueue<>();
    final Queue<Write> acknowledgedWrites = new ConcurrentLinkedQueue<>();
    final Queue<String> unexpected = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> acknowledged = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> unsure = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();

    void count(String kind, int n) {
      acknowledged.computeIfAbsent(kind, k -> new AtomicInteger()).addAndGet(n);
      if (!kind.equals("import line")) {
        requests.incrementAndGet();
      }
    }

    /** Write requests answered 2xx so far. */
    int total() {
      return requests.get();
    }

    void countUnsure(String kind) {
      unsure.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
    }

    int acknowledged(String kind) {
      AtomicInteger n = acknowledged.get(kind);
      return n == null ? 0 : n.get();
    }

    int unsure(String kind) {
      AtomicInteger n = unsure.get(kind);
      return n == null ? 0 : n.get();
    }

    void unexpected(String kind, Answer answer) {
      if (unexpected.size() < 20) {
        unexpected.add(kind + " answered " + answer.status() + ": " + answer.body());
      }
    }
  }

  // --- The check ------------------------------------------------------------------------------

  /** What the restarted service shows, against what the writers were told. */
  static final class Findings {
    final Map<String, Integer> found = new LinkedHashMap<>();
    final List<String> lost = new ArrayList<>();
    final List<String> halfApplied = new ArrayList<>();
    final List<Write> acknowledged = new ArrayList<>();
    final Set<Long> present = new HashSet<>();
    final Set<Long> absent = new HashSet<>();

    /** Articles some of whose acknowledged writes are lost: reported as lost, not re-checked. */
    final Set<Long> withLostWrites = new HashSet<>();

    void found(String kind, int n) {
      found.merge(kind, n, Integer::sum);
    }
  }

  private Findings verifyThroughTheApi() throws Exception {
    Findings findings = new Findings();
    findings.acknowledged.addAll(ledger.acknowledgedWrites);
    checkSetupRows(findings);
    for (Tracked article : ledger.tracked) {
      checkArticle(article, findings);
    }
    for (String slug : ledger.unsureCreates) {
      Answer answer = send("GET", "/api/v1/articles/" + slug, null, null, null);
      if (answer.status() == 200) {
        findings.present.add(answer.body().path("id").asLong());
        checkRevisionPair(slug, answer.body(), findings);
      }
    }
    for (Imported imported : ledger.imports) {
      checkImport(imported, findings);
    }
    return findings;
  }

  private void checkSetupRows(Findings findings) throws Exception {
    int there = 0;
    for (String path :
        List.of("/api/v1/admin/zones/" + zoneId, "/api/v1/admin/categories/" + categoryId)) {
      if (send("GET", path, null, null, null).status() == 200) {
        there++;
      } else {
        findings.lost.add("setup " + path);
      }
    }
    findings.found("setup", there);
  }

  private void checkArticle(Tracked article, Findings findings) throws Exception {
    Answer admin = send("GET", "/api/v1/admin/articles/" + article.id, null, null, null);
    Answer pub = send("GET", "/api/v1/articles/" + article.slug, null, null, null);
    String name = "article " + article.id + " (" + article.slug + ")";
    findings.acknowledged.add(new Write("article", article.id, "create"));
    article.acknowledgedEdits.forEach(
        revision -> findings.acknowledged.add(new Write("article", article.id, "update")));
    if (admin.status() == 404) {
      if (pub.status() != 404) {
        findings.halfApplied.add(name + " is gone from the editorial API but public: " + pub);
      }
      if (article.deletion == Deletion.NONE) {
        findings.lost.add(name + ": created (201) but gone, and no delete was sent");
        findings.withLostWrites.add(article.id);
        return;
      }
      findings.absent.add(article.id);
      // Deleted afterwards (acknowledged, or at least sent): create and edits were superseded.
      findings.found("create", 1);
      findings.found("edit", article.acknowledgedEdits.size());
      if (article.deletion == Deletion.ACKNOWLEDGED) {
        findings.acknowledged.add(new Write("article", article.id, "delete"));
        findings.found("delete", 1);
      }
      return;
    }
    assertEquals(200, admin.status(), name + ": " + admin);
    String holder = admin.body().path("slug").asText();
    if (!holder.equals(article.slug)) {
      // A lost create hands its id out again: the id now names a later article.
      findings.lost.add(name + ": created (201) but gone; its id now names " + holder);
      findings.withLostWrites.add(article.id);
      return;
    }
    findings.present.add(article.id);
    findings.found("create", 1);
    if (article.deletion == Deletion.ACKNOWLEDGED) {
      findings.acknowledged.add(new Write("article", article.id, "delete"));
      findings.lost.add(name + ": deleted (204) but still there");
      findings.withLostWrites.add(article.id);
    }
    if (pub.status() != 200 || !pub.body().path("title").equals(admin.body().path("title"))) {
      findings.halfApplied.add(name + ": editorial and public answers differ: " + pub);
    }
    Integer revision = checkRevisionPair(article.slug, admin.body(), findings);
    if (revision == null) {
      return;
    }
    long version = admin.body().path("version").asLong();
    if (revision == article.ackRevision && version == article.ackVersion) {
      findings.found("edit", article.acknowledgedEdits.size());
    } else if (revision > article.ackRevision
        && article.unsureRevisions.contains(revision)
        && version > article.ackVersion) {
      // An edit sent after the last acknowledged one got through: later than acknowledged.
      findings.found("edit", article.acknowledgedEdits.size());
    } else if (revision < article.ackRevision) {
      long lostEdits = article.acknowledgedEdits.stream().filter(r -> r > revision).count();
      findings.found("edit", article.acknowledgedEdits.size() - (int) lostEdits);
      findings.withLostWrites.add(article.id);
      findings.lost.add(
          name
              + ": "
              + lostEdits
              + " acknowledged edit(s) lost; shows r"
              + revision
              + " v"
              + version
              + ", acknowledged r"
              + article.ackRevision
              + " v"
              + article.ackVersion);
    } else {
      findings.halfApplied.add(
          name
              + ": shows r"
              + revision
              + " at version "
              + version
              + ", acknowledged r"
              + article.ackRevision
              + " at version "
              + article.ackVersion
              + ", unsure "
              + article.unsureRevisions);
    }
  }

  /**
   * The title and summary of an article come from one write of its own writer; returns that
   * revision.
   */
  private static Integer checkRevisionPair(String slug, JsonNode article, Findings findings) {
    Matcher title = TITLE_REVISION.matcher(article.path("title").asText());
    Matcher summary = SUMMARY_REVISION.matcher(article.path("summary").asText());
    if (!title.find() || !summary.find() || !title.group(1).equals(summary.group(1))) {
      findings.halfApplied.add(
          slug
              + ": title and summary from different writes: "
              + article.path("title")
              + " / "
              + article.path("summary"));
      return null;
    }
    int revision = Integer.parseInt(title.group(1));
    if (!article.path("title").asText().equals(titleOf(slug, revision))) {
      // Only after a lost create: another writer still held the id and edited the newcomer.
      findings.halfApplied.add(
          slug + ": carries the title of another article: " + article.path("title"));
      return null;
    }
    return revision;
  }

  private void checkImport(Imported imported, Findings findings) throws Exception {
    List<Long> there = new ArrayList<>();
    for (String slug : imported.slugs()) {
      Answer answer = send("GET", "/api/v1/articles/" + slug, null, null, null);
      if (answer.status() == 200) {
        long id = answer.body().path("id").asLong();
        there.add(id);
        findings.present.add(id);
        checkRevisionPair(slug, answer.body(), findings);
      }
    }
    if (imported.acknowledged()) {
      findings.found("import line", there.size());
      there.forEach(id -> findings.acknowledged.add(new Write("article", id, "create")));
      if (there.size() != imported.slugs().size()) {
        findings.lost.add(
            "import "
                + imported.slugs()
                + ": answered 200, "
                + (imported.slugs().size() - there.size())
                + " line(s) gone");
      }
    } else if (!there.isEmpty() && there.size() != imported.slugs().size()) {
      findings.halfApplied.add(
          "unanswered import " + imported.slugs() + ": only " + there.size() + " line(s) there");
    }
  }

  /**
   * The rows a write adds beside the content, in its own transaction, must be there exactly for the
   * writes that happened: the tombstone of a deleted article (every article that is gone has one,
   * no article that is there has one), and the change-log row of every write (upsert for a create
   * or an edit, delete for a delete), numbered by the counter row without a gap. A row for a write
   * that did not happen, or a write without its row, is a write half-applied.
   */
  static List<String> trailProblems(
      Connection db, List<Write> acknowledged, Set<Long> present, Set<Long> absent)
      throws Exception {
    Set<Long> tombstoned = new HashSet<>();
    try (Statement statement = db.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "select resource_id from tombstone where resource_type = 'article'")) {
      while (rows.next()) {
        tombstoned.add(rows.getLong(1));
      }
    }
    List<String> problems = new ArrayList<>();
    for (long id : absent) {
      if (!tombstoned.contains(id)) {
        problems.add("article " + id + " is gone but has no tombstone");
      }
    }
    for (long id : present) {
      if (tombstoned.contains(id)) {
        problems.add("article " + id + " is there but has a tombstone");
      }
    }
    for (Write write : acknowledged) {
      // A delete whose article is still there was lost altogether; that is reported as lost.
      if (write.op().equals("delete")
          && !present.contains(write.entityId())
          && !tombstoned.contains(write.entityId())) {
        problems.add("acknowledged delete of article " + write.entityId() + " left no tombstone");
      }
    }
    problems.addAll(changeLogProblems(db, acknowledged, present, absent));
    return problems;
  }

  /** Every acknowledged write has its change-log row, and the log names nothing that is not so. */
  private static List<String> changeLogProblems(
      Connection db, List<Write> acknowledged, Set<Long> present, Set<Long> absent)
      throws Exception {
    Map<String, Integer> logged = new HashMap<>();
    long rows = 0;
    long lastSeq = 0;
    try (Statement statement = db.createStatement();
        ResultSet row =
            statement.executeQuery("select entity, entity_id, op, seq from change_log")) {
      while (row.next()) {
        logged.merge(
            row.getString(1) + ":" + row.getLong(2) + ":" + row.getString(3), 1, Integer::sum);
        rows++;
        lastSeq = Math.max(lastSeq, row.getLong(4));
      }
    }
    List<String> problems = new ArrayList<>();
    try (Statement statement = db.createStatement();
        ResultSet counter =
            statement.executeQuery("select last_seq from change_counter where id = 1")) {
      long counted = counter.next() ? counter.getLong(1) : -1;
      if (counted != lastSeq || rows != lastSeq) {
        problems.add(
            "change log holds "
                + rows
                + " rows up to seq "
                + lastSeq
                + ", its counter says "
                + counted);
      }
    }
    Map<String, Integer> expected = new HashMap<>();
    for (Write write : acknowledged) {
      String op = write.op().equals("delete") ? "delete" : "upsert";
      expected.merge(write.entity() + ":" + write.entityId() + ":" + op, 1, Integer::sum);
    }
    for (Map.Entry<String, Integer> entry : expected.entrySet()) {
      int found = logged.getOrDefault(entry.getKey(), 0);
      if (found < entry.getValue()) {
        problems.add(
            entry.getValue()
                + " acknowledged write(s) "
                + entry.getKey()
                + " but "
                + found
                + " change-log row(s)");
      }
    }
    for (long id : absent) {
      if (!logged.containsKey("article:" + id + ":delete")) {
        problems.add("article " + id + " is gone but the change log has no delete");
      }
    }
    for (String key : logged.keySet()) {
      String[] parts = key.split(":");
      long id = Long.parseLong(parts[1]);
      if (!parts[0].equals("article")) {
        continue;
      }
      if (parts[2].equals("delete") && present.contains(id)) {
        problems.add("article " + id + " is there but the change log says deleted");
      } else if (!present.contains(id) && !absent.contains(id)) {
        problems.add("the change log names article " + id + ", which no write made");
      }
    }
    return problems;
  }

  /**
   * A JDBC connection to the service's database, read from the environment the service gets; on H2
   * only while no service process holds the file.
   */
  private static Connection connect(PackagedService.Database database) throws Exception {
    Map<String, String> env = database.environment();
    if (database.isPostgres()) {
      return DriverManager.getConnection(
          env.get("QUARKUS_DATASOURCE_JDBC_URL"),
          env.get("QUARKUS_DATASOURCE_USERNAME"),
          env.get("QUARKUS_DATASOURCE_PASSWORD"));
    }
    return DriverManager.getConnection(
        "jdbc:h2:file:" + env.get("CONTENT_API_DATA_DIR") + "/content-api", "sa", "");
  }

  private static String setting(Connection db, String name) throws Exception {
    try (Statement statement = db.createStatement();
        ResultSet row = statement.executeQuery("show " + name)) {
      return row.next() ? row.getString(1) : "?";
    }
  }

  private String report(Findings findings, Duration took, String settings) throws Exception {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "Crash test, %s: %d writers, %d SIGKILLs, %d starts, %d s, %s%s%n",
            Instant.now(),
            WRITERS,
            KILLS,
            starts.get(),
            took.toSeconds(),
            database.description(),
            settings));
    Map<String, Integer> found = new HashMap<>(findings.found);
    for (String kind : List.of("setup", "create", "edit", "delete", "import", "import line")) {
      int acknowledged = ledger.acknowledged(kind);
      String foundText =
          kind.equals("import")
              ? "(see lines)"
              : found.getOrDefault(kind, 0) + " found after restart";
      out.append(
          String.format(
              "  %-12s acknowledged %5d   %s   unanswered %d%n",
              kind, acknowledged, foundText, ledger.unsure(kind)));
    }
    int acknowledgedTotal =
        ledger.acknowledged("setup")
            + ledger.acknowledged("create")
            + ledger.acknowledged("edit")
            + ledger.acknowledged("delete")
            + ledger.acknowledged("import line");
    int foundTotal = found.values().stream().mapToInt(Integer::intValue).sum();
    out.append(
        String.format(
            "  total        acknowledged %5d   %d found, %d not found; %d lost and %d"
                + " half-applied findings%n",
            acknowledgedTotal,
            foundTotal,
            acknowledgedTotal - foundTotal,
            findings.lost.size(),
            findings.halfApplied.size()));
    retriedStarts.forEach(line -> out.append("  retried ").append(line).append('\n'));
    if (ledger.unsure("vanished") > 0) {
      out.append(
          String.format(
              "  %d articles vanished while the writers ran (edit or delete answered 404)%n",
              ledger.unsure("vanished")));
    }
    findings.lost.stream()
        .limit(20)
        .forEach(line -> out.append("  LOST ").append(line).append('\n'));
    findings.halfApplied.stream()
        .limit(20)
        .forEach(line -> out.append("  HALF ").append(line).append('\n'));
    return out.toString();
  }

  // --- HTTP -----------------------------------------------------------------------------------

  record Answer(int status, JsonNode body) {}

  private Answer send(String method, String path, String contentType, String body, Long ifMatch)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(service.url(path)))
            .timeout(REQUEST_TIMEOUT)
            .header("Authorization", "Bearer " + TOKEN)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) {
      request.header("Content-Type", contentType + "; charset=UTF-8");
    }
    if (ifMatch != null) {
      request.header("If-Match", "\"" + ifMatch + "\"");
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    String text = response.body();
    JsonNode json = text == null || text.isBlank() ? JSON.nullNode() : readJson(text);
    return new Answer(response.statusCode(), json);
  }

  private static JsonNode readJson(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException notJson) {
      return JSON.getNodeFactory().textNode(text);
    }
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String titleOf(String slug, int revision) {
    return "崩溃测试 " + slug + " [r" + revision + "]";
  }

  private static String summaryOf(int revision) {
    return "revision r" + revision;
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
