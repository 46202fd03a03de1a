// Small helpers the Node benchmarks share for their tables: medians, number formatting and
// one-line error texts.

/// The median of a non-empty list of numbers.
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/// A number with thousands separators and `digits` decimals; "-" for null or non-finite.
export function fmt(x, digits = 0) {
  if (x === null || x === undefined || !Number.isFinite(x)) return '-';
  return x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/// The first line of an error's message (engine errors can be long).
export const errText = (e) => String(e?.message ?? e).split('\n')[0];
