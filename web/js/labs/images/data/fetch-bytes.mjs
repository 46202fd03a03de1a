// @ts-check
// One HTTP download read from the response body stream, so the page can show progress, with
// every way it can fail turned into an ImageSetError that names the file.
import { ImageSetError, abortedError } from './image-set-error.mjs';

/** Where the lab's data come from, for the 'missing' hint. */
export const BUILD_HINT =
  "The images lab's data are built by scripts/serve.sh or scripts/build-web.sh " +
  '(node scripts/build-image-data.mjs writes web/data/images/).';

/**
 * @typedef {(input: string, init?: RequestInit) => Promise<Response>} FetchLike
 * @typedef {{file: string, fetch: FetchLike, signal?: AbortSignal, init?: RequestInit,
 *   onBytes?: (loaded: number) => void}} FetchBytesOptions
 *   file: the name used in messages; onBytes: bytes received so far, after every chunk
 */

/**
 * Downloads `url` completely.
 * @param {string} url
 * @param {FetchBytesOptions} options
 * @returns {Promise<Uint8Array>}  the body as received (any Content-Encoding already undone)
 * @throws {ImageSetError} missing (404), http (other non-2xx), network (no response),
 *   interrupted (the body stream failed), aborted (signal)
 */
export async function fetchBytes(url, { file, fetch, signal, init = {}, onBytes }) {
  /** @type {Response} */
  let response;
  try {
    response = await fetch(url, { ...init, signal });
  } catch (error) {
    if (signal?.aborted) throw abortedError(file);
    throw new ImageSetError('network', `Could not reach the server for ${file} (${reason(error)}).`, {
      file,
      cause: error,
    });
  }
  if (response.status === 404) {
    throw new ImageSetError('missing', `${file} was not found on the server (404). ${BUILD_HINT}`, { file });
  }
  if (!response.ok) {
    const status = `${response.status} ${response.statusText}`.trim();
    throw new ImageSetError('http', `The server answered ${status} for ${file}.`, { file });
  }
  if (!response.body) return new Uint8Array(await response.arrayBuffer());

  /** @type {Uint8Array[]} */
  const chunks = [];
  let loaded = 0;
  const reader = response.body.getReader();
  for (;;) {
    /** @type {ReadableStreamReadResult<Uint8Array>} */
    let chunk;
    try {
      chunk = await reader.read();
    } catch (error) {
      if (signal?.aborted) throw abortedError(file);
      throw new ImageSetError(
        'interrupted',
        `The download of ${file} stopped after ${loaded} bytes (${reason(error)}).`,
        { file, cause: error },
      );
    }
    if (chunk.done) break;
    chunks.push(chunk.value);
    loaded += chunk.value.length;
    onBytes?.(loaded);
  }
  if (signal?.aborted) throw abortedError(file);
  return concat(chunks, loaded);
}

/** @param {Uint8Array[]} chunks @param {number} length */
function concat(chunks, length) {
  if (chunks.length === 1) return chunks[0];
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/** A short reason from whatever was thrown. @param {unknown} error */
function reason(error) {
  return error instanceof Error ? error.message || error.name : String(error);
}
