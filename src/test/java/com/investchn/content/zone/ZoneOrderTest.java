package com.investchn.content.zone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.investchn.content.common.tree.Forest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Zones are ordered as a Chinese reader expects: by the pinyin of their names. */
class ZoneOrderTest {

  private static ZoneInfo zone(long id, String name, Long parentId) {
    return new ZoneInfo(id, "z" + id, name, null, ZoneKind.PROVINCE, null, null, parentId);
  }

  @Test
  void siblingsComeInPinyinOrderNotInCodePointOrder() {
    // Code point order would be 上海市 (U+4E0A), 北京市 (U+5317), 四川省 (U+56DB), 天津市 (U+5929).
    List<ZoneInfo> provinces =
        List.of(
            zone(1, "天津市", null), zone(2, "上海市", null), zone(3, "四川省", null), zone(4, "北京市", null));
    Forest<ZoneInfo> tree =
        Forest.of(provinces, ZoneInfo::id, ZoneInfo::parentId, ZoneInfo::slug, ZoneCatalog.BY_NAME);

    assertEquals(
        List.of("北京市", "上海市", "四川省", "天津市"), tree.roots().stream().map(ZoneInfo::name).toList());
    assertEquals(
        List.of("北京市", "上海市", "四川省", "天津市"), tree.all().stream().map(ZoneInfo::name).toList());
  }

  @Test
  void childrenOfOneParentAndEqualNamesByIdComeInPinyinOrderToo() {
    List<ZoneInfo> zones =
        List.of(
            zone(10, "江苏省", null),
            zone(13, "苏州市", 10L),
            zone(11, "南京市", 10L),
            zone(14, "无锡市", 10L),
            zone(16, "南京市", 10L),
            zone(12, "常州市", 10L));
    Forest<ZoneInfo> tree =
        Forest.of(zones, ZoneInfo::id, ZoneInfo::parentId, ZoneInfo::slug, ZoneCatalog.BY_NAME);

    assertEquals(
        List.of(12L, 11L, 16L, 13L, 14L), tree.children(10).stream().map(ZoneInfo::id).toList());
  }
}
