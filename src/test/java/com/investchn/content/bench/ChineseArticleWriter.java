package com.investchn.content.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes invented investment-promotion news in Chinese from our own phrase pools: a title that fits
 * the channel and an HTML body of about 3 KB (paragraphs, a heading, a list, sometimes a table or a
 * picture). Every choice comes from the caller's seeded random, so output is reproducible.
 */
final class ChineseArticleWriter {

  /** A written article; the body is HTML, everything else plain text. */
  record Article(String title, String body, String source, String author) {}

  /** Bodies end after the paragraph that passes this many UTF-8 bytes, give or take. */
  static final int TARGET_BODY_BYTES = 3000;

  private static final List<String> INDUSTRIES =
      List.of(
          "集成电路", "生物医药", "新能源汽车", "高端装备", "人工智能", "新材料", "现代物流", "数字经济", "跨境电商", "航空航天", "节能环保",
          "智能制造");

  private static final List<String> COMPANY_NAMES =
      List.of("华芯", "瑞达", "恒远", "博睿", "蓝海", "启航", "天工", "星辰", "鼎新", "盛泰", "和信", "远景");

  private static final List<String> COMPANY_TRADES =
      List.of("微电子", "生物科技", "新能源", "精密装备", "智能科技", "新材料", "供应链", "数据科技");

  private static final List<String> COMPANY_FORMS = List.of("有限公司", "股份有限公司", "集团有限公司");

  private static final List<String> AUTHORS =
      List.of("张晓明", "李文静", "王海涛", "陈思远", "刘佳怡", "杨志强", "赵雨桐", "黄建国", "周婷婷", "吴俊杰");

  private static final List<String> SOURCES =
      List.of("{z}管委会", "{c}投资促进局", "{p}商务厅", "投资中国网", "{c}融媒体中心", "综合报道");

  private static final List<String> NEWS_TITLES =
      List.of(
          "{z}召开{y}年重点项目推进会",
          "{z}{n}个重点项目集中开工",
          "{z}优化营商环境再出新举措",
          "{c}{i}产业园建设按下“快进键”",
          "{z}举行{i}产业链企业座谈会",
          "{z}一季度经济运行实现“开门红”");

  private static final List<String> PHOTO_TITLES =
      List.of("图说{z}：{i}项目建设一线见闻", "镜头下的{z}：厂房林立 塔吊轰鸣", "组图：{z}{i}产业园新貌");

  private static final List<String> INVESTMENT_TITLES =
      List.of(
          "{z}赴长三角开展{i}产业专题招商",
          "{co}增资{m}亿元扩建{z}生产基地",
          "{z}签约{n}个{i}项目 总投资{m}亿元",
          "外资企业持续看好{z}：{co}新项目落地",
          "{i}产业集聚效应显现 {z}产值同比增长{pct}%",
          "{p}{i}产业发展观察：从单点突破到集群成势");

  private static final List<String> POLICY_TITLES =
      List.of(
          "{p}出台支持{i}产业高质量发展若干措施",
          "{c}发布{y}年招商引资奖励办法",
          "{z}“惠企十条”政策解读",
          "多部门联合印发推动开发区{i}创新发展的指导意见",
          "{c}进一步降低企业用地用能成本的通知解读");

  private static final List<String> PROJECT_TITLES =
      List.of(
          "{co}{i}项目在{z}开工建设", "总投资{m}亿元的{i}项目落户{z}", "{z}{i}产业园一期主体结构封顶", "{co}{i}生产线在{z}正式投产");

  private static final List<String> EVENT_TITLES =
      List.of(
          "{y}{c}{i}产业投资洽谈会在{z}举行",
          "{z}举办{i}产业发展高峰论坛",
          "{p}开发区招商推介会签约项目{n}个",
          "第{n}届{c}国际{i}博览会开幕");

