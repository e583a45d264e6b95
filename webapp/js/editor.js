// SPDX-License-Identifier: BSD-3-Clause
// A small ADQL editor: a textarea over a <pre> that shows the same text highlighted, a line-number
// gutter, and an error marker at a 1-based (line, column) as the server reports it.

const KEYWORDS = new Set(`ALL AND AS ASC BETWEEN BY CASE CROSS DESC DISTINCT ELSE END EXCEPT EXISTS FETCH FIRST FROM
FULL GROUP HAVING IN INNER INTERSECT IS JOIN LEFT LIKE ILIKE NATURAL NOT NULL OFFSET ON OR ORDER OUTER RIGHT ROWS
ONLY SELECT THEN TOP UNION USING WHEN WHERE WITH TRUE FALSE CAST`.split(/\s+/));

const FUNCTIONS = new Set(`ABS ACOS ASIN ATAN ATAN2 AVG CEILING COS COT COUNT DEGREES EXP FLOOR LOG LOG10 MAX MIN MOD PI
POWER RADIANS RAND ROUND SIN SQRT SUM TAN TRUNCATE LOWER UPPER TRIM POSITION SUBSTRING COALESCE NULLIF
GREATEST LEAST IN_UNIT AREA BOX CENTROID CIRCLE CONTAINS COORD1 COORD2 COORDSYS DISTANCE INTERSECTS POINT
POLYGON REGION`.split(/\s+/));

const TOKEN = /(--[^\n]*)|('(?:[^']|'')*'?)|("(?:[^"]|"")*"?)|(\b\d+(?:\.\d*)?(?:[eE][+-]?\d+)?\b|\.\d+(?:[eE][+-]?\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|(<>|<=|>=|!=|\|\||[-+*/%<>=(),.;])/g;

function escapeHtml(s) {
  return s.replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c]);
}

/** The highlighted HTML of one line of ADQL (ADQL comments run to the end of a line). */
function highlightLine(text) {
  let out = "";
  let last = 0;
  let m;
  TOKEN.lastIndex = 0;
  while ((m = TOKEN.exec(text)) !== null) {
    out += escapeHtml(text.slice(last, m.index));
    const [tok, comment, str, quoted, num, word] = m;
    let cls = "t-op";
    if (comment) {
      cls = "t-comment";
    } else if (str) {
      cls = "t-string";
    } else if (quoted) {
      cls = "t-ident";
    } else if (num) {
      cls = "t-number";
    } else if (word) {
      const upper = word.toUpperCase();
      const next = text.slice(m.index + tok.length).trimStart();
      if (KEYWORDS.has(upper)) {
        cls = "t-keyword";
      } else if (FUNCTIONS.has(upper) || (upper.startsWith("IVO_") && next.startsWith("("))) {
        cls = "t-function";
      } else {
        cls = "t-name";
      }
    }
    out += `<span class="${cls}">${escapeHtml(tok)}</span>`;
    last = m.index + tok.length;
  }
  return out + escapeHtml(text.slice(last));
}

export class AdqlEditor {
  constructor(textarea, pre, gutter) {
    this.textarea = textarea;
    this.pre = pre;
    this.gutter = gutter;
    this.error = null;
    textarea.addEventListener("input", () => {
      this.error = null;
      this.render();
    });
    textarea.addEventListener("scroll", () => this.syncScroll());
    this.render();
  }

  get value() {
    return this.textarea.value;
  }

  set value(text) {
    this.textarea.value = text;
    this.error = null;
    this.render();
    this.textarea.scrollTop = 0;
    this.textarea.scrollLeft = 0;
    this.syncScroll();
  }

  /** Marks the token starting at 1-based line and column, selects it and scrolls to it. */
  markError(line, column) {
    const lines = this.value.split("\n");
    const l = Math.min(Math.max(line, 1), Math.max(lines.length, 1));
    const text = lines[l - 1] ?? "";
    const start = Math.min(Math.max(column - 1, 0), text.length);
    const word = /^([A-Za-z0-9_]+|'(?:[^']|'')*'|"(?:[^"]|"")*"|\S)/.exec(text.slice(start));
    const length = word ? word[0].length : 0;
    this.error = { line: l, start, end: start + length };
    this.render();
    let offset = 0;
    for (let i = 0; i < l - 1; i++) {
      offset += lines[i].length + 1;
    }
    this.textarea.focus();
    this.textarea.setSelectionRange(offset + start, offset + start + length);
    const lineHeight = parseFloat(getComputedStyle(this.textarea).lineHeight) || 20;
    this.textarea.scrollTop = Math.max(0, (l - 3) * lineHeight);
    this.syncScroll();
  }

  clearError() {
    if (this.error) {
      this.error = null;
      this.render();
    }
  }

  render() {
    const lines = this.value.split("\n");
    const html = lines.map((line, i) => {
      const err = this.error && this.error.line === i + 1 ? this.error : null;
      if (!err) {
        return highlightLine(line);
      }
      const before = highlightLine(line.slice(0, err.start));
      const marked = escapeHtml(line.slice(err.start, err.end)) || "&#8203;";
      const after = highlightLine(line.slice(err.end));
      return `<span class="err-line">${before}<mark class="err-token" id="err-token" title="error here">${marked}</mark>${after}</span>`;
    });
    // A trailing newline needs a visible line so the overlay keeps the textarea's height.
    this.pre.innerHTML = html.join("\n") + "\n";
    this.gutter.innerHTML = lines.map((_, i) => {
      const bad = this.error && this.error.line === i + 1;
      return `<span${bad ? ' class="err" title="error on this line"' : ""}>${i + 1}</span>`;
    }).join("");
    this.textarea.setAttribute("aria-invalid", this.error ? "true" : "false");
    this.syncScroll();
  }

  syncScroll() {
    this.pre.scrollTop = this.textarea.scrollTop;
    this.pre.scrollLeft = this.textarea.scrollLeft;
    this.gutter.scrollTop = this.textarea.scrollTop;
  }
}
