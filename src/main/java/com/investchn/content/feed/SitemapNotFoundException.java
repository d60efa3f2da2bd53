package com.investchn.content.feed;

import com.investchn.content.common.web.ProblemException;
import com.investchn.content.common.web.ProblemType;
import com.investchn.content.common.web.QueryParameters;

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
