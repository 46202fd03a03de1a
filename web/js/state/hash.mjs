// The URL hash form of the state: `#key=value&...` with only non-default keys, one text form
// per field type (layers `4.tanh,2.tanh`, points `x1,x2,l;...`, lists `x1,x2`, bools 1/0).
// The open lab's fields are written without their `<lab>.` prefix (links stay short and read
// as before labs had namespaces); a prefixed key is read too. Decoding validates every value
// against schema.mjs: an invalid one is dropped with a console.warn and the key keeps its
// default. `hide` and `hosts` are URL-only flags kept beside the state.
import { parseNumberText } from './number-text.mjs';
import { DEFAULT_LAB, FIELD, FIELDS, fullKey, normalizeValue, sameValue } from './schema.mjs';

/** Keys the hash may carry that are not state fields (never stored in localStorage). */
export const URL_FLAGS = ['hide', 'hosts'];

/** Point sets larger than this stay out of links (they would make a link of many KB). */
export const MAX_HASH_POINTS = 300;

const round2 = (x) => Math.round(x * 100) / 100;

/** The hash text of one value (the value is assumed valid). */
export function encodeValue(field, value) {
  switch (field.type) {
    case 'bool':
      return value ? '1' : '0';
    case 'list':
      return value.join(',');
    case 'numbers':
      return value.map((x) => String(x)).join(',');
    case 'layers':
      return value.map((l) => `${l.units}.${l.activation}`).join(',');
    case 'points':
      return value.map((p) => p.map(round2).join(',')).join(';');
    default:
      return String(value);
  }
}

/** The JS value of a hash text, before range checks; undefined when it does not parse. */
function parseText(field, text) {
  const num = (s) => parseNumberText(s);
  switch (field.type) {
    case 'int':
    case 'number': {
      const x = num(text);
      return Number.isNaN(x) ? undefined : x;
    }
    case 'bool':
      if (text === '1' || text === 'true') return true;
      if (text === '0' || text === 'false') return false;
      return undefined;
    case 'enum':
    case 'string':
      return text;
    case 'list':
      return text === '' ? [] : text.split(',');
    case 'numbers':
      return text === '' ? [] : text.split(',').map(num);
    case 'layers':
      return text === ''
        ? []
        : text.split(',').map((part) => {
            const [units, activation] = part.split('.');
            return { units: num(units ?? ''), activation };
          });
    case 'points':
      return text === '' ? [] : text.split(';').map((p) => p.split(',').map(num));
    default:
      return undefined;
  }
}

/** The value of `text` for `field`: {ok, value} or {ok: false, message}. */
export function decodeValue(field, text) {
  const value = parseText(field, text);
  if (value === undefined) return { ok: false, message: `${field.name}: cannot read '${text.slice(0, 40)}'` };
  return normalizeValue(field, value);
}

// Longest value read from a hash entry: 300 points (MAX_HASH_POINTS) of at most ~22
// characters fit in 7,000; a longer value is dropped unread, so a crafted link cannot make the
// page split and check megabytes of text.
const MAX_VALUE_LENGTH = 20000;

/**
 * Parses a hash ('#a=1&b=2' or 'a=1&b=2') into {state: {fullKey: value} (valid keys only),
 * flags: {hide: [...]}}; invalid or unknown entries are dropped with a console.warn. Unprefixed
 * lab keys belong to the hash's `lab` (the default lab when it names none).
 * @param {string} hash
 * @param {(text: string) => void} [warn]
 */
export function decodeHash(hash, warn = console.warn) {
  /** @type {Record<string, any>} */
  const state = {};
  /** @type {Record<string, string[]>} */
  const flags = {};
  const text = String(hash ?? '').replace(/^#/, '');
  if (!text) return { state, flags };
  /** @type {[string, string][]} */
  const entries = [];
  for (const part of text.split('&')) {
    if (!part) continue;
    const at = part.indexOf('=');
    try {
      entries.push([
        decodeURIComponent(at < 0 ? part : part.slice(0, at)),
        at < 0 ? '' : decodeURIComponent(part.slice(at + 1)),
      ]);
    } catch {
      warn(`nnplay: ignoring malformed hash entry '${part.slice(0, 40)}'`);
    }
  }
  const labEntry = entries.findLast(([key]) => key === 'lab');
  const labValue = labEntry ? decodeValue(FIELD.lab, labEntry[1]) : null;
  const lab = labValue?.ok ? labValue.value : DEFAULT_LAB;
  for (const [key, raw] of entries) {
    if (raw.length > MAX_VALUE_LENGTH) {
      warn(
        `nnplay: ignoring hash value of '${key.slice(0, 80)}' (${raw.length} characters, at most ` +
          `${MAX_VALUE_LENGTH})`,
      );
      continue;
    }
    if (URL_FLAGS.includes(key)) {
      flags[key] = raw === '' ? [] : raw.split(',');
      continue;
    }
    const full = FIELD[key] ? key : fullKey(key, lab);
    if (!full) {
      warn(`nnplay: ignoring unknown hash key '${key.slice(0, 40)}'`);
      continue;
    }
    const decoded = decodeValue(FIELD[full], raw);
    if (decoded.ok) state[full] = decoded.value;
    else warn(`nnplay: ignoring invalid hash value (${decoded.message}); using the default`);
  }
  return { state, flags };
}

// Characters kept readable in the hash (encodeURIComponent escapes ',' ';' and friends).
const readable = (s) =>
  encodeURIComponent(s).replace(/%2C/gi, ',').replace(/%3B/gi, ';').replace(/%5E/gi, '^');

/**
 * The hash text (without '#') of `state` (full keys): the shell's non-default keys, then the
 * open lab's non-default fields without their prefix, in FIELDS order, then the flags (`hide`
 * when non-empty). Other labs' fields are left out; so are point sets over MAX_HASH_POINTS.
 * @param {Record<string, any>} state
 * @param {Record<string, any>} defaults
 * @param {Record<string, string[]>} [flags]
 */
export function encodeHash(state, defaults, flags = {}) {
  const parts = [];
  for (const f of FIELDS) {
    if (f.lab !== null && f.lab !== state.lab) continue;
    const value = state[f.key];
    if (value === undefined || sameValue(value, defaults[f.key])) continue;
    if (f.type === 'points' && value.length > MAX_HASH_POINTS) continue;
    parts.push(`${f.name}=${readable(encodeValue(f, value))}`);
  }
  for (const key of URL_FLAGS) {
    const value = flags[key];
    if (Array.isArray(value) && value.length > 0) parts.push(`${key}=${readable(value.join(','))}`);
  }
  return parts.join('&');
}
