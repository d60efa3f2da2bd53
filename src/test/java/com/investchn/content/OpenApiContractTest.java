package com.investchn.content;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * openapi/openapi.yaml is the published contract: this test fails when the running application's
 * document differs from it. Regenerate with {@code ./mvnw test -Dtest=OpenApiContractTest
 * -Dopenapi.update=true}, which writes the file and then fails on purpose (so a run with the flag
 * is never green), review the diff and run the test again without the flag.
 */
@QuarkusTest
class OpenApiContractTest {

  private static final Path CONTRACT = Path.of("openapi", "openapi.yaml");

  @Test
  void liveDocumentMatchesThePublishedContract() throws IOException {
    String live =
        given()
            .queryParam("format", "yaml")
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    if (Boolean.getBoolean("openapi.update")) {
      Files.createDirectories(CONTRACT.getParent());
      boolean changed =
          !Files.exists(CONTRACT)
              || !Files.readString(CONTRACT, StandardCharsets.UTF_8).strip().equals(live.strip());
      Files.writeString(CONTRACT, live, StandardCharsets.UTF_8);
      fail(
          "-Dopenapi.update=true wrote "
              + CONTRACT
              + (changed ? " (it changed)" : " (unchanged)")
              + "; review the diff and run again without the flag. An update run never passes.");
    }
    String published = Files.readString(CONTRACT, StandardCharsets.UTF_8);
    assertEquals(
        published.strip(),
        live.strip(),
        "The OpenAPI document changed; regenerate openapi/openapi.yaml (see the README)");
  }

  @Test
  void swaggerUiIsServed() {
    given().get("/q/swagger-ui/").then().statusCode(200);
  }
}
