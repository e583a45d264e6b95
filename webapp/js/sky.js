// SPDX-License-Identifier: BSD-3-Clause
// Just enough HEALPix (NESTED; Gorski et al. 2005, the ang2pix_nest/pix2ang_nest algorithms of
// the HEALPix C++ library) to draw a MOC 2.0 ASCII coverage on a small plate carrée canvas.

const JRLL = [2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4];
const JPLL = [1, 3, 5, 7, 0, 2, 4, 6, 1, 3, 5, 7];
/** Cells are compared at this order at most (nside 1024, 3.4 arcmin): finer than the canvas. */
const DRAW_ORDER = 10;

function spread(v) {
  let x = v & 0xffff;
  x = (x | (x << 8)) & 0x00ff00ff;
  x = (x | (x << 4)) & 0x0f0f0f0f;
  x = (x | (x << 2)) & 0x33333333;
  return (x | (x << 1)) & 0x55555555;
}

function compress(v) {
  let x = v & 0x55555555;
  x = (x | (x >>> 1)) & 0x33333333;
  x = (x | (x >>> 2)) & 0x0f0f0f0f;
  x = (x | (x >>> 4)) & 0x00ff00ff;
  return (x | (x >>> 8)) & 0x0000ffff;
}

/** NESTED index at order (at most 15) of the direction (z = sin dec, phiRad = ra). */
export function ang2pixNest(order, z, phiRad) {
  const nside = 1 << order;
  const za = Math.abs(z);
  let tt = (phiRad / (Math.PI / 2)) % 4;
  if (tt < 0) {
    tt += 4;
  }
  let face;
  let ix;
  let iy;
  if (za <= 2 / 3) {
    const t1 = nside * (0.5 + tt);
    const t2 = nside * z * 0.75;
    const jp = Math.floor(t1 - t2);
    const jm = Math.floor(t1 + t2);
    const ifp = Math.floor(jp / nside);
    const ifm = Math.floor(jm / nside);
    face = ifp === ifm ? ifp | 4 : ifp < ifm ? ifp : ifm + 8;
    ix = jm & (nside - 1);
    iy = nside - (jp & (nside - 1)) - 1;
  } else {
    const ntt = Math.min(3, Math.floor(tt));
    const tp = tt - ntt;
    const tmp = nside * Math.sqrt(3 * (1 - za));
    const jp = Math.min(Math.floor(tp * tmp), nside - 1);
    const jm = Math.min(Math.floor((1 - tp) * tmp), nside - 1);
    if (z >= 0) {
      face = ntt;
      ix = nside - jm - 1;
      iy = nside - jp - 1;
    } else {
      face = ntt + 8;
      ix = jp;
      iy = jm;
    }
  }
  return face * nside * nside + (spread(ix) | (spread(iy) << 1));
}

/** Centre {raDeg, decDeg} of a NESTED cell at order (at most 15). */
export function pix2angNest(order, pix) {
  const nside = 1 << order;
  const npface = nside * nside;
  const npix = 12 * npface;
  const face = Math.floor(pix / npface);
  const ipf = pix - face * npface;
  const ix = compress(ipf);
  const iy = compress(ipf >>> 1);
  const jr = JRLL[face] * nside - ix - iy - 1;
  const fact2 = 4 / npix;
  let nr;
  let z;
  let kshift;
  if (jr < nside) {
    nr = jr;
    z = 1 - nr * nr * fact2;
    kshift = 0;
  } else if (jr > 3 * nside) {
    nr = 4 * nside - jr;
    z = nr * nr * fact2 - 1;
    kshift = 0;
  } else {
    nr = nside;
    z = (2 * nside - jr) * 2 * nside * fact2;
    kshift = (jr - nside) & 1;
  }
  let jp = (JPLL[face] * nr + ix - iy + 1 + kshift) / 2;
  if (jp > 4 * nside) {
    jp -= 4 * nside;
  }
  if (jp < 1) {
    jp += 4 * nside;
  }
  const phi = (jp - (kshift + 1) * 0.5) * (Math.PI / 2 / nr);
  return { raDeg: (phi * 180) / Math.PI, decDeg: (Math.asin(z) * 180) / Math.PI };
}

/**
 * Sorted, merged half-open ranges [lo, hi) at DRAW_ORDER from MOC ASCII text
 * ("s5/1-3 7 6/40" or MOC 1 "5/1-3,7"); time parts (t...) are ignored.
 */
