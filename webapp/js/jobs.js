// SPDX-License-Identifier: BSD-3-Clause
// Asynchronous TAP jobs (UWS 1.1 at /tap/async): submission, a live job list with phase,
// progress (jobInfo), elapsed time, cancel, delete and result download.

import { ServiceError, download, esc, form, kid, kidText, kids, locate, request, tapUrl, xml } from "./api.js";

const ACTIVE = new Set(["PENDING", "QUEUED", "EXECUTING", "HELD", "SUSPENDED"]);
const POLL_MS = 1500;
const EXT = { votable: "vot", "votable/td": "vot", fits: "fits", csv: "csv", tsv: "tsv", json: "json", html: "html" };

const jobs = new Map();
const listeners = new Set();
let order = [];
let timer = null;
let loaded = false;
let lastError = null;

/** Calls fn(job) whenever a job's state is read from the service. */
export function onJobUpdate(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function initJobs() {
  document.getElementById("jobs-refresh").addEventListener("click", () => refresh());
  document.getElementById("jobs").addEventListener("click", onAction);
  setInterval(renderElapsed, 1000);
}

/** Creates and starts a job (PHASE=RUN at creation, UWS 1.1 §2.2.3.1); returns its state. */
export async function submitJob(query, format, maxrec) {
  const { doc } = await xml("/async", {
    method: "POST",
    body: form({ REQUEST: "doQuery", LANG: "ADQL", QUERY: query, RESPONSEFORMAT: format, MAXREC: maxrec, PHASE: "RUN" }),
  });
  const job = readJob(doc.documentElement);
  store(job);
  if (!order.includes(job.id)) {
    order.unshift(job.id);
  }
  render();
  schedule();
  return job;
}

/** Reloads the job list and the details of every job that may have changed. */
export async function refresh() {
  let refs;
  try {
    const { doc } = await xml("/async?LAST=30");
    refs = kids(doc.documentElement, "jobref").map((r) => ({
      id: r.getAttribute("id"),
      phase: kidText(r, "phase"),
      creationTime: kidText(r, "creationTime"),
    }));
    lastError = null;
  } catch (e) {
    lastError = e.message;
    render();
    return;
  }
  refs.sort((a, b) => Date.parse(b.creationTime) - Date.parse(a.creationTime));
  order = refs.map((r) => r.id);
  for (const id of [...jobs.keys()]) {
    if (!order.includes(id)) {
      jobs.delete(id);
    }
  }
  await Promise.all(refs.filter((r) => {
    const known = jobs.get(r.id);
    return !known || known.phase !== r.phase || ACTIVE.has(r.phase);
  }).map((r) => fetchJob(r.id)));
  loaded = true;
  render();
  schedule();
}

async function fetchJob(id) {
  try {
    const { doc } = await xml(`/async/${encodeURIComponent(id)}`);
    store(readJob(doc.documentElement));
  } catch (e) {
    if (e instanceof ServiceError && e.status === 404) {
      jobs.delete(id);
      order = order.filter((x) => x !== id);
    }
  }
}

function store(job) {
  jobs.set(job.id, job);
  for (const fn of listeners) {
    fn(job);
  }
}

function readJob(el) {
  const params = {};
  const paramsEl = kid(el, "parameters");
  for (const p of paramsEl ? kids(paramsEl, "parameter") : []) {
    params[p.getAttribute("id").toUpperCase()] = p.textContent;
  }
  const resultsEl = kid(el, "results");
  const error = kid(el, "errorSummary");
  const info = kid(el, "jobInfo");
  const id = kidText(el, "jobId");
  return {
    id,
    runId: kidText(el, "runId"),
    phase: kidText(el, "phase"),
    creationTime: kidText(el, "creationTime"),
    startTime: kidText(el, "startTime"),
    endTime: kidText(el, "endTime"),
    query: params.QUERY || "",
    format: params.RESPONSEFORMAT || params.FORMAT || "votable",
    progress: info ? info.textContent.trim() : "",
    error: error ? kidText(error, "message") || error.getAttribute("type") : "",
    results: (resultsEl ? kids(resultsEl, "result") : []).map((r) => ({
      id: r.getAttribute("id"),
      // Built from the page's origin: the href in the document uses the configured base URL.
      url: `${tapUrl}/async/${encodeURIComponent(id)}/results/${encodeURIComponent(r.getAttribute("id"))}`,
      size: Number(r.getAttribute("size") || 0),
      mime: r.getAttribute("mime-type") || "",
    })),
  };
}

function schedule() {
  clearTimeout(timer);
  if ([...jobs.values()].some((j) => ACTIVE.has(j.phase))) {
    timer = setTimeout(refresh, POLL_MS);
  }
}

function elapsed(job) {
  const start = Date.parse(job.startTime || job.creationTime);
  if (Number.isNaN(start)) {
    return "";
  }
  const end = job.endTime ? Date.parse(job.endTime) : Date.now();
  const s = Math.max(0, (end - start) / 1000);
  const text = s < 60 ? `${s.toFixed(1)} s` : s < 3600 ? `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`
    : `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min`;
  return job.startTime ? text : `waiting ${text}`;
}

function renderElapsed() {
  for (const el of document.querySelectorAll("#jobs [data-elapsed]")) {
    const job = jobs.get(el.dataset.elapsed);
    if (job && ACTIVE.has(job.phase)) {
      el.textContent = elapsed(job);
    }
  }
}

/** "2026-11-23 17:07:08" in the browser's time zone. */
function when(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) {
    return iso;
  }
  const pad = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

function size(bytes) {
  if (!bytes) {
    return "";
  }
  const units = ["B", "kB", "MB", "GB"];
  let i = 0;
  let v = bytes;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${v.toFixed(i ? 1 : 0)} ${units[i]}`;
}

function render() {
  const active = [...jobs.values()].filter((j) => ACTIVE.has(j.phase)).length;
  const badge = document.getElementById("jobs-badge");
  badge.hidden = active === 0;
  badge.textContent = String(active);
  badge.title = `${active} job${active === 1 ? "" : "s"} running or queued`;
  const holder = document.getElementById("jobs");
  if (lastError) {
    holder.innerHTML = `<p class="error-text">Could not read the job list: ${esc(lastError)}</p>`;
    return;
  }
  const list = order.map((id) => jobs.get(id)).filter(Boolean);
  if (!list.length) {
    holder.innerHTML = loaded || order.length === 0
      ? '<p class="muted">No jobs yet. Write a query and press <b>Submit job</b>.</p>' : "";
    return;
  }
  holder.innerHTML = `<div class="table-scroll"><table class="jobs">
    <thead><tr><th scope="col">job</th><th scope="col">phase</th><th scope="col">progress</th>
      <th scope="col">elapsed</th><th scope="col">query</th><th scope="col"><span class="sr-only">actions</span></th></tr></thead>
    <tbody>${list.map(row).join("")}</tbody></table></div>`;
}

function row(job) {
  const where = job.error ? locate(job.error) : null;
  const actions = [];
  if (job.phase === "COMPLETED") {
    for (const r of job.results) {
      actions.push(`<button type="button" class="small primary" data-action="download" data-job="${esc(job.id)}"
        data-url="${esc(r.url)}" data-ext="${esc(EXT[job.format] || "dat")}">Download ${esc(job.format)}
        <span class="muted">${esc(size(r.size))}</span></button>`);
    }
  }
  if (ACTIVE.has(job.phase)) {
    actions.push(`<button type="button" class="small" data-action="abort" data-job="${esc(job.id)}">Cancel</button>`);
  }
  if (where) {
    actions.push(`<button type="button" class="small" data-action="locate" data-job="${esc(job.id)}"
      data-line="${where.line}" data-column="${where.column}">Show in editor</button>`);
  } else {
    actions.push(`<button type="button" class="small" data-action="edit" data-job="${esc(job.id)}">Edit query</button>`);
  }
  actions.push(`<button type="button" class="small danger" data-action="delete" data-job="${esc(job.id)}"
    aria-label="Delete job ${esc(job.id)}">Delete</button>`);
  return `<tr data-job-row="${esc(job.id)}" data-phase="${esc(job.phase)}">
    <td><code>${esc(job.id)}</code><br><span class="muted small nowrap" title="creation time">${esc(when(job.creationTime))}</span></td>
    <td><span class="phase phase-${esc(job.phase.toLowerCase())}">${esc(job.phase)}</span></td>
    <td class="small">${job.error ? `<span class="error-text">${esc(job.error)}</span>` : esc(job.progress)}</td>
    <td class="num" data-elapsed="${esc(job.id)}">${esc(elapsed(job))}</td>
    <td><code class="query-snippet" title="${esc(job.query)}">${esc(job.query.replace(/\s+/g, " ").slice(0, 90))}${job.query.length > 90 ? "…" : ""}</code></td>
    <td class="actions">${actions.join(" ")}</td></tr>`;
}

async function onAction(e) {
  const button = e.target.closest("button[data-action]");
  if (!button) {
    return;
  }
  const id = button.dataset.job;
  const job = jobs.get(id);
  const { showQueryError, setQuery } = await import("./query.js");
  try {
    switch (button.dataset.action) {
      case "download":
        await download(button.dataset.url, `pzvo-${id}.${button.dataset.ext}`);
        return;
      case "abort":
        button.disabled = true;
        await request(`/async/${encodeURIComponent(id)}/phase`, { method: "POST", body: form({ PHASE: "ABORT" }) });
        break;
      case "delete":
        button.disabled = true;
        await request(`/async/${encodeURIComponent(id)}`, { method: "DELETE" });
        jobs.delete(id);
        order = order.filter((x) => x !== id);
        break;
      case "locate":
        showQueryError(job.query, Number(button.dataset.line), Number(button.dataset.column));
        return;
      case "edit":
        setQuery(job.query);
        location.hash = "#query";
        return;
      default:
        return;
    }
  } catch (err) {
    lastError = null;
    alertJob(id, err.message);
  }
  await refresh();
}

function alertJob(id, message) {
  const notice = document.getElementById("notice");
  notice.textContent = `Job ${id}: ${message}`;
  notice.hidden = false;
}
