package com.investchn.content.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.investchn.content.admin.TransferLines.ArticleLine;
import com.investchn.content.admin.TransferLines.CategoryLine;
import com.investchn.content.admin.TransferLines.SiteLine;
import com.investchn.content.admin.TransferLines.ZoneLine;
import com.investchn.content.common.time.PortalTime;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Streams the whole content as NDJSON in an order an import can replay: the site, zones and
 * categories parents first, then articles by id. Everything is read in one read-only snapshot
 * transaction, so an export is the state of one moment even while editors write, and articles are
 * fetched in batches bounded by bytes, so memory stays flat whatever the bodies weigh.
 *
 * <p>Plain JDBC on a connection of its own rather than Hibernate: the export needs a snapshot
 * isolation level for the length of a stream and no managed entities.
 */
@ApplicationScoped
class NdjsonExporter {

  /** Bytes of article rows fetched at once, estimated high (three bytes a character). */
  private static final long ARTICLE_BATCH_BYTES = 8L * 1024 * 1024;

  /** Rows whose size is looked up at once to plan the next batch. */
  private static final int SIZE_PROBE = 1000;

  private static final String ARTICLE_COLUMNS =
      "id, slug, external_id, title, summary, body, published_at, source, source_url, author,"
          + " cover_image_url, category_id, zone_id, publisher_zone_id, status, created_at,"
          + " updated_at, created_by, updated_by";

  private final ObjectMapper json;
  private final AgroalDataSource dataSource;

  public NdjsonExporter(ObjectMapper json, AgroalDataSource dataSource) {
    this.json = json.copy().disable(SerializationFeature.INDENT_OUTPUT);
    this.dataSource = dataSource;
  }

