// A frontend developer's first program against the content API, written only from the types
// that openapi-typescript generates out of openapi/openapi.yaml. It compiles under strict and
// noUncheckedIndexedAccess only if the contract marks always-present fields as required and
// nullable fields as nullable; it runs against the packaged service with the demo data.
//
//   API_BASE_URL=http://127.0.0.1:8080 node dist/client.js

import createClient from "openapi-fetch";
import type { components, paths } from "./generated/api.js";
import { check, expect, summary } from "./checks.js";

type ArticleSummary = components["schemas"]["ArticleSummary"];
type ArticleLink = components["schemas"]["ArticleLink"];
type BreadcrumbItem = components["schemas"]["BreadcrumbItem"];
type Problem = components["schemas"]["Problem"];

const REFERENCE_ARTICLE = "beijing-etdz-first-half-2024-project-signing";
const baseUrl = process.env["API_BASE_URL"] ?? "http://127.0.0.1:8080";
const api = createClient<paths>({ baseUrl });

/** Fails with the problem's own words when a call that should succeed did not. */
function ok<T>(result: { data?: T; error?: Problem; response: Response }): T {
  if (result.data === undefined) {
    const problem = result.error;
    throw new Error(`HTTP ${result.response.status}: ${problem?.detail ?? "no body"}`);
  }
  return result.data;
}

await check("lists articles with filters and follows nextCursor to the end", async () => {
  const filters = { category: "zone-news", zone: "beijing", size: 4 } as const;
  const first = ok(await api.GET("/api/v1/articles", { params: { query: filters } }));
  // Typed as required numbers: no undefined to guard against.
  const totalItems: number = first.totalItems;
  const totalPages: number = first.totalPages;
  expect(totalPages > 1, `the filters should select more than one page, got ${totalPages}`);

  const seen: ArticleSummary[] = [...first.items];
  let cursor: string | null = first.nextCursor;
  let pages = 1;
  while (cursor !== null) {
    const page = ok(
      await api.GET("/api/v1/articles", { params: { query: { ...filters, cursor } } }),
    );
    seen.push(...page.items);
    cursor = page.nextCursor;
    pages++;
    expect(pages <= totalPages, `more pages than totalPages (${totalPages})`);
  }
  expect(seen.length === totalItems, `read ${seen.length} of ${totalItems} articles`);
  expect(new Set(seen.map((a) => a.id)).size === totalItems, "an article came twice");
  const firstItem = seen[0];
  expect(firstItem !== undefined, "no first article");
  // zone and category are always there; publisherZone may be null.
  const where = `${firstItem.category.name} / ${firstItem.zone.name}`;
  const publisher = firstItem.publisherZone?.name ?? "no publisher zone";
  return `${totalItems} articles in ${pages} pages, newest in ${where} (${publisher})`;
});

await check("asks for lean items by last change, then fetches the same set by slug", async () => {
  // fields and ids are arrays sent comma-separated (style form, explode false), as declared.
  const lean = createClient<paths>({
    baseUrl,
    querySerializer: { array: { style: "form", explode: false } },
  });
  const page = ok(
    await lean.GET("/api/v1/articles", {
      params: { query: { sort: "updatedAt,desc", fields: ["id", "slug", "title"], size: 5 } },
    }),
  );
  const first = page.items[0];
  expect(first !== undefined, "no article");
  const keys = Object.keys(first).sort().join(",");
  expect(keys === "id,slug,title", `fields=id,slug,title sent ${keys}`);
  const wanted = page.items.map((a) => a.slug ?? String(a.id)).reverse();
  const batch = ok(await lean.GET("/api/v1/articles", { params: { query: { ids: wanted } } }));
  const got = batch.items.map((a) => a.slug ?? String(a.id));
  expect(got.join(",") === wanted.join(","), `ids answered ${got.join(",")}`);
  return `${wanted.length} lean items by updatedAt, the same ${got.length} again by ids`;
});

await check("reads the reference article with its breadcrumb and neighbours", async () => {
  const article = ok(
    await api.GET("/api/v1/articles/{idOrSlug}", {
      params: { path: { idOrSlug: REFERENCE_ARTICLE } },
    }),
  );
  const breadcrumb: BreadcrumbItem[] = article.breadcrumb;
  const home = breadcrumb[0];
  expect(home !== undefined && home.type === "home" && home.slug === null, "no home step");
  const previous: ArticleLink | null = article.previous;
  const next: ArticleLink | null = article.next;
  expect(article.slug === REFERENCE_ARTICLE, `slug ${article.slug}`);
  return (
    `${breadcrumb.map((step) => step.name).join(" > ")}; ` +
    `previous ${previous?.slug ?? "none"}, next ${next?.slug ?? "none"}`
  );
});

await check("reads /adjacent within a filtered list and agrees with that list", async () => {
  const query = { category: "zone-news", zone: "beijing", sort: "publishedAt,asc" } as const;
  const adjacent = ok(
    await api.GET("/api/v1/articles/{idOrSlug}/adjacent", {
      params: { path: { idOrSlug: REFERENCE_ARTICLE }, query },
    }),
  );
  const list = ok(
    await api.GET("/api/v1/articles", { params: { query: { ...query, size: 100 } } }),
  );
  const index = list.items.findIndex((item) => item.slug === REFERENCE_ARTICLE);
  expect(index >= 0, "the reference article is not in the list");
  const above = list.items[index - 1];
  const below = list.items[index + 1];
  expect((adjacent.previous?.id ?? null) === (above?.id ?? null), "previous differs from the list");
  expect((adjacent.next?.id ?? null) === (below?.id ?? null), "next differs from the list");
  const context: string = adjacent.context.list;
  return `${adjacent.previous?.slug ?? "none"} < ${REFERENCE_ARTICLE} < ${adjacent.next?.slug ?? "none"} in ${context}`;
});

await check("gets a typed problem for an unknown article (404)", async () => {
  const { data, error, response } = await api.GET("/api/v1/articles/{idOrSlug}", {
    params: { path: { idOrSlug: "no-such-article" } },
  });
  expect(data === undefined && error !== undefined, "expected an error");
  const problem: Problem = error;
  expect(response.status === 404 && problem.status === 404, `status ${response.status}`);
  expect(problem.type.endsWith("/not-found"), `type ${problem.type}`);
  expect(response.headers.get("content-type")?.startsWith("application/problem+json") === true,
    `content type ${response.headers.get("content-type")}`);
  return `${problem.title}: ${problem.detail}`;
});

await check("gets a typed problem naming the parameter for a bad page size (400)", async () => {
  const { error, response } = await api.GET("/api/v1/articles", {
    params: { query: { size: 500 } },
  });
  expect(error !== undefined, "expected an error");
  expect(response.status === 400, `status ${response.status}`);
  expect(error.parameter === "size", `parameter ${error.parameter ?? "absent"}`);
  return `${error.title}: ${error.detail}`;
});

summary("TypeScript client");
