package com.investchn.content.search;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the search index in readiness as data, always UP: while it builds only search answers
 * 503, everything else serves, so a building index must not take the instance out of rotation.
 */
@ApplicationScoped
public class SearchHealth {

  private final SearchIndex index;

  public SearchHealth(SearchIndex index) {
    this.index = index;
  }

  @Readiness
  HealthCheck readiness() {
    return () ->
        HealthCheckResponse.named("search index")
            .up()
            .withData("built", index.ready())
            .withData("appliedSeq", index.appliedSeq())
            .withData("lagSeqs", index.lagSeqs())
            .withData(
                "lagSeconds", String.format(java.util.Locale.ROOT, "%.3f", index.lagSeconds()))
            .withData("documents", index.documents())
            .build();
  }
}
