package com.investchn.content.admin;

import static com.investchn.content.admin.AdminSupport.ARTICLES;
import static com.investchn.content.admin.AdminSupport.BOOTSTRAP;
import static com.investchn.content.admin.AdminSupport.JSON;
import static com.investchn.content.admin.AdminSupport.MERGE_PATCH;
import static com.investchn.content.admin.AdminSupport.as;
import static com.investchn.content.admin.AdminSupport.json;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.investchn.content.support.ApiTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Article bodies are sanitized on write: a catalogue of known XSS payloads comes back harmless,
 * while the markup of a news article and video players from configured hosts stay.
 */
@QuarkusTest
class SanitizerTest extends ApiTest {

  private static final String LEAD = "<p>新闻正文</p>";

  /** Markup that must never come back, as a tag: anything that runs, loads or submits. */
  private static final List<String> FORBIDDEN_TAGS =
      List.of(
          "<script",
          "<style",
          "<svg",
          "<math",
          "<object",
          "<embed",
          "<applet",
          "<form",
          "<input",
          "<button",
          "<textarea",
          "<select",
          "<meta",
          "<base",
          "<link",
          "<frame",
          "<frameset",
          "<body",
          "<html",
          "<head",
          "<title",
          "<xml",
          "<template",
          "<noscript",
          "<video",
          "<audio",
          "<source",
          "<details",
          "<marquee",
          "<isindex",
          "<iframe");

  /** Strings that must not occur in the markup (tags and attributes, text aside). */
  private static final List<String> FORBIDDEN_IN_MARKUP =
      List.of(
          "javascript:",
          "vbscript:",
          "data:",
          "onerror",
          "onload",
          "onclick",
          "onmouseover",
          "onfocus",
          "ontoggle",
          "onbegin",
          "onstart",
          "style=",
          "srcdoc",
          "formaction",
          "xlink:",
          "expression(",
          "background=",
          "dynsrc",
          "lowsrc",
          "http-equiv");

  private final AdminSupport.Created created = new AdminSupport.Created();

  @AfterEach
  void deleteWhatTheTestCreated() {
    created.deleteAll();
  }

