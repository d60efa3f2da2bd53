package com.investchn.content.support.contract;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Puts {@link ContractValidation} in front of every test class, whether it extends ApiTest, is a
 * plain JUnit test or an integration test against the packaged service. JUnit finds it through
 * META-INF/services: extension autodetection is on in quarkus-junit's junit-platform.properties,
 * and the pom sets it for Surefire and Failsafe as well.
 *
 * <p>A {@code @QuarkusTest} class and its REST Assured may be loaded by Quarkus's own class loader
 * rather than the one that loaded this extension, so the filter is installed through the test
 * class's loader, where the test's static REST Assured configuration lives.
 */
public class ContractValidationExtension implements BeforeAllCallback, BeforeEachCallback {

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    install(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    install(context);
  }

  private static void install(ExtensionContext context) throws ReflectiveOperationException {
    ClassLoader loader = context.getRequiredTestClass().getClassLoader();
    Class.forName(ContractValidation.class.getName(), true, loader)
        .getMethod("install")
        .invoke(null);
  }
}
