// @ts-check
// The browser's Cache API as the images lab uses it: verified data files keyed by their hashed
// URL, so a later visit reads them without a request. Every method degrades to "no cache":
// `caches` is missing outside secure contexts, open() can be refused (private modes, opaque
// origins) and put() can run out of quota; the data then come from the network each visit.

export const CACHE_NAME = 'nnplay-images-v1';

/**
 * @typedef {{match(request: string): Promise<Response | undefined>,
 *   put(request: string, response: Response): Promise<void>,
 *   delete(request: string | Request): Promise<boolean>,
 *   keys(): Promise<ReadonlyArray<Request | {url: string}>>}} CacheLike
 * @typedef {{open(name: string): Promise<CacheLike>}} CacheStorageLike
 */

export class ImageCache {
  /** @param {CacheStorageLike | undefined} storage  `globalThis.caches` or a test double */
  constructor(storage) {
    /** @type {Promise<CacheLike | null>} */
    this.opened = storage
      ? storage.open(CACHE_NAME).catch(() => null)
      : Promise.resolve(/** @type {CacheLike | null} */ (null));
  }

  /**
   * The cached bytes of `url`, or null (not cached, no cache, or unreadable).
   * @param {string} url
   * @returns {Promise<Uint8Array | null>}
   */
  async read(url) {
    const cache = await this.opened;
    if (!cache) return null;
    try {
      const response = await cache.match(url);
      return response ? new Uint8Array(await response.arrayBuffer()) : null;
    } catch {
      return null;
    }
  }

  /**
   * Stores verified bytes under `url`; true when stored.
   * @param {string} url @param {Uint8Array} bytes
   */
  async write(url, bytes) {
    const cache = await this.opened;
    if (!cache) return false;
    try {
      const body = new Blob([/** @type {Uint8Array<ArrayBuffer>} */ (bytes)]);
      await cache.put(url, new Response(body, { headers: { 'content-type': 'application/octet-stream' } }));
      return true;
    } catch {
      return false;
    }
  }

  /** Drops `url` (e.g. bytes that no longer verify). @param {string} url */
  async remove(url) {
    const cache = await this.opened;
    await cache?.delete(url).catch(() => false);
  }

  /**
   * Drops the entries `isStale(url)` picks (older builds of a file); returns how many.
   * @param {(url: string) => boolean} isStale
   */
  async prune(isStale) {
    const cache = await this.opened;
    if (!cache) return 0;
    let removed = 0;
    try {
      for (const request of await cache.keys()) {
        if (isStale(request.url) && (await cache.delete(request.url))) removed++;
      }
    } catch {
      // A cache that cannot list its keys keeps the old entries: harmless, only space.
    }
    return removed;
  }
}
