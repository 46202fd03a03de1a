// @ts-check
// CSV of a numeric table (the learner's own data for the workbench): an optional header row of
// column names, then rows of equally many finite numbers. Pure functions, run in csv-worker.mjs
// like the points CSV (csv.mjs), and with its approach: the text's length and whether it is text
// at all are checked before reading, rows are counted as Papa Parse hands them over and reading
// stops one row past the limit, a first row wider than the column limit stops it at once, and
// each cell is read by the linear scanner of number-text.mjs. Errors are {code, ...fields}
// rendered by formatCsvError with TABLE_MESSAGES (or the lab's translated templates).
import { parseNumberText } from '../state/number-text.mjs';
import { CSV_MESSAGES, CSV_LIMITS, looksBinary, readRows, shorten, sizeError } from './csv.mjs';

/** maxBytes: the points CSV's 1 MB (it bounds the rest: a cell and its comma take 2 bytes or
 *  more, so at most 500,000 values). maxRows and maxColumns refuse what is not a training table
 *  early; maxErrors: the errors listed before reading stops (one bad column repeats on every row). */
export const TABLE_LIMITS = Object.freeze({
  maxBytes: CSV_LIMITS.maxBytes,
  maxRows: 100000,
  maxColumns: 1000,
  maxErrors: 10,
});

/** English templates per error code (the points CSV's, and the table's own). */
export const TABLE_MESSAGES = Object.freeze({
  ...CSV_MESSAGES,
  tableColumns: 'row {row}: {count} columns, but the first row has {expected}: every row needs as many',
  tooManyColumns: '{count} columns: at most {max} can be used',
  empty: 'row {row}: {column} is empty: every cell needs a number',
  notFinite: 'row {row}: {column} is "{value}": only finite numbers can be used',
  noRows: 'the CSV has no rows of numbers',
});

/**
 * @typedef {{columns: number, rows: number, names: string[], values: Float64Array,
 *   firstRow: number}} Table
 *   values: rows × columns, row-major; names: the header's names, or "column 1", "column 2", …;
 *   firstRow: the file's 1-based row number of the first row of numbers (2 after a header)
 * @typedef {{code: string, [field: string]: string | number}} TableError
 */

/** Spellings of a non-finite value, refused by name (parseNumberText gives NaN for all). */
const NON_FINITE = /^[-+]?(nan|inf|infinity)$/i;

/** A first row with a cell that is not a number (and not empty) is a header. @param {string[]} cells */
const isHeader = (cells) =>
  cells.some((cell) => cell.trim() !== '' && !Number.isFinite(parseNumberText(cell)));

/**
 * Parses CSV text into a numeric table. Refused whole: a text over TABLE_LIMITS.maxBytes
 * ('tooBig'), a binary file ('notText'), more than maxRows rows ('tooMany') or maxColumns
 * columns ('tooManyColumns'), no rows ('noRows'). Refused with the first maxErrors cells or rows
 * at fault: a row of another width ('tableColumns'), an empty cell ('empty'), NaN or Infinity
 * ('notFinite'), any other text ('notNumber'), each naming its row (the file's row number) and
 * column (its header name, else "column k").
 * @param {unknown} text
 * @returns {{table: Table | null, errors: TableError[]}} table null whenever there are errors
 */
export function parseTableCsv(text) {
  const source = String(text ?? '');
  const tooBig = sizeError(source.length);
  if (tooBig) return { table: null, errors: [tooBig] };
  if (looksBinary(source)) return { table: null, errors: [{ code: 'notText' }] };
  /** @type {{rows: string[][], errors: TableError[]}} */
  const parsed = readRows(source.trim(), TABLE_LIMITS);
  if (parsed.errors.some((e) => e.code === 'tooManyColumns')) return { table: null, errors: parsed.errors };
  let rows = parsed.rows;
  const header = rows.length > 0 && isHeader(rows[0]) ? rows[0].map((name) => name.trim()) : null;
  if (header) rows = rows.slice(1);
  const firstRow = header ? 2 : 1;
  if (rows.length > TABLE_LIMITS.maxRows) {
    return { table: null, errors: [{ code: 'tooMany', count: rows.length, max: TABLE_LIMITS.maxRows }] };
  }
  if (rows.length === 0) return { table: null, errors: [...parsed.errors, { code: 'noRows' }] };
  const columns = header?.length ?? rows[0].length;
  const names = Array.from({ length: columns }, (_, c) => header?.[c] || `column ${c + 1}`);
  const values = new Float64Array(rows.length * columns);
  const errors = parsed.errors;
  for (let r = 0; r < rows.length && errors.length < TABLE_LIMITS.maxErrors; r += 1) {
    const cells = rows[r];
    const row = firstRow + r;
    if (cells.length !== columns) {
      errors.push({ code: 'tableColumns', row, count: cells.length, expected: columns });
      continue;
    }
    for (let c = 0; c < columns && errors.length < TABLE_LIMITS.maxErrors; c += 1) {
      const cell = String(cells[c]).trim();
      const value = parseNumberText(cell);
      if (Number.isFinite(value)) values[r * columns + c] = value;
      else if (cell === '') errors.push({ code: 'empty', row, column: names[c] });
      else {
        const code = NON_FINITE.test(cell) ? 'notFinite' : 'notNumber';
        errors.push({ code, row, column: names[c], value: shorten(cell) });
      }
    }
  }
  if (errors.length > 0) return { table: null, errors };
  return { table: { columns, rows: rows.length, names, values, firstRow }, errors };
}
