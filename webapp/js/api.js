// SPDX-License-Identifier: BSD-3-Clause
// HTTP access to the TAP service: every request carries the bearer token when one is set,
// DALI error documents become ServiceError, XML documents are parsed with DOMParser.

const TOKEN_KEY = "pzvo.token";

/** Absolute URL of the TAP base, derived from the page's own location. */
export const tapUrl = new URL("tap", window.location.href).href;

export function token() {
  return sessionStorage.getItem(TOKEN_KEY) || "";
}

export function setToken(value) {
  if (value) {
    sessionStorage.setItem(TOKEN_KEY, value);
  } else {
    sessionStorage.removeItem(TOKEN_KEY);
  }
  window.dispatchEvent(new CustomEvent("pzvo:identity"));
}

/** A failed request; line and column are set when the message locates an ADQL error. */
export class ServiceError extends Error {
  constructor(message, status, line = null, column = null) {
    super(message);
    this.status = status;
    this.line = line;
    this.column = column;
  }
}

/** Splits "line L, column C: message" (the server's ADQL error form). */
export function locate(message) {
  const m = /line (\d+), column (\d+):\s*([\s\S]*)/.exec(message || "");
  return m ? { line: Number(m[1]), column: Number(m[2]), text: m[3] } : null;
}

function headers(extra = {}) {
  const h = { ...extra };
  const t = token();
  if (t) {
    h.Authorization = "Bearer " + t;
  }
  return h;
}

/** fetch() relative to the TAP base with the identity header; throws ServiceError when not ok. */
export async function request(path, options = {}) {
  const url = path.startsWith("http") ? path : tapUrl + path;
  let response;
  try {
    response = await fetch(url, { ...options, headers: headers(options.headers) });
  } catch (e) {
    throw new ServiceError("The service did not answer (" + e.message + ")", 0);
  }
  if (!response.ok) {
    throw await errorOf(response);
  }
  return response;
}

async function errorOf(response) {
  const text = await response.text();
  let message = null;
  if (text.includes("QUERY_STATUS")) {
    const doc = new DOMParser().parseFromString(text, "application/xml");
    const info = [...doc.getElementsByTagName("INFO")].find((i) => i.getAttribute("name") === "QUERY_STATUS");
    if (info) {
      message = info.textContent.trim() || info.getAttribute("value");
    }
  }
  if (!message) {
    message = response.status === 401 || response.status === 403
      ? "Not allowed (HTTP " + response.status + "): check the bearer token."
      : "HTTP " + response.status + " " + response.statusText;
  }
  const where = locate(message);
  return new ServiceError(message, response.status, where?.line ?? null, where?.column ?? null);
}

export async function xml(path, options) {
  const response = await request(path, options);
  const text = await response.text();
  const doc = new DOMParser().parseFromString(text, "application/xml");
  if (doc.getElementsByTagName("parsererror").length) {
    throw new ServiceError("The service answered " + path + " with a document that is not XML", response.status);
  }
  return { doc, url: response.url };
}

/** Children of el whose local name is name (namespace-agnostic). */
export function kids(el, name) {
  return [...el.children].filter((c) => c.localName === name);
}

export function kid(el, name) {
  return kids(el, name)[0] || null;
}

export function kidText(el, name) {
  const k = kid(el, name);
  return k ? k.textContent.trim() : "";
}

/**
 * JSON with 64-bit integers kept exact: a number beyond 2^53 keeps its source text (as a
 * string) where the browser exposes it to the reviver, so object ids are not rounded.
 */
export function parseJson(text) {
  return JSON.parse(text, (key, value, context) => {
    if (typeof value === "number" && !Number.isSafeInteger(value) && context && /^-?\d+$/.test(context.source)) {
      return context.source;
    }
    return value;
  });
}

/** Form body for TAP parameters. */
export function form(params) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== null && v !== undefined && v !== "") {
      body.append(k, String(v));
    }
  }
  return body;
}

/** Runs a synchronous ADQL query and returns the parsed JSON result. */
export async function syncJson(query, maxrec) {
  const response = await request("/sync", {
    method: "POST",
    body: form({ REQUEST: "doQuery", LANG: "ADQL", QUERY: query, RESPONSEFORMAT: "json", MAXREC: maxrec }),
  });
  return parseJson(await response.text());
}

/**
 * Downloads a URL as a file. Without a token a plain link streams it to disk; with a token (the
 * link could not carry the header) or when the URL is too long for a GET, the body is fetched
 * (parameters POSTed) and handed to the browser as a blob.
 */
export async function download(url, filename) {
  const a = document.createElement("a");
  a.download = filename;
  if (!token() && url.length <= 4000) {
    a.href = url;
    document.body.append(a);
    a.click();
    a.remove();
    return;
  }
  const u = new URL(url);
  const response = u.search
    ? await request(u.origin + u.pathname, { method: "POST", body: u.searchParams })
    : await request(url);
  const blobUrl = URL.createObjectURL(await response.blob());
  a.href = blobUrl;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(blobUrl), 60_000);
}

/** HTML-escapes text for use in templates. */
export function esc(value) {
  return String(value ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

export function formatCount(n) {
  if (n === null || n === undefined || Number.isNaN(n)) {
    return "–";
  }
  return Number(n).toLocaleString("en-US");
}

/** 1234567 -> "1.2 M" for compact figures. */
export function compactCount(n) {
  if (n === null || n === undefined || Number.isNaN(n)) {
    return "–";
  }
  return new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 }).format(n);
}
