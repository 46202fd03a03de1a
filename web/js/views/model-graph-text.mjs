// @ts-check
// The words of a model diagram: shapes as Keras prints them and text measured and wrapped to a
// box's width. Widths are estimated from the characters (no DOM), a little generously, so the
// layout stays pure and text stays inside its box.

/** @typedef {import('./model-graph-layout.mjs').Shape} Shape */
/** @typedef {import('./model-graph-layout.mjs').Span} Span */

/**
 * A per-sample shape as Keras prints the tensor's shape: (None, 8), (None, 20, 1), (None,).
 * Several shapes print as a list; a missing one as "?" (Keras's format_shape of None).
 * @param {Shape | Shape[] | null | undefined} shape
 * @returns {string}
 */
export function formatShape(shape) {
  if (!Array.isArray(shape)) return '?';
  if (shape.length > 0 && shape.every((d) => Array.isArray(d))) {
    return `[${/** @type {Shape[]} */ (shape).map((s) => formatShape(s)).join(', ')}]`;
  }
  const dims = [
    'None',
    ...shape.map((d) => (typeof d === 'number' && Number.isFinite(d) ? String(d) : 'None')),
  ];
  return dims.length === 1 ? '(None,)' : `(${dims.join(', ')})`;
}

/**
 * A layer's input shape as Keras prints layer.input: the one inbound tensor's shape, or a list
 * when there are several (Concatenate, Add).
 * @param {Array<Shape | Shape[] | null | undefined>} shapes the inbound nodes' output shapes
 * @returns {string}
 */
export function formatInputShapes(shapes) {
  if (shapes.length === 0) return '?';
  if (shapes.length === 1) return formatShape(shapes[0]);
  return `[${shapes.map((s) => formatShape(s)).join(', ')}]`;
}

/**
 * The estimated width of one character at font size 1 (proportional sans-serif, a little
 * generous so text stays inside its box).
 * @param {string} ch
 * @returns {number}
 */
function charWidth(ch) {
  const code = /** @type {number} */ (ch.codePointAt(0));
  if (code >= 0x1100 && !(code >= 0x2000 && code < 0x2e80)) return 1; // CJK, Hangul, full width
  if (" .,:;'|!()[]{}ijltfr".includes(ch)) return 0.36;
  if ('mwMW@%'.includes(ch)) return 0.9;
  if (ch >= 'A' && ch <= 'Z') return 0.7;
  return 0.58;
}

/**
 * The estimated width in px of a text at a font size.
 * @param {string} text
 * @param {number} font
 * @param {boolean} [strong] bold is up to 10 % wider
 * @returns {number}
 */
export function textWidth(text, font, strong = false) {
  let w = 0;
  for (const ch of text) w += charWidth(ch);
  return w * font * (strong ? 1.1 : 1);
}

/**
 * Styled text wrapped greedily into lines of at most maxWidth px, breaking after a space, comma,
 * underscore, hyphen or slash when one is on the line, else anywhere; the last allowed line ends
 * in an ellipsis when text is left over.
 * @param {Span[]} spans
 * @param {number} maxWidth
 * @param {number} font
 * @param {number} maxLines
 * @returns {Span[][]}
 */
export function wrapSpans(spans, maxWidth, font, maxLines) {
  const chars = spans.flatMap((s) => Array.from(s.text, (ch) => ({ ch, strong: s.strong })));
  const width = (/** @type {{ch: string, strong: boolean}} */ c) => textWidth(c.ch, font, c.strong);
  /** @type {Array<Array<{ch: string, strong: boolean}>>} */
  const lines = [];
  let start = 0;
  while (start < chars.length && lines.length < maxLines) {
    let end = start;
    let used = 0;
    let lastBreak = -1;
    while (end < chars.length && used + width(chars[end]) <= maxWidth) {
      used += width(chars[end]);
      if (' ,_-/'.includes(chars[end].ch)) lastBreak = end + 1;
      end += 1;
    }
    if (end < chars.length && lines.length === maxLines - 1) {
      const ellipsis = { ch: '…', strong: chars[end - 1]?.strong ?? false };
      while (end > start && used + width(ellipsis) > maxWidth) used -= width(chars[--end]);
      lines.push([...chars.slice(start, end), ellipsis]);
      break;
    }
    if (end < chars.length && lastBreak > start) end = lastBreak;
    end = Math.max(end, start + 1);
    lines.push(chars.slice(start, end));
    start = end;
    while (start < chars.length && chars[start].ch === ' ') start += 1;
  }
  return lines.map((line) => {
    /** @type {Span[]} */
    const out = [];
    for (const { ch, strong } of line) {
      const last = out[out.length - 1];
      if (last && last.strong === strong) last.text += ch;
      else out.push({ text: ch, strong });
    }
    if (out.length) out[out.length - 1].text = out[out.length - 1].text.replace(/ +$/, '');
    return out;
  });
}
