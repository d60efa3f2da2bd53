package com.investchn.content.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** wrk's result line is read right, and the report divides medians by the site's median. */
class ReadReportTest {

  @Test
  void readsTheResultLineOfTheLuaHook() {
    Wrk.Result result =
        Wrk.parse(
            "Running 5s test @ http://127.0.0.1:1/\n"
                + "WRK-RESULT requests=1000 duration=5000000 bytes=123456 status=3 connect=1"
                + " read=2 write=0 timeout=4 p50=1500 p99=25000\n",
            List.of("wrk"));
    assertEquals(200.0, result.requestsPerSecond(), 1e-9);
    assertEquals(3, result.statusErrors());
    assertEquals(7, result.socketErrors());
    assertEquals(1500, result.p50Micros(), 1e-9);
    assertEquals(25000, result.p99Micros(), 1e-9);
  }

  @Test
  void dividesEachMedianByTheSiteMedianAndByNginx() {
    ReadScenarios.Scenario site = new ReadScenarios.Scenario("site", "the site", false, null);
    ReadScenarios.Scenario list = new ReadScenarios.Scenario("newest-20", "a list", false, null);
    ReadScenarios.Target target = new ReadScenarios.Target("/", Map.of(), null, null);
    ReadReport report =
        new ReadReport(
            "Reads",
            new ArrayList<>(List.of("a fact")),
            List.of(
                new ReadScenarios.Resolved(site, target, new byte[0], 200, null),
                new ReadScenarios.Resolved(list, target, new byte[0], 200, null)),
            List.of());
    // Site: 1,000, 3,000 (an outlier round) and 1,200 req/s; the list: 100, 110 and 90.
    int[] siteRequests = {1000, 3000, 1200};
    int[] listRequests = {100, 110, 90};
    for (int round = 0; round < 3; round++) {
      report.add(32, "site", run(siteRequests[round], 10_000));
      report.add(32, "newest-20", run(listRequests[round], 10_000));
    }
    String markdown = report.markdown();
    assertTrue(markdown.contains("| `site` | 1,200 | 1.00× |"), markdown);
    assertTrue(markdown.contains("| `newest-20` | 100 | 0.083× |"), markdown);
    assertTrue(markdown.contains("| 10,000 | 0.010× |"), markdown);
    assertTrue(markdown.contains("- a fact"), markdown);
  }

  private static ReadReport.Run run(long requests, long nginxRequests) {
    Wrk.Result service = new Wrk.Result(requests, 1_000_000, 0, 0, 0, 1000, 2000);
    Wrk.Result nginx = new Wrk.Result(nginxRequests, 1_000_000, 0, 0, 0, 100, 200);
    return new ReadReport.Run(service, 1_000_000, -1, 400 * 1024, nginx);
  }
}
