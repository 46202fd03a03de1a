// @ts-check
// The JSON text the workbench's editor shows for a document: indented like the docs' examples,
// with every object or list that fits on one line kept on one line (a layer per line), so the
// text stays short and an error's line points at one layer.

const WIDTH = 100;

/**
 * One-line JSON with a space after each `:` and `,` (as the docs write it).
 * @param {any} value
 * @returns {string}
 */
function oneLine(value) {
  if (Array.isArray(value)) return `[${value.map(oneLine).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${oneLine(v)}`).join(', ')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * @param {any} value
 * @param {string} indent the current line's indentation
 * @param {number} used characters already on the line before the value
 * @returns {string}
 */
function print(value, indent, used) {
  const flat = oneLine(value);
  if (value === null || typeof value !== 'object' || used + flat.length <= WIDTH) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((v) => inner + print(v, inner, inner.length)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  const lines = entries.map(([k, v]) => {
    const head = `${inner}${JSON.stringify(k)}: `;
    return head + print(v, inner, head.length);
  });
  return `{\n${lines.join(',\n')}\n${indent}}`;
}

/**
 * The editor's text for `document`.
 * @param {any} document
 * @returns {string}
 */
export function documentText(document) {
  return `${print(document, '', 0)}\n`;
}
