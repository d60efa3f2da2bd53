package com.investchn.content.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.h2.tools.Server;

/**
 * Puts a {@link TcpProxy} between the application and its database: an H2 TCP server of the test's
 * own, or the PostgreSQL server of the -Ppostgres run, so readiness can be tested against a
 * database that really goes away and comes back.
 */
public class ProxiedDatabase implements QuarkusTestResourceLifecycleManager {

  /** The proxy of the running test, for the test to cut and restore. */
  public static volatile TcpProxy proxy;

  private Server h2;

  @Override
  public Map<String, String> start() {
    try {
      Map<String, String> config = new HashMap<>();
      String pgUrl = System.getProperty("test.pg.url");
      if (pgUrl != null) {
        String configured = pgUrl + "?currentSchema=" + System.getProperty("test.pg.schema");
        URI target = URI.create(configured.substring("jdbc:".length()));
        proxy = new TcpProxy(target.getHost(), target.getPort()).start();
        config.put(
            "quarkus.datasource.jdbc.url",
            configured.replace(
                target.getHost() + ":" + target.getPort(), "127.0.0.1:" + proxy.port()));
      } else {
        h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
        proxy = new TcpProxy("127.0.0.1", h2.getPort()).start();
        config.put(
            "quarkus.datasource.jdbc.url",
            "jdbc:h2:tcp://127.0.0.1:" + proxy.port() + "/mem:readiness;DB_CLOSE_DELAY=-1");
      }
      return config;
    } catch (Exception e) {
      throw new IllegalStateException("Cannot start the database proxy", e);
    }
  }

  @Override
  public void stop() {
    try {
      if (proxy != null) {
        proxy.close();
      }
    } catch (Exception e) {
      // The proxy may already be cut.
    }
    if (h2 != null) {
      h2.stop();
    }
  }
}
