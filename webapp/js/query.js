// SPDX-License-Identifier: BSD-3-Clause
// The query view: ADQL editor, examples from /tap/examples, synchronous run with a preview of the
// first rows (RESPONSEFORMAT=json), downloads in every output format, located ADQL errors and the
// MAXREC overflow explained (DALI 1.1 §4.4.1, TAP 1.1 §2.7.4).

import { download, esc, formatCount, locate, request, syncJson, tapUrl } from "./api.js";
import { AdqlEditor } from "./editor.js";
import { serviceLimits } from "./metadata.js";
import { onJobUpdate, submitJob } from "./jobs.js";

/** Output formats by RESPONSEFORMAT short name (advertised in /tap/capabilities). */
export const FORMATS = [
  ["votable", "VOTable (binary2)", "vot"],
  ["votable/td", "VOTable (tabledata)", "vot"],
  ["fits", "FITS", "fits"],
  ["csv", "CSV", "csv"],
  ["tsv", "TSV", "tsv"],
  ["json", "JSON", "json"],
  ["html", "HTML", "html"],
];

const PREVIEW_ROWS = 100;

let editor;
let running = false;

export function initQuery() {
  editor = new AdqlEditor(document.getElementById("adql"), document.getElementById("adql-hl"),
    document.getElementById("gutter"));
  document.getElementById("async-format").innerHTML = FORMATS.map(([v, label]) =>
    `<option value="${esc(v)}">${esc(label)}</option>`).join("");
  document.getElementById("run-sync").addEventListener("click", runSync);
  document.getElementById("run-async").addEventListener("click", runAsync);
  document.getElementById("adql").addEventListener("input", () => {
    const pressed = document.querySelector('#examples button[aria-pressed="true"]');
    if (pressed && pressed.dataset.query !== editor.value) {
      pressed.setAttribute("aria-pressed", "false");
    }
  });
  document.getElementById("adql").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      (e.shiftKey ? runAsync : runSync)();
    }
  });
  document.getElementById("examples").addEventListener("click", (e) => {
    const button = e.target.closest("button[data-example]");
    if (button) {
      setQuery(button.dataset.query);
      for (const b of document.querySelectorAll("#examples button")) {
        b.setAttribute("aria-pressed", String(b === button));
      }
    }
  });
  document.getElementById("download-links").addEventListener("click", (e) => {
    const button = e.target.closest("button[data-format]");
    if (button) {
      download(button.dataset.url, "pzvo-result." + button.dataset.ext).catch((err) => showError(err));
    }
  });
  document.getElementById("preview").addEventListener("click", (e) => {
    const button = e.target.closest("button[data-result-url]");
    if (button) {
      download(button.dataset.resultUrl, button.dataset.file).catch((err) => showError(err));
    }
  });
  document.getElementById("query-error").addEventListener("click", (e) => {
    if (e.target.closest("[data-locate]")) {
      const { line, column } = e.target.closest("[data-locate]").dataset;
      editor.markError(Number(line), Number(column));
    }
  });
  serviceLimits().then((limits) => {
    const input = document.getElementById("maxrec");
    if (limits.hardMaxrec) {
      input.max = String(limits.hardMaxrec);
      input.title = `Most rows returned; the service default is ${formatCount(limits.defaultMaxrec)}, `
        + `its limit ${formatCount(limits.hardMaxrec)}`;
    }
  });
}

/** Replaces the editor's text (used by examples, the schema browser and the map gallery). */
export function setQuery(text) {
  editor.value = text;
  clearResult();
}

/** Puts a query in the editor and marks an error position in it (failed jobs). */
export function showQueryError(text, line, column) {
  editor.value = text;
  location.hash = "#query";
  requestAnimationFrame(() => editor.markError(line, column));
}

let examples = null;

/** Loads /tap/examples once: [{id, name, description, query}]. */
export function loadExamples() {
  if (!examples) {
    examples = readExamples();
  }
  return examples;
}

