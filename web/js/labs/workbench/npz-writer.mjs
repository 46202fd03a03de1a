// @ts-check
// A .npz file (what numpy.savez writes and numpy.load reads) from float32 arrays: a ZIP archive of
// stored (uncompressed) members `<name>.npy`, each in NPY format 1.0 with dtype '<f4', C order.
// Format: numpy/lib/format.py (NPY) and PKWARE's APPNOTE.TXT (ZIP, without ZIP64, so at most
// 4 GiB and 65,535 members, far above what a page trains on).

/** The CRC-32 table (polynomial 0xEDB88320, as ZIP uses). */
const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/**
 * CRC-32 of `bytes` (ZIP's checksum).
 * @param {Uint8Array} bytes
 * @returns {number} unsigned 32-bit
 */
export function crc32(bytes) {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * One NPY 1.0 file: magic, version, header length, the header dict padded with spaces and a
 * newline so the data starts at a multiple of 64 bytes, then the little-endian float32 values.
 * @param {number[]} shape
 * @param {Float32Array} data
 * @returns {Uint8Array}
 */
export function npyBytes(shape, data) {
  const count = shape.reduce((a, b) => a * b, 1);
  if (shape.some((d) => !Number.isSafeInteger(d) || d < 0) || count !== data.length) {
    throw new RangeError(`shape [${shape}] does not hold the ${data.length} values given`);
  }
  const dims = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  let header = `{'descr': '<f4', 'fortran_order': False, 'shape': ${dims}, }`;
  const preamble = 10; // magic (6) + version (2) + header length (2)
  const total = Math.ceil((preamble + header.length + 1) / 64) * 64;
  header = header.padEnd(total - preamble - 1, ' ') + '\n';
  if (header.length > 0xffff) throw new RangeError('shape too long for an NPY 1.0 header');
  const out = new Uint8Array(total + data.length * 4);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0], 0); // "\x93NUMPY" 1.0
  new DataView(out.buffer).setUint16(8, header.length, true);
  for (let i = 0; i < header.length; i++) out[preamble + i] = header.charCodeAt(i);
  if (LITTLE_ENDIAN) {
    out.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), total);
  } else {
    const view = new DataView(out.buffer, total);
    data.forEach((x, i) => view.setFloat32(i * 4, x, true));
  }
  return out;
}

/** DOS date of 1980-01-01 00:00 (the earliest ZIP can say): the same bytes for the same arrays. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/**
 * A .npz archive of float32 arrays; numpy.load(...)[name] gives each back.
 * @param {Array<{name: string, shape: number[], data: Float32Array}>} arrays
 * @returns {Uint8Array}
 */
export function npzBytes(arrays) {
  const encoder = new TextEncoder();
  const names = new Set();
  const members = arrays.map(({ name, shape, data }) => {
    if (name === '' || names.has(name))
      throw new Error(`array names must be unique and non-empty, got '${name}'`);
    names.add(name);
    const body = npyBytes(shape, data);
    const file = encoder.encode(`${name}.npy`);
    return { file, body, crc: crc32(body), utf8: /[^\x20-\x7e]/.test(name) };
  });
  if (members.length > 0xffff) throw new RangeError('too many arrays for a ZIP archive without ZIP64');
  const localSize = members.reduce((n, m) => n + 30 + m.file.length + m.body.length, 0);
  const centralSize = members.reduce((n, m) => n + 46 + m.file.length, 0);
  if (localSize + centralSize + 22 > 0xffffffff) throw new RangeError('arrays too large for a ZIP archive');

  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  const u16 = (/** @type {number} */ x) => {
    view.setUint16(at, x, true);
    at += 2;
  };
  const u32 = (/** @type {number} */ x) => {
    view.setUint32(at, x, true);
    at += 4;
  };
  /** The fields local and central headers share, from "version needed" to the name length. */
  const common = (/** @type {(typeof members)[number]} */ m) => {
    u16(20); // version needed to extract: 2.0
    u16(m.utf8 ? 0x0800 : 0); // flags: bit 11 = the name is UTF-8
    u16(0); // method: stored
    u16(DOS_TIME);
    u16(DOS_DATE);
    u32(m.crc);
    u32(m.body.length); // compressed size
    u32(m.body.length); // uncompressed size
    u16(m.file.length);
  };
  /** @type {number[]} */
  const offsets = [];
  for (const m of members) {
    offsets.push(at);
    u32(0x04034b50); // local file header
    common(m);
    u16(0); // extra field length
    out.set(m.file, at);
    at += m.file.length;
    out.set(m.body, at);
    at += m.body.length;
  }
  const centralStart = at;
  members.forEach((m, i) => {
    u32(0x02014b50); // central directory header
    u16(20); // version made by: 2.0, MS-DOS attributes
    common(m);
    u16(0); // extra field length
    u16(0); // comment length
    u16(0); // disk number start
    u16(0); // internal attributes
    u32(0); // external attributes
    u32(offsets[i]);
    out.set(m.file, at);
    at += m.file.length;
  });
  const centralEnd = at;
  u32(0x06054b50); // end of central directory
  u16(0); // this disk
  u16(0); // disk with the central directory
  u16(members.length);
  u16(members.length);
  u32(centralEnd - centralStart); // central directory size
  u32(centralStart);
  u16(0); // comment length
  return out;
}
