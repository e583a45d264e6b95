// SPDX-License-Identifier: BSD-3-Clause
// Page wiring: hash routes (#overview, #tables[/schema.table], #query, #jobs, #maps), the identity
// box (bearer token) and copy buttons.

import { kidText, setToken, token, xml } from "./api.js";
import { forget } from "./metadata.js";
import { initOverview, loadOverview } from "./overview.js";
import { initSchemaBrowser, loadSchemaBrowser, openTable } from "./schema.js";
import { initQuery, loadExamples, selectExample } from "./query.js";
import { initJobs, refresh as refreshJobs } from "./jobs.js";
import { initMaps, loadMaps } from "./maps.js";

const VIEWS = ["overview", "tables", "query", "jobs", "maps"];

function route() {
  const hash = decodeURIComponent(location.hash.replace(/^#/, ""));
  const [view, ...rest] = hash.split("/");
  if (hash && !VIEWS.includes(view)) {
    return; // an in-page anchor such as the skip link
  }
  const name = view || "overview";
  for (const v of VIEWS) {
    document.getElementById("view-" + v).hidden = v !== name;
  }
  for (const a of document.querySelectorAll(".tabs a")) {
    if (a.dataset.view === name) {
      a.setAttribute("aria-current", "page");
    } else {
      a.removeAttribute("aria-current");
    }
  }
  document.title = (name === "overview" ? "" : name[0].toUpperCase() + name.slice(1) + " · ") + "pzvo — photo-z data service";
  if (name === "tables") {
    if (rest.length) {
      openTable(rest.join("/"));
    } else {
      loadSchemaBrowser();
    }
  } else if (name === "query" && rest.length) {
    selectExample(rest.join("/"));
  } else if (name === "jobs") {
    refreshJobs();
  } else if (name === "maps") {
    loadMaps();
  }
}

function showIdentity() {
  const t = token();
  document.getElementById("identity-label").textContent = t ? `Token …${t.slice(-4)}` : "Anonymous";
  document.getElementById("identity").classList.toggle("signed-in", Boolean(t));
  document.getElementById("jobs-owner-note").hidden = Boolean(t);
}

function initIdentity() {
  const formEl = document.getElementById("identity-form");
  const input = document.getElementById("token");
  formEl.addEventListener("submit", (e) => {
    e.preventDefault();
    setToken(input.value.trim());
    input.value = "";
    document.getElementById("identity").open = false;
  });
  document.getElementById("token-clear").addEventListener("click", () => {
    setToken("");
    input.value = "";
    document.getElementById("identity").open = false;
  });
  window.addEventListener("pzvo:identity", () => {
    showIdentity();
    forget();
    loadOverview();
    route();
  });
  showIdentity();
}

function initCopy() {
  document.addEventListener("click", async (e) => {
    const button = e.target.closest("button[data-copy]");
    if (!button) {
      return;
    }
    const label = button.textContent;
    try {
      await navigator.clipboard.writeText(button.dataset.copy);
      button.textContent = "Copied";
    } catch {
      const area = document.createElement("textarea");
      area.value = button.dataset.copy;
      document.body.append(area);
      area.select();
      const ok = document.execCommand("copy");
      area.remove();
      button.textContent = ok ? "Copied" : "Select and copy";
    }
    setTimeout(() => {
      button.textContent = label;
    }, 1500);
  });
}

/** VOSI availability (VOSI 1.1 §3.2) in the footer. */
async function showAvailability() {
  const el = document.getElementById("availability");
  try {
    const { doc } = await xml("/availability");
    const up = kidText(doc.documentElement, "available") === "true";
    el.textContent = up ? "● available" : "● not available";
    el.title = kidText(doc.documentElement, "note");
    el.classList.toggle("down", !up);
  } catch (e) {
    el.textContent = "● not reachable";
    el.title = e.message;
    el.classList.add("down");
  }
}

initIdentity();
initCopy();
showAvailability();
initOverview();
initSchemaBrowser();
initQuery();
initJobs();
initMaps();
window.addEventListener("hashchange", route);
route();
loadOverview();
loadExamples();
refreshJobs();
