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

/** Draws the coverage on the canvas: RA 360..0 left to right, Dec +90..-90 top to bottom. */
export function drawMoc(canvas, text) {
  const ctx = canvas.getContext("2d");
  const { width: w, height: h } = canvas;
  ctx.fillStyle = "#0d1b2e";
  ctx.fillRect(0, 0, w, h);
  ctx.strokeStyle = "rgba(255,255,255,0.12)";
  ctx.lineWidth = 1;
  for (let ra = 0; ra <= 360; ra += 60) {
    const x = Math.round(w * (1 - ra / 360)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(x, 0);
    ctx.lineTo(x, h);
    ctx.stroke();
  }
  for (let dec = -60; dec <= 60; dec += 30) {
    const y = Math.round((h * (90 - dec)) / 180) + 0.5;
    ctx.beginPath();
    ctx.moveTo(0, y);
    ctx.lineTo(w, y);
    ctx.stroke();
  }
  const ranges = mocRanges(text);
  if (!ranges.length) {
    ctx.fillStyle = "rgba(255,255,255,0.6)";
    ctx.font = "12px system-ui, sans-serif";
    ctx.fillText("no coverage given", 10, h - 10);
    return;
  }
  const image = ctx.getImageData(0, 0, w, h);
  let painted = 0;
  for (let py = 0; py < h; py++) {
    const decRad = ((90 - ((py + 0.5) * 180) / h) * Math.PI) / 180;
    const z = Math.sin(decRad);
    for (let px = 0; px < w; px++) {
      const raRad = (1 - (px + 0.5) / w) * 2 * Math.PI;
      if (contains(ranges, ang2pixNest(DRAW_ORDER, z, raRad))) {
        const k = (py * w + px) * 4;
        image.data.set([255, 209, 102, 255], k);
        painted++;
      }
    }
  }
  ctx.putImageData(image, 0, 0);
  if (painted < 4) {
    // Smaller than a canvas pixel: mark the cells' centres so the footprint stays visible.
    ctx.fillStyle = "#ffd166";
    let n = 0;
    for (const [lo, hi] of ranges) {
      for (let p = lo; p < hi && n < 2000; p += Math.max(1, Math.floor((hi - lo) / 16)), n++) {
        const c = pix2angNest(DRAW_ORDER, p);
        ctx.beginPath();
        ctx.arc(w * (1 - c.raDeg / 360), (h * (90 - c.decDeg)) / 180, 2.5, 0, 2 * Math.PI);
        ctx.fill();
      }
    }
  }
}
