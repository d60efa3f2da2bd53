package com.investchn.content.admin;

import static com.investchn.content.admin.AdminSupport.BOOTSTRAP;
import static com.investchn.content.admin.AdminSupport.PROBLEM;
import static com.investchn.content.admin.AdminSupport.PROBLEMS;
import static com.investchn.content.admin.AdminSupport.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import com.investchn.content.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may ask for a backup, and the clear refusal where the service cannot make one: the test
 * database is in-memory H2 (or PostgreSQL with -Ppostgres). BackupRestoreIT backs up a real file.
 */
@QuarkusTest
class BackupResourceTest extends ApiTest {

  private static final String BACKUP = "/api/v1/admin/backup";
  private static String editor;

  @BeforeEach
  void issueEditorToken() {
    if (editor == null) {
      editor = AdminSupport.issueToken("t-backup-editor", "editor");
    }
  }

  @Test
  void anonymousCallersAreAskedForAToken() {
    given()
        .post(BACKUP)
        .then()
        .statusCode(401)
        .contentType(startsWith(PROBLEM))
        .header("WWW-Authenticate", startsWith("Bearer"));
  }

  @Test
  void editorsMayNotBackUp() {
    as(editor).post(BACKUP).then().statusCode(403).contentType(startsWith(PROBLEM));
  }

  @Test
  void aDatabaseWithoutAFileIsRefusedWithWhatToDoInstead() {
    boolean postgres = System.getProperty("test.pg.url") != null;
    as(BOOTSTRAP)
        .post(BACKUP)
        .then()
        .statusCode(409)
        .contentType(startsWith(PROBLEM))
        .body("type", is(PROBLEMS + "backup-unavailable"))
        .body("title", is("Online backup not available here"))
        .body("detail", containsString(postgres ? "pg_dump" : "in memory only"))
        .body("instance", is(BACKUP));
  }
}