  static Stream<Arguments> xssPayloads() {
    return Stream.of(
        Arguments.of("script tag", "<script>alert(1)</script>"),
        Arguments.of("script tag, mixed case", "<ScRiPt>alert(1)</sCrIpT>"),
        Arguments.of("script with src", "<script src=\"https://evil.example/x.js\"></script>"),
        Arguments.of("split script tag", "<scr<script>ipt>alert(1)</scr</script>ipt>"),
        Arguments.of("unclosed script", "<script>alert(1)"),
        Arguments.of("img onerror", "<img src=x onerror=alert(1)>"),
        Arguments.of(
            "img onerror on an allowed image",
            "<img src=\"https://static.investchn.com/a.png\" onerror=\"alert(1)\">"),
        Arguments.of("img javascript src", "<IMG SRC=JaVaScRiPt:alert('XSS')>"),
        Arguments.of(
            "img data src", "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">"),
        Arguments.of(
            "img srcset",
            "<img src=\"https://static.investchn.com/a.png\" srcset=\"javascript:alert(1)\">"),
        Arguments.of(
            "script text in an attribute value",
            "<img alt=\"<script>alert(1)</script>\" src=\"https://static.investchn.com/a.png\">"),
        Arguments.of(
            "attribute breakout",
            "<a href=\"https://www.investchn.com/\" title='\"><script>alert(1)</script>'>x</a>"),
        Arguments.of(
            "img dynsrc and lowsrc",
            "<img dynsrc=\"javascript:alert(1)\" lowsrc=\"javascript:alert(1)\">"),
        Arguments.of("a javascript href", "<a href=\"javascript:alert(1)\">点击</a>"),
        Arguments.of("a JaVaScRiPt href", "<a href=\"JaVaScRiPt:alert(1)\">点击</a>"),
        Arguments.of("a href with a tab entity", "<a href=\"jav&#x09;ascript:alert(1)\">点击</a>"),
        Arguments.of(
            "a href with a newline and leading space",
            "<a href=\" &#14;  java\nscript:alert(1)\">点击</a>"),
        Arguments.of(
            "a href fully entity-encoded",
            "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">点击</a>"),
        Arguments.of(
            "a href hex entities without semicolons",
            "<a href=\"&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)\">点击</a>"),
        Arguments.of("a href &colon;", "<a href=\"javascript&colon;alert(1)\">点击</a>"),
        Arguments.of(
            "a data href",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">点击</a>"),
        Arguments.of("a vbscript href", "<a href=\"vbscript:msgbox(1)\">点击</a>"),
        Arguments.of(
            "a onclick on an allowed link",
            "<a href=\"https://www.investchn.com/\" onclick=\"alert(1)\">投促中国</a>"),
        Arguments.of("p onmouseover", "<p onmouseover=\"alert(1)\">悬停</p>"),
        Arguments.of(
            "table background",
            "<table background=\"javascript:alert(1)\"><tr><td>x</td></tr></table>"),
        Arguments.of(
            "blockquote javascript cite",
            "<blockquote cite=\"javascript:alert(1)\">引用</blockquote>"),
        Arguments.of("svg onload", "<svg onload=alert(1)>"),
        Arguments.of("svg script", "<svg><script>alert(1)</script></svg>"),
        Arguments.of("svg animate", "<svg><animate onbegin=alert(1) attributeName=x dur=1s>"),
        Arguments.of(
            "svg xlink href",
            "<svg><a xlink:href=\"javascript:alert(1)\"><text x=\"20\" y=\"20\">点</text></a></svg>"),
        Arguments.of("style tag", "<style>body{background:url(javascript:alert(1))}</style>"),
        Arguments.of("style import", "<style>@import 'https://evil.example/x.css';</style>"),
        Arguments.of(
            "style attribute with url", "<p style=\"background:url(javascript:alert(1))\">样式</p>"),
        Arguments.of(
            "style attribute with expression",
            "<div style=\"width: expression(alert(1));\">样式</div>"),
        Arguments.of(
            "link stylesheet", "<link rel=\"stylesheet\" href=\"https://evil.example/x.css\">"),
        Arguments.of("iframe from elsewhere", "<iframe src=\"https://evil.example/\"></iframe>"),
        Arguments.of("iframe javascript", "<iframe src=\"javascript:alert(1)\"></iframe>"),
        Arguments.of(
            "iframe srcdoc", "<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>"),
        Arguments.of("frameset", "<frameset><frame src=\"https://evil.example/\"></frameset>"),
        Arguments.of(
            "object",
            "<object data=\"https://evil.example/x.swf\" type=\"application/x-shockwave-flash\"></object>"),
        Arguments.of("embed", "<embed src=\"https://evil.example/x.swf\">"),
        Arguments.of("applet", "<applet code=\"Evil.class\"></applet>"),
        Arguments.of(
            "form action", "<form action=\"javascript:alert(1)\"><button>提交</button></form>"),
        Arguments.of("button formaction", "<button formaction=\"javascript:alert(1)\">按钮</button>"),
        Arguments.of("input autofocus onfocus", "<input autofocus onfocus=alert(1)>"),
        Arguments.of("details ontoggle", "<details open ontoggle=alert(1)>"),
        Arguments.of("video source onerror", "<video><source onerror=\"alert(1)\"></video>"),
        Arguments.of("marquee onstart", "<marquee onstart=alert(1)>跑马灯</marquee>"),
        Arguments.of("body onload", "<body onload=alert(1)>"),
        Arguments.of(
            "meta refresh", "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">"),
        Arguments.of("base href", "<base href=\"javascript:alert(1)//\">"),
        Arguments.of(
            "math mXSS",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>"),
        Arguments.of("math href", "<math href=\"javascript:alert(1)\">CLICK</math>"),
        Arguments.of(
            "noscript mXSS",
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>"),
        Arguments.of("template", "<template><script>alert(1)</script></template>"),
        Arguments.of("comment", "<!--<script>alert(1)</script>-->"),
        Arguments.of(
            "conditional comment", "<!--[if gte IE 4]><script>alert(1)</script><![endif]-->"),
        Arguments.of("cdata", "<![CDATA[<script>alert(1)</script>]]>"),
        Arguments.of(
            "xml namespace",
            "<xml><x:script xmlns:x=\"http://www.w3.org/1999/xhtml\">alert(1)</x:script></xml>"),
        Arguments.of(
            "textarea breakout", "<textarea></textarea><script>alert(1)</script></textarea>"),
        Arguments.of("title breakout", "<title></title><img src=x onerror=alert(1)></title>"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("xssPayloads")
  void anXssPayloadIsRemovedOnCreate(String name, String payload) {
    Map<String, Object> input =
        AdminSupport.article("XSS " + name, fixtures.id("policies"), fixtures.id("suzhou"));
    input.put("body", LEAD + payload);
    Response response = created.post(BOOTSTRAP, ARTICLES, input);
    String body = response.path("body");
    assertHarmless(name, body);
    assertTrue(body.startsWith(LEAD), name + ": " + body);
    String summary = response.path("summary");
    assertFalse(summary.toLowerCase(Locale.ROOT).contains("<script"), summary);
    // Stored that way, not only answered that way.
    assertEquals(body, as(BOOTSTRAP).get(ARTICLES + "/" + response.path("id")).path("body"));
  }

  @Test
  void everyPayloadAtOnceIsRemovedOnReplaceAndPatchAndThePublicApiServesTheCleanBody() {
    String all =
        LEAD
            + xssPayloads()
                .map(arguments -> (String) arguments.get()[1])
                .reduce("", (left, right) -> left + "<p>" + right + "</p>");
    Map<String, Object> input =
        AdminSupport.article("全部XSS", fixtures.id("policies"), fixtures.id("suzhou"));
    Response draft = created.post(BOOTSTRAP, ARTICLES, input);
    long id = draft.<Integer>path("id");

    input.put("body", all);
    input.put("status", "published");
    input.put("publishedAt", "2020-01-01T08:00:00+08:00");
    Response replaced =
        as(BOOTSTRAP)
            .header("If-Match", draft.header("ETag"))
            .contentType(JSON)
            .body(json(input))
            .put(ARTICLES + "/" + id);
    assertEquals(200, replaced.statusCode(), replaced.asString());
    assertHarmless("PUT", replaced.path("body"));
    String served =
        given().get("/api/v1/articles/" + id).then().statusCode(200).extract().path("body");
    assertEquals(replaced.<String>path("body"), served);
    assertHarmless("public detail", served);

    Response patched =
        as(BOOTSTRAP)
            .header("If-Match", replaced.header("ETag"))
            .contentType(MERGE_PATCH)
            .body(json(Map.of("body", "<p>补丁</p>" + all)))
            .patch(ARTICLES + "/" + id);
    assertEquals(200, patched.statusCode(), patched.asString());
    assertHarmless("PATCH", patched.path("body"));
    assertTrue(patched.<String>path("body").startsWith("<p>补丁</p>"));
  }

  @Test
  void theMarkupOfANewsArticleSurvives() {
    String news =
        "<h2>项目概况</h2>"
            + "<h3>签约情况</h3>"
            + "<p>6月21日，<strong>北京经济技术开发区</strong>举办<em>重点项目</em>集中签约活动，"
            + "<b>23个</b>项目签约，<i>总投资</i>超<u>300亿元</u>。<br>详情见下文。</p>"
            + "<ul><li>集成电路</li><li>生物医药</li></ul>"
            + "<ol><li>第一批</li><li>第二批</li></ol>"
            + "<blockquote>“开发区将持续优化营商环境。”</blockquote>"
            + "<p><a href=\"https://www.bda.gov.cn/news/1.html\">原文链接</a> "
            + "<a href=\"http://www.investchn.com/\">投促中国</a> "
            + "<a href=\"mailto:info@investchn.com\">来信</a></p>"
            + "<p><img src=\"https://static.investchn.com/photos/signing.jpg\" alt=\"签约现场\""
            + " width=\"640\" height=\"360\"></p>"
            + "<table><thead><tr><th>项目</th><th>投资额</th></tr></thead>"
            + "<tbody><tr><td>芯片</td><td>120亿元</td></tr></tbody></table>"
            + "<figure><img src=\"https://static.investchn.com/photos/2.jpg\" alt=\"园区\">"
            + "<figcaption>园区全景</figcaption></figure><hr>"
            + "<p>1 &lt; 2 &amp; 3 &gt; 2</p>";
    Map<String, Object> input =
        AdminSupport.article("新闻排版", fixtures.id("policies"), fixtures.id("suzhou"));
    input.put("body", news);
    String body = created.post(BOOTSTRAP, ARTICLES, input).path("body");
    assertHarmless("news", body);
    for (String kept :
        List.of(
            "<h2>项目概况</h2>",
            "<h3>签约情况</h3>",
            "<strong>北京经济技术开发区</strong>",
            "<em>重点项目</em>",
            "<b>23个</b>",
            "<i>总投资</i>",
            "<u>300亿元</u>",
            "<br>",
            "<ul><li>集成电路</li><li>生物医药</li></ul>",
            "<ol><li>第一批</li><li>第二批</li></ol>",
            "<blockquote>“开发区将持续优化营商环境。”</blockquote>",
            "href=\"https://www.bda.gov.cn/news/1.html\"",
            "href=\"http://www.investchn.com/\"",
            "href=\"mailto:info@investchn.com\"",
            ">原文链接</a>",
            "src=\"https://static.investchn.com/photos/signing.jpg\"",
            "alt=\"签约现场\"",
            "<th>项目</th>",
            "<td>120亿元</td>",
            "<figcaption>园区全景</figcaption>",
            "<hr>",
            "<p>1 &lt; 2 &amp; 3 &gt; 2</p>")) {
      assertTrue(body.contains(kept), "lost " + kept + " in " + body);
    }
    Document document = Jsoup.parseBodyFragment(body);
    assertEquals(3, document.select("a[href]").size(), body);
    assertEquals(2, document.select("img[src]").size(), body);
    assertEquals(2, document.select("table td").size(), body);
  }

  @Test
  void linksOnlyKeepHttpHttpsAndMailto() {
    Map<String, Object> input =
        AdminSupport.article("链接协议", fixtures.id("policies"), fixtures.id("suzhou"));
    input.put(
        "body",
        "<p><a href=\"ftp://files.example.com/a.zip\">ftp</a>"
            + "<a href=\"tel:+8651253660867\">tel</a>"
            + "<a href=\"/relative/path\">relative</a>"
            + "<a href=\"https://ok.example/\">ok</a></p>");
    String body = created.post(BOOTSTRAP, ARTICLES, input).path("body");
    Document document = Jsoup.parseBodyFragment(body);
    assertEquals(
        List.of("https://ok.example/"),
        document.select("a[href]").stream().map(a -> a.attr("href")).toList(),
        body);
    assertTrue(body.contains(">ftp</a>") && body.contains(">relative</a>"), "texts stay: " + body);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://player.bilibili.com/player.html?bvid=BV1GJ411x7h7&page=1",
        "https://v.qq.com/txp/iframe/player.html?vid=x3412ed1r",
        "https://player.youku.com/embed/XNTg0NDQ1NjY4MA=="
      })
  void aVideoPlayerFromAConfiguredHostSurvives(String src) {
    Map<String, Object> input =
        AdminSupport.article("视频新闻", fixtures.id("policies"), fixtures.id("suzhou"));
    input.put(
        "body",
        LEAD
            + "<iframe src=\""
            + src.replace("&", "&amp;")
            + "\" width=\"640\" height=\"360\" allowfullscreen"
            + " onload=\"alert(1)\" srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\""
            + " style=\"position:fixed\"></iframe>");
    String body = created.post(BOOTSTRAP, ARTICLES, input).path("body");
    Document document = Jsoup.parseBodyFragment(body);
    List<Element> iframes = document.select("iframe");
    assertEquals(1, iframes.size(), body);
    Element iframe = iframes.get(0);
    assertEquals(src, iframe.attr("src"));
    assertEquals("640", iframe.attr("width"));
    assertEquals("360", iframe.attr("height"));
    assertTrue(iframe.hasAttr("allowfullscreen"), body);
    assertFalse(
        iframe.hasAttr("onload") || iframe.hasAttr("srcdoc") || iframe.hasAttr("style"), body);
  }

  @Test
  void anAllowedIframeKeepsNoChildren() {
    Map<String, Object> input =
        AdminSupport.article("带子节点的视频", fixtures.id("policies"), fixtures.id("suzhou"));
    input.put(
        "body",
        LEAD
            + "<iframe src=\"https://player.youku.com/embed/x\">"
            + "<img src=x onerror=alert(1)><p>fallback</p></iframe>");
    String body = created.post(BOOTSTRAP, ARTICLES, input).path("body");
    assertEquals(LEAD + "<iframe src=\"https://player.youku.com/embed/x\"></iframe>", body);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://player.bilibili.com/player.html?bvid=BV1GJ411x7h7",
        "https://player.bilibili.com.evil.example/player.html",
        "https://evil.example/player.bilibili.com/",
        "https://evil.example/?u=https://player.bilibili.com/",
        "https://player.bilibili.com@evil.example/",
        "//player.bilibili.com/player.html",
        "https://bilibili.com/video/BV1GJ411x7h7",
        "https://www.youtube.com/embed/dQw4w9WgXcQ",
        "javascript://player.bilibili.com/%0aalert(1)",
        "data:text/html,player.bilibili.com"
      })
  void anIframeFromAnyOtherPlaceIsRemoved(String src) {
    Map<String, Object> input =
        AdminSupport.article("外站视频", fixtures.id("policies"), fixtures.id("suzhou"));
    input.put("body", LEAD + "<iframe src=\"" + src + "\" width=\"640\"></iframe>");
    String body = created.post(BOOTSTRAP, ARTICLES, input).path("body");
    assertEquals(LEAD, body);
  }

  @Test
  void theSummaryIsPlainTextOfTheSanitizedBodyWhenNotGiven() {
    Map<String, Object> input =
        AdminSupport.article("摘要来源", fixtures.id("policies"), fixtures.id("suzhou"));
    input.put(
        "body",
        "<p>开头<script>document.write('恶意脚本')</script>结尾</p>"
            + "<style>p{color:red}</style><p>1 &lt; 2 &amp; 3</p><!-- 注释 -->"
            + "<p><img src=x onerror=alert('图片')>第三段</p>");
    Response response = created.post(BOOTSTRAP, ARTICLES, input);
    assertEquals("开头结尾 1 < 2 & 3 第三段", response.path("summary"));

    // Long bodies give 120 characters and an ellipsis, cut between characters.
    String sentence = "开发区优化营商环境，吸引外资企业落户。";
    Map<String, Object> longer =
        AdminSupport.article("长正文摘要", fixtures.id("policies"), fixtures.id("suzhou"));
    longer.put("body", "<p>" + sentence.repeat(10) + "</p><script>alert('x')</script>");
    String summary = created.post(BOOTSTRAP, ARTICLES, longer).path("summary");
    assertEquals(sentence.repeat(10).substring(0, 120) + "…", summary);

    // A given summary is kept as plain text.
    Map<String, Object> explicit =
        AdminSupport.article("给定摘要", fixtures.id("policies"), fixtures.id("suzhou"));
    explicit.put("summary", "<b>重点</b>摘要<script>alert(1)</script>");
    assertEquals("重点摘要", created.post(BOOTSTRAP, ARTICLES, explicit).path("summary"));
  }

  /** Fails unless the HTML is free of anything that can run code or load foreign content. */
  private static void assertHarmless(String name, String body) {
    String lower = body.toLowerCase(Locale.ROOT);
    for (String tag : FORBIDDEN_TAGS) {
      assertFalse(lower.contains(tag), name + ": contains " + tag + " in " + body);
    }
    String markup = markupOnly(body).toLowerCase(Locale.ROOT);
    for (String forbidden : FORBIDDEN_IN_MARKUP) {
      assertFalse(markup.contains(forbidden), name + ": contains " + forbidden + " in " + body);
    }
    Document document = Jsoup.parseBodyFragment(body);
    for (Element element : document.body().getAllElements()) {
      for (Attribute attribute : element.attributes()) {
        String key = attribute.getKey().toLowerCase(Locale.ROOT);
        assertFalse(key.startsWith("on"), name + ": event handler " + key + " in " + body);
        if (List.of("href", "src", "cite").contains(key)) {
          String value = attribute.getValue().strip().toLowerCase(Locale.ROOT);
          assertTrue(
              value.startsWith("https://")
                  || value.startsWith("http://")
                  || (key.equals("href") && value.startsWith("mailto:")),
              name + ": " + key + "=" + value + " in " + body);
        }
      }
    }
  }

  /** The HTML with every text node emptied: only tags and attributes are left. */
  private static String markupOnly(String body) {
    Document document = Jsoup.parseBodyFragment(body);
    document
        .body()
        .getAllElements()
        .forEach(element -> element.textNodes().forEach(TextNode::remove));
    document.outputSettings().prettyPrint(false);
    return document.body().html();
  }
}