  private static final List<String> LEADS =
      List.of(
          "{mo}，{z}坚持把招商引资作为经济工作的“一号工程”，围绕{i}产业链上下游开展精准招商。",
          "{mo}，记者从{z}获悉，今年以来该区累计签约项目{n}个，计划总投资{m}亿元，其中外资项目{n2}个。",
          "{mo}，{z}召开专题会议，研究部署{i}产业招商和重点项目建设工作。",
          "{mo}，{c}{i}产业招商推介活动在{z}举行，来自全国各地的{n}家企业代表参加活动。");

  private static final List<String> SENTENCES =
      List.of(
          "{co}相关负责人表示，企业看中的是这里完善的产业配套、充足的人才储备和高效的政务服务。",
          "项目全部建成投产后，预计可实现年产值{m}亿元，新增就业岗位{k}个，年纳税超过{m2}亿元。",
          "管委会对重点项目实行“一企一专班”服务机制，从洽谈、签约到开工建设全程跟踪、限时办结。",
          "{z}持续深化“放管服”改革，推行“拿地即开工”审批模式，企业开办时间压缩至半个工作日。",
          "围绕{i}等主导产业，{z}编制了产业链图谱和招商目标企业清单，做到按图索骥、精准对接。",
          "{c}将加大对{i}领域龙头企业的引进力度，推动补链、延链、强链，打造具有竞争力的产业集群。",
          "园区新建标准厂房{n}万平方米、人才公寓{k}套，配套建设检验检测、中试验证等公共服务平台。",
          "据统计，{y}年前三季度{z}实现规模以上工业总产值{m}亿元，同比增长{pct}%，增速位居全省开发区前列。",
          "在{p}商务厅的指导下，{z}与多家行业协会、投资机构建立了常态化合作机制，拓宽了招商渠道。",
          "与会企业代表围绕技术创新、市场拓展和人才引进等话题进行了深入交流。",
          "下一步，{z}将聚焦{i}产业发展需求，进一步完善要素保障，提升项目落地效率。",
          "{co}计划在三年内将研发投入提高到销售收入的{pct}%以上，建设省级企业技术中心。",
          "该项目总用地面积约{k}亩，主要建设研发中心、生产厂房和智能仓储设施。",
          "政策明确，对新落户的{i}企业，按照实际固定资产投资额给予最高{n}%的奖励。",
          "对年度研发投入超过{k}万元的企业，给予一次性研发补助，并优先推荐申报高新技术企业。",
          "{z}还设立了总规模{m}亿元的产业引导基金，重点投向{i}、{i2}等战略性新兴产业。",
          "活动现场，{n}个项目进行了集中签约，涵盖{i}、{i2}等多个领域。",
          "受访企业普遍反映，{z}的审批服务“跑一次、办到底”，为项目建设节省了大量时间。",
          "{c}港口和铁路物流网络的持续完善，使园区企业的原材料采购与产品出口更加便利。",
          "外资企业在{z}的增资扩产意愿持续增强，{y}年以来新设外商投资企业{n}家。",
          "专家认为，{i}产业正处于技术快速迭代期，开发区应当在应用场景开放和创新生态培育上下功夫。",
          "{z}将继续做好项目服务保障工作，确保签约项目早落地、早开工、早投产、早见效。",
          "会议要求，各部门要压实责任、倒排工期，全力推动重点项目建设提速提效。",
          "园区企业{co}自主研发的新产品已通过客户验证，预计明年实现批量供货。",
          "{p}将开发区建设作为稳增长的重要抓手，对考核优秀的园区在用地指标上给予倾斜。",
          "截至目前，{z}已集聚{i}相关企业{k}家，初步形成从研发设计到生产制造的完整链条。",
          "为解决企业融资难题，{z}联合驻地银行推出“园区贷”产品，累计为中小企业授信{m}亿元。",
          "{z}组建了由{n}名干部组成的驻外招商小分队，常驻重点城市开展点对点对接。",
          "一批延链补链项目的落地，使{z}{i}产业本地配套率提高到{pct}%。",
          "{c}海关在园区设立服务窗口，进出口货物通关时间较上年缩短{pct}%。",
          "今年{z}计划完成固定资产投资{m}亿元，其中产业项目投资占比超过七成。",
          "{co}的新厂区采用数字化车间设计，关键工序数控化率达到{pct}%。",
          "园区内的{i}公共技术服务平台已为{k}家次企业提供检测和研发服务。",
          "{z}与{n}所高校共建实训基地，每年定向输送技术技能人才{k}名。",
          "针对项目建设中的难点，{z}每月召开一次协调会，现场解决用地、用电和用水等问题。",
          "{p}开发区综合考评结果显示，{z}在营商环境和开放水平等单项指标中排名靠前。",
          "{co}负责人介绍，项目从签约到取得施工许可证仅用了{n}天。",
          "{z}积极盘活闲置低效用地，今年以来腾退土地{k}亩，为优质项目落地腾出空间。",
          "业内人士指出，{i}企业选址越来越看重产业生态，而非单纯的土地和税收优惠。",
          "{c}将{z}列为全市{i}产业发展的主阵地，在规划布局和资金安排上给予重点支持。",
          "园区配套的学校、医院和商业综合体陆续投用，职住平衡水平明显提升。",
          "{z}推行企业服务专员制度，为每家规模以上企业配备一名服务专员。",
          "随着一批龙头企业相继投产，{z}{i}产业规模有望在{y}年突破{k}亿元。",
          "{co}表示，将把区域总部和结算中心设在{z}，进一步扩大在华投资。");