async function readExamples() {
  const list = document.getElementById("examples");
  try {
    const response = await request("/examples");
    const doc = new DOMParser().parseFromString(await response.text(), "text/html");
    const found = [...doc.querySelectorAll('[typeof="example"]')].map((div) => ({
      id: div.id,
      name: div.querySelector('[property="name"]')?.textContent.trim() || div.id,
      description: div.querySelector("p")?.textContent.trim() || "",
      query: div.querySelector('[property="query"]')?.textContent.trim() || "",
    })).filter((x) => x.query);
    list.innerHTML = found.map((x) => `<li><button type="button" data-example="${esc(x.id)}"
        data-query="${esc(x.query)}" aria-pressed="false" title="${esc(x.description)}">${esc(x.name)}</button></li>`).join("")
      || '<li class="muted">The service publishes no examples.</li>';
    return found;
  } catch (e) {
    list.innerHTML = `<li class="error-text">Could not load the examples: ${esc(e.message)}</li>`;
    return [];
  }
}

/** Puts the example with this id in the editor (route #query/{id}). */
export async function selectExample(id) {
  await loadExamples();
  const button = [...document.querySelectorAll("#examples button[data-example]")].find((b) => b.dataset.example === id);
  if (button) {
    button.click();
  }
}

function maxrec() {
  const v = document.getElementById("maxrec").value.trim();
  return /^\d+$/.test(v) ? v : "";
}

function clearResult() {
  document.getElementById("query-error").hidden = true;
  document.getElementById("overflow").hidden = true;
  document.getElementById("downloads").hidden = true;
  document.getElementById("preview").innerHTML = "";
  document.getElementById("query-status").textContent = "";
}

function status(text) {
  document.getElementById("query-status").textContent = text;
}

async function runSync() {
  if (running) {
    return;
  }
  const query = editor.value.trim();
  if (!query) {
    status("Type an ADQL query first.");
    return;
  }
  running = true;
  clearResult();
  editor.clearError();
  const button = document.getElementById("run-sync");
  button.disabled = true;
  status("Running…");
  const started = performance.now();
  try {
    const limit = maxrec();
    const result = await syncJson(query, limit);
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    showResult(result, seconds, limit);
    showDownloads(query, limit);
  } catch (e) {
    status("");
    showError(e);
  } finally {
    running = false;
    button.disabled = false;
  }
}

function showResult(result, seconds, limit) {
  const n = result.data.length;
  status(`${formatCount(n)} row${n === 1 ? "" : "s"} in ${seconds} s`
    + (n > PREVIEW_ROWS ? ` — showing the first ${PREVIEW_ROWS}` : ""));
  if (result.overflow) {
    explainOverflow(n, limit);
  }
  const head = result.metadata.map((c) => `<th scope="col" title="${esc([c.description, c.ucd].filter(Boolean).join(" — "))}">
      ${esc(c.name)}${c.unit ? `<span class="unit">${esc(c.unit)}</span>` : ""}</th>`).join("");
  const body = result.data.slice(0, PREVIEW_ROWS).map((row) => `<tr>${row.map((v) => cell(v)).join("")}</tr>`).join("");
  document.getElementById("preview").innerHTML = n === 0 && !result.metadata.length ? ""
    : `<div class="table-scroll result-scroll"><table class="result" aria-label="Query result preview">
        <thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>
        ${n === 0 ? '<p class="muted">The query matched no rows.</p>' : ""}`;
}

function cell(v) {
  if (v === null || v === undefined) {
    return '<td class="null">null</td>';
  }
  if (Array.isArray(v)) {
    const shown = v.slice(0, 6).map((x) => (typeof x === "number" ? formatNumber(x) : String(x))).join(", ");
    return `<td class="array" title="${v.length} values">[${esc(shown)}${v.length > 6 ? ", …" : ""}]</td>`;
  }
  if (typeof v === "number") {
    return `<td class="num">${esc(formatNumber(v))}</td>`;
  }
  if (typeof v === "string" && /^-?\d{16,}$/.test(v)) {
    return `<td class="num">${esc(v)}</td>`;
  }
  return `<td>${esc(v)}</td>`;
}

function formatNumber(x) {
  if (Number.isInteger(x)) {
    return String(x);
  }
  const abs = Math.abs(x);
  return abs !== 0 && (abs < 1e-4 || abs >= 1e9) ? x.toExponential(6) : String(Number(x.toPrecision(10)));
}

