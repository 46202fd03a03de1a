// The images lab's page loader (web/js/labs/images/data/load-image-set.mjs) with a fake server
// and a fake Cache API: progress, the cached second load without a file request, every failure
// code (and nothing cached after one), stale cache entries, a server that already decoded the
// gzip; and the arrays the lab trains on (image-arrays.mjs), the dataset names (datasets.mjs).
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import zlib from 'node:zlib';

import { DEFAULT_OUT, currentManifest, lockedVersions } from '../../scripts/build-image-data.mjs';
import { DATASETS, DATASET_IDS } from '../../web/js/labs/images/data/datasets.mjs';
import { CACHE_NAME } from '../../web/js/labs/images/data/image-cache.mjs';
import { imageArrays, imageRange } from '../../web/js/labs/images/data/image-arrays.mjs';
import { encodeImageFile } from '../../web/js/labs/images/data/image-file.mjs';
import { ImageSetError, loadImageSet } from '../../web/js/labs/images/data/load-image-set.mjs';

const BASE = 'http://nnplay.test/data/images/';
const ROWS = 28;
const COLS = 28;
const CLASSES = 10;

const sha256 = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex');

/** A part of `count` images interleaved by class, pseudo-random pixels (gzip cannot shrink
 *  them much, so the files stream in several chunks). */
function makePart(count, seed) {
  const labels = Uint8Array.from({ length: count }, (_, i) => i % CLASSES);
  let state = seed;
  const pixels = Uint8Array.from({ length: count * ROWS * COLS }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state >>> 24;
  });
  return { labels, pixels };
}

/** Files and manifest of one small fashion `default` set, built as the build script does. */
function makeServerFiles({ train = 40, test = 20, hashSalt = '' } = {}) {
  /** @type {Map<string, Uint8Array>} */
  const files = new Map();
  const parts = {};
  const decoded = {};
  for (const [name, count, seed] of [
    ['train', train, 1],
    ['test', test, 2],
  ]) {
    const { labels, pixels } = makePart(count, seed);
    const raw = encodeImageFile({ rows: ROWS, cols: COLS, classes: CLASSES, labels, pixels });
    const gz = new Uint8Array(zlib.gzipSync(raw, { level: 9 }));
    const hash = sha256(Buffer.concat([gz, Buffer.from(hashSalt)]));
    const file = `fashion-default-${name}.${hash.slice(0, 8)}.nnpi`;
    files.set(file, gz);
    const perClass = new Array(CLASSES).fill(0);
    for (const label of labels) perClass[label]++;
    parts[name] = {
      file,
      count,
      bytes: gz.length,
      sha256: sha256(gz),
      raw_bytes: raw.length,
      raw_sha256: sha256(raw),
      labels_per_class: perClass,
    };
    decoded[name] = { raw, gz, labels, pixels };
  }
  const manifest = {
    format: 1,
    source: { 'fashion-mnist': '1.1.0', mnist: '1.1.0' },
    datasets: { fashion: { rows: ROWS, cols: COLS, classes: CLASSES, parts: { default: parts } } },
  };
  files.set('manifest.json', new TextEncoder().encode(JSON.stringify(manifest)));
  return { files, manifest, decoded };
}

/**
 * A fake fetch over `files` (names under BASE): bodies stream in `chunk`-byte pieces; `faults`
 * maps a file name to {status}, {reject}, {cutAt, error?} (the stream closes or errors after
 * cutAt bytes) or {body} (other bytes). `log` records every requested name and its init.
 */
function fakeServer(files, { chunk = 4096, faults = {} } = {}) {
  const log = [];
  const fetch = async (url, init = {}) => {
    const name = String(url).startsWith(BASE) ? String(url).slice(BASE.length) : String(url);
    log.push({ name, init });
    if (init.signal?.aborted) throw new DOMException('The operation was aborted.', 'AbortError');
    const fault = faults[name] ?? {};
    if (fault.reject) throw new TypeError('fetch failed');
    if (fault.status)
      return new Response('nope', { status: fault.status, statusText: fault.statusText ?? '' });
    const body = fault.body ?? files.get(name);
    if (!body) return new Response('not found', { status: 404, statusText: 'Not Found' });
    const end = fault.cutAt ?? body.length;
    let at = 0;
    const stream = new ReadableStream({
      pull(controller) {
        if (init.signal?.aborted) {
          controller.error(new DOMException('The operation was aborted.', 'AbortError'));
          return;
        }
        if (at >= end) {
          if (fault.error) controller.error(new TypeError('network connection lost'));
          else controller.close();
          return;
        }
        const next = Math.min(at + chunk, end);
        controller.enqueue(body.slice(at, next));
        at = next;
      },
    });
    return new Response(stream, { status: 200, headers: { 'content-type': 'application/octet-stream' } });
  };
  return { fetch, log };
}

