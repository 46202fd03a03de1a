// @ts-check
// Python source literals for the Keras export: strings, numbers, booleans, tuples, identifiers and
// comment text. Names come from learners, so every string that reaches the script goes through
// pyString (or pyCommentText) and can never end a literal or a comment early.

/** Python's reserved words (hard and soft keywords): never usable as a variable. */
const PYTHON_KEYWORDS = new Set(
  (
    'False None True and as assert async await break case class continue def del elif else except ' +
    'finally for from global if import in is lambda match nonlocal not or pass raise return try ' +
    'type while with yield _'
  ).split(' '),
);

/**
 * Code points written as escapes rather than as themselves: C0/C1 controls and DEL (a NUL byte
 * is not even allowed in a source file), line and paragraph separators, and the invisible
 * direction and format marks that can make source text read differently than it runs.
 * @param {number} cp
 */
function mustEscape(cp) {
  return (
    cp < 0x20 ||
    (cp >= 0x7f && cp <= 0x9f) ||
    cp === 0xad ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x2028 && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x206f) ||
    cp === 0xfeff ||
    (cp >= 0xd800 && cp <= 0xdfff)
  );
}

/** @param {number} cp */
function escapeCodePoint(cp) {
  const named = { 0x0a: '\\n', 0x0d: '\\r', 0x09: '\\t' };
  if (cp in named) return named[/** @type {0x0a | 0x0d | 0x09} */ (cp)];
  if (cp <= 0xff) return `\\x${cp.toString(16).padStart(2, '0')}`;
  return `\\u${cp.toString(16).padStart(4, '0')}`;
}

/**
 * A Python str literal in double quotes that evaluates to exactly `text`: backslash and quote
 * escaped, controls and invisible marks as \xNN / \uNNNN, lone surrogates kept as \udNNN (Python
 * strings may hold them; UTF-8 source text may not), everything else (accents, Hangul, emoji)
 * written as itself.
 * @param {string} text
 * @returns {string}
 */
export function pyString(text) {
  let out = '"';
  // Walking by UTF-16 unit keeps lone surrogates visible as such (for..of would pair them).
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += text[i] + text[i + 1];
      i++;
    } else if (unit === 0x5c) {
      out += '\\\\';
    } else if (unit === 0x22) {
      out += '\\"';
    } else if (mustEscape(unit)) {
      out += escapeCodePoint(unit);
    } else {
      out += text[i];
    }
  }
  return out + '"';
}

/**
 * Text safe inside a `#` comment: one line, the same escapes as pyString but no quotes added.
 * @param {string} text
 * @returns {string}
 */
export function pyCommentText(text) {
  return pyString(text).slice(1, -1).replace(/\\"/g, '"');
}

/**
 * A Python float literal: integers get ".0" (so `1.0` stays a float), others their shortest
 * round-trip form, which JavaScript and Python write alike (0.001, 1e-07 / 1e-7).
 * @param {number} x finite
 * @returns {string}
 */
export function pyFloat(x) {
  if (!Number.isFinite(x)) throw new RangeError(`expected a finite number, got ${x}`);
  if (Object.is(x, -0)) return '-0.0';
  const text = String(x);
  return /[.eE]/.test(text) ? text : `${text}.0`;
}

/**
 * A Python int literal.
 * @param {number} n a safe integer
 * @returns {string}
 */
export function pyInt(n) {
  if (!Number.isSafeInteger(n)) throw new RangeError(`expected an integer, got ${n}`);
  return String(n);
}

/**
 * `True` / `False`.
 * @param {boolean} b
 * @returns {string}
 */
export function pyBool(b) {
  return b ? 'True' : 'False';
}

/**
 * A tuple of ints, `(2,)` for one element, as Keras shapes are written.
 * @param {number[]} values
 * @returns {string}
 */
export function pyIntTuple(values) {
  const items = values.map(pyInt);
  return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
}

/**
 * A list literal from already-rendered items.
 * @param {string[]} items
 * @returns {string}
 */
export function pyList(items) {
  return `[${items.join(', ')}]`;
}

/**
 * A dict literal with string keys from [key, rendered value] pairs.
 * @param {Array<[string, string]>} entries
 * @returns {string}
 */
export function pyDict(entries) {
  return `{${entries.map(([k, v]) => `${pyString(k)}: ${v}`).join(', ')}}`;
}

/**
 * Makes Python variable names from free-form node names: ASCII letters, digits and `_` only, not
 * starting with a digit, never a keyword or a name the script itself uses, unique.
 */
export class IdentifierPool {
  /** @param {Iterable<string>} reserved names the script defines or calls itself */
  constructor(reserved) {
    /** @type {Set<string>} */
    this.taken = new Set(reserved);
  }

  /**
   * A fresh identifier close to `name`.
   * @param {string} name
   * @returns {string}
   */
  take(name) {
    let stem = name.replace(/[^A-Za-z0-9_]/g, '_');
    // A name without ASCII letters (Hangul, emoji, digits) would become underscores: say "node".
    if (!/[A-Za-z]/.test(stem)) stem = 'node';
    else if (/^[0-9]/.test(stem)) stem = `n_${stem}`;
    if (PYTHON_KEYWORDS.has(stem)) stem = `${stem}_`;
    let id = stem;
    for (let k = 2; this.taken.has(id); k++) id = `${stem}_${k}`;
    this.taken.add(id);
    return id;
  }
}

/**
 * A file name stem from a model name: characters outside [A-Za-z0-9_.-] become `_`.
 * @param {string} name
 * @returns {string}
 */
export function fileStem(name) {
  const stem = name.replace(/[^A-Za-z0-9_.-]/g, '_').replace(/^\.+/, '_');
  return stem === '' ? 'model' : stem;
}
