package com.investchn.content.common.web;

/** Example payloads shown in Swagger UI, kept together so they are easy to keep true. */
public final class OpenApiExamples {

  private OpenApiExamples() {}

  public static final String PROBLEM_INVALID_PARAMETER =
      """
      {
        "type": "https://api.investchn.com/problems/invalid-parameter",
        "title": "Invalid parameter",
        "status": 400,
        "detail": "Query parameter 'size' must be an integer from 1 to 100, got '500'.",
        "instance": "/api/v1/articles",
        "parameter": "size",
        "requestId": "5d0a3c2e-7a51-4d3b-9a0e-2f8c1b7e9d41"
      }
      """;

  public static final String PROBLEM_NOT_FOUND =
      """
      {
        "type": "https://api.investchn.com/problems/not-found",
        "title": "Resource not found",
        "status": 404,
        "detail": "No article with id or slug 'no-such-article'.",
        "instance": "/api/v1/articles/no-such-article",
        "requestId": "5d0a3c2e-7a51-4d3b-9a0e-2f8c1b7e9d41"
      }
      """;

  public static final String PROBLEM_NOT_IN_LIST =
      """
      {
        "type": "https://api.investchn.com/problems/not-in-list",
        "title": "Article is not in this list",
        "status": 404,
        "detail": "Article 42 is not in the list selected by these parameters.",
        "instance": "/api/v1/articles/42/adjacent",
        "requestId": "5d0a3c2e-7a51-4d3b-9a0e-2f8c1b7e9d41"
      }
      """;

  public static final String SITE =
      """
      {
        "name": "投促中国",
        "nameEn": "InvestCHN.com",
        "slogan": "打造网上国际投资促进平台 致力于中国投资促进事业",
        "baseUrl": "https://www.investchn.com",
        "logoUrl": "https://static.investchn.com/images/logo.png",
        "locale": "zh-CN",
        "timezone": "Asia/Shanghai",
        "phone": "+86-0512-53660867",
        "fax": "+86-0512-53660867",
        "email": "info@investchn.com",
        "address": null,
        "copyright": "Copyright © 2015-2024 InvestCHN.com All Rights Reserved. 版权所有:投促中国",
        "icpLicense": null,
        "updatedAt": "2024-06-21T09:30:00+08:00"
      }
      """;

  public static final String ADJACENT =
      """
      {
        "previous": {
          "id": 320,
          "slug": "etdz-ai-forum-2024-06-24",
          "title": "北京经济技术开发区举办人工智能产业对接会",
          "publishedAt": "2024-06-24T10:00:00+08:00"
        },
        "next": null,
        "context": {
          "category": "text-news",
          "zone": "daxing",
          "publisherZone": null,
          "source": null,
          "from": null,
          "to": null,
          "sort": "publishedAt,desc",
          "list": "/api/v1/articles?category=text-news&zone=daxing&sort=publishedAt,desc"
        }
      }
      """;
}
