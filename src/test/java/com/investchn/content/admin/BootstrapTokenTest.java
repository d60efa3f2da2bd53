package com.investchn.content.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.investchn.content.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** The bootstrap token is long enough to be unguessable and announced at every start. */
@QuarkusTest
class BootstrapTokenTest extends ApiTest {

  @Inject TokenService tokens;

  @Test
  void aBootstrapTokenShorterThan32CharactersStopsTheStartUp() {
    for (String tooShort :
        List.of("q", "short-secret-1", "test-bootstrap-admin-token", "q".repeat(31))) {
      IllegalStateException refused =
          assertThrows(
              IllegalStateException.class, () -> TokenService.bootstrapHash(Optional.of(tooShort)));
      assertTrue(
          refused.getMessage().contains("CONTENT_API_ADMIN_BOOTSTRAP_TOKEN"), refused.getMessage());
      assertTrue(
          refused.getMessage().contains("has " + tooShort.length() + " characters"),
          refused.getMessage());
      assertTrue(refused.getMessage().contains("at least 32"), refused.getMessage());
      assertFalse(refused.getMessage().contains(tooShort), "the token is never repeated");
    }
    assertTrue(TokenService.bootstrapHash(Optional.of("a".repeat(32))).isPresent());
    // Unset or blank: no bootstrap token at all.
    assertTrue(TokenService.bootstrapHash(Optional.empty()).isEmpty());
    assertTrue(TokenService.bootstrapHash(Optional.of("  ")).isEmpty());
  }

  @Test
  void everyStartWarnsWhileTheBootstrapTokenIsConfigured() {
    List<LogRecord> logged = new CopyOnWriteArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            logged.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger logger = Logger.getLogger(TokenService.class.getName());
    logger.addHandler(capture);
    try {
      // What the StartupEvent observer does at every start.
      tokens.warnWhileBootstrapIsConfigured(null);
    } finally {
      logger.removeHandler(capture);
    }
    assertEquals(1, logged.size(), logged.toString());
    LogRecord warning = logged.get(0);
    assertEquals(Level.WARNING, warning.getLevel());
    StringBuilder text = new StringBuilder(warning.getMessage());
    for (Object parameter :
        warning.getParameters() == null ? new Object[0] : warning.getParameters()) {
      text.append(' ').append(parameter);
    }
    String message = text.toString();
    assertTrue(message.contains("CONTENT_API_ADMIN_BOOTSTRAP_TOKEN"), message);
    assertTrue(message.contains("bootstrap-admin"), message);
    assertFalse(message.contains(AdminSupport.BOOTSTRAP), "the token is never logged");
  }
}
