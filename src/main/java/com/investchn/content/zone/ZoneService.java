package com.investchn.content.zone;

import com.investchn.content.common.edge.IdOrSlug;
import com.investchn.content.common.paging.Cursor;
import com.investchn.content.common.paging.CursorCodec;
import com.investchn.content.common.paging.PageRequest;
import com.investchn.content.common.paging.PageResponse;
import com.investchn.content.common.tree.Forest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/** Read rules for zones: filtering, paging, the nested tree and one zone in context. */
@ApplicationScoped
public class ZoneService {

  /** The value of {@code parent} that asks for top-level zones. */
  static final String ROOT = "root";

  private final ZoneCatalog catalog;
  private final CursorCodec cursors;

  public ZoneService(ZoneCatalog catalog, CursorCodec cursors) {
    this.catalog = catalog;
    this.cursors = cursors;
  }

  /** A page of the flat zone list, ordered by name; null filters are not applied. */
  public PageResponse<ZoneResponse> list(
      String parent, String kind, String level, PageRequest paging) {
    Forest<ZoneInfo> tree = catalog.tree();
    Predicate<ZoneInfo> filter = zone -> true;
    String parentKey = "";
    if (parent != null) {
      if (ROOT.equals(parent)) {
        filter = filter.and(zone -> zone.parentId() == null);
        parentKey = ROOT;
      } else {
        long parentId = catalog.requireForFilter("parent", parent).id();
        filter = filter.and(zone -> Objects.equals(zone.parentId(), parentId));
        parentKey = Long.toString(parentId);
      }
    }
    if (kind != null) {
      ZoneKind wanted = ZoneKind.fromQuery("kind", kind);
      filter = filter.and(zone -> zone.kind() == wanted);
    }
    if (level != null) {
      ZoneLevel wanted = ZoneLevel.fromQuery("level", level);
      filter = filter.and(zone -> zone.level() == wanted);
    }
    List<ZoneInfo> matching = tree.all().stream().filter(filter).toList();

    String fingerprint =
        String.join(
            ",", "zones", parentKey, Objects.toString(kind, ""), Objects.toString(level, ""));
    long offset =
        paging.usesCursor()
            ? cursors.decode(paging.cursor(), fingerprint).offset()
            : paging.offset();
    int from = (int) Math.min(offset, matching.size());
    int to = (int) Math.min(offset + paging.size(), matching.size());
    List<ZoneResponse> items =
        matching.subList(from, to).stream()
            .map(zone -> ZoneResponse.from(zone, tree.byId(zone.parentId()).orElse(null)))
            .toList();
    String nextCursor =
        to < matching.size() && to > from
            ? cursors.encode(new Cursor(fingerprint, to, null, null))
            : null;
    return PageResponse.of(items, offset, paging.size(), matching.size(), nextCursor);
  }

  /** Every zone, nested under its parent, siblings ordered by name. */
  public List<ZoneTreeNode> tree() {
    Forest<ZoneInfo> tree = catalog.tree();
    return tree.roots().stream().map(root -> node(tree, root, null)).toList();
  }

  public Optional<ZoneDetail> find(IdOrSlug idOrSlug) {
    Forest<ZoneInfo> tree = catalog.tree();
    return tree.find(idOrSlug)
        .map(
            zone ->
                new ZoneDetail(
                    zone.id(),
                    zone.slug(),
                    zone.name(),
                    zone.nameEn(),
                    zone.kind(),
                    zone.level(),
                    zone.type(),
                    ZoneRef.from(tree.byId(zone.parentId()).orElse(null)),
                    tree.ancestors(zone.id()).stream().map(ZoneRef::from).toList(),
                    tree.children(zone.id()).stream()
                        .map(child -> ZoneResponse.from(child, zone))
                        .toList()));
  }

  private static ZoneTreeNode node(Forest<ZoneInfo> tree, ZoneInfo zone, ZoneInfo parent) {
    return new ZoneTreeNode(
        zone.id(),
        zone.slug(),
        zone.name(),
        zone.nameEn(),
        zone.kind(),
        zone.level(),
        zone.type(),
        ZoneRef.from(parent),
        tree.children(zone.id()).stream().map(child -> node(tree, child, zone)).toList());
  }
}
