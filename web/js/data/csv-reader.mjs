// Reads a CSV (points, or a numeric table) for the page without blocking it: the size is checked
// here before anything is read (File.size, or a pasted text's length), then a module worker
// (csv-worker.mjs) reads and parses it. A worker per read, ended after its answer or a time-out,
// so a read that runs away is stopped and a later read never waits behind an earlier one.
import { sizeError } from './csv.mjs';

const WORKER_URL = new URL('./csv-worker.mjs', import.meta.url);
/** A 1 MB text parses in well under a second; past this the worker is stopped. */
const TIMEOUT_MS = 15000;

/**
 * Reads CSV points from a pasted text or a File (or Blob) off the main thread.
 * kind: 'classes' | 'values' as in parsePointsCsv. Resolves (never rejects) to
 * {points, errors, text}: parsePointsCsv's answer ('tooBig' without reading when the source is
 * over CSV_LIMITS.maxBytes; 'unreadable' when the file or the worker failed) and, for a file, its
 * text when short enough to show (else null).
 */
export function readPointsCsv(source, { kind = 'classes', timeoutMs = TIMEOUT_MS } = {}) {
  return readInWorker(source, kind, { points: [] }, timeoutMs);
}

/**
 * Reads a numeric table (table-csv.mjs) from a File or a text off the main thread. Resolves
 * (never rejects) to {table, errors, text}: parseTableCsv's answer ('tooBig' without reading,
 * 'unreadable' when the file or the worker failed) and the whole text when the table was read.
 */
export function readTableCsv(source, { timeoutMs = TIMEOUT_MS } = {}) {
  return readInWorker(source, 'table', { table: null }, timeoutMs);
}

/** One read in a worker of its own; `empty` is the answer's data part when nothing was read. */
function readInWorker(source, kind, empty, timeoutMs) {
  const tooBig = sizeError(typeof source === 'string' ? source.length : source.size);
  if (tooBig) return Promise.resolve({ ...empty, errors: [tooBig], text: null });
  return new Promise((resolve) => {
    const worker = new Worker(WORKER_URL, { type: 'module' });
    const finish = (answer) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(answer);
    };
    const fail = (value) => finish({ ...empty, errors: [{ code: 'unreadable', value }], text: null });
    const timer = setTimeout(() => fail(`no answer after ${timeoutMs / 1000} s`), timeoutMs);
    worker.onmessage = ({ data }) => finish(data);
    worker.onerror = (event) => {
      event.preventDefault(); // reported in the CSV box, not as an uncaught error
      fail(event.message || 'the CSV reader did not start');
    };
    worker.postMessage({ source, kind });
  });
}