export function mocRanges(text) {
  const ranges = [];
  let order = null;
  let spatial = true;
  for (const token of (text || "").split(/[\s,]+/)) {
    let t = token;
    if (!t) {
      continue;
    }
    if (/^[st]/i.test(t)) {
      spatial = t[0].toLowerCase() === "s";
      t = t.slice(1);
    }
    const slash = t.indexOf("/");
    if (slash >= 0) {
      order = Number(t.slice(0, slash));
      t = t.slice(slash + 1);
    }
    if (!t || order === null || !spatial || Number.isNaN(order)) {
      continue;
    }
    const [a, b] = t.split("-").map(Number);
    const last = Number.isNaN(b) || b === undefined ? a : b;
    if (order <= DRAW_ORDER) {
      const f = 4 ** (DRAW_ORDER - order);
      ranges.push([a * f, (last + 1) * f]);
    } else {
      const f = 4 ** (order - DRAW_ORDER);
      ranges.push([Math.floor(a / f), Math.floor(last / f) + 1]);
    }
  }
  ranges.sort((x, y) => x[0] - y[0]);
  const merged = [];
  for (const r of ranges) {
    const top = merged[merged.length - 1];
    if (top && r[0] <= top[1]) {
      top[1] = Math.max(top[1], r[1]);
    } else {
      merged.push([...r]);
    }
  }
  return merged;
}

function contains(ranges, pix) {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (pix < ranges[mid][0]) {
      hi = mid - 1;
    } else if (pix >= ranges[mid][1]) {
      lo = mid + 1;
    } else {
      return true;
    }
  }
  return false;
}

/**
 * The region to draw around the coverage: the whole sky when it is large, else a box with RA
 * unwrapped across 0. Centres are sampled (at most about 20000) to find the box.
 */
function viewOf(ranges) {
  const total = ranges.reduce((n, [lo, hi]) => n + hi - lo, 0);
  const stride = Math.max(1, Math.floor(total / 20000));
  const points = [];
  for (const [lo, hi] of ranges) {
    for (let p = lo; p < hi; p += stride) {
      points.push(pix2angNest(DRAW_ORDER, p));
    }
  }
  return boxView(points, 58.6 / (1 << DRAW_ORDER));
}

/**
 * A 2:1 view (on the sky) around points {raDeg, decDeg}, padded by one cell of cellDeg and 8%;
 * {full: true} and the whole sky when they spread over more than 120 x 60 degrees.
 */
export function boxView(points, cellDeg) {
  const ras = points.map((p) => p.raDeg).sort((a, b) => a - b);
  let decMin = 90;
  let decMax = -90;
  for (const p of points) {
    decMin = Math.min(decMin, p.decDeg);
    decMax = Math.max(decMax, p.decDeg);
  }
  // The coverage in RA is the circle minus its largest empty gap.
  let gap = 360 - ras[ras.length - 1] + ras[0];
  let raMin = ras[0];
  for (let i = 1; i < ras.length; i++) {
    if (ras[i] - ras[i - 1] > gap) {
      gap = ras[i] - ras[i - 1];
      raMin = ras[i];
    }
  }
  const decMid = (decMin + decMax) / 2;
  const cosDec = Math.max(0.1, Math.cos((decMid * Math.PI) / 180));
  const rawRaSpan = 360 - gap;
  const pad = cellDeg + 0.08 * Math.max(rawRaSpan * cosDec, decMax - decMin);
  let raSpan = rawRaSpan + (2 * pad) / cosDec;
  let decSpan = decMax - decMin + 2 * pad;
  if (raSpan > 120 || decSpan > 60) {
    return { raMin: 0, raSpan: 360, decMin: -90, decSpan: 180, full: true };
  }
  const raMid = raMin + rawRaSpan / 2;
  // Keep the canvas's 2:1 aspect on the sky: widen whichever span is short.
  if (raSpan * cosDec < 2 * decSpan) {
    raSpan = (2 * decSpan) / cosDec;
  } else {
    decSpan = (raSpan * cosDec) / 2;
  }
  return { raMin: raMid - raSpan / 2, raSpan, decMin: decMid - decSpan / 2, decSpan, full: false };
}

function niceStep(span) {
  for (const step of [0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60]) {
    if (span / step <= 6) {
      return step;
    }
  }
  return 90;
}

function wrap360(raDeg) {
  return ((raDeg % 360) + 360) % 360;
}

/**
 * Draws the coverage on the canvas, RA increasing to the left, Dec up; small footprints zoomed
 * unless wholeSky. Grid labels are drawn unless the canvas is a small locator (labels false).
 */
