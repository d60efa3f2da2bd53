package com.investchn.content.admin;

import com.investchn.content.common.config.ContentApiConfig;
import com.investchn.content.common.time.PortalTime;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Online backups. The embedded H2 database cannot be reached from outside the process, so the
 * service copies it itself with H2's BACKUP TO: a zip of the database file, consistent as of the
 * moment it begins, written while readers and writers go on. PostgreSQL is backed up with its own
 * tools (pg_dump), which reach it from anywhere.
 */
@ApplicationScoped
class BackupService {

  private static final Logger LOG = Logger.getLogger(BackupService.class);
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final DataSource dataSource;
  private final Path folder;

  public BackupService(DataSource dataSource, ContentApiConfig config) {
    this.dataSource = dataSource;
    this.folder = Path.of(config.backup().dir()).toAbsolutePath().normalize();
  }

  /**
   * Writes a backup into the configured folder under a timestamped name. One at a time: H2 lets a
   * backup run beside writers but not beside another backup of the same file.
   *
   * @throws BackupUnavailableException on PostgreSQL, or on an in-memory H2 database
   */
  public synchronized BackupFile backUp() {
    try (Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName();
      if (!"H2".equals(product)) {
        throw new BackupUnavailableException(
            "This service stores its content in "
                + product
                + ", which backs itself up: run pg_dump against the database (for example"
                + " pg_dump --format=custom --file=content.dump <database>) and restore with"
                + " pg_restore.");
      }
      if (databasePath(connection) == null) {
        throw new BackupUnavailableException(
            "The H2 database of this service is held in memory only; there is no file to back up.");
      }
      Files.createDirectories(folder);
      Instant began = Instant.now();
      Path file = freeName(began);
      try (PreparedStatement backup = connection.prepareStatement("BACKUP TO ?")) {
        backup.setString(1, file.toString());
        backup.execute();
      }
      long bytes = Files.size(file);
      LOG.infof("Backed up the database to %s (%d bytes)", file, bytes);
      return new BackupFile(file.toString(), bytes, PortalTime.toPortal(began));
    } catch (SQLException e) {
      throw new IllegalStateException("The database backup failed", e);
    } catch (IOException e) {
      throw new UncheckedIOException("The backup folder " + folder + " cannot be written", e);
    }
  }

  /** The folder and file name of the H2 database, or null when it lives in memory. */
  private static String databasePath(Connection connection) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("SELECT DATABASE_PATH()");
        ResultSet result = query.executeQuery()) {
      return result.next() ? result.getString(1) : null;
    }
  }

  private Path freeName(Instant began) {
    String stem = "content-api-" + STAMP.format(began);
    Path file = folder.resolve(stem + ".zip");
    for (int n = 2; Files.exists(file); n++) {
      file = folder.resolve(stem + "-" + n + ".zip");
    }
    return file;
  }
}
