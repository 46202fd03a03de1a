// @ts-check
// Large ratios as people write them: 2879820177 -> "2.9 × 10⁹", and powers of ten: "10³".

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
