// SPDX-License-Identifier: BSD-3-Clause
// Map gallery: one card per HEALPix map product of maps.map, with a preview of its pixel values in
// its largest field (queried from maps.map_pixel), its whole-sky coverage drawn from the MOC, a
// query of its pixels and downloads of the pixel table.

import { download, esc, formatCount, syncJson, tapUrl } from "./api.js";
import { RAMP_CSS, ang2pixNest, boxView, drawCells, drawMoc, pix2angNest, ramp } from "./sky.js";
import { setQuery } from "./query.js";
import { schemas } from "./metadata.js";

/** Previews cover one order-2 HEALPix cell (about 15 degrees across): the largest field. */
const FIELD_ORDER = 2;
const BIT_COLORS = [[239, 68, 68], [249, 115, 22], [168, 85, 247], [56, 189, 248], [244, 114, 182], [163, 230, 53]];

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

function quote(text) {
  return `'${String(text).replace(/'/g, "''")}'`;
}

let valueColumn = "pixel_value";

/** The value column of maps.map_pixel as ADQL (older releases call it "value", a reserved word). */
async function findValueColumn() {
  const all = await schemas();
  const table = all.flatMap((s) => s.tables).find((t) => t.name.toLowerCase() === "maps.map_pixel");
  const names = table ? table.columns.map((c) => c.name) : [];
  valueColumn = names.includes("pixel_value") || !names.includes("value") ? "pixel_value" : '"value"';
}

function pixelQuery(mapId) {
  return `SELECT pixel, ${valueColumn}, mask\nFROM maps.map_pixel\nWHERE map_id = ${quote(mapId)}\nORDER BY pixel`;
}

export async function loadMaps() {
  if (loaded) {
    return;
  }
  const holder = document.getElementById("maps");
  let result;
  try {
    // SELECT *: the page reads the columns it knows by name and does not depend on the others.
    result = await syncJson("SELECT * FROM maps.map ORDER BY product_type, band, map_id", 1000);
  } catch (e) {
    holder.innerHTML = `<p class="error-text">Could not read maps.map: ${esc(e.message)}</p>`;
    return;
  }
  loaded = true;
  await findValueColumn().catch(() => {});
  const names = result.metadata.map((c) => c.name.toLowerCase());
  const maps = result.data.map((row) => Object.fromEntries(names.map((n, i) => [n, row[i]])));
  if (!maps.length) {
    holder.innerHTML = '<p class="muted">This service holds no map products yet.</p>';
    return;
  }
  holder.innerHTML = maps.map(card).join("");
  maps.forEach((m, i) => drawMoc(document.getElementById(`map-sky-${i}`), m.moc || "", { wholeSky: true, labels: false }));
  previews(maps).catch((e) => {
    for (const el of holder.querySelectorAll(".map-legend")) {
      el.textContent = `No preview: ${e.message}`;
    }
  });
}

function area(m) {
  return m.sky_area ?? m.area ?? null;
}