  private static final List<String> HEADINGS =
      List.of("项目建设提速", "优化营商环境", "产业集聚成势", "下一步工作安排", "政策要点", "企业声音", "专家观点", "数据速览");

  private static final List<String> BULLETS =
      List.of(
          "加快推进在建项目建设进度",
          "强化用地、用能、用工等要素保障",
          "完善{i}产业链招商图谱",
          "提升政务服务数字化水平",
          "落实惠企政策直达快享",
          "健全重点项目全生命周期服务机制",
          "推进产学研用协同创新",
          "引进培育高层次人才团队");

  private final Random random;

  ChineseArticleWriter(Random random) {
    this.random = random;
  }

  /** Writes one article filed under {@code category} about a zone in a city and province. */
  Article write(String category, String zone, String city, String province, int year) {
    Slots slots = new Slots(zone, city, province, year, pick(INDUSTRIES), company());
    String title = slots.fill(pick(titles(category)));
    StringBuilder body = new StringBuilder(4096);
    body.append("<p>").append(slots.fill(pick(LEADS))).append(sentences(slots, 2)).append("</p>");
    if (category.equals("photo-news")) {
      body.append("<p><img src=\"https://static.investchn.example/bench/photo-")
          .append(random.nextInt(100_000))
          .append(".jpg\" alt=\"")
          .append(slots.zone)
          .append("项目建设现场\"></p>");
    }
    int target = TARGET_BODY_BYTES - 300 + random.nextInt(600);
    int paragraphs = 0;
    while (bytes(body) < target) {
      paragraphs++;
      if (paragraphs == 2) {
        body.append("<h2>").append(pick(HEADINGS)).append("</h2>");
      }
      if (paragraphs == 3) {
        body.append("<ul>");
        List<String> bullets = new ArrayList<>(BULLETS);
        Collections.shuffle(bullets, random);
        for (String bullet : bullets.subList(0, 3 + random.nextInt(2))) {
          body.append("<li>").append(slots.fill(bullet)).append("</li>");
        }
        body.append("</ul>");
      } else if (paragraphs == 4 && random.nextInt(3) == 0) {
        body.append(table(slots));
      } else {
        body.append("<p>").append(sentences(slots, 3 + random.nextInt(2))).append("</p>");
      }
    }
    String source = slots.fill(pick(SOURCES));
    return new Article(title, body.toString(), source, pick(AUTHORS));
  }

