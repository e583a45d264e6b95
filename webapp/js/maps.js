// SPDX-License-Identifier: BSD-3-Clause
// Map gallery: one card per HEALPix map product of maps.map, with its coverage drawn from the MOC,
// a query of its pixels and downloads of the pixel table.

import { download, esc, formatCount, syncJson, tapUrl } from "./api.js";
import { drawMoc } from "./sky.js";
import { setQuery } from "./query.js";

const COLUMNS = ["map_id", "product_type", "survey", "release", "band", "quantity", "value_unit", "hpx_order",
  "nside", "n_pixels", "area", "moc", "description"];

let loaded = false;

export function initMaps() {
  document.getElementById("maps").addEventListener("click", (e) => {
    const button = e.target.closest("button[data-map]");
    if (!button) {
      return;
    }
    const query = pixelQuery(button.dataset.map);
    if (button.dataset.action === "query") {
      setQuery(query);
      location.hash = "#query";
    } else {
      const params = new URLSearchParams({ REQUEST: "doQuery", LANG: "ADQL", QUERY: query, RESPONSEFORMAT: button.dataset.action });
      download(`${tapUrl}/sync?${params}`, `${button.dataset.map}.${button.dataset.action}`);
    }
  });
}

function pixelQuery(mapId) {
  return `SELECT pixel, value, mask\nFROM maps.map_pixel\nWHERE map_id = '${mapId.replace(/'/g, "''")}'\nORDER BY pixel`;
}

export async function loadMaps() {
  if (loaded) {
    return;
  }
  const holder = document.getElementById("maps");
  let result;
  try {
    result = await syncJson(`SELECT ${COLUMNS.join(", ")} FROM maps.map ORDER BY product_type, band, map_id`, 1000);
  } catch (e) {
    holder.innerHTML = `<p class="error-text">Could not read maps.map: ${esc(e.message)}</p>`;
    return;
  }
  loaded = true;
  const names = result.metadata.map((c) => c.name.toLowerCase());
  const maps = result.data.map((row) => Object.fromEntries(names.map((n, i) => [n, row[i]])));
  if (!maps.length) {
    holder.innerHTML = '<p class="muted">This service holds no map products yet.</p>';
    return;
  }
  holder.innerHTML = maps.map(card).join("");
  for (const canvas of holder.querySelectorAll("canvas[data-moc-index]")) {
    drawMoc(canvas, maps[Number(canvas.dataset.mocIndex)].moc || "");
  }
}

function card(m, i) {
  const facts = [
    ["band", m.band || "—"],
    ["order", `${m.hpx_order} (nside ${formatCount(m.nside)})`],
    ["pixels", formatCount(m.n_pixels)],
    ["area", m.area === null ? "—" : `${Number(m.area).toFixed(2)} deg²`],
    ["values", [m.quantity, m.value_unit].filter(Boolean).join(" in ") || "mask only"],
  ];
  return `<article class="map-card" aria-labelledby="map-${i}">
    <canvas width="320" height="160" data-moc-index="${i}" role="img"
      aria-label="Sky coverage of ${esc(m.map_id)} (equatorial, RA increasing to the left; small footprints are zoomed)"></canvas>
    <div class="map-body">
      <h2 id="map-${i}"><code>${esc(m.map_id)}</code></h2>
      <p><span class="chip kind-${esc(String(m.product_type).toLowerCase())}">${esc(m.product_type)}</span>
        <span class="muted small">${esc([m.survey, m.release].filter(Boolean).join(" · "))}</span></p>
      <dl class="facts">${facts.map(([k, v]) => `<div><dt>${esc(k)}</dt><dd>${esc(v)}</dd></div>`).join("")}</dl>
      <p class="small">${esc(m.description || "")}</p>
      <p class="map-actions">
        <button type="button" class="small" data-map="${esc(m.map_id)}" data-action="query">Query pixels</button>
        <button type="button" class="small" data-map="${esc(m.map_id)}" data-action="fits">Pixels as FITS</button>
        <button type="button" class="small" data-map="${esc(m.map_id)}" data-action="csv">CSV</button>
      </p>
    </div>
  </article>`;
}