  public void exportTo(OutputStream output) throws IOException {
    Writer out =
        new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 1 << 16);
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      int isolation = connection.getTransactionIsolation();
      connection.setAutoCommit(false);
      connection.setTransactionIsolation(snapshotIsolation(connection));
      connection.setReadOnly(true);
      try {
        writeAll(connection, out);
        connection.commit();
      } finally {
        if (!connection.getAutoCommit()) {
          connection.rollback();
        }
        connection.setReadOnly(false);
        connection.setTransactionIsolation(isolation);
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("The export could not read the database", e);
    }
    out.flush();
  }

  /**
   * The level at which every read of the transaction sees the same committed state: PostgreSQL's
   * REPEATABLE READ is snapshot isolation; H2 (MVStore) gives a snapshot under SERIALIZABLE, which
   * costs nothing for a transaction that only reads.
   */
  private static int snapshotIsolation(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    return product.contains("postgres")
        ? Connection.TRANSACTION_REPEATABLE_READ
        : Connection.TRANSACTION_SERIALIZABLE;
  }

  private void writeAll(Connection connection, Writer out) throws SQLException, IOException {
    writeSite(connection, out);
    Map<Long, String> zoneSlugs = writeZones(connection, out);
    Map<Long, String> categorySlugs = writeCategories(connection, out);
    long lastId = 0;
    while (true) {
      long upTo = nextBatchEnd(connection, lastId);
      if (upTo <= lastId) {
        break;
      }
      try (PreparedStatement select =
          connection.prepareStatement(
              "select " + ARTICLE_COLUMNS + " from article where id > ? and id <= ? order by id")) {
        select.setLong(1, lastId);
        select.setLong(2, upTo);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            writeLine(out, articleLine(rows, zoneSlugs, categorySlugs));
          }
        }
      }
      lastId = upTo;
      out.flush();
    }
  }

  /**
   * The highest id of the next batch: as many following articles as fit in the byte budget, and at
   * least one.
   */
  private static long nextBatchEnd(Connection connection, long afterId) throws SQLException {
    try (PreparedStatement sizes =
        connection.prepareStatement(
            "select id, coalesce(length(body), 0) + coalesce(length(summary), 0) from article"
                + " where id > ? order by id fetch first "
                + SIZE_PROBE
                + " rows only")) {
      sizes.setLong(1, afterId);
      long end = afterId;
      long budget = ARTICLE_BATCH_BYTES;
      try (ResultSet rows = sizes.executeQuery()) {
        while (rows.next()) {
          long estimate = rows.getLong(2) * 3 + 1024;
          if (end > afterId && estimate > budget) {
            break;
          }
          end = rows.getLong(1);
          budget -= estimate;
        }
      }
      return end;
    }
  }

  private void writeSite(Connection connection, Writer out) throws SQLException, IOException {
    try (PreparedStatement select =
            connection.prepareStatement(
                "select name, name_en, slogan, base_url, logo_url, locale, timezone, phone, fax,"
                    + " email, address, copyright, icp_license, updated_at, updated_by from site");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        writeLine(
            out,
            new SiteLine(
                TransferLines.SITE,
                rows.getString(1),
                rows.getString(2),
                rows.getString(3),
                rows.getString(4),
                rows.getString(5),
                rows.getString(6),
                rows.getString(7),
                rows.getString(8),
                rows.getString(9),
                rows.getString(10),
                rows.getString(11),
                rows.getString(12),
                rows.getString(13),
                time(rows, 14),
                rows.getString(15)));
      }
    }
  }

  private record ZoneRow(long id, Long parentId, ZoneLine line) {}

  private record CategoryRow(long id, Long parentId, CategoryLine line) {}

  private Map<Long, String> writeZones(Connection connection, Writer out)
      throws SQLException, IOException {
    Map<Long, String> slugs = new HashMap<>();
    List<ZoneRow> zones = new ArrayList<>();
    try (PreparedStatement select =
            connection.prepareStatement(
                "select id, slug, name, name_en, kind, level, zone_type, parent_id, created_at,"
                    + " updated_at, created_by, updated_by from zone");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        long id = rows.getLong(1);
        slugs.put(id, rows.getString(2));
        Long parentId = nullableLong(rows, 8);
        zones.add(
            new ZoneRow(
                id,
                parentId,
                new ZoneLine(
                    TransferLines.ZONE,
                    rows.getString(2),
                    rows.getString(3),
                    rows.getString(4),
                    wire(rows.getString(5)),
                    wire(rows.getString(6)),
                    wire(rows.getString(7)),
                    null,
                    time(rows, 9),
                    time(rows, 10),
                    rows.getString(11),
                    rows.getString(12))));
      }
    }
    for (ZoneRow zone : parentsFirst(zones, ZoneRow::id, ZoneRow::parentId)) {
      ZoneLine line = zone.line();
      writeLine(
          out,
          new ZoneLine(
              line.type(),
              line.slug(),
              line.name(),
              line.nameEn(),
              line.kind(),
              line.level(),
              line.zoneType(),
              slugs.get(zone.parentId()),
              line.createdAt(),
              line.updatedAt(),
              line.createdBy(),
              line.updatedBy()));
    }
    return slugs;
  }

  private Map<Long, String> writeCategories(Connection connection, Writer out)
      throws SQLException, IOException {
    Map<Long, String> slugs = new HashMap<>();
    List<CategoryRow> categories = new ArrayList<>();
    try (PreparedStatement select =
            connection.prepareStatement(
                "select id, slug, name, name_en, parent_id, position, zone_scoped, created_at,"
                    + " updated_at, created_by, updated_by from category");
        ResultSet rows = select.executeQuery()) {
      while (rows.next()) {
        long id = rows.getLong(1);
        slugs.put(id, rows.getString(2));
        categories.add(
            new CategoryRow(
                id,
                nullableLong(rows, 5),
                new CategoryLine(
                    TransferLines.CATEGORY,
                    rows.getString(2),
                    rows.getString(3),
                    rows.getString(4),
                    null,
                    rows.getInt(6),
                    rows.getBoolean(7),
                    time(rows, 8),
                    time(rows, 9),
                    rows.getString(10),
                    rows.getString(11))));
      }
    }
    for (CategoryRow category : parentsFirst(categories, CategoryRow::id, CategoryRow::parentId)) {
      CategoryLine line = category.line();
      writeLine(
          out,
          new CategoryLine(
              line.type(),
              line.slug(),
              line.name(),
              line.nameEn(),
              slugs.get(category.parentId()),
              line.position(),
              line.zoneScoped(),
              line.createdAt(),
              line.updatedAt(),
              line.createdBy(),
              line.updatedBy()));
    }
    return slugs;
  }

  private static ArticleLine articleLine(
      ResultSet rows, Map<Long, String> zoneSlugs, Map<Long, String> categorySlugs)
      throws SQLException {
    return new ArticleLine(
        TransferLines.ARTICLE,
        rows.getString(2),
        rows.getString(3),
        rows.getString(4),
        rows.getString(5),
        rows.getString(6),
        time(rows, 7),
        rows.getString(8),
        rows.getString(9),
        rows.getString(10),
        rows.getString(11),
        categorySlugs.get(nullableLong(rows, 12)),
        zoneSlugs.get(nullableLong(rows, 13)),
        zoneSlugs.get(nullableLong(rows, 14)),
        wire(rows.getString(15)),
        time(rows, 16),
        time(rows, 17),
        rows.getString(18),
        rows.getString(19));
  }

  private void writeLine(Writer out, Object line) throws IOException {
    out.write(json.writeValueAsString(line));
    out.write('\n');
  }

  private static OffsetDateTime time(ResultSet rows, int column) throws SQLException {
    OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
    return value == null ? null : PortalTime.toPortal(value.toInstant());
  }

  private static Long nullableLong(ResultSet rows, int column) throws SQLException {
    long value = rows.getLong(column);
    return rows.wasNull() ? null : value;
  }

  /** Enum names as stored (DEVELOPMENT_ZONE) in the form the API uses (development_zone). */
  private static String wire(String stored) {
    return stored == null ? null : stored.toLowerCase(Locale.ROOT);
  }

  /** Depth first, then id: every parent is written before its children. */
  private static <T> List<T> parentsFirst(
      List<T> nodes, Function<T, Long> idOf, Function<T, Long> parentIdOf) {
    Map<Long, T> byId = new HashMap<>();
    nodes.forEach(node -> byId.put(idOf.apply(node), node));
    Map<Long, Integer> depth = new HashMap<>();
    for (T node : nodes) {
      int d = 0;
      Long parent = parentIdOf.apply(node);
      while (parent != null && byId.containsKey(parent) && d < 100) {
        d++;
        parent = parentIdOf.apply(byId.get(parent));
      }
      depth.put(idOf.apply(node), d);
    }
    return nodes.stream()
        .sorted(Comparator.comparing((T node) -> depth.get(idOf.apply(node))).thenComparing(idOf))
        .toList();
  }
}
