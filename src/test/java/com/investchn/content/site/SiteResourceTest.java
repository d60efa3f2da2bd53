package com.investchn.content.site;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import com.investchn.content.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SiteResourceTest extends ApiTest {

  @Test
  void returnsTheSiteRecordWithChineseTextIntact() {
    given()
        .get("/api/v1/site")
        .then()
        .statusCode(200)
        .contentType("application/json")
        .body("name", is("投促中国"))
        .body("nameEn", is("InvestCHN.com"))
        .body("slogan", is("打造网上国际投资促进平台 致力于中国投资促进事业"))
        .body("phone", is("+86-0512-53660867"))
        .body("fax", is("+86-0512-53660867"))
        .body("email", is("info@investchn.com"))
        .body("copyright", is("Copyright © 2015-2024 InvestCHN.com All Rights Reserved. 版权所有:投促中国"))
        .body("locale", is("zh-CN"))
        .body("timezone", is("Asia/Shanghai"))
        .body("address", nullValue())
        .body("icpLicense", nullValue())
        .body("updatedAt", endsWith("+08:00"));
  }
}
