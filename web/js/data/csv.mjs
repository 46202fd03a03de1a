// CSV of 2-D points for the MLP lab: `x1,x2,label` rows with an optional header row, parsed by
// Papa Parse and validated row by row. Pure functions (no DOM, no store): the lab shows the
// errors and keeps its previous data when there is any. Every limit is checked before or while
// reading, never after: the text's length first, then whether it is text at all, then rows are
// counted as Papa Parse hands them over and reading stops one row past the limit; each cell is
// read by a linear scanner with a length cap. The page runs this in csv-worker.mjs.
import { parseNumberText } from '../state/number-text.mjs';
import { Papa } from '../../vendor/vendor.mjs';

/** maxBytes: the longest text read (bytes of a file, characters of a pasted text); 2,000 rows of
 *  three numbers need well under 100 KB, so 1 MB only refuses what is not a point list. */
export const CSV_LIMITS = Object.freeze({ minRows: 4, maxRows: 2000, maxClass: 7, maxBytes: 1000000 });

const COLUMN_NAMES = ['x1', 'x2', 'label'];

/** English message templates per error code; the lab passes translated ones (same {fields}). */
export const CSV_MESSAGES = Object.freeze({
  columns: 'row {row}: expected 3 columns (x1,x2,label), got {count}',
  notNumber: 'row {row}: {column} "{value}" is not a number',
  notClass: 'row {row}: label {value} is not a class id 0..{max}',
  tooMany: 'more than {max} rows: at most {max} can be used',
  tooFew: '{count} rows: at least {min} are needed',
  parse: 'row {row}: {value}',
  tooBig: 'the CSV is {size}: at most {max} can be read',
  notText: 'this file is not text (CSV expected)',
  unreadable: 'the CSV could not be read ({value})',
});

/** The text of one error {code, ...fields}; template(code) gives its template (default English). */
export function formatCsvError(error, template = (code) => CSV_MESSAGES[code]) {
  return String(template(error.code) ?? CSV_MESSAGES[error.code]).replace(/\{(\w+)\}/g, (whole, name) =>
    name in error ? String(error[name]) : whole,
  );
}

const megabytes = (n) => `${Math.ceil(n / 1e4) / 100} MB`;

/** The 'tooBig' error for a text of `size` bytes (or characters), or null when it may be read. */
export function sizeError(size) {
  if (!(size > CSV_LIMITS.maxBytes)) return null;
  return { code: 'tooBig', size: megabytes(size), max: megabytes(CSV_LIMITS.maxBytes) };
}

// How much of the start of a text is looked at to tell text from a binary file, and the share of
// control characters (other than tab, CR, LF) and U+FFFD (bytes that are not UTF-8) above which it
// is not text. A CSV saved in Latin-1 has a few U+FFFD (accents in a header), far below it.
const SNIFF_LENGTH = 4096;
const MAX_ODD_SHARE = 0.1;

/** True when `text` looks like a decoded binary file: a NUL, or many control / U+FFFD characters
 *  in its first 4 KB. */
export function looksBinary(text) {
  const sample = String(text ?? '').slice(0, SNIFF_LENGTH);
  let odd = 0;
  for (let i = 0; i < sample.length; i += 1) {
    const code = sample.charCodeAt(i);
    if (code === 0) return true;
    const control = (code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 127;
    if (control || code === 0xfffd) odd += 1;
  }
  return sample.length > 0 && odd / sample.length > MAX_ODD_SHARE;
}

/** A cell's text for a message: long cells are cut (a 1 MB cell must not become a 1 MB message). */
export function shorten(text, max = 16) {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A cell's number (plain decimal or exponent notation, at most 64 characters), else NaN. */
function numberOf(cell) {
  return parseNumberText(cell);
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
          code: 'notNumber',
          row,
          column: COLUMN_NAMES[column],
          value: shorten(String(cells[column]).trim()),
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
 * Reads at most maxRows + 2 non-empty rows of `text` (a header, maxRows rows and one more to know
 * there are too many): Papa Parse hands them over one at a time and is stopped there, so a text
 * of a million rows costs no more than one of 2,002. It also stops at a first row wider than
 * `maxColumns` (a 'tooManyColumns' error) and once `maxErrors` errors are listed. Returns
 * {rows, errors}: rows as arrays of cell strings, Papa Parse's errors as 'parse' errors (row: the
 * 1-based non-empty row). The points CSV reads with the defaults; table-csv.mjs with its limits.
 * @param {string} text @param {{maxRows?: number, maxColumns?: number, maxErrors?: number}} [limits]
 */
export function readRows(
  text,
  { maxRows = CSV_LIMITS.maxRows, maxColumns = Infinity, maxErrors = Infinity } = {},
) {
  const rows = [];
  const errors = [];
  Papa.parse(text, {
    skipEmptyLines: 'greedy',
    step: (result, parser) => {
      if (rows.length === maxRows + 2 || errors.length >= maxErrors) {
        parser.abort();
        return;
      }
      if (rows.length === 0 && result.data.length > maxColumns) {
        errors.push({ code: 'tooManyColumns', count: result.data.length, max: maxColumns });
        parser.abort();
        return;
      }
      rows.push(result.data);
      for (const e of result.errors) {
        // Papa Parse falls back to ',' when it cannot tell the delimiter (one column): not an error.
        if (e.code === 'UndetectableDelimiter') continue;
        errors.push({ code: 'parse', row: rows.length, value: e.message });
      }
    },
  });
  return { rows, errors };
}

/**
 * Parses CSV text into points. kind as in validateRows.
 * Returns {points, errors: [{code, row?, ...}]}; on any error `points` must not be used (the
 * caller keeps its data). Refused whole: a text longer than CSV_LIMITS.maxBytes ('tooBig'), one
 * that looks binary ('notText'), more than maxRows rows after the header ('tooMany').
 */
export function parsePointsCsv(text, { kind = 'classes' } = {}) {
  const source = String(text ?? '');
  const tooBig = sizeError(source.length);
  if (tooBig) return { points: [], errors: [tooBig] };
  if (looksBinary(source)) return { points: [], errors: [{ code: 'notText' }] };
  const parsed = readRows(source.trim());
  let rows = parsed.rows;
  let firstRowNumber = 1;
  if (rows.length > 0 && isHeader(rows[0])) {
    rows = rows.slice(1);
    firstRowNumber = 2;
  }
  if (rows.length > CSV_LIMITS.maxRows) {
    return { points: [], errors: [{ code: 'tooMany', count: rows.length, max: CSV_LIMITS.maxRows }] };
  }
  const errors = parsed.errors;
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