function card(m, i) {
  const facts = [
    ["band", m.band || "—"],
    ["order", `${m.hpx_order} (nside ${formatCount(m.nside)})`],
    ["pixels", formatCount(m.n_pixels)],
    ["area", area(m) === null ? "—" : `${Number(area(m)).toFixed(2)} deg²`],
    ["values", [m.quantity, m.value_unit].filter(Boolean).join(" in ") || "mask only"],
  ];
  return `<article class="map-card" aria-labelledby="map-${i}">
    <div class="map-figure">
      <canvas id="map-field-${i}" width="360" height="180" role="img"
        aria-label="Pixel values of ${esc(m.map_id)} in its largest field"></canvas>
      <canvas id="map-sky-${i}" class="map-locator" width="120" height="60" role="img"
        aria-label="Whole-sky coverage of ${esc(m.map_id)}"></canvas>
    </div>
    <div class="map-legend small" id="map-legend-${i}">Loading the preview…</div>
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

/**
 * Chooses the region to preview: the order-2 cell holding most pixels of the first map, then a
 * disk around the centre of those pixels wide enough to hold the whole field they belong to;
 * then draws every map there.
 */
async function previews(maps) {
  const first = maps[0];
  const per = 4 ** (first.hpx_order - FIELD_ORDER);
  const cells = await syncJson(`SELECT FLOOR(pixel / ${per}.0) AS cell, COUNT(*) AS n FROM maps.map_pixel
    WHERE map_id = ${quote(first.map_id)} GROUP BY FLOOR(pixel / ${per}.0) ORDER BY n DESC`, 1000);
  if (!cells.data.length) {
    throw new Error("no pixels stored");
  }
  const cell = Number(cells.data[0][0]);
  const seed = await syncJson(`SELECT pixel FROM maps.map_pixel WHERE map_id = ${quote(first.map_id)}
    AND pixel >= ${cell * per} AND pixel < ${(cell + 1) * per}`, 1_000_000);
  const points = seed.data.map(([p]) => pix2angNest(first.hpx_order, Number(p)));
  const centre = centroid(points);
  const radiusDeg = Math.min(8, 2 * Math.max(...points.map((q) => distanceDeg(centre, q))) + 0.2);
  // The order-2 cells the disk touches, from points on two rings (cells are ~15 degrees wide).
  const around = new Set([cell]);
  for (const r of [radiusDeg / 2, radiusDeg]) {
    for (let k = 0; k < 32; k++) {
      const q = offset(centre, r, (k * Math.PI) / 16);
      around.add(ang2pixNest(FIELD_ORDER, Math.sin((q.decDeg * Math.PI) / 180), (q.raDeg * Math.PI) / 180));
    }
  }
  for (let i = 0; i < maps.length; i++) {
    await preview(maps[i], i, [...around], centre, radiusDeg);
  }
}

function toVec({ raDeg, decDeg }) {
  const ra = (raDeg * Math.PI) / 180;
  const dec = (decDeg * Math.PI) / 180;
  return [Math.cos(dec) * Math.cos(ra), Math.cos(dec) * Math.sin(ra), Math.sin(dec)];
}

function centroid(points) {
  const sum = points.map(toVec).reduce((a, v) => a.map((x, k) => x + v[k]), [0, 0, 0]);
  const n = Math.hypot(...sum) || 1;
  return { raDeg: ((Math.atan2(sum[1], sum[0]) * 180) / Math.PI + 360) % 360, decDeg: (Math.asin(sum[2] / n) * 180) / Math.PI };
}

function distanceDeg(a, b) {
  const u = toVec(a);
  const v = toVec(b);
  const cross = Math.hypot(u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]);
  return (Math.atan2(cross, u[0] * v[0] + u[1] * v[1] + u[2] * v[2]) * 180) / Math.PI;
}

/** The point at distanceDeg from c towards the position angle bearingRad (east of north). */
function offset(c, distDeg, bearingRad) {
  const d = (distDeg * Math.PI) / 180;
  const dec0 = (c.decDeg * Math.PI) / 180;
  const dec = Math.asin(Math.sin(dec0) * Math.cos(d) + Math.cos(dec0) * Math.sin(d) * Math.cos(bearingRad));
  const dra = Math.atan2(Math.sin(bearingRad) * Math.sin(d) * Math.cos(dec0), Math.cos(d) - Math.sin(dec0) * Math.sin(dec));
  return { raDeg: (((c.raDeg * Math.PI) / 180 + dra) * 180) / Math.PI, decDeg: (dec * 180) / Math.PI };
}

async function preview(m, i, cells, centre, radiusDeg) {
  const legend = document.getElementById(`map-legend-${i}`);
  const per = 4 ** (m.hpx_order - FIELD_ORDER);
  const inCells = cells.map((c) => `(pixel >= ${c * per} AND pixel < ${(c + 1) * per})`).join(" OR ");
  let r;
  try {
    r = await syncJson(`SELECT pixel, ${valueColumn}, mask FROM maps.map_pixel WHERE map_id = ${quote(m.map_id)}
      AND (${inCells})`, 1_000_000);
  } catch (e) {
    legend.textContent = `No preview: ${e.message}`;
    return;
  }
  r.data = r.data.filter(([p]) => distanceDeg(centre, pix2angNest(m.hpx_order, Number(p))) <= radiusDeg);
  if (!r.data.length) {
    legend.textContent = "No pixels in the previewed region.";
    return;
  }
  const byMask = String(m.product_type).toLowerCase() === "bitmask" || r.data.every((row) => row[1] === null);
  const pixels = new Map(r.data.map(([p, value, mask]) => [Number(p), byMask ? mask : value]));
  const view = boxView(r.data.filter((_, k) => k % 4 === 0).map(([p]) => pix2angNest(m.hpx_order, Number(p))),
    58.6 / (1 << m.hpx_order));
  let colorOf;
  if (byMask) {
    const bits = bitNames(m.bit_definitions);
    colorOf = (p) => {
      const mask = pixels.get(p);
      if (mask === undefined || mask === null) {
        return null;
      }
      if (mask === 0) {
        return [36, 74, 110];
      }
      const bit = Math.round(Math.log2(mask & -mask));
      return BIT_COLORS[bit % BIT_COLORS.length];
    };
    const present = [...new Set(r.data.map((row) => row[2]).filter((x) => x))].reduce((acc, x) => acc | x, 0);
    legend.innerHTML = `<span class="swatch" style="background: rgb(36,74,110)"></span> clean `
      + [...Array(31).keys()].filter((b) => present & (1 << b)).map((b) => `<span class="swatch"
        style="background: rgb(${BIT_COLORS[b % BIT_COLORS.length].join(",")})"></span> ${esc(bits[b] || "bit " + b)}`).join(" ");
  } else {
    const values = r.data.map((row) => row[1]).filter((x) => x !== null).sort((a, b) => a - b);
    const lo = values[Math.floor(values.length * 0.02)];
    const hi = values[Math.ceil(values.length * 0.98) - 1];
    const span = hi - lo || 1;
    colorOf = (p) => {
      const v = pixels.get(p);
      return v === undefined || v === null ? null : ramp((v - lo) / span);
    };
    const unit = m.value_unit ? ` ${m.value_unit}` : "";
    legend.innerHTML = `<span>${esc(fmt(lo))}${esc(unit)}</span><span class="bar" style="background: ${RAMP_CSS}"></span>
      <span>${esc(fmt(hi))}${esc(unit)}</span>`;
  }
  drawCells(document.getElementById(`map-field-${i}`), m.hpx_order, colorOf, view);
  legend.insertAdjacentHTML("beforeend", `<span class="muted">· ${formatCount(r.data.length)} pixels within
    ${radiusDeg.toFixed(1)}° of RA ${centre.raDeg.toFixed(1)}°, Dec ${centre.decDeg.toFixed(1)}°</span>`);
}

function fmt(x) {
  return Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toFixed(3);
}

function bitNames(json) {
  try {
    const parsed = JSON.parse(json || "{}");
    return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [Number(k), String(v).split(/[:;(]/)[0].trim()]));
  } catch {
    return {};
  }
}