async function explainOverflow(n, limit) {
  const limits = await serviceLimits();
  const box = document.getElementById("overflow");
  const effective = limit || limits.defaultMaxrec;
  box.innerHTML = `<strong>Result truncated.</strong> The query has more rows than the ${formatCount(n)}
    returned: the row limit MAXREC${effective ? ` (${formatCount(Number(effective))})` : ""} was reached and the service
    flagged the result as an overflow (TAP 1.1 §2.7.4). To get more, raise MAXREC${limits.hardMaxrec
    ? ` (at most ${formatCount(limits.hardMaxrec)} here)` : ""} and use a download link or <b>Submit job</b>; or narrow the query
    with <code>WHERE</code> or <code>TOP</code>.`;
  box.hidden = false;
}

function showDownloads(query, limit) {
  const links = FORMATS.map(([format, label, ext]) => {
    const params = new URLSearchParams({ REQUEST: "doQuery", LANG: "ADQL", QUERY: query, RESPONSEFORMAT: format });
    if (limit) {
      params.set("MAXREC", limit);
    }
    const url = `${tapUrl}/sync?${params}`;
    return `<button type="button" class="small" data-format="${esc(format)}" data-ext="${esc(ext)}"
      data-url="${esc(url)}" title="RESPONSEFORMAT=${esc(format)}">${esc(label)}</button>`;
  }).join(" ");
  document.getElementById("download-links").innerHTML = links;
  document.getElementById("downloads").hidden = false;
}

function showError(e) {
  const box = document.getElementById("query-error");
  if (e.line) {
    editor.markError(e.line, e.column);
    const msg = locate(e.message)?.text || e.message;
    box.innerHTML = `<strong>ADQL error</strong> at <button type="button" class="link" data-locate
        data-line="${e.line}" data-column="${e.column}">line ${e.line}, column ${e.column}</button>:
      <span class="error-message">${esc(msg)}</span>`;
  } else {
    box.innerHTML = `<strong>Query failed.</strong> <span class="error-message">${esc(e.message)}</span>`;
  }
  box.hidden = false;
}

async function runAsync() {
  const query = editor.value.trim();
  if (!query) {
    status("Type an ADQL query first.");
    return;
  }
  clearResult();
  editor.clearError();
  const button = document.getElementById("run-async");
  button.disabled = true;
  try {
    const job = await submitJob(query, document.getElementById("async-format").value, maxrec());
    followJob(job);
  } catch (e) {
    showError(e);
  } finally {
    button.disabled = false;
  }
}

let unfollow = null;

/** Shows the live phase of the job just submitted under the editor. */
function followJob(first) {
  if (unfollow) {
    unfollow();
  }
  const show = (job) => {
    if (job.id !== first.id) {
      return;
    }
    const box = document.getElementById("preview");
    const where = job.error ? locate(job.error) : null;
    if (where && job.query === editor.value.trim()) {
      editor.markError(where.line, where.column);
    }
    status(`Job ${job.id}: ${job.phase}${job.progress ? " — " + job.progress : ""}`);
    box.innerHTML = `<p class="job-follow" data-job="${esc(job.id)}" data-phase="${esc(job.phase)}">
      <span class="phase phase-${esc(job.phase.toLowerCase())}">${esc(job.phase)}</span>
      ${job.error ? `<span class="error-text">${esc(job.error)}</span>` : ""}
      ${job.phase === "COMPLETED" && job.results[0] ? `<button type="button" class="small primary" data-result-url="${esc(job.results[0].url)}"
        data-file="pzvo-${esc(job.id)}.${esc(FORMATS.find(([f]) => f === job.format)?.[2] || "dat")}">Download the result
        (${esc(job.format)})</button>` : ""}
      — all jobs are listed under <a href="#jobs">Jobs</a>.</p>`;
    if (!["PENDING", "QUEUED", "EXECUTING", "HELD", "SUSPENDED"].includes(job.phase) && unfollow) {
      unfollow();
      unfollow = null;
    }
  };
  unfollow = onJobUpdate(show);
  show(first);
}
