// SPDX-License-Identifier: BSD-3-Clause
// Browser checks of the pzvo web interface in Debian's headless Chromium (driven by playwright-core,
// never a downloaded browser): node test.mjs BASE_URL OUT_DIR
// Prints one line per check and "browser checks: N passed, M failed"; exits 1 on any failure.
// Screenshots go to OUT_DIR/*.png.

import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const base = (process.argv[2] || "").replace(/\/+$/, "") + "/";
const out = process.argv[3] || "target/ci/browser";
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
const TIMEOUT_MS = Number(process.env.BROWSER_TEST_TIMEOUT_MS || 60_000);

if (!/^https?:\/\//.test(base)) {
  console.error("usage: node test.mjs BASE_URL [OUT_DIR]");
  process.exit(2);
}
mkdirSync(out, { recursive: true });

const results = [];
const consoleErrors = [];
let step = "start";

let pageLoaded = null;

async function check(name, fn) {
  step = name;
  if (pageLoaded === false) {
    results.push({ name, ok: false });
    console.log(`FAIL  ${name}: skipped, the page did not load`);
    return false;
  }
  const started = Date.now();
  try {
    const detail = await fn();
    results.push({ name, ok: true });
    console.log(`ok    ${name}${detail ? ` (${detail})` : ""} [${((Date.now() - started) / 1000).toFixed(1)} s]`);
    return true;
  } catch (e) {
    if (e instanceof Skip) {
      console.log(`skip  ${name}: ${e.message}`);
      return true;
    }
    results.push({ name, ok: false });
    console.log(`FAIL  ${name}: ${String(e.message || e).split("\n")[0]}`);
    return false;
  }
}

/** Thrown by a check that does not apply to this server; not counted. */
class Skip extends Error {}

function expect(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

const profile = mkdtempSync(join(tmpdir(), "pzvo-chromium-"));
let context;
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1400, height: 900 },
    acceptDownloads: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
} catch (e) {
  console.log(`FAIL  start Chromium (${executablePath}): ${String(e.message).split("\n")[0]}`);
  console.log("browser checks: 0 passed, 1 failed");
  rmSync(profile, { recursive: true, force: true });
  process.exit(1);
}
context.setDefaultTimeout(TIMEOUT_MS);
const page = context.pages()[0] || (await context.newPage());

// A 4xx answer is logged by Chromium as "Failed to load resource"; it is expected only for the
// deliberate ADQL error, so it is excused there and nowhere else.
page.on("console", (msg) => {
  if (msg.type() !== "error") {
    return;
  }
  const url = msg.location()?.url || "";
  const expected = step === "ADQL error is located in the editor" && /Failed to load resource.* 400/.test(msg.text())
    && /\/tap\/(sync|async)/.test(url);
  if (!expected) {
    consoleErrors.push(`[${step}] ${msg.text()} ${url}`);
  }
});
page.on("pageerror", (err) => consoleErrors.push(`[${step}] uncaught: ${err.message}`));
page.on("requestfailed", (req) => {
  const failure = req.failure()?.errorText || "";
  if (!failure.includes("ERR_ABORTED")) {
    consoleErrors.push(`[${step}] request failed: ${req.url()} ${failure}`);
  }
});

let table = null;
let firstColumn = null;
let exampleQuery = null;

