// @ts-check
// One typed field of the page's state: its type, default and limits, and the check every value
// passes before the store keeps it. Values must also fit the engine, which computes in float32:
// a number beyond ±3.4e38 would be saved and then break every later visit, so it is refused.

/**
 * @typedef {'int'|'number'|'bool'|'enum'|'string'|'list'|'layers'|'points'|'numbers'} FieldType
 * @typedef {{units: number, activation: string}} LayerValue
 * @typedef {{
 *   key: string, name: string, lab: string | null, type: FieldType, default: any,
 *   min?: number, max?: number, minOpen?: boolean, maxOpen?: boolean, options?: string[],
 *   maxItems?: number, minItems?: number, maxUnits?: number, length?: number, pattern?: RegExp, keepsModel?: boolean,
 * }} Field
 * @typedef {{ok: true, value: any} | {ok: false, message: string, code: string}} Checked
 */

/** The largest finite float32: the engine cannot hold a value beyond it. */
export const FLOAT32_MAX = 3.4028234663852886e38;

/**
 * A field template (not yet bound to a lab): name, type, default and extra limits.
 * @param {string} name
 * @param {FieldType} type
 * @param {any} def
 * @param {Partial<Field>} [extra]
 * @returns {Field}
 */
export function field(name, type, def, extra = {}) {
  return Object.freeze({ key: name, name, lab: null, type, default: def, ...extra });
}

/**
 * The same field bound to lab `lab`: its key becomes `<lab>.<name>`, with another default.
 * @param {Field} template
 * @param {string} lab
 * @param {any} [def]
 * @returns {Field}
 */
export function bindField(template, lab, def = template.default) {
  return Object.freeze({ ...template, key: `${lab}.${template.name}`, lab, default: def });
}

/**
 * A deep copy of a state value (arrays and layer objects are never shared).
 * @param {any} value
 * @returns {any}
 */
export function cloneValue(value) {
  if (Array.isArray(value)) return value.map(cloneValue);
  if (value !== null && typeof value === 'object') return { ...value };
  return value;
}

/**
 * True when two state values are equal (deep, for arrays and layer objects).
 * @param {any} a
 * @param {any} b
 */
export function sameValue(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** @param {unknown} x */
const fitsFloat32 = (x) => typeof x === 'number' && Number.isFinite(x) && Math.abs(x) <= FLOAT32_MAX;

/**
 * @param {Field} f
 * @param {number} x
 */
function inRange(f, x) {
  if (f.min !== undefined && (f.minOpen ? x <= f.min : x < f.min)) return false;
  if (f.max !== undefined && (f.maxOpen ? x >= f.max : x > f.max)) return false;
  return true;
}

/**
 * The range of a numeric field in words, e.g. "between 0 and 10" (for messages).
 * @param {Field} f
 */
export function rangeText(f) {
  const lo = f.min === undefined ? '' : `${f.minOpen ? 'above' : 'at least'} ${f.min}`;
  const hi = f.max === undefined ? '' : `${f.maxOpen ? 'below' : 'at most'} ${f.max}`;
  return [lo, hi].filter(Boolean).join(' and ');
}

/**
 * Checks a plain JS value for field `f`: {ok: true, value} (normalised: copied, lists in option
 * order) or {ok: false, message, code}. `code` names the rule (for translated messages):
 * 'integer', 'number', 'float32', 'range', 'bool', 'option', 'name', 'list', 'layers', 'points',
 * 'numbers'.
 * @param {Field} f
 * @param {any} value
 * @returns {Checked}
 */
export function normalizeValue(f, value) {
  /** @type {(code: string, message: string) => Checked} */
  const bad = (code, message) => ({ ok: false, code, message: `${f.name}: ${message}` });
  switch (f.type) {
    case 'int':
      if (!Number.isSafeInteger(value)) return bad('integer', `expected an integer, got ${short(value)}`);
      return inRange(f, value) ? { ok: true, value } : bad('range', `${value} is not ${rangeText(f)}`);
    case 'number':
      if (typeof value !== 'number' || Number.isNaN(value)) return bad('number', 'expected a number');
      if (!fitsFloat32(value))
        return bad('float32', `${short(value)} is beyond what float32 holds (±3.4e38)`);
      return inRange(f, value) ? { ok: true, value } : bad('range', `${value} is not ${rangeText(f)}`);
    case 'bool':
      return typeof value === 'boolean' ? { ok: true, value } : bad('bool', 'expected true or false');
    case 'enum':
      return f.options?.includes(value)
        ? { ok: true, value }
        : bad('option', `expected one of ${f.options?.join(', ')}, got ${short(value)}`);
    case 'string':
      return typeof value === 'string' && (f.pattern ?? /^[\w.-]{0,64}$/).test(value)
        ? { ok: true, value }
        : bad('name', 'expected a short name');
    case 'list': {
      const options = f.options ?? [];
      if (!Array.isArray(value) || !value.every((v) => options.includes(v))) {
        return bad('list', `expected a subset of ${options.join(', ')}`);
      }
      return { ok: true, value: options.filter((o) => value.includes(o)) };
    }
    case 'layers': {
      const maxItems = f.maxItems ?? 16;
      const maxUnits = f.maxUnits ?? 64;
      if (!Array.isArray(value) || value.length > maxItems)
        return bad('layers', `expected 0..${maxItems} layers`);
      for (const layer of value) {
        if (
          !layer ||
          !Number.isInteger(layer.units) ||
          layer.units < 1 ||
          layer.units > maxUnits ||
          !f.options?.includes(layer.activation)
        ) {
          return bad('layers', `each layer needs units 1..${maxUnits} and a known activation`);
        }
      }
      return { ok: true, value: value.map((l) => ({ units: l.units, activation: l.activation })) };
    }
    case 'points': {
      const maxItems = f.maxItems ?? 5000;
      if (!Array.isArray(value) || value.length > maxItems)
        return bad('points', `expected at most ${maxItems} points`);
      for (const p of value) {
        if (!Array.isArray(p) || p.length !== 3 || !p.every(fitsFloat32)) {
          return bad('float32', 'each point is [x1, x2, label] with numbers float32 can hold (±3.4e38)');
        }
      }
      return { ok: true, value: value.map((p) => [p[0], p[1], p[2]]) };
    }
    case 'numbers': {
      // A fixed count (length, or the default's), or with maxItems a count in minItems..maxItems.
      if (f.maxItems !== undefined) {
        const least = f.minItems ?? 0;
        if (!Array.isArray(value) || value.length < least || value.length > f.maxItems)
          return bad('numbers', `expected ${least} to ${f.maxItems} numbers`);
      } else {
        const length = f.length ?? f.default.length;
        if (!Array.isArray(value) || value.length !== length)
          return bad('numbers', `expected ${length} numbers`);
      }
      if (!value.every(fitsFloat32)) return bad('float32', 'each number must fit float32 (±3.4e38)');
      if (!value.every((x) => inRange(f, x))) return bad('range', `each number must be ${rangeText(f)}`);
      return { ok: true, value: [...value] };
    }
    default:
      return bad('type', `unknown field type ${f.type}`);
  }
}

/**
 * A value cut for a message (a hostile link must not echo megabytes).
 * @param {unknown} value
 */
function short(value) {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