/** A fake CacheStorage: one Map of url -> bytes per cache name. */
function fakeCaches() {
  /** @type {Map<string, Map<string, Uint8Array>>} */
  const stores = new Map();
  const opened = [];
  return {
    stores,
    opened,
    async open(name) {
      opened.push(name);
      if (!stores.has(name)) stores.set(name, new Map());
      const store = /** @type {Map<string, Uint8Array>} */ (stores.get(name));
      return {
        async match(url) {
          const bytes = store.get(String(url));
          return bytes ? new Response(bytes.slice()) : undefined;
        },
        async put(url, response) {
          store.set(String(url), new Uint8Array(await response.arrayBuffer()));
        },
        async delete(url) {
          return store.delete(String(url));
        },
        async keys() {
          return [...store.keys()].map((url) => ({ url }));
        },
      };
    },
  };
}

const fileRequests = (log) => log.filter((r) => r.name.endsWith('.nnpi')).map((r) => r.name);

/** Loads the small set through the fakes; rejects with the ImageSetError. */
function load(server, caches, extra = {}) {
  return loadImageSet({
    dataset: 'fashion',
    size: 'default',
    fetch: server.fetch,
    caches,
    baseUrl: BASE,
    ...extra,
  });
}

/** Asserts that `promise` rejects with an ImageSetError of `code` whose message matches. */
async function rejectsWith(promise, code, message) {
  await assert.rejects(promise, (error) => {
    assert.ok(error instanceof ImageSetError, `an ImageSetError, got ${error}`);
    assert.equal(error.code, code, error.message);
    if (message) assert.match(error.message, message);
    return true;
  });
}

test('a first load streams with progress, verifies, and caches the files', async () => {
  const { files, manifest, decoded } = makeServerFiles();
  const server = fakeServer(files, { chunk: 1000 });
  const caches = fakeCaches();
  const progress = [];
  const set = await load(server, caches, { onProgress: (p) => progress.push(p) });

  const { train, test: testEntry } = manifest.datasets.fashion.parts.default;
  const total = train.bytes + testEntry.bytes;
  assert.equal(set.fromCache, false);
  assert.equal(set.bytes, total);
  assert.deepEqual(
    [set.dataset, set.size, set.rows, set.cols, set.classes],
    ['fashion', 'default', 28, 28, 10],
  );
  assert.equal(set.train.count, 40);
  assert.equal(set.test.count, 20);
  assert.deepEqual([...set.train.labels], [...decoded.train.labels]);
  assert.ok(Buffer.from(set.test.pixels).equals(decoded.test.pixels));

  assert.ok(progress.length > 4, `${progress.length} progress events`);
  assert.deepEqual(progress[0], { loaded: 0, total });
  assert.deepEqual(progress.at(-1), { loaded: total, total });
  assert.ok(
    progress.every((p, i) => p.total === total && (i === 0 || p.loaded >= progress[i - 1].loaded)),
    'progress only grows',
  );
  assert.ok(
    progress.some((p) => p.loaded > 0 && p.loaded < train.bytes),
    'progress inside the first file',
  );

  assert.deepEqual(caches.opened, [CACHE_NAME]);
  const store = caches.stores.get(CACHE_NAME);
  assert.ok(Buffer.from(store.get(BASE + train.file)).equals(decoded.train.gz));
  assert.ok(Buffer.from(store.get(BASE + testEntry.file)).equals(decoded.test.gz));
  const manifestRequest = server.log.find((r) => r.name === 'manifest.json');
  assert.equal(manifestRequest.init.cache, 'no-cache');
});

test('a second load reads the files from the cache without requesting them', async () => {
  const { files, decoded } = makeServerFiles();
  const server = fakeServer(files);
  const caches = fakeCaches();
  await load(server, caches);
  server.log.length = 0;
  const progress = [];
  const set = await load(server, caches, { onProgress: (p) => progress.push(p) });
  assert.equal(set.fromCache, true);
  assert.deepEqual(fileRequests(server.log), []);
  assert.deepEqual(
    server.log.map((r) => r.name),
    ['manifest.json'],
  );
  assert.deepEqual([...set.train.labels], [...decoded.train.labels]);
  assert.deepEqual(progress.at(-1), { loaded: set.bytes, total: set.bytes });
});

