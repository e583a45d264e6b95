// SPDX-License-Identifier: BSD-3-Clause
// The landing view: what the service holds (schemas, tables with row counts, map products),
// its endpoints as absolute URLs and copy-paste snippets for TOPCAT, pyvo and astroquery.

import { compactCount, esc, formatCount, syncJson, tapUrl } from "./api.js";
import { schemas } from "./metadata.js";
import { loadExamples } from "./query.js";

const ENDPOINTS = [
  ["TAP base URL", "", "give this to TOPCAT, pyvo or astroquery"],
  ["Synchronous queries", "/sync", "results stream back at once"],
  ["Asynchronous jobs", "/async", "UWS 1.1 job list"],
  ["Table metadata", "/tables", "VOSI tables (VODataService 1.2)"],
  ["Capabilities", "/capabilities", "ADQL features, formats, limits"],
  ["Availability", "/availability", "VOSI availability"],
  ["Example queries", "/examples", "DALI examples document"],
];

const SAMPLE = "SELECT TOP 100 objectId, coord_ra, coord_dec, i_cModelMag FROM lsst.object";

function snippets(url) {
  return {
    topcat: {
      intro: "In TOPCAT choose <b>VO → Table Access Protocol (TAP) Query</b>, paste the TAP base URL into "
        + "<i>Selected TAP Service</i> at the bottom and press <b>Use Service</b>: the tables and the "
        + "example queries appear in TOPCAT's query panel. Without a window, TOPCAT's command-line twin STILTS runs queries too:",
      code: `stilts tapquery tapurl=${url} \\\n  adql="SELECT TOP 100 * FROM lsst.object" \\\n  out=objects.fits`,
    },
    pyvo: {
      intro: "With <a href=\"https://pyvo.readthedocs.io/\">pyvo</a> (<code>pip install pyvo</code>):",
      code: `import pyvo\n\ntap = pyvo.dal.TAPService("${url}")\n# synchronous\nobjects = tap.search("${SAMPLE}").to_table()\n# asynchronous, for long queries\njob = tap.submit_job("SELECT run_id, COUNT(*) AS n FROM pz.photoz GROUP BY run_id")\njob.run().wait()\nprint(job.fetch_result().to_table())`,
    },
    astroquery: {
      intro: "With <a href=\"https://astroquery.readthedocs.io/\">astroquery</a>'s generic TAP client:",
      code: `from astroquery.utils.tap.core import TapPlus\n\ntap = TapPlus(url="${url}")\njob = tap.launch_job("${SAMPLE}")\nprint(job.get_results())\n# asynchronous\njob = tap.launch_job_async("SELECT TOP 10000 * FROM pz.photoz")\nresults = job.get_results()`,
    },
    curl: {
      intro: "Any HTTP client works; the result format is chosen with <code>RESPONSEFORMAT</code> "
        + "(votable, votable/td, fits, csv, tsv, json, html):",
      code: `curl -s "${url}/sync" \\\n  --data-urlencode LANG=ADQL \\\n  --data-urlencode "QUERY=${SAMPLE}" \\\n  --data-urlencode RESPONSEFORMAT=csv`,
    },
  };
}

export function initOverview() {
  renderEndpoints();
  renderSnippets();
  renderExamples();
}

async function renderExamples() {
  const list = await loadExamples();
  const holder = document.getElementById("start-examples");
  holder.innerHTML = list.slice(0, 5).map((x) => `<li><a href="#query/${encodeURIComponent(x.id)}">${esc(x.name)}</a>
    <span class="muted small">${esc(firstSentence(x.description))}</span></li>`).join("")
    || '<li class="muted">No examples published.</li>';
}

export async function loadOverview() {
  let all;
  try {
    all = await schemas();
  } catch (e) {
    document.getElementById("holdings").innerHTML = `<p class="error-text">Could not read the table set: ${esc(e.message)}</p>`;
    return;
  }
  const published = all.filter((s) => !["tap_schema", "tap_upload"].includes(s.name.toLowerCase()));
  const tables = published.flatMap((s) => s.tables);
  const rows = tables.reduce((sum, t) => sum + (t.nrows ?? 0), 0);
  document.getElementById("stat-schemas").textContent = published.length;
  document.getElementById("stat-tables").textContent = tables.length;
  document.getElementById("stat-rows").textContent = compactCount(rows);
  document.getElementById("stat-rows").title = formatCount(rows) + " rows";
  document.getElementById("holdings").innerHTML = published.map(schemaBlock).join("")
    + `<p class="muted small">Plus <code>tap_schema</code>, the TAP metadata tables.</p>`;
  const hasMaps = tables.some((t) => t.name.toLowerCase() === "maps.map");
  loadMapSummary(hasMaps);
}

