// SPDX-License-Identifier: BSD-3-Clause
// The table set from /tap/tables (VOSI 1.1 tableset, VODataService 1.2) as plain objects, and the
// service limits from /tap/capabilities (TAPRegExt outputLimit).

import { kid, kidText, kids, xml } from "./api.js";

let tableset = null;

/**
 * Loads (once per identity) the schemas: [{name, description, tables: [{name, schema, type,
 * description, nrows, columns: [{name, description, unit, ucd, utype, xtype, datatype,
 * arraysize, flags}]}]}]. nrows is null when the service gives no count.
 */
export function schemas() {
  if (!tableset) {
    tableset = xml("/tables").then(({ doc }) => kids(doc.documentElement, "schema").map(readSchema));
    tableset.catch(() => {
      tableset = null;
    });
  }
  return tableset;
}

/** Forgets the cached table set (the visible tables depend on the identity). */
export function forget() {
  tableset = null;
}

function readSchema(el) {
  const name = kidText(el, "name");
  return {
    name,
    description: kidText(el, "description"),
    tables: kids(el, "table").map((t) => readTable(t, name)),
  };
}

function readTable(el, schema) {
  const nrows = kidText(el, "nrows");
  return {
    name: kidText(el, "name"),
    schema,
    type: el.getAttribute("type") || "table",
    description: kidText(el, "description"),
    nrows: nrows === "" ? null : Number(nrows),
    columns: kids(el, "column").map(readColumn),
    foreignKeys: kids(el, "foreignKey").map((fk) => ({
      target: kidText(fk, "targetTable"),
      columns: kids(fk, "fkColumn").map((c) => [kidText(c, "fromColumn"), kidText(c, "targetColumn")]),
    })),
  };
}

function readColumn(el) {
  const dt = kid(el, "dataType");
  return {
    name: kidText(el, "name"),
    description: kidText(el, "description"),
    unit: kidText(el, "unit"),
    ucd: kidText(el, "ucd"),
    utype: kidText(el, "utype"),
    xtype: kidText(el, "xtype"),
    datatype: dt ? dt.textContent.trim() : "",
    arraysize: dt ? dt.getAttribute("arraysize") || "" : "",
    flags: kids(el, "flag").map((f) => f.textContent.trim()),
    std: el.getAttribute("std") === "true",
  };
}

let limits = null;

/** {defaultMaxrec, hardMaxrec} from TAPRegExt outputLimit (null members when not declared). */
export function serviceLimits() {
  if (!limits) {
    limits = xml("/capabilities").then(({ doc }) => {
      const out = doc.getElementsByTagName("outputLimit")[0];
      const num = (name) => {
        const el = out ? kid(out, name) : null;
        return el && el.getAttribute("unit") === "row" ? Number(el.textContent.trim()) : null;
      };
      return { defaultMaxrec: num("default"), hardMaxrec: num("hard") };
    }).catch(() => ({ defaultMaxrec: null, hardMaxrec: null }));
  }
  return limits;
}

/** Datatype as a reader expects it: "double", "char(*)", "float[*]". */
export function typeLabel(c) {
  if (!c.arraysize) {
    return c.datatype;
  }
  return c.datatype === "char" || c.datatype === "unicodeChar"
    ? `${c.datatype}(${c.arraysize})` : `${c.datatype}[${c.arraysize}]`;
}
