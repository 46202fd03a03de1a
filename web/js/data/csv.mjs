// CSV of 2-D points for the MLP lab: `x1,x2,label` rows with an optional header row, parsed by
// Papa Parse and validated row by row. Pure functions (no DOM, no store): the lab shows the
// errors and keeps its previous data when there is any.
import { Papa } from '../../vendor/vendor.mjs';

export const CSV_LIMITS = Object.freeze({ minRows: 4, maxRows: 2000, maxClass: 7 });

const COLUMN_NAMES = ['x1', 'x2', 'label'];

/** English message templates per error code; the lab passes translated ones (same {fields}). */
export const CSV_MESSAGES = Object.freeze({
  columns: 'row {row}: expected 3 columns (x1,x2,label), got {count}',
  notNumber: 'row {row}: {column} "{value}" is not a number',
  notClass: 'row {row}: label {value} is not a class id 0..{max}',
  tooMany: '{count} rows: at most {max} are allowed',
  tooFew: '{count} rows: at least {min} are needed',
  parse: 'row {row}: {value}',
});

/** The text of one error {code, ...fields}; template(code) gives its template (default English). */
export function formatCsvError(error, template = (code) => CSV_MESSAGES[code]) {
  return String(template(error.code) ?? CSV_MESSAGES[error.code])
    .replace(/\{(\w+)\}/g, (whole, name) => (name in error ? String(error[name]) : whole));
}

/** True when a cell is a finite number written in plain decimal or exponent notation. */
function numberOf(cell) {
  const text = String(cell ?? '').trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return NaN;
  return Number(text);
}

/** A first row whose cells are not all numbers is a header (e.g. `x1,x2,label`). */
function isHeader(cells) {
  return cells.length > 0 && cells.some((cell) => !Number.isFinite(numberOf(cell)));
}

/**
 * Validates parsed rows (arrays of cell strings).
 * kind: 'classes' (label an integer class id 0..7) or 'values' (label any finite number).
 * firstRowNumber: the 1-based row number of rows[0] in the file (2 after a header).
 * Returns {points: [[x1, x2, label], ...], errors: [{code, row, ...}]} (formatCsvError gives
 * e.g. 'row 3: x2 "abc" is not a number').
 */
export function validateRows(rows, { kind = 'classes', firstRowNumber = 1 } = {}) {
  const points = [];
  const errors = [];
  rows.forEach((cells, index) => {
    const row = firstRowNumber + index;
    if (cells.length !== 3) {
      errors.push({ code: 'columns', row, count: cells.length });
      return;
    }
    const values = cells.map(numberOf);
    let ok = true;
    values.forEach((value, column) => {
      if (!Number.isFinite(value)) {
        errors.push({
          code: 'notNumber', row, column: COLUMN_NAMES[column], value: String(cells[column]).trim(),
        });
        ok = false;
      }
    });
    if (!ok) return;
    const label = values[2];
    if (kind === 'classes' && !(Number.isInteger(label) && label >= 0 && label <= CSV_LIMITS.maxClass)) {
      errors.push({ code: 'notClass', row, value: cells[2].trim(), max: CSV_LIMITS.maxClass });
      return;
    }
    points.push(values);
  });
  return { points, errors };
}

/**
 * Parses CSV text into points. kind as in validateRows.
 * Returns {points, errors: [{code, row?, ...}]}; on any error `points` must not be used (the caller keeps its data).
 */
export function parsePointsCsv(text, { kind = 'classes' } = {}) {
  const parsed = Papa.parse(String(text ?? '').trim(), { skipEmptyLines: 'greedy' });
  const errors = parsed.errors
    .filter((e) => e.code !== 'UndetectableDelimiter')
    .map((e) => ({ code: 'parse', row: (e.row ?? 0) + 1, value: e.message }));
  let rows = parsed.data;
  let firstRowNumber = 1;
  if (rows.length > 0 && isHeader(rows[0])) {
    rows = rows.slice(1);
    firstRowNumber = 2;
  }
  if (rows.length > CSV_LIMITS.maxRows) {
    return { points: [], errors: [{ code: 'tooMany', count: rows.length, max: CSV_LIMITS.maxRows }] };
  }
  const checked = validateRows(rows, { kind, firstRowNumber });
  errors.push(...checked.errors);
  if (errors.length === 0 && checked.points.length < CSV_LIMITS.minRows) {
    errors.push({ code: 'tooFew', count: checked.points.length, min: CSV_LIMITS.minRows });
  }
  return { points: errors.length ? [] : checked.points, errors };
}

/** Points back to CSV text with a header row (3 decimals for coordinates). */
export function pointsToCsv(points) {
  const lines = points.map(([x1, x2, label]) => `${+x1.toFixed(3)},${+x2.toFixed(3)},${+label.toFixed(4)}`);
  return ['x1,x2,label', ...lines].join('\n');
}