pageLoaded = await check("landing page says what the service holds", async () => {
  await page.goto(base, { waitUntil: "domcontentloaded" });
  await page.waitForFunction(() => /\d/.test(document.getElementById("stat-tables")?.textContent || ""));
  await page.waitForSelector("#holdings table tbody tr");
  await page.waitForFunction(() => document.getElementById("stat-maps")?.textContent !== "…");
  const tables = Number(await page.textContent("#stat-tables"));
  expect(tables > 0, "the landing page lists no tables");
  const tapUrl = await page.getAttribute("#endpoints tr:first-child a", "href");
  expect(tapUrl === new URL("tap", base).href, `the TAP base URL shown is ${tapUrl}, not absolute from the origin`);
  const snippet = await page.textContent("#snip-pyvo");
  expect(snippet.includes(`TAPService("${tapUrl}")`), "the pyvo snippet does not use the TAP URL");
  table = await page.getAttribute("#holdings tbody th a", "href").then((h) => decodeURIComponent(h.replace(/^#tables\//, "")));
  await page.screenshot({ path: join(out, "landing.png"), fullPage: true });
  return `${tables} tables, ${await page.textContent("#stat-rows")} rows`;
});

await check("schema browser shows a table's columns", async () => {
  await page.click('.tabs a[data-view="tables"]');
  await page.waitForSelector("#schema-tree a[data-table]");
  const name = table || (await page.getAttribute("#schema-tree a[data-table]", "data-table"));
  table = name;
  await page.click(`#schema-tree a[data-table="${name}"]`);
  await page.waitForSelector("#table-detail table.columns tbody tr");
  const title = (await page.textContent("#table-title")).trim();
  expect(title === name, `the detail shows ${title}, not ${name}`);
  const columns = await page.$$eval("#table-detail table.columns tbody tr", (rows) => rows.length);
  firstColumn = (await page.textContent("#table-detail table.columns tbody tr th code")).trim();
  const ucds = await page.$$eval("#table-detail td.ucd code", (c) => c.length);
  expect(columns > 0 && ucds > 0, `${columns} columns, ${ucds} UCDs shown`);
  await page.screenshot({ path: join(out, "tables.png") });
  await page.fill("#schema-search", "phot.mag");
  await page.waitForSelector("#table-detail mark");
  const hits = await page.$$eval("#table-detail table.columns tbody tr", (rows) => rows.length);
  await page.screenshot({ path: join(out, "tables-search.png") });
  await page.fill("#schema-search", "");
  return `${name}: ${columns} columns; search "phot.mag": ${hits} columns`;
});

await check("an example query runs and shows rows", async () => {
  await page.click('.tabs a[data-view="query"]');
  await page.waitForSelector("#examples button[data-example]");
  const ids = await page.$$eval("#examples button[data-example]", (bs) => bs.map((b) => b.dataset.example));
  for (const id of ids) {
    await page.click(`#examples button[data-example="${id}"]`);
    await page.click("#run-sync");
    await page.waitForFunction(() => !document.getElementById("run-sync").disabled
      && (document.querySelector("#preview table.result") || !document.getElementById("query-error").hidden));
    const rows = await page.$$eval("#preview table.result tbody tr", (r) => r.length);
    const failed = await page.isVisible("#query-error");
    expect(!failed, `example ${id} failed: ${failed ? await page.textContent("#query-error") : ""}`);
    if (rows > 0) {
      exampleQuery = await page.inputValue("#adql");
      const downloads = await page.$$eval("#download-links button", (b) => b.map((x) => x.dataset.format));
      expect(downloads.length === 7, `download formats offered: ${downloads.join(", ")}`);
      await page.screenshot({ path: join(out, "query.png") });
      return `example ${id}: ${rows} rows shown; ${(await page.textContent("#query-status")).trim()}`;
    }
  }
  throw new Error(`none of the ${ids.length} examples returned rows`);
});

await check("the result downloads as CSV and VOTable", async () => {
  const got = [];
  for (const format of ["csv", "votable"]) {
    const [file] = await Promise.all([
      page.waitForEvent("download"),
      page.click(`#download-links button[data-format="${format}"]`),
    ]);
    const path = join(out, `download.${format === "csv" ? "csv" : "vot"}`);
    await file.saveAs(path);
    const text = readFileSync(path, "utf8");
    if (format === "csv") {
      expect(text.split("\n").length > 2, `the CSV has ${text.split("\n").length} lines`);
    } else {
      expect(/<VOTABLE[\s>]/.test(text) && !/QUERY_STATUS" value="ERROR/.test(text), "the VOTable is not a result");
    }
    got.push(`${format} ${text.length} bytes`);
  }
  return got.join(", ");
});

await check("MAXREC overflow is explained", async () => {
  await page.fill("#adql", `SELECT TOP 50 *\nFROM ${table}`);
  await page.fill("#maxrec", "5");
  await page.click("#run-sync");
  await page.waitForSelector("#overflow:not([hidden])");
  const rows = await page.$$eval("#preview table.result tbody tr", (r) => r.length);
  expect(rows === 5, `${rows} rows shown for MAXREC=5`);
  const text = (await page.textContent("#overflow")).replace(/\s+/g, " ").trim();
  expect(/MAXREC \(5\)/.test(text), `the explanation does not name MAXREC: ${text}`);
  await page.screenshot({ path: join(out, "overflow.png") });
  return text.slice(0, 60);
});

await check("an async job reaches COMPLETED", async () => {
  await page.click('.tabs a[data-view="query"]');
  await page.fill("#adql", exampleQuery || `SELECT TOP 100 * FROM ${table}`);
  await page.fill("#maxrec", "5000");
  await page.selectOption("#async-format", "csv");
  await page.click("#run-async");
  await page.waitForSelector(".job-follow[data-phase]");
  const id = await page.getAttribute(".job-follow", "data-job");
  await page.waitForSelector(`.job-follow[data-phase="COMPLETED"], .job-follow[data-phase="ERROR"], .job-follow[data-phase="ABORTED"]`);
  const phase = await page.getAttribute(".job-follow", "data-phase");
  expect(phase === "COMPLETED", `job ${id} ended in ${phase}: ${await page.textContent(".job-follow")}`);
  await page.click('.tabs a[data-view="jobs"]');
  await page.waitForSelector(`tr[data-job-row="${id}"][data-phase="COMPLETED"] button[data-action="download"]`);
  await page.screenshot({ path: join(out, "jobs.png") });
  return `job ${id}`;
});

await check("a running job can be cancelled and deleted", async () => {
  await page.click('.tabs a[data-view="query"]');
  // A self-join with an inequality: a few seconds of work on the demo data, so it can be caught running.
  await page.fill("#adql", `SELECT COUNT(*) AS n\nFROM ${table} AS a, ${table} AS b\nWHERE a.${firstColumn} < b.${firstColumn}`);
  await page.click("#run-async");
  await page.waitForSelector(".job-follow[data-job]");
  const id = await page.getAttribute(".job-follow", "data-job");
  await page.click('.tabs a[data-view="jobs"]');
  const row = `tr[data-job-row="${id}"]`;
  await page.waitForSelector(`${row} button[data-action="abort"], ${row}[data-phase="COMPLETED"]`);
  expect(await page.$(`${row} button[data-action="abort"]`), `job ${id} finished before it could be cancelled`);
  await page.click(`${row} button[data-action="abort"]`);
  await page.waitForSelector(`${row}[data-phase="ABORTED"]`);
  await page.screenshot({ path: join(out, "jobs-aborted.png") });
  await page.click(`${row} button[data-action="delete"]`);
  await page.waitForSelector(row, { state: "detached" });
  return `job ${id} ABORTED, then deleted`;
});

await check("ADQL error is located in the editor", async () => {
  await page.click('.tabs a[data-view="query"]');
  await page.fill("#adql", `SELECT TOP 5\n  1 AS one,\n  no_such_column\nFROM ${table}`);
  await page.click("#run-sync");
  await page.waitForSelector("#query-error:not([hidden])");
  const message = (await page.textContent("#query-error")).replace(/\s+/g, " ").trim();
  expect(/line 3, column 3/.test(message), `the error does not point at line 3, column 3: ${message}`);
  const marked = await page.textContent("#adql-hl mark.err-token");
  expect(marked === "no_such_column", `the editor marks "${marked}"`);
  const gutter = await page.textContent("#gutter span.err");
  expect(gutter === "3", `the gutter marks line ${gutter}`);
  expect((await page.getAttribute("#adql", "aria-invalid")) === "true", "the editor is not marked invalid");
  await page.screenshot({ path: join(out, "error.png") });
  // The same in a job: the job ends in ERROR and its message is located in the editor.
  await page.fill("#adql", `SELECT TOP 5\n  no_such_column\nFROM ${table}`);
  await page.click("#run-async");
  await page.waitForSelector('.job-follow[data-phase="ERROR"], .job-follow[data-phase="COMPLETED"]');
  expect((await page.getAttribute(".job-follow", "data-phase")) === "ERROR", "the failing job did not end in ERROR");
  await page.waitForSelector("#gutter span.err");
  const jobLine = await page.textContent("#gutter span.err");
  expect(jobLine === "2", `the failed job's error is marked on line ${jobLine}, not 2`);
  return message.slice(0, 100) + "; async job: line 2";
});

await check("map gallery shows the map products", async () => {
  await page.click('.tabs a[data-view="maps"]');
  await page.waitForFunction(() => {
    const el = document.getElementById("maps");
    return el.querySelector(".map-card, .error-text") || /no map products/.test(el.textContent);
  });
  expect(!(await page.$("#maps .error-text")), await page.textContent("#maps"));
  await page.waitForFunction(() => [...document.querySelectorAll("#maps .map-legend")]
    .every((el) => !el.textContent.includes("Loading")));
  const failedPreviews = await page.$$eval("#maps .map-legend", (els) => els.filter((el) => /No preview/.test(el.textContent)).map((el) => el.textContent));
  expect(failedPreviews.length === 0, failedPreviews.join("; "));
  const cards = await page.$$eval("#maps .map-card", (c) => c.length);
  await page.screenshot({ path: join(out, "maps.png"), fullPage: true });
  return `${cards} map products`;
});

await check("the page's HEALPix agrees with the server's ivo_healpix_index", async () => {
  const order = 10;
  const mismatches = await page.evaluate(async (order) => {
    const sky = await import("./js/sky.js");
    const api = await import("./js/api.js");
    // The objects' own positions, and the same scrambled over the whole sky (all 12 base cells).
    const ra = "MOD(coord_ra * 97.0, 360.0)";
    const dec = "MOD(ABS(coord_dec) * 53.0, 180.0) - 90.0";
    const own = await api.syncJson(`SELECT TOP 200 coord_ra, coord_dec, ivo_healpix_index(${order}, coord_ra, coord_dec) AS p
      FROM lsst.object`, 200);
    const spread = await api.syncJson(`SELECT TOP 500 ${ra} AS ra_x, ${dec} AS dec_x,
      ivo_healpix_index(${order}, ${ra}, ${dec}) AS p FROM lsst.object`, 500);
    const r = { data: own.data.concat(spread.data) };
    const bad = [];
    for (const [ra, dec, p] of r.data) {
      const mine = sky.ang2pixNest(order, Math.sin((dec * Math.PI) / 180), (ra * Math.PI) / 180);
      const c = sky.pix2angNest(order, Number(p));
      const back = sky.ang2pixNest(order, Math.sin((c.decDeg * Math.PI) / 180), (c.raDeg * Math.PI) / 180);
      if (mine !== Number(p) || back !== Number(p)) {
        bad.push(`(${ra}, ${dec}): page ${mine}, server ${p}, centre back ${back}`);
      }
    }
    return { n: r.data.length, bad };
  }, order);
  expect(mismatches.n > 0, "no objects to compare");
  expect(mismatches.bad.length === 0, mismatches.bad.slice(0, 3).join("; "));
  return `${mismatches.n} positions at order ${order}`;
});

await check("page helpers: error positions, exact 64-bit ids, MOC parsing", async () => {
  const problems = await page.evaluate(async () => {
    const api = await import("./js/api.js");
    const sky = await import("./js/sky.js");
    const out = [];
    const where = api.locate("ADQL error at line 12, column 7: mismatched input 'FORM'");
    if (!where || where.line !== 12 || where.column !== 7 || where.text !== "mismatched input 'FORM'") {
      out.push(`locate: ${JSON.stringify(where)}`);
    }
    if (api.locate("no position here") !== null) {
      out.push("locate found a position in a message without one");
    }
    const row = api.parseJson('{"data":[[592911000000004172, 1.5, 12]]}').data[0];
    if (String(row[0]) !== "592911000000004172" || row[1] !== 1.5 || row[2] !== 12) {
      out.push(`parseJson: ${JSON.stringify(row)}`);
    }
    // At order 10: order-9 cells 8 and 9 are [32, 40), which merges with 10/40-42 = [40, 43);
    // order-11 cell 1000 lies in order-10 cell 250; the time part is ignored.
    const ranges = sky.mocRanges("s9/8 9 10/40-42 11/1000 t3/5");
    const expect = [[32, 43], [250, 251]];
    if (JSON.stringify(ranges) !== JSON.stringify(expect)) {
      out.push(`mocRanges: ${JSON.stringify(ranges)} instead of ${JSON.stringify(expect)}`);
    }
    return out;
  });
  expect(problems.length === 0, problems.join("; "));
});

await check("a bearer token is sent on every request", async () => {
  const seen = [];
  // The header is checked here and removed before the request reaches the server, so the check
  // does not depend on the server accepting this token.
  await page.route("**/tap/**", (route) => {
    const headers = { ...route.request().headers() };
    seen.push([route.request().url(), headers.authorization || ""]);
    delete headers.authorization;
    return route.continue({ headers });
  });
  await page.click("#identity summary");
  await page.fill("#token", "browser-test-token-1234");
  await page.click('#identity-form button[type="submit"]');
  await page.waitForFunction(() => document.getElementById("identity-label").textContent.includes("1234"));
  await page.waitForFunction(() => /\d/.test(document.getElementById("stat-tables").textContent));
  await page.waitForTimeout(500);
  await page.unroute("**/tap/**");
  await page.click("#identity summary");
  await page.click("#token-clear");
  expect(seen.length > 0, "no request to /tap after setting the token");
  const missing = seen.filter(([, auth]) => auth !== "Bearer browser-test-token-1234");
  expect(missing.length === 0, `requests without the token: ${missing.map(([u]) => u).join(", ")}`);
  return `${seen.length} requests carried it`;
});

await check("a page on another origin may call the service (CORS)", async () => {
  // localhost and 127.0.0.1 are different origins for the browser: the page (on base) calls the
  // service through the other name, with a header that forces a preflight.
  const here = new URL(base);
  const other = new URL(base);
  other.hostname = here.hostname === "localhost" ? "127.0.0.1" : here.hostname === "127.0.0.1" ? "localhost" : "";
  if (!other.hostname) {
    throw new Skip(`no second origin for ${here.hostname}`);
  }
  const probe = await fetch(new URL("tap/availability", other), {
    method: "OPTIONS", headers: { Origin: here.origin, "Access-Control-Request-Method": "GET" },
  });
  if (!probe.headers.get("access-control-allow-origin")) {
    throw new Skip(`the server sends no CORS headers to ${here.origin} (cors.allowed-origins)`);
  }
  await page.goto(base, { waitUntil: "domcontentloaded" });
  const status = await page.evaluate(async (url) => {
    const r = await fetch(url, { headers: { "X-Requested-With": "pzvo-browser-test" } });
    return `${r.status} ${(await r.text()).includes("available") ? "availability document" : "?"}`;
  }, new URL("tap/availability", other).href);
  expect(status.startsWith("200"), `cross-origin fetch answered ${status}`);
  return `${here.origin} → ${other.origin}: ${status}`;
});

await check("no serious accessibility violations (axe-core)", async () => {
  const axe = fileURLToPath(new URL("./node_modules/axe-core/axe.min.js", import.meta.url));
  const found = [];
  for (const view of ["overview", "tables", "query", "jobs", "maps"]) {
    await page.goto(`${base}#${view}`, { waitUntil: "networkidle" });
    await page.addScriptTag({ path: axe });
    const violations = await page.evaluate(async () => {
      const r = await window.axe.run(document, { resultTypes: ["violations"] });
      return r.violations.filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id} (${v.nodes.length}: ${v.nodes[0].target.join(" ")})`);
    });
    found.push(...violations.map((v) => `${view}: ${v}`));
  }
  expect(found.length === 0, found.join("; "));
  return "5 views";
});

await check("no console errors", async () => {
  await page.goto(base, { waitUntil: "networkidle" });
  expect(consoleErrors.length === 0, `${consoleErrors.length}: ${consoleErrors.slice(0, 5).join(" | ")}`);
});

await context.close();
rmSync(profile, { recursive: true, force: true });
for (const e of consoleErrors) {
  console.log(`      console: ${e}`);
}
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`screenshots: ${out}`);
console.log(`browser checks: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