  private List<String> titles(String category) {
    return switch (category) {
      case "photo-news" -> PHOTO_TITLES;
      case "investment", "investment-news", "foreign-investment", "industry-trends" ->
          INVESTMENT_TITLES;
      case "policies", "national-policies", "local-policies" -> POLICY_TITLES;
      case "projects", "manufacturing-projects", "semiconductor-projects", "services-projects" ->
          PROJECT_TITLES;
      case "events", "forums", "expos" -> EVENT_TITLES;
      default -> NEWS_TITLES;
    };
  }

  private String sentences(Slots slots, int count) {
    StringBuilder text = new StringBuilder();
    for (int s = 0; s < count; s++) {
      text.append(slots.fill(slots.nextSentence()));
    }
    return text.toString();
  }

  private String table(Slots slots) {
    StringBuilder table =
        new StringBuilder(
            "<table><thead><tr><th>项目</th><th>投资额（亿元）</th><th>进度</th></tr></thead><tbody>");
    for (int row = 0, rows = 3 + random.nextInt(3); row < rows; row++) {
      table
          .append("<tr><td>")
          .append(company())
          .append(slots.fill("{i2}项目"))
          .append("</td><td>")
          .append(slots.fill("{m}"))
          .append("</td><td>")
          .append(random.nextBoolean() ? "已开工" : "前期手续办理中")
          .append("</td></tr>");
    }
    return table.append("</tbody></table>").toString();
  }

  private String company() {
    return pick(COMPANY_NAMES) + pick(COMPANY_TRADES) + pick(COMPANY_FORMS);
  }

  private <T> T pick(List<T> pool) {
    return pool.get(random.nextInt(pool.size()));
  }

  private static int bytes(CharSequence text) {
    return text.toString().getBytes(StandardCharsets.UTF_8).length;
  }

  /** The story's fixed facts, and fresh figures each time a template asks for one. */
  private final class Slots {
    final String zone;
    final String city;
    final String province;
    final int year;
    final String industry;
    final String company;

    Slots(String zone, String city, String province, int year, String industry, String company) {
      this.zone = zone;
      this.city = city;
      this.province = province;
      this.year = year;
      this.industry = industry;
      this.company = company;
    }

    private final List<String> deck = new ArrayList<>(SENTENCES);
    private int dealt = deck.size();

    /** Sentences without repeats within an article until the pool runs out. */
    String nextSentence() {
      if (dealt == deck.size()) {
        Collections.shuffle(deck, random);
        dealt = 0;
      }
      return deck.get(dealt++);
    }

    String fill(String template) {
      StringBuilder out = new StringBuilder(template.length() + 32);
      int i = 0;
      while (i < template.length()) {
        char ch = template.charAt(i);
        int close = ch == '{' ? template.indexOf('}', i) : -1;
        if (close < 0) {
          out.append(ch);
          i++;
          continue;
        }
        out.append(value(template.substring(i + 1, close)));
        i = close + 1;
      }
      return out.toString();
    }

    private String value(String slot) {
      return switch (slot) {
        case "z" -> zone;
        case "c" -> city;
        case "p" -> province;
        case "y" -> Integer.toString(year);
        case "i" -> industry;
        case "i2" -> pick(INDUSTRIES);
        case "co" -> company;
        case "n" -> Integer.toString(2 + random.nextInt(39));
        case "n2" -> Integer.toString(1 + random.nextInt(20));
        case "k" -> Integer.toString(100 + random.nextInt(2900));
        case "m" ->
            String.format(Locale.ROOT, "%d.%d", 1 + random.nextInt(200), random.nextInt(10));
        case "m2" -> String.format(Locale.ROOT, "%d.%d", random.nextInt(20), 1 + random.nextInt(9));
        case "pct" ->
            String.format(Locale.ROOT, "%d.%d", 3 + random.nextInt(33), random.nextInt(10));
        case "mo" -> (1 + random.nextInt(12)) + "月" + (1 + random.nextInt(28)) + "日";
        default -> throw new IllegalArgumentException("unknown slot {" + slot + "}");
      };
    }
  }
}
