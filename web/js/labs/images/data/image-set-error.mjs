// @ts-check
// Why the images lab's data could not be loaded: one error type with a code the lab maps to its
// own (en/ko) message and a Retry button, and an English message that names the file.

/**
 * @typedef {'missing'|'http'|'network'|'interrupted'|'corrupt'|'unsupported'|'aborted'} ImageSetErrorCode
 *   missing: 404 (the data were never built); http: another non-2xx status; network: no answer;
 *   interrupted: the download stopped before its end; corrupt: wrong size, checksum or format;
 *   unsupported: the browser cannot unpack gzip (no DecompressionStream); aborted: the caller's
 *   AbortSignal fired
 */

export class ImageSetError extends Error {
  /**
   * @param {ImageSetErrorCode} code
   * @param {string} message  English, naming the file and what happened
   * @param {{file?: string, cause?: unknown}} [details]  file: the file's name (no path)
   */
  constructor(code, message, { file = '', cause } = {}) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'ImageSetError';
    /** @type {ImageSetErrorCode} */
    this.code = code;
    this.file = file;
  }
}

/** The error for an abort of `file`'s step. @param {string} file */
export function abortedError(file) {
  return new ImageSetError('aborted', `Loading ${file} was cancelled.`, { file });
}

/**
 * Throws the abort error when `signal` has fired; called after every await.
 * @param {AbortSignal | undefined} signal @param {string} file
 */
export function throwIfAborted(signal, file) {
  if (signal?.aborted) throw abortedError(file);
}