test('offline on a later visit: the manifest kept with the files serves', async () => {
  const { files } = makeServerFiles();
  const caches = fakeCaches();
  await load(fakeServer(files), caches);
  const offline = fakeServer(files, { faults: { 'manifest.json': { reject: true } } });
  const set = await load(offline, caches);
  assert.equal(set.fromCache, true);
  assert.deepEqual(fileRequests(offline.log), []);
  // With nothing kept, the same failure is a network error.
  await rejectsWith(load(offline, fakeCaches()), 'network', /Could not reach the server for manifest\.json/);
});

test('a stream that ends early is interrupted and nothing is cached', async () => {
  const { files, manifest } = makeServerFiles();
  const train = manifest.datasets.fashion.parts.default.train;
  const cut = Math.floor(train.bytes / 2);
  const caches = fakeCaches();
  const closed = fakeServer(files, { chunk: 500, faults: { [train.file]: { cutAt: cut } } });
  await rejectsWith(
    load(closed, caches),
    'interrupted',
    new RegExp(`download of ${train.file.replace(/\./g, '\\.')} ended after ${cut} of ${train.bytes} bytes`),
  );
  const failed = fakeServer(files, { chunk: 500, faults: { [train.file]: { cutAt: cut, error: true } } });
  await rejectsWith(
    load(failed, caches),
    'interrupted',
    /stopped after \d+ bytes \(network connection lost\)/,
  );
  assert.deepEqual([...(caches.stores.get(CACHE_NAME)?.keys() ?? [])], []);
});

test('a checksum or size mismatch is corrupt and not cached', async () => {
  const { files, manifest } = makeServerFiles();
  const { train, test: testEntry } = manifest.datasets.fashion.parts.default;
  const flipped = files.get(train.file).slice();
  flipped[flipped.length - 20] ^= 0xff;
  const caches = fakeCaches();
  await rejectsWith(
    load(fakeServer(files, { faults: { [train.file]: { body: flipped } } }), caches),
    'corrupt',
    /fashion-default-train\.[0-9a-f]{8}\.nnpi is damaged: its SHA-256 checksum does not match/,
  );
  const longer = new Uint8Array(testEntry.bytes + 3);
  longer.set(files.get(testEntry.file));
  await rejectsWith(
    load(fakeServer(files, { faults: { [testEntry.file]: { body: longer } } }), caches),
    'corrupt',
    new RegExp(`${testEntry.bytes + 3} bytes, expected ${testEntry.bytes}`),
  );
  // (No cache here: the train file verified in the second attempt would be read from it.)
  await rejectsWith(
    load(
      fakeServer(files, {
        faults: { [train.file]: { body: new TextEncoder().encode('<html>oops</html>') } },
      }),
      null,
    ),
    'corrupt',
    /neither gzip data nor an nnplay image file/,
  );
  // The verified train file of the second attempt may stay; no damaged file is ever stored.
  const store = caches.stores.get(CACHE_NAME) ?? new Map();
  for (const [url, bytes] of store) {
    assert.ok(Buffer.from(bytes).equals(files.get(url.slice(BASE.length))), `${url} cached as served`);
  }
  assert.equal(store.has(BASE + testEntry.file), false);
});

test('counts that differ from the manifest are refused', async () => {
  const { files, manifest } = makeServerFiles();
  const parts = manifest.datasets.fashion.parts.default;
  const swapped = structuredClone(manifest);
  const perClass = swapped.datasets.fashion.parts.default.train.labels_per_class;
  [perClass[0], perClass[9]] = [perClass[9] + 1, perClass[0] - 1];
  files.set('manifest.json', new TextEncoder().encode(JSON.stringify(swapped)));
  await rejectsWith(
    load(fakeServer(files), fakeCaches()),
    'corrupt',
    /4 images of class 0, the manifest says 5/,
  );

  // A manifest whose count disagrees with its own sizes is refused before any download.
  const wrongCount = structuredClone(manifest);
  wrongCount.datasets.fashion.parts.default.test.count = parts.test.count + 1;
  wrongCount.datasets.fashion.parts.default.test.labels_per_class[0] += 1;
  files.set('manifest.json', new TextEncoder().encode(JSON.stringify(wrongCount)));
  const server = fakeServer(files);
  await rejectsWith(load(server, fakeCaches()), 'corrupt', /manifest\.json is not a valid image manifest/);
  assert.deepEqual(fileRequests(server.log), []);

  // Consistent with itself but not with the file: the decoded file has fewer images.
  const fewer = structuredClone(wrongCount);
  fewer.datasets.fashion.parts.default.test.raw_bytes += 1 + ROWS * COLS;
  files.set('manifest.json', new TextEncoder().encode(JSON.stringify(fewer)));
  await rejectsWith(load(fakeServer(files), fakeCaches()), 'corrupt', /20 images, the manifest says 21/);
});

