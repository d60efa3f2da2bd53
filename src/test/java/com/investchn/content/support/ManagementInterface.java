package com.investchn.content.support;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Requests to the running test application's management interface (health and metrics), which
 * listens on a port of its own, not on the public one REST Assured points at.
 */
public final class ManagementInterface {

  private ManagementInterface() {}

  /** A REST Assured request aimed at the management interface. */
  public static RequestSpecification given() {
    // Not the API: the contract filter has nothing to say about these answers.
    return RestAssured.given().noFilters().baseUri(url()).port(-1);
  }

  /** The management interface's base address, e.g. {@code http://localhost:41234}. */
  public static String url() {
    // Quarkus gives the interface's root path too (http://localhost:41234/q); the tests name
    // full paths.
    URI root = URI.create(ConfigProvider.getConfig().getValue("test.management.url", String.class));
    return root.getScheme() + "://" + root.getHost() + ":" + root.getPort();
  }
}
