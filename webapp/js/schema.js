// SPDX-License-Identifier: BSD-3-Clause
// Schema browser: schemas -> tables -> columns (datatype, unit, UCD, description), and a search
// over table and column names, UCDs and descriptions.

import { esc, formatCount } from "./api.js";
import { schemas, typeLabel } from "./metadata.js";
import { setQuery } from "./query.js";

let all = [];
let current = null;

export async function loadSchemaBrowser() {
  const tree = document.getElementById("schema-tree");
  try {
    all = await schemas();
  } catch (e) {
    tree.innerHTML = `<p class="error-text">Could not read /tap/tables: ${esc(e.message)}</p>`;
    return;
  }
  renderTree();
  const search = document.getElementById("schema-search");
  if (search.value.trim()) {
    runSearch(search.value);
  } else if (current) {
    showTable(current);
  }
}

export function initSchemaBrowser() {
  const search = document.getElementById("schema-search");
  search.addEventListener("input", () => runSearch(search.value));
  document.getElementById("table-detail").addEventListener("click", (e) => {
    const button = e.target.closest("[data-query-table]");
    if (button) {
      const table = find(button.dataset.queryTable);
      const cols = table.columns.slice(0, 8).map((c) => c.name).join(", ") || "*";
      setQuery(`SELECT TOP 100 ${cols}\nFROM ${table.name}`);
      location.hash = "#query";
    }
  });
}

function find(name) {
  for (const s of all) {
    for (const t of s.tables) {
      if (t.name.toLowerCase() === name.toLowerCase()) {
        return t;
      }
    }
  }
  return null;
}

function renderTree() {
  const tree = document.getElementById("schema-tree");
  tree.innerHTML = all.map((s) => `
    <details class="schema" ${s.name.toLowerCase().startsWith("tap_") ? "" : "open"}>
      <summary><span class="schema-name">${esc(s.name)}</span>
        <span class="muted small">${s.tables.length} table${s.tables.length === 1 ? "" : "s"}</span></summary>
      <ul>${s.tables.map((t) => `
        <li><a href="#tables/${encodeURIComponent(t.name)}" data-table="${esc(t.name)}"
          ${current === t.name ? 'aria-current="true"' : ""}>
          <span>${esc(t.name.slice(s.name.length + 1) || t.name)}</span>
          <span class="muted small">${t.nrows === null ? "" : esc(formatCount(t.nrows))}</span></a></li>`).join("")}
      </ul>
    </details>`).join("");
}

/** Shows one table (called by the router for #tables/{name}). */
export async function openTable(name) {
  current = name;
  if (!all.length) {
    await loadSchemaBrowser();
  }
  document.getElementById("schema-search").value = "";
  showTable(name);
}

function showTable(name) {
  for (const a of document.querySelectorAll("#schema-tree a[data-table]")) {
    if (a.dataset.table.toLowerCase() === name.toLowerCase()) {
      a.setAttribute("aria-current", "true");
      a.closest("details").open = true;
    } else {
      a.removeAttribute("aria-current");
    }
  }
  const t = find(name);
  const detail = document.getElementById("table-detail");
  if (!t) {
    detail.innerHTML = `<p class="error-text">No table named ${esc(name)} is visible to you.</p>`;
    return;
  }
  const fks = t.foreignKeys.map((fk) => `<li>${fk.columns.map(([f, to]) => `<code>${esc(f)}</code> → <code>${esc(to)}</code>`).join(", ")}
    in <a href="#tables/${encodeURIComponent(fk.target)}">${esc(fk.target)}</a></li>`).join("");
  detail.innerHTML = `
    <div class="detail-head">
      <div>
        <h2 id="table-title"><code>${esc(t.name)}</code></h2>
        <p class="muted">${esc(t.type)} · ${t.nrows === null ? "row count unknown" : esc(formatCount(t.nrows)) + " rows"}
          · ${t.columns.length} columns</p>
      </div>
      <button class="primary" data-query-table="${esc(t.name)}">Query this table</button>
    </div>
    <p>${esc(t.description)}</p>
    ${fks ? `<p class="small">Foreign keys:</p><ul class="small">${fks}</ul>` : ""}
    ${columnTable(t.columns.map((c) => ({ table: t, column: c })), false)}`;
}

function columnTable(items, withTable, needle = "") {
  const mark = (text) => highlight(text, needle);
  const rows = items.map(({ table, column: c }) => `
    <tr>
      <th scope="row"><code>${withTable ? `<a href="#tables/${encodeURIComponent(table.name)}">${esc(table.name)}</a>.` : ""}${mark(c.name)}</code>
        ${c.flags.includes("primary") ? '<span class="flag" title="primary key">key</span>' : ""}
        ${c.flags.includes("indexed") ? '<span class="flag" title="indexed: fast to select on">indexed</span>' : ""}</th>
      <td><code>${esc(typeLabel(c))}</code>${c.xtype ? `<br><span class="muted small">${esc(c.xtype)}</span>` : ""}</td>
      <td>${c.unit ? `<code>${esc(c.unit)}</code>` : ""}</td>
      <td class="ucd">${c.ucd ? `<code>${mark(c.ucd)}</code>` : ""}</td>
      <td class="desc">${mark(c.description)}</td>
    </tr>`).join("");
  return `<div class="table-scroll"><table class="columns">
    <thead><tr><th scope="col">column</th><th scope="col">datatype</th><th scope="col">unit</th>
    <th scope="col">UCD</th><th scope="col">description</th></tr></thead>
    <tbody>${rows}</tbody></table></div>`;
}

function highlight(text, needle) {
  const safe = esc(text);
  if (!needle) {
    return safe;
  }
  const pattern = new RegExp("(" + esc(needle).replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + ")", "gi");
  return safe.replace(pattern, "<mark>$1</mark>");
}

function runSearch(text) {
  const needle = text.trim();
  if (!needle) {
    if (current) {
      showTable(current);
    } else {
      document.getElementById("table-detail").innerHTML = '<p class="muted">Choose a table on the left, or search for a column.</p>';
    }
    return;
  }
  const n = needle.toLowerCase();
  const tables = [];
  const columns = [];
  for (const s of all) {
    for (const t of s.tables) {
      if (t.name.toLowerCase().includes(n) || t.description.toLowerCase().includes(n)) {
        tables.push(t);
      }
      for (const c of t.columns) {
        if ([c.name, c.ucd, c.description].some((v) => v.toLowerCase().includes(n))) {
          columns.push({ table: t, column: c });
        }
      }
    }
  }
  const detail = document.getElementById("table-detail");
  detail.innerHTML = `<h2>Search: “${esc(needle)}”</h2>
    <p class="muted">${tables.length} table${tables.length === 1 ? "" : "s"} and ${columns.length}
      column${columns.length === 1 ? "" : "s"} match in names, UCDs and descriptions.</p>
    ${tables.length ? `<ul class="search-tables">${tables.map((t) => `<li><a href="#tables/${encodeURIComponent(t.name)}"><code>${highlight(t.name, needle)}</code></a>
      <span class="muted small">${highlight(t.description, needle)}</span></li>`).join("")}</ul>` : ""}
    ${columns.length ? columnTable(columns.slice(0, 300), true, needle) : ""}`;
}
