// Swagger UI on the first click, as a new user meets it: Debian's Chromium, driven by
// puppeteer-core (which never downloads a browser), opens /q/swagger-ui on the packaged service,
// runs "Try it out" and "Execute" with the defaults, then authorizes with a token and runs an
// admin call.
//
//   API_BASE_URL=http://127.0.0.1:8080 ADMIN_TOKEN=... CHROMIUM=/usr/bin/chromium \
//     node dist/swagger-ui.js

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import puppeteer, { type ElementHandle, type Page } from "puppeteer-core";
import { check, expect, summary } from "./checks.js";

const baseUrl = process.env["API_BASE_URL"] ?? "http://127.0.0.1:8080";
const token = process.env["ADMIN_TOKEN"];
const executablePath = process.env["CHROMIUM"] ?? "/usr/bin/chromium";
const WAIT = { timeout: 30_000 };

/** The operation's block, found by its operationId (Swagger UI ids end in -<operationId>). */
async function operation(page: Page, operationId: string): Promise<ElementHandle<Element>> {
  const block = await page.waitForSelector(`.opblock[id$="-${operationId}"]`, WAIT);
  expect(block !== null, `no operation ${operationId}`);
  return block;
}

/** Opens an operation, presses "Try it out" and "Execute", and returns status and body. */
async function tryItOut(
  page: Page,
  operationId: string,
  inspect?: (block: ElementHandle<Element>) => Promise<void>,
): Promise<{ status: string; body: string; url: string }> {
  const block = await operation(page, operationId);
  const summaryButton = await block.waitForSelector(".opblock-summary-control", WAIT);
  await summaryButton?.click();
  const tryOut = await block.waitForSelector("button.try-out__btn", WAIT);
  await tryOut?.click();
  if (inspect) {
    await inspect(block);
  }
  const execute = await block.waitForSelector("button.execute", WAIT);
  await execute?.click();
  const statusCell = await block.waitForSelector(
    ".live-responses-table .response .response-col_status",
    WAIT,
  );
  const status = (await statusCell?.evaluate((cell) => cell.textContent ?? "")) ?? "";
  const body = await block.$eval(
    ".live-responses-table .response-col_description pre",
    (pre) => pre.textContent ?? "",
  );
  const url = await block.$eval(".request-url pre", (pre) => pre.textContent ?? "");
  return { status: status.trim(), body, url: url.trim() };
}

const userDataDir = mkdtempSync(join(tmpdir(), "swagger-ui-chromium-"));
const browser = await puppeteer.launch({
  executablePath,
  headless: true,
  userDataDir,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
  ],
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 2000 });

  await check("Swagger UI loads the contract with every operation", async () => {
    await page.goto(`${baseUrl}/q/swagger-ui/`, { waitUntil: "networkidle0", ...WAIT });
    await operation(page, "listArticles");
    const count = await page.$$eval(".opblock", (blocks) => blocks.length);
    const title = await page.$eval(".info .title", (h) => h.textContent ?? "");
    return `${title.trim()}, ${count} operations`;
  });

  await check("Try it out → Execute on GET /api/v1/articles lists a first page", async () => {
    const { status, body, url } = await tryItOut(page, "listArticles", async (block) => {
      // No filter is prefilled: the defaults select all articles.
      for (const name of ["category", "zone", "publisherZone", "source", "from", "to"]) {
        const value = await block.$eval(
          `tr[data-param-name="${name}"] input`,
          (input) => (input as HTMLInputElement).value,
        );
        expect(value === "", `filter ${name} is prefilled with '${value}'`);
      }
    });
    expect(status === "200", `status ${status}: ${body.slice(0, 300)}`);
    const page1 = JSON.parse(body) as { items: unknown[]; totalItems: number };
    expect(page1.items.length > 0, "no items");
    return `${url} → 200 with ${page1.items.length} of ${page1.totalItems} articles`;
  });

  await check("the article path parameter's example works as it stands", async () => {
    const { status, body, url } = await tryItOut(page, "getArticle");
    expect(status === "200", `status ${status}: ${body.slice(0, 300)}`);
    const article = JSON.parse(body) as { title: string };
    return `${url} → 200 ${article.title}`;
  });

  await check("Authorize explains the token and an admin call then succeeds", async () => {
    expect(token !== undefined && token !== "", "ADMIN_TOKEN is not set");
    const authorize = await page.waitForSelector(".auth-wrapper .btn.authorize", WAIT);
    await authorize?.click();
    const dialog = await page.waitForSelector(".modal-ux", WAIT);
    const words = (await dialog?.evaluate((d) => d.textContent ?? "")) ?? "";
    expect(words.includes("Authorization: Bearer"), "the dialog does not say how the token is sent");
    expect(words.includes("POST /api/v1/admin/tokens"), "the dialog does not say where tokens come from");
    const input = await page.waitForSelector(".modal-ux input", WAIT);
    await input?.type(token);
    const confirm = await page.waitForSelector(".modal-ux .auth-btn-wrapper .authorize", WAIT);
    await confirm?.click();
    const done = await page.waitForSelector(".modal-ux .btn-done", WAIT);
    await done?.click();

    const { status, body, url } = await tryItOut(page, "getAdminSite");
    expect(status === "200", `status ${status}: ${body.slice(0, 300)}`);
    const site = JSON.parse(body) as { site: { name: string }; version: number };
    return `${url} → 200 ${site.site.name}, version ${site.version}`;
  });

  await page.screenshot({ path: "dist/swagger-ui.png", fullPage: false });
} finally {
  await browser.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

summary("Swagger UI in Chromium");
