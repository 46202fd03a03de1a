// @ts-check
// Reads a number typed by a person (a URL hash value, a CSV cell) in one pass over its
// characters. A regular expression like /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/ backtracks
// quadratically on a long run of digits followed by a wrong character (100,000 digits and an 'x'
// took 6 s), and those texts come from links and files anyone can hand out; this scanner cannot,
// and it refuses long texts before scanning them at all.

/** Longest text (after trimming) read as a number by default: more digits than a double holds. */
export const MAX_NUMBER_LENGTH = 64;

/** @param {number} code a UTF-16 code unit */
const isDigit = (code) => code >= 48 && code <= 57;

/**
 * Index just past the run of ASCII digits in `text` starting at `from`.
 * @param {string} text
 * @param {number} from
 * @returns {number}
 */
function skipDigits(text, from) {
  let i = from;
  while (i < text.length && isDigit(text.charCodeAt(i))) i += 1;
  return i;
}

/**
 * The number written in `text` in plain decimal or exponent notation:
 * `[+-]?(digits[.[digits]] | .digits)([eE][+-]?digits)?`, whitespace around it allowed
 * ('5.' reads as 5, as the regular expressions it replaces accepted). `NaN`, `Infinity`, hex,
 * '1_000', an empty text and anything longer than `maxLength` characters after trimming give NaN,
 * and so does a value that overflows to ±Infinity. Linear in the length of `text`.
 * @param {unknown} text the text to read (null and undefined read as '')
 * @param {{maxLength?: number}} [options] maxLength: longest accepted trimmed text (default 64)
 * @returns {number} a finite number, or NaN
 */
export function parseNumberText(text, { maxLength = MAX_NUMBER_LENGTH } = {}) {
  const s = String(text ?? '').trim();
  if (s.length === 0 || s.length > maxLength) return NaN;
  let i = 0;
  if (s[i] === '+' || s[i] === '-') i += 1;
  const intEnd = skipDigits(s, i);
  let digits = intEnd - i;
  i = intEnd;
  if (s[i] === '.') {
    const fracEnd = skipDigits(s, i + 1);
    digits += fracEnd - (i + 1);
    i = fracEnd;
  }
  if (digits === 0) return NaN; // '', '+', '.', '-.' have no digit
  if (s[i] === 'e' || s[i] === 'E') {
    let j = i + 1;
    if (s[j] === '+' || s[j] === '-') j += 1;
    const expEnd = skipDigits(s, j);
    if (expEnd === j) return NaN; // '1e', '1e+' have no exponent digits
    i = expEnd;
  }
  if (i !== s.length) return NaN;
  const value = Number(s);
  return Number.isFinite(value) ? value : NaN;
}
