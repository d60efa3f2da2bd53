package com.investchn.content.feed;

import com.investchn.content.common.edge.QueryParameters;
import com.investchn.content.common.problem.ProblemException;
import com.investchn.content.common.problem.ProblemType;

/** No sitemap file by that name: a malformed name, a month without articles or a part too far. */
final class SitemapNotFoundException extends ProblemException {

  SitemapNotFoundException(String name) {
    super(
        ProblemType.NOT_FOUND,
        "No sitemap named '"
            + QueryParameters.shown(name)
            + "'; GET /api/v1/sitemap.xml lists every one.",
        null);
  }
}
