package com.investchn.content.article;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.investchn.content.support.Fixtures;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every statement of a public article read, explained by the database the suite runs on (H2 by
 * default, PostgreSQL with -Ppostgres) over a listing of 30,000 rows, where a scan or a sort would
 * be chosen if the intended index could not answer: each list read is one range of the listing's
 * primary key in list order (no sort, no scan), other lists are probed by the article index, and a
 * detail is one lookup by the slug's unique index.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArticleQueryPlanTest {

  private static final String CATEGORY = "c:plan-test";
  private static final String ZONE = "z:plan-test";
  private static final String PUBLISHER = "p:plan-test";
  private static final int CATEGORY_ROWS = 20_000;
  private static final int PAGE = 20;
  private static final Instant NOW = Instant.parse("2026-06-30T02:00:00Z");

  private static final int ARTICLES = 5_000;

  @Inject AgroalDataSource dataSource;
  @Inject Fixtures fixtures;

  private boolean postgres;

  @BeforeAll
  void fillTheListing() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      postgres =
          connection
              .getMetaData()
              .getDatabaseProductName()
              .toLowerCase(Locale.ROOT)
              .contains("postgres");
      connection.setAutoCommit(false);
      try (PreparedStatement insert =
          connection.prepareStatement(
              "insert into article_listing (list_key, published_at, article_id, updated_at)"
                  + " values (?, ?, ?, ?)")) {
        for (int i = 1; i <= CATEGORY_ROWS; i++) {
          // Ids below zero belong to no article of the other tests; every tenth pair ties.
          long id = -i;
          Instant published = NOW.minus(i - i % 10, ChronoUnit.MINUTES);
          add(insert, CATEGORY, published, id);
          if (i % 3 == 0) {
            add(insert, ZONE, published, id);
          }
          if (i % 7 == 0) {
            add(insert, PUBLISHER, published, id);
          }
        }
        insert.executeBatch();
      }
      // Drafts with ids below zero, so that a scan of the article table would cost something.
      fixtures.ensureLoaded();
      try (PreparedStatement insert =
          connection.prepareStatement(
              "insert into article (id, slug, title, summary, body, published_at, category_id,"
                  + " zone_id, status, created_at, updated_at) values (?, ?, 'plan', 'plan',"
                  + " 'plan', ?, ?, ?, 'DRAFT', ?, ?)")) {
        for (int i = 1; i <= ARTICLES; i++) {
          OffsetDateTime published = ArticleRepository.utc(NOW.minus(i, ChronoUnit.MINUTES));
          insert.setLong(1, -i);
          insert.setString(2, "plan-test-" + i);
          insert.setObject(3, published);
          insert.setLong(4, fixtures.id("zone-news"));
          insert.setLong(5, fixtures.id("daxing"));
          insert.setObject(6, published);
          insert.setObject(7, published);
          insert.addBatch();
        }
        insert.executeBatch();
      }
      connection.commit();
      if (postgres) {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
          statement.execute("vacuum analyze article_listing");
          statement.execute("vacuum analyze article");
        }
      }
    }
  }

  @AfterAll
  void emptyIt() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.executeUpdate("delete from article_listing where article_id < 0");
      statement.executeUpdate("delete from article where id < 0");
    }
  }

  @Test
  void aPageIsOneRangeOfTheListingInListOrder() throws SQLException {
    for (ArticleSort sort : ArticleSort.values()) {
      ListingPlan plan = new ListingPlan(CATEGORY, List.of(), null, null, sort);
      List<Object> values = new ArrayList<>(plan.bind(NOW));
      values.add(PAGE + 1);
      assertOneOrderedRange(plan, explain(ArticleRepository.keysSql(plan, false, 0), values));
    }
  }

  @Test
  void aCursorAndADeepPageSeekIntoTheRange() throws SQLException {
    for (ArticleSort sort : ArticleSort.values()) {
      ListingPlan plan = new ListingPlan(CATEGORY, List.of(), null, null, sort);
      List<Object> values = new ArrayList<>(plan.bind(NOW));
      Instant key = NOW.minus(15_000, ChronoUnit.MINUTES);
      values.add(ArticleRepository.utc(key));
      values.add(ArticleRepository.utc(key));
      values.add(-15_000L);
      values.add(PAGE + 1);
      // A deep page starts from the nearest seek point and skips fewer than STRIDE entries.
      String plan1 =
          explain(ArticleRepository.keysSql(plan, true, ListingStatistics.STRIDE - 1), values);
      assertOneOrderedRange(plan, plan1);
    }
  }

  @Test
  void aTimeRangeIsPartOfTheSameRange() throws SQLException {
    ListingPlan plan =
        new ListingPlan(
            CATEGORY,
            List.of(),
            NOW.minus(9_000, ChronoUnit.MINUTES),
            NOW.minus(1, ChronoUnit.DAYS),
            ArticleSort.PUBLISHED_AT_DESC);
    List<Object> values = new ArrayList<>(plan.bind(NOW));
    values.add(PAGE + 1);
    assertOneOrderedRange(explain(ArticleRepository.keysSql(plan, false, 0), values));
  }

  @Test
  void aSecondFilterProbesTheArticleIndexForEachCandidate() throws SQLException {
    ListingPlan plan =
        new ListingPlan(PUBLISHER, List.of(ZONE), null, null, ArticleSort.PUBLISHED_AT_DESC);
    List<Object> values = new ArrayList<>(plan.bind(NOW));
    values.add(PAGE + 1);
    String explained = explain(ArticleRepository.keysSql(plan, false, 0), values);
    assertOneOrderedRange(explained);
    assertTrue(
        explained.contains("ix_article_listing_article"),
        "the other list is probed through (article_id, list_key):\n" + explained);
  }

  @Test
  void aNeighbourIsTheFirstEntryBeyondTheKey() throws SQLException {
    for (ArticleSort sort : ArticleSort.values()) {
      for (boolean towardsOlder : new boolean[] {true, false}) {
        ListingPlan plan = new ListingPlan(ZONE, List.of(), null, null, sort);
        List<Object> values = new ArrayList<>(plan.bind(NOW));
        Instant key = NOW.minus(6_000, ChronoUnit.MINUTES);
        values.add(ArticleRepository.utc(key));
        values.add(ArticleRepository.utc(key));
        values.add(-6_000L);
        assertOneOrderedRange(
            plan, explain(ArticleRepository.neighbourSql(plan, towardsOlder), values));
      }
    }
  }

  @Test
  void aCountReadsOnlyTheIndexAndAMembershipTestOneEntry() throws SQLException {
    // A count reads the list's whole range once per change-log position (ListingStatistics), so
    // it is shown on a list that is a small part of the listing, as most lists are.
    ListingPlan plan =
        new ListingPlan(PUBLISHER, List.of(), null, null, ArticleSort.PUBLISHED_AT_DESC);
    assertNoScan(explain(ArticleRepository.countSql(plan), plan.bind(NOW)));
    // Whether an article is in a list (GET /adjacent): one entry of the biggest list.
    for (ArticleSort sort : ArticleSort.values()) {
      ListingPlan category = new ListingPlan(CATEGORY, List.of(), null, null, sort);
      List<Object> values = new ArrayList<>(category.bind(NOW));
      values.add(ArticleRepository.utc(NOW.minus(15_000, ChronoUnit.MINUTES)));
      values.add(-15_000L);
      String explained = explain(ArticleRepository.containsSql(category), values);
      assertNoScan(explained);
      assertTrue(
          mostRowsReadByOneStep(explained) <= 2, sort + ": one entry looked up:\n" + explained);
    }
  }

  @Test
  void aDetailIsOneLookupBySlug() throws SQLException {
    String explained =
        explain(
            "select a.id from article a where a.slug = ? and a.status = ? and a.published_at <= ?",
            List.of("plan-test-42", "PUBLISHED", ArticleRepository.utc(NOW)));
    assertNoScan(explained);
    assertTrue(explained.contains("uk_article_slug"), "by the slug's unique index:\n" + explained);
  }

  @Test
  void aSitemapFileIsOneRangeOfTheListingWithOneLookupPerArticle() throws SQLException {
    // The newest three days of the list, as a month's file with a cap of one page.
    List<Object> values =
        List.of(
            CATEGORY,
            ArticleRepository.utc(NOW.minus(3, ChronoUnit.DAYS)),
            ArticleRepository.utc(NOW.plus(1, ChronoUnit.DAYS)),
            ArticleRepository.utc(NOW),
            PAGE);
    assertOneOrderedRange(explain(ArticleRepository.stampsSql(0), values));
    assertOneOrderedRange(explain(ArticleRepository.stampsSql(PAGE), values));
  }

  @Test
  void theSitemapIndexGroupsTheListWithoutScanningATable() throws SQLException {
    // The publisher list holds about a tenth of the listing, as "all" does in real data (an
    // article has a row in about eight lists); the category list here is two thirds of the table,
    // where PostgreSQL rightly prefers to read the table.
    String explained =
        explain(
            ArticleRepository.publicationMonthsSql(),
            List.of(PUBLISHER, ArticleRepository.utc(NOW)));
    assertNoScan(explained);
    // One index range of the list (PostgreSQL takes either index that leads with list_key): the
    // list's entries are read once, nothing else.
    assertTrue(
        mostRowsReadByOneStep(explained) <= CATEGORY_ROWS / 7 + 2,
        "reads the list's entries once:\n" + explained);
  }

  /**
   * A list ordered by the time of the last change is one range of (list_key, updated_at,
   * article_id), held to the same bounds as one in publication order.
   */
  private void assertOneOrderedRange(ListingPlan plan, String explained) {
    if (plan.column().equals("published_at")) {
      assertOneOrderedRange(explained);
      return;
    }
    assertTrue(
        explained.contains("ix_article_listing_updated"),
        plan.sort() + " is driven by (list_key, updated_at, article_id):\n" + explained);
    assertOrderedAndBounded(explained);
  }

  private void assertOneOrderedRange(String explained) {
    // H2 names a primary key's index PRIMARY_KEY_<n>; the listing has no other of that name.
    assertTrue(
        explained.contains(postgres ? "pk_article_listing" : "public.primary_key_"),
        "driven by the listing's primary key (list_key, published_at, article_id):\n" + explained);
    assertOrderedAndBounded(explained);
  }

  private void assertOrderedAndBounded(String explained) {
    assertNoScan(explained);
    if (postgres) {
      assertFalse(explained.contains("sort"), "no sort: the index gives the order:\n" + explained);
    } else {
      assertTrue(explained.contains("index sorted"), "the index gives the order:\n" + explained);
    }
    assertTrue(
        mostRowsReadByOneStep(explained) <= ListingStatistics.STRIDE + 2 * PAGE,
        "reads entries in proportion to the page, not the list's 20,000:\n" + explained);
  }

  /** The largest number of rows one step of the plan read, as EXPLAIN ANALYZE reports them. */
  private long mostRowsReadByOneStep(String explained) {
    Matcher counts =
        Pattern.compile(postgres ? "actual time=\\S+ rows=(\\d+)" : "scancount: (\\d+)")
            .matcher(explained);
    long most = -1;
    while (counts.find()) {
      most = Math.max(most, Long.parseLong(counts.group(1)));
    }
    assertTrue(most >= 0, "EXPLAIN ANALYZE reports the rows read:\n" + explained);
    return most;
  }

  private void assertNoScan(String explained) {
    if (postgres) {
      assertFalse(explained.contains("seq scan"), "no sequential scan:\n" + explained);
    } else {
      assertFalse(explained.contains("tablescan"), "no table scan:\n" + explained);
    }
  }

  private String explain(String sql, List<Object> values) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement("explain analyze " + sql)) {
      for (int i = 0; i < values.size(); i++) {
        statement.setObject(i + 1, values.get(i));
      }
      StringBuilder plan = new StringBuilder();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          plan.append(rows.getString(1)).append('\n');
        }
      }
      // H2 upper-cases names; compare in one case.
      return plan.toString().toLowerCase(Locale.ROOT);
    }
  }

  private static void add(PreparedStatement insert, String key, Instant published, long id)
      throws SQLException {
    insert.setString(1, key);
    insert.setObject(2, ArticleRepository.utc(published));
    insert.setLong(3, id);
    insert.setObject(4, ArticleRepository.utc(published));
    insert.addBatch();
  }
}
