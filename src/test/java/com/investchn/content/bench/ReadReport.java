package com.investchn.content.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * The figures of one configuration (database and cache mode): every run of every scenario at every
 * connection level, rendered as one Markdown table per level with medians over the rounds and every
 * throughput also as a ratio to {@code GET /api/v1/site} and to nginx.
 */
final class ReadReport {

  /**
   * One measured run of a read: {@code databaseCpuNanos} is -1 when the database runs inside the
   * service, {@code nginx} null when the ceiling is not measured.
   */
  record Run(
      Wrk.Result service,
      long cpuNanos,
      long databaseCpuNanos,
      long peakRssKiB,
      Wrk.Result nginx) {}

  static final String BASELINE = "site";

  private final String title;
  private final List<String> facts;
  private final List<ReadScenarios.Resolved> scenarios;
  private final List<ReadScenarios.Skipped> skipped;
  private final Map<Integer, Map<String, List<Run>>> runs =
      new TreeMap<>(Comparator.reverseOrder());

  ReadReport(
      String title,
      List<String> facts,
      List<ReadScenarios.Resolved> scenarios,
      List<ReadScenarios.Skipped> skipped) {
    this.title = title;
    this.facts = facts;
    this.scenarios = scenarios;
    this.skipped = skipped;
  }

  void add(int connections, String scenario, Run run) {
    runs.computeIfAbsent(connections, c -> new LinkedHashMap<>())
        .computeIfAbsent(scenario, s -> new ArrayList<>())
        .add(run);
  }

  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("### ").append(title).append("\n\n");
    for (String fact : facts) {
      md.append("- ").append(fact).append('\n');
    }
    for (Map.Entry<Integer, Map<String, List<Run>>> level : runs.entrySet()) {
      md.append("\n#### ").append(level.getKey()).append(" connections\n\n");
      table(md, level.getValue());
    }
    md.append("\nReads:\n\n");
    for (ReadScenarios.Resolved scenario : scenarios) {
      md.append("- `")
          .append(scenario.name())
          .append("`: ")
          .append(scenario.scenario().description());
      if (scenario.note() != null) {
        md.append(" — **").append(scenario.note()).append("**");
      }
      md.append('\n');
    }
    if (!skipped.isEmpty()) {
      md.append("\nSkipped:\n\n");
      for (ReadScenarios.Skipped skip : skipped) {
        md.append("- `")
            .append(skip.scenario().name())
            .append("`: ")
            .append(skip.reason())
            .append('\n');
      }
    }
    return md.toString();
  }

  private static void table(StringBuilder md, Map<String, List<Run>> byScenario) {
    md.append(
        "| read | req/s | × site | p50 ms | p99 ms | non-2xx/3xx | socket errors | CPU ms/req |"
            + " DB CPU ms/req | peak RSS MiB | nginx req/s | × nginx |\n");
    md.append(
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    double site =
        byScenario.containsKey(BASELINE)
            ? median(byScenario.get(BASELINE), run -> run.service().requestsPerSecond())
            : Double.NaN;
    for (Map.Entry<String, List<Run>> entry : byScenario.entrySet()) {
      List<Run> runs = entry.getValue();
      double rps = median(runs, run -> run.service().requestsPerSecond());
      double p50 = median(runs, run -> run.service().p50Micros() / 1000);
      double p99 = median(runs, run -> run.service().p99Micros() / 1000);
      long statusErrors = runs.stream().mapToLong(run -> run.service().statusErrors()).sum();
      long socketErrors = runs.stream().mapToLong(run -> run.service().socketErrors()).sum();
      double cpu =
          median(
              runs,
              run ->
                  run.service().requests() == 0
                      ? Double.NaN
                      : run.cpuNanos() / 1e6 / run.service().requests());
      boolean external = runs.stream().allMatch(run -> run.databaseCpuNanos() >= 0);
      double databaseCpu =
          median(
              runs,
              run ->
                  run.service().requests() == 0
                      ? Double.NaN
                      : run.databaseCpuNanos() / 1e6 / run.service().requests());
      long rss = runs.stream().mapToLong(Run::peakRssKiB).max().orElse(0) / 1024;
      boolean ceiling = runs.stream().allMatch(run -> run.nginx() != null);
      double nginx = ceiling ? median(runs, run -> run.nginx().requestsPerSecond()) : Double.NaN;
      md.append("| `")
          .append(entry.getKey())
          .append("` | ")
          .append(rate(rps))
          .append(" | ")
          .append(ratio(rps / site))
          .append(" | ")
          .append(significant(p50))
          .append(" | ")
          .append(significant(p99))
          .append(" | ")
          .append(String.format(Locale.ROOT, "%,d", statusErrors))
          .append(" | ")
          .append(String.format(Locale.ROOT, "%,d", socketErrors))
          .append(" | ")
          .append(significant(cpu))
          .append(" | ")
          .append(external ? significant(databaseCpu) : "–")
          .append(" | ")
          .append(rss)
          .append(" | ")
          .append(ceiling ? rate(nginx) : "–")
          .append(" | ")
          .append(ceiling ? ratio(rps / nginx) : "–")
          .append(" |\n");
    }
  }

  static double median(List<Run> runs, ToDoubleFunction<Run> value) {
    double[] values =
        runs.stream().mapToDouble(value).filter(v -> !Double.isNaN(v)).sorted().toArray();
    if (values.length == 0) {
      return Double.NaN;
    }
    int middle = values.length / 2;
    return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
  }

  static String rate(double value) {
    if (Double.isNaN(value)) {
      return "–";
    }
    if (value >= 100) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    return significant(value);
  }

  static String ratio(double value) {
    return Double.isNaN(value) || Double.isInfinite(value) ? "–" : significant(value) + "×";
  }

  /** Three significant digits, never in exponent notation. */
  static String significant(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return "–";
    }
    if (value == 0) {
      return "0";
    }
    double magnitude = Math.abs(value);
    int decimals = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3;
    if (magnitude < 0.01) {
      decimals = 4;
    }
    return String.format(Locale.ROOT, "%,." + decimals + "f", value);
  }
}