test('HTTP failures: 404 is missing (with the build hint), 500 is http, no answer is network', async () => {
  const { files, manifest } = makeServerFiles();
  const train = manifest.datasets.fashion.parts.default.train;
  await rejectsWith(
    load(fakeServer(files, { faults: { [train.file]: { status: 404 } } }), fakeCaches()),
    'missing',
    /fashion-default-train\.[0-9a-f]{8}\.nnpi was not found on the server \(404\)\. .*scripts\/serve\.sh or scripts\/build-web\.sh/,
  );
  await rejectsWith(load(fakeServer(new Map()), fakeCaches()), 'missing', /manifest\.json was not found/);
  await rejectsWith(
    load(
      fakeServer(files, { faults: { [train.file]: { status: 500, statusText: 'Internal Server Error' } } }),
      null,
    ),
    'http',
    /The server answered 500 Internal Server Error for fashion-default-train/,
  );
  await rejectsWith(
    load(fakeServer(files, { faults: { [train.file]: { reject: true } } }), null),
    'network',
    /Could not reach the server for fashion-default-train.*fetch failed/,
  );
  await rejectsWith(
    loadImageSet({
      dataset: 'fashion',
      size: 'full',
      fetch: fakeServer(files).fetch,
      caches: null,
      baseUrl: BASE,
    }),
    'missing',
    /manifest\.json lists no fashion full set/,
  );
  files.set('manifest.json', new TextEncoder().encode('{"format": 1, "datasets": '));
  await rejectsWith(load(fakeServer(files), null), 'corrupt', /manifest\.json is not valid JSON/);
});

test('an abort stops the load with aborted, before or during a download', async () => {
  const { files } = makeServerFiles();
  const before = new AbortController();
  before.abort();
  const idle = fakeServer(files);
  await rejectsWith(load(idle, fakeCaches(), { signal: before.signal }), 'aborted', /cancelled/);
  assert.deepEqual(idle.log, []);

  const during = new AbortController();
  const caches = fakeCaches();
  const server = fakeServer(files, { chunk: 300 });
  await rejectsWith(
    load(server, caches, {
      signal: during.signal,
      onProgress: ({ loaded }) => {
        if (loaded > 0) during.abort();
      },
    }),
    'aborted',
    /Loading fashion-default-train\.[0-9a-f]{8}\.nnpi was cancelled/,
  );
  assert.deepEqual([...(caches.stores.get(CACHE_NAME)?.keys() ?? [])], []);
});

test('a server that already undid the gzip still gives the verified set', async () => {
  const { files, manifest, decoded } = makeServerFiles();
  const { train, test: testEntry } = manifest.datasets.fashion.parts.default;
  const server = fakeServer(files, {
    faults: { [train.file]: { body: decoded.train.raw }, [testEntry.file]: { body: decoded.test.raw } },
  });
  const set = await load(server, null);
  assert.deepEqual([...set.train.labels], [...decoded.train.labels]);
  assert.ok(Buffer.from(set.train.pixels).equals(decoded.train.pixels));
  const damaged = decoded.train.raw.slice();
  damaged[damaged.length - 1] ^= 1;
  await rejectsWith(
    load(fakeServer(files, { faults: { [train.file]: { body: damaged } } }), null),
    'corrupt',
    /SHA-256 checksum does not match/,
  );
});

test('older builds of the same files leave the cache; a damaged cached file is fetched again', async () => {
  const { files, manifest } = makeServerFiles();
  const { train } = manifest.datasets.fashion.parts.default;
  const caches = fakeCaches();
  const cache = await caches.open(CACHE_NAME);
  const old = BASE + 'fashion-default-train.0badc0de.nnpi';
  const otherSize = BASE + 'fashion-full-train.0badc0de.nnpi';
  const elsewhere = 'http://nnplay.test/other/fashion-default-train.0badc0de.nnpi';
  for (const url of [old, otherSize, elsewhere]) await cache.put(url, new Response('old'));
  await cache.put(BASE + train.file, new Response(files.get(train.file).slice(0, 100)));

  const server = fakeServer(files);
  const set = await load(server, caches);
  assert.equal(set.fromCache, false);
  assert.deepEqual(fileRequests(server.log).length, 2, 'the damaged cached file is downloaded again');
  const keys = [...caches.stores.get(CACHE_NAME).keys()];
  assert.ok(!keys.includes(old), 'the older build of the same part is gone');
  assert.ok(keys.includes(otherSize) && keys.includes(elsewhere), 'other parts and folders are kept');
  assert.ok(Buffer.from(caches.stores.get(CACHE_NAME).get(BASE + train.file)).equals(files.get(train.file)));
});