function schemaBlock(s) {
  const rows = s.tables.map((t) => `
    <tr>
      <th scope="row"><a href="#tables/${encodeURIComponent(t.name)}">${esc(t.name)}</a></th>
      <td class="num" title="${esc(formatCount(t.nrows))} rows">${t.nrows === null ? "–" : esc(compactCount(t.nrows))}</td>
      <td class="desc" title="${esc(t.description)}">${esc(firstSentence(t.description))}</td>
    </tr>`).join("");
  return `<div class="schema-block">
    <h3><code>${esc(s.name)}</code> <span class="muted">${esc(firstSentence(s.description))}</span></h3>
    <table class="holdings-table"><thead><tr><th scope="col">table</th><th scope="col" class="num">rows</th>
      <th scope="col">content</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

/** The first sentence or clause of a description, cut at a word near 120 characters. */
function firstSentence(text) {
  const t = (text || "").trim();
  const m = /^(.{20,}?)[.;:](\s|$)/.exec(t);
  const s = m ? m[1] : t;
  return s.length <= 120 ? s : s.slice(0, s.lastIndexOf(" ", 115)) + " …";
}

async function loadMapSummary(hasMaps) {
  const stat = document.getElementById("stat-maps");
  if (!hasMaps) {
    stat.textContent = "0";
    return;
  }
  try {
    const r = await syncJson("SELECT product_type, COUNT(*) AS n FROM maps.map GROUP BY product_type ORDER BY product_type", 100);
    const total = r.data.reduce((sum, row) => sum + Number(row[1]), 0);
    stat.textContent = total;
    stat.title = r.data.map((row) => `${row[1]} ${row[0]}`).join(", ");
    const kinds = r.data.map((row) => `<a href="#maps" class="chip">${esc(row[0])} <b>${esc(row[1])}</b></a>`).join(" ");
    const holder = document.createElement("div");
    holder.className = "schema-block";
    holder.innerHTML = `<h3>Map products <span class="muted">HEALPix maps by kind</span></h3><p>${kinds}</p>
      <p class="small"><a href="#maps">Previews of every map in the gallery →</a></p>`;
    document.getElementById("holdings").append(holder);
  } catch (e) {
    stat.textContent = "–";
    stat.title = e.message;
  }
}

function renderEndpoints() {
  document.getElementById("endpoints").innerHTML = ENDPOINTS.map(([label, path, note]) => {
    const url = tapUrl + path;
    return `<tr><th scope="row">${esc(label)}</th>
      <td><a href="${esc(url)}"><code>${esc(url)}</code></a><span class="muted small">${esc(note)}</span></td>
      <td><button class="copy small" data-copy="${esc(url)}" aria-label="Copy ${esc(label)} URL">Copy</button></td></tr>`;
  }).join("");
  for (const el of document.querySelectorAll(".tap-url")) {
    el.textContent = tapUrl;
  }
}

function renderSnippets() {
  const all = snippets(tapUrl);
  for (const [key, s] of Object.entries(all)) {
    document.getElementById("snip-" + key).innerHTML = `<p>${s.intro}</p>
      <div class="code-block"><pre><code>${esc(s.code)}</code></pre>
      <button class="copy small" data-copy="${esc(s.code)}" aria-label="Copy the ${esc(key)} snippet">Copy</button></div>`;
  }
  const tabs = [...document.querySelectorAll(".snippet-tabs [role=tab]")];
  const select = (tab) => {
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute("aria-selected", String(on));
      t.tabIndex = on ? 0 : -1;
      document.getElementById(t.getAttribute("aria-controls")).hidden = !on;
    }
  };
  tabs.forEach((tab, i) => {
    tab.addEventListener("click", () => select(tab));
    tab.addEventListener("keydown", (e) => {
      const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
      if (step) {
        const next = tabs[(i + step + tabs.length) % tabs.length];
        select(next);
        next.focus();
      }
    });
  });
}
