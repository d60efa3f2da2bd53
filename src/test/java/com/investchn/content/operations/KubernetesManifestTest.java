package com.investchn.content.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.File;
import java.io.FileInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The Kubernetes manifests agree with what the service really exposes and how it stops. */
class KubernetesManifestTest {

  private static final File MANIFEST = new File("src/main/kubernetes/content-api.yaml");

  @Test
  void deploymentProbesResourcesAndShutdownFitTheService() throws Exception {
    List<JsonNode> documents = documents();
    JsonNode deployment = kind(documents, "Deployment");
    JsonNode service = kind(documents, "Service");

    JsonNode pod = deployment.at("/spec/template/spec");
    JsonNode container = pod.at("/containers/0");
    assertEquals(8080, container.at("/ports/0/containerPort").asInt());
    assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText());
    assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText());
    assertEquals("/q/health/started", container.at("/startupProbe/httpGet/path").asText());
    // Probes and scraping go to the management interface; the Service exposes only the API.
    Properties application = new Properties();
    try (InputStream in = new FileInputStream("src/main/resources/application.properties")) {
      application.load(in);
    }
    int managementPort = Integer.parseInt(application.getProperty("quarkus.management.port"));
    assertEquals("true", application.getProperty("quarkus.management.enabled"));
    assertEquals("management", container.at("/ports/1/name").asText());
    assertEquals(managementPort, container.at("/ports/1/containerPort").asInt());
    for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
      assertEquals("management", container.at("/" + probe + "/httpGet/port").asText(), probe);
    }
    assertEquals(
        Integer.toString(managementPort),
        deployment.at("/spec/template/metadata/annotations/prometheus.io~1port").asText());
    service
        .at("/spec/ports")
        .forEach(
            port ->
                assertEquals("http", port.at("/targetPort").asText(), "only the API is exposed"));
    assertTrue(container.at("/resources/requests/memory").isTextual());
    assertTrue(container.at("/resources/limits/memory").isTextual());
    assertTrue(deployment.at("/spec/replicas").asInt() >= 2, "several instances");

    List<String> env = new ArrayList<>();
    container.at("/env").forEach(variable -> env.add(variable.get("name").asText()));
    assertTrue(
        env.containsAll(
            List.of(
                "QUARKUS_PROFILE",
                "QUARKUS_DATASOURCE_JDBC_URL",
                "QUARKUS_DATASOURCE_USERNAME",
                "QUARKUS_DATASOURCE_PASSWORD",
                "CONTENT_API_CURSOR_SECRET")),
        env.toString());

    Properties properties = new Properties();
    try (InputStream in = new FileInputStream("src/main/resources/application.properties")) {
      properties.load(in);
    }
    Duration shutdown = Duration.parse("PT" + properties.getProperty("quarkus.shutdown.timeout"));
    assertTrue(
        pod.at("/terminationGracePeriodSeconds").asLong() > shutdown.toSeconds(),
        "Kubernetes must wait longer than the service's own shutdown bound");

    assertEquals(
        deployment.at("/spec/selector/matchLabels"), service.at("/spec/selector"), "selector");
    assertEquals("http", service.at("/spec/ports/0/targetPort").asText());
  }

  private static List<JsonNode> documents() throws Exception {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    List<JsonNode> documents = new ArrayList<>();
    try (YAMLParser parser = new YAMLFactory().createParser(MANIFEST)) {
      yaml.readValues(parser, JsonNode.class).forEachRemaining(documents::add);
    }
    return documents;
  }

  private static JsonNode kind(List<JsonNode> documents, String kind) {
    return documents.stream()
        .filter(document -> kind.equals(document.path("kind").asText()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " in " + MANIFEST));
  }
}