test('without the Cache API every load downloads', async () => {
  const { files } = makeServerFiles();
  const server = fakeServer(files);
  assert.equal((await load(server, null)).fromCache, false);
  assert.equal((await load(server, null)).fromCache, false);
  assert.equal(fileRequests(server.log).length, 4);
  const refusing = { open: () => Promise.reject(new DOMException('no', 'SecurityError')) };
  assert.equal((await load(server, refusing)).fromCache, false);
});

const built = currentManifest(DEFAULT_OUT, lockedVersions());
test(
  'the built web/data/images/ loads: fashion default and digits',
  { skip: !built && 'web/data/images/ is not built (node scripts/build-image-data.mjs)' },
  async () => {
    const disk = new Map();
    for (const name of fs.readdirSync(DEFAULT_OUT)) {
      disk.set(name, new Uint8Array(fs.readFileSync(path.join(DEFAULT_OUT, name))));
    }
    const server = fakeServer(disk, { chunk: 65536 });
    const fashion = await load(server, fakeCaches());
    assert.deepEqual([fashion.train.count, fashion.test.count], [11000, 2000]);
    assert.ok(fashion.bytes <= 6_000_000);
    const digits = await loadImageSet({
      dataset: 'digits',
      size: 'default',
      fetch: server.fetch,
      caches: null,
      baseUrl: BASE,
    });
    assert.deepEqual([digits.train.count, digits.test.count], [8504, 1496]);
  },
);

test('imageArrays scales pixels by 1/255 into float32 and keeps the labels, in index order', () => {
  const part = {
    count: 3,
    labels: Uint8Array.from([4, 7, 1]),
    pixels: Uint8Array.from([0, 255, 51, 1, 0, 255, 51, 1, 128, 255, 51, 1]),
  };
  const { x, y } = imageArrays(part, [2, 0, 2]);
  assert.equal(x.length, 3 * 4);
  assert.deepEqual([...y], [1, 4, 1]);
  assert.deepEqual(
    [...x.subarray(0, 4)],
    [Math.fround(128 / 255), 1, Math.fround(51 / 255), Math.fround(1 / 255)],
  );
  assert.deepEqual([...x.subarray(4, 8)], [0, 1, Math.fround(0.2), Math.fround(1 / 255)]);
  assert.ok(x.every((v) => v >= 0 && v <= 1));
  assert.throws(() => imageArrays(part, [3]), /image index 3 at position 0, expected an integer in 0\.\.2/);
  assert.throws(() => imageArrays(part, [0, 1.5]), /image index 1\.5 at position 1/);
  assert.throws(() => imageArrays(part, [-1]), RangeError);
  assert.deepEqual(imageArrays(part, []), { x: new Float32Array(0), y: new Float32Array(0) });
});

test('imageRange takes consecutive images; a range outside the part is refused', () => {
  const { labels, pixels } = makePart(30, 3);
  const part = { count: 30, labels, pixels };
  const { x, y } = imageRange(part, 10, 5);
  assert.deepEqual([...y], [0, 1, 2, 3, 4]);
  assert.equal(x.length, 5 * 784);
  assert.equal(x[0], Math.fround(pixels[10 * 784] / 255));
  assert.equal(x[5 * 784 - 1], Math.fround(pixels[15 * 784 - 1] / 255));
  assert.deepEqual(imageRange(part, 0, 30).y, Float32Array.from(labels));
  assert.throws(() => imageRange(part, 25, 6), /images 25\.\.30 are not inside the 30 images/);
  assert.throws(() => imageRange(part, -1, 2), RangeError);
  assert.throws(() => imageRange(part, 0, 2.5), RangeError);
});

test('the datasets name ten classes in English and Korean', () => {
  assert.deepEqual(DATASET_IDS, ['fashion', 'digits']);
  for (const id of DATASET_IDS) {
    const { title, classes } = DATASETS[id];
    assert.ok(title.en && title.ko, id);
    for (const lang of ['en', 'ko']) {
      assert.equal(classes[lang].length, 10, `${id} ${lang}`);
      assert.equal(new Set(classes[lang]).size, 10, `${id} ${lang} names differ`);
    }
  }
  assert.equal(DATASETS.fashion.classes.en[0], 'T-shirt/top');
  assert.equal(DATASETS.fashion.classes.en[9], 'Ankle boot');
  assert.equal(DATASETS.fashion.classes.ko[9], '앵클부츠');
  assert.deepEqual(DATASETS.digits.classes.en, ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
});
