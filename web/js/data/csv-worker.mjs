// A module worker that reads one CSV of points for the page (csv-reader.mjs starts one per read
// and ends it after the answer). Papa Parse needs about 100 ms per megabyte, more on odd input
// (a megabyte of quotes: ~0.6 s): here that time never blocks the page's main thread.
// In: {source: File | string, kind: 'classes' | 'values' | 'table'}.
// Out: {points, errors, text}: parsePointsCsv's answer, plus for a file its text when it is short
// enough to show in the CSV box (null otherwise); for 'table' (the workbench's numeric table,
// table-csv.mjs) {table, errors, text} with the whole text, which the size limit kept small.
import { looksBinary, parsePointsCsv, sizeError } from './csv.mjs';
import { parseTableCsv } from './table-csv.mjs';

/** Longest file text sent back for the CSV box: 2,000 rows of points take about 50 KB. */
const SHOWN_TEXT_LENGTH = 100000;

/** The answer for `source`: limits first (size before reading a byte, text or not), then rows. */
async function read(source, kind) {
  if (kind === 'table') return readTable(source);
  if (typeof source === 'string') return { ...parsePointsCsv(source, { kind }), text: null };
  const tooBig = sizeError(source.size);
  if (tooBig) return { points: [], errors: [tooBig], text: null };
  const text = await source.text();
  const shown = text.length <= SHOWN_TEXT_LENGTH && !looksBinary(text) ? text : null;
  return { ...parsePointsCsv(text, { kind }), text: shown };
}

/** The table answer for `source`: the size before reading a byte, then parseTableCsv. */
async function readTable(source) {
  const tooBig = sizeError(typeof source === 'string' ? source.length : source.size);
  if (tooBig) return { table: null, errors: [tooBig], text: null };
  const text = typeof source === 'string' ? source : await source.text();
  const answer = parseTableCsv(text);
  return { ...answer, text: answer.table ? text : null };
}

self.onmessage = async ({ data }) => {
  try {
    self.postMessage(await read(data.source, data.kind));
  } catch (error) {
    // A file that changed or vanished since it was picked cannot be read (NotReadableError).
    const value = String(error?.message ?? error);
    const empty = data.kind === 'table' ? { table: null } : { points: [] };
    self.postMessage({ ...empty, errors: [{ code: 'unreadable', value }], text: null });
  }
};
