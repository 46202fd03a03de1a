// @ts-check
// Numbers as people write them: large ratios (2879820177 -> "2.9 × 10⁹"), powers of ten ("10³")
// and losses that keep their digits when they get small (0.0000231 -> "2.3 × 10⁻⁵", not "0.000").

/** @type {Record<string, string>} */
const SUPERSCRIPT = {
  '-': '⁻',
  0: '⁰',
  1: '¹',
  2: '²',
  3: '³',
  4: '⁴',
  5: '⁵',
  6: '⁶',
  7: '⁷',
  8: '⁸',
  9: '⁹',
};

/** "10ⁿ" for the integer `exponent`. @param {number} exponent */
export function tenToThe(exponent) {
  return `10${String(exponent).replace(/./g, (c) => SUPERSCRIPT[c] ?? c)}`;
}

/** A large ratio as people write it: 2879820177 -> "2.9 × 10⁹". @param {number} value */
export function powerOfTen(value) {
  const [mantissa, exponent] = value.toExponential(1).split('e');
  return `${mantissa} × ${tenToThe(Number(exponent))}`;
}

/** A loss for a readout: three decimals from 0.01 up, two significant digits in powers of ten
 *  below (a regression loss of 2.3e-5 must not read as zero), "–" when there is none.
 *  @param {unknown} value */
export function lossText(value) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '–';
  if (value === 0 || Math.abs(value) >= 0.01) return value.toFixed(3);
  return powerOfTen(value);
}