export function drawMoc(canvas, text, { wholeSky = false, labels = true } = {}) {
  const ctx = canvas.getContext("2d");
  const { width: w, height: h } = canvas;
  ctx.fillStyle = "#0d1b2e";
  ctx.fillRect(0, 0, w, h);
  const ranges = mocRanges(text);
  if (!ranges.length) {
    ctx.fillStyle = "rgba(255,255,255,0.6)";
    ctx.font = "12px system-ui, sans-serif";
    ctx.fillText("no coverage given", 10, h - 10);
    return;
  }
  const v = wholeSky ? { raMin: 0, raSpan: 360, decMin: -90, decSpan: 180, full: true } : viewOf(ranges);
  const x = (raDeg) => w * (1 - wrap360(raDeg - v.raMin) / v.raSpan);
  const y = (decDeg) => h * (1 - (decDeg - v.decMin) / v.decSpan);
  const image = ctx.getImageData(0, 0, w, h);
  let painted = 0;
  for (let py = 0; py < h; py++) {
    const dec = v.decMin + v.decSpan * (1 - (py + 0.5) / h);
    if (dec < -90 || dec > 90) {
      continue;
    }
    const z = Math.sin((dec * Math.PI) / 180);
    for (let px = 0; px < w; px++) {
      const ra = wrap360(v.raMin + v.raSpan * (1 - (px + 0.5) / w));
      if (contains(ranges, ang2pixNest(DRAW_ORDER, z, (ra * Math.PI) / 180))) {
        image.data.set([255, 209, 102, 255], (py * w + px) * 4);
        painted++;
      }
    }
  }
  ctx.putImageData(image, 0, 0);
  drawGrid(ctx, v, x, y, labels);
  if (painted < 4 || v.full) {
    // Fields of a degree or so are specks on a whole-sky canvas: mark cell centres so they show.
    ctx.fillStyle = "#ffd166";
    let n = 0;
    for (const [lo, hi] of ranges) {
      for (let p = lo; p < hi && n < 2000; p += Math.max(1, Math.floor((hi - lo) / 16)), n++) {
        const c = pix2angNest(DRAW_ORDER, p);
        ctx.beginPath();
        ctx.arc(x(c.raDeg), y(c.decDeg), labels ? 2.5 : 1.5, 0, 2 * Math.PI);
        ctx.fill();
      }
    }
  }
}

function drawGrid(ctx, v, x, y, labels = true) {
  const { width: w, height: h } = ctx.canvas;
  ctx.strokeStyle = "rgba(255,255,255,0.14)";
  ctx.fillStyle = "rgba(255,255,255,0.55)";
  ctx.font = "10px system-ui, sans-serif";
  ctx.lineWidth = 1;
  const raStep = v.full ? 60 : niceStep(v.raSpan);
  for (let ra = Math.ceil(v.raMin / raStep) * raStep; ra <= v.raMin + v.raSpan; ra += raStep) {
    const px = Math.round(x(ra)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(px, 0);
    ctx.lineTo(px, h);
    ctx.stroke();
    if (labels) {
      ctx.fillText(`${+wrap360(ra).toFixed(1)}°`, px + 2, h - 4);
    }
  }
  const decStep = v.full ? 30 : niceStep(v.decSpan);
  for (let dec = Math.ceil(v.decMin / decStep) * decStep; dec <= v.decMin + v.decSpan; dec += decStep) {
    const py = Math.round(y(dec)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(0, py);
    ctx.lineTo(w, py);
    ctx.stroke();
    if (labels) {
      ctx.fillText(`${+dec.toFixed(1)}°`, 3, py - 2);
    }
  }
}

/**
 * Draws the cells of one map (NESTED at order) in the view, coloured by colorOf(cell) (an
 * [r, g, b] array, or null for no colour), with an RA/Dec grid.
 */
export function drawCells(canvas, order, colorOf, view) {
  const ctx = canvas.getContext("2d");
  const { width: w, height: h } = canvas;
  ctx.fillStyle = "#0d1b2e";
  ctx.fillRect(0, 0, w, h);
  const image = ctx.getImageData(0, 0, w, h);
  for (let py = 0; py < h; py++) {
    const dec = view.decMin + view.decSpan * (1 - (py + 0.5) / h);
    if (dec < -90 || dec > 90) {
      continue;
    }
    const z = Math.sin((dec * Math.PI) / 180);
    for (let px = 0; px < w; px++) {
      const ra = wrap360(view.raMin + view.raSpan * (1 - (px + 0.5) / w));
      const rgb = colorOf(ang2pixNest(order, z, (ra * Math.PI) / 180));
      if (rgb) {
        image.data.set([rgb[0], rgb[1], rgb[2], 255], (py * w + px) * 4);
      }
    }
  }
  ctx.putImageData(image, 0, 0);
  drawGrid(ctx, view, (ra) => w * (1 - wrap360(ra - view.raMin) / view.raSpan),
    (dec) => h * (1 - (dec - view.decMin) / view.decSpan));
}

const VIRIDIS = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]];

/** Viridis-like colour of t in [0, 1]. */
export function ramp(t) {
  const x = Math.min(1, Math.max(0, t)) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(x));
  const f = x - i;
  return VIRIDIS[i].map((c, k) => Math.round(c + f * (VIRIDIS[i + 1][k] - c)));
}

/** CSS gradient of the ramp, for legends. */
export const RAMP_CSS = `linear-gradient(90deg, ${VIRIDIS.map((c) => `rgb(${c.join(",")})`).join(", ")})`;
