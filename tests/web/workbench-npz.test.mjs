// The workbench's .npz writer (the data a Keras Python export loads): parsed back here as a ZIP
// reader and an NPY reader would, and read by Python's zipfile.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { python, tmp } from './support/python.mjs';
import { crc32, npzBytes } from '../../web/js/labs/workbench/npz-writer.mjs';

/**
 * Parses a .npz the way a ZIP reader does (end record -> central directory -> local headers)
 * and each member as NPY 1.0, checking every CRC and header field on the way.
 * @param {Uint8Array} bytes
 */
function parseNpz(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length - 22;
  assert.equal(view.getUint32(end, true), 0x06054b50, 'end of central directory record');
  const count = view.getUint16(end + 10, true);
  assert.equal(view.getUint16(end + 8, true), count);
  const centralSize = view.getUint32(end + 12, true);
  let at = view.getUint32(end + 16, true);
  assert.equal(at + centralSize, end, 'central directory ends at the end record');
  const decoder = new TextDecoder();
  /** @type {Record<string, {shape: number[], data: Float32Array}>} */
  const out = {};
  for (let i = 0; i < count; i++) {
    assert.equal(view.getUint32(at, true), 0x02014b50, 'central directory header');
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const size = view.getUint32(at + 20, true);
    assert.equal(method, 0, 'stored');
    assert.equal(view.getUint32(at + 24, true), size, 'stored: sizes equal');
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extra;

    assert.equal(view.getUint32(local, true), 0x04034b50, 'local file header');
    assert.equal(view.getUint32(local + 14, true), crc, 'local CRC = central CRC');
    assert.equal(view.getUint32(local + 18, true), size);
    const localName = view.getUint16(local + 26, true);
    const start = local + 30 + localName + view.getUint16(local + 28, true);
    assert.equal(decoder.decode(bytes.subarray(local + 30, local + 30 + localName)), name);
    const npy = bytes.subarray(start, start + size);
    assert.equal(crc32(npy), crc, `${name}: CRC-32`);

    assert.deepEqual([...npy.subarray(0, 8)], [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0], 'NPY 1.0 magic');
    const headerLength = npy[8] | (npy[9] << 8);
    assert.equal((10 + headerLength) % 64, 0, 'data aligned to 64 bytes');
    const header = decoder.decode(npy.subarray(10, 10 + headerLength));
    assert.ok(header.endsWith('\n'));
    const m = /^\{'descr': '<f4', 'fortran_order': False, 'shape': \(([0-9, ]*)\), \} *\n$/.exec(header);
    assert.ok(m, `header dict: ${header}`);
    const shape = m[1]
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '')
      .map(Number);
    const body = npy.slice(10 + headerLength);
    assert.ok(name.endsWith('.npy'));
    out[name.slice(0, -4)] = {
      shape,
      data: new Float32Array(body.buffer, body.byteOffset, body.byteLength / 4),
    };
  }
  return out;
}

test('npz: round trip through a ZIP and NPY parser, and Python zipfile agrees', () => {
  const arrays = [
    { name: 'x0', shape: [3, 2], data: new Float32Array([1, -2.5, 3e-8, 4, 5, 6]) },
    { name: 'y0', shape: [3], data: new Float32Array([0, 1, 2]) },
    { name: 'xv0', shape: [0, 2], data: new Float32Array([]) },
    { name: 'seq', shape: [2, 3, 1], data: Float32Array.from({ length: 6 }, (_, i) => Math.sin(i)) },
    { name: '한글', shape: [1], data: new Float32Array([Math.PI]) },
  ];
  const bytes = npzBytes(arrays);
  const parsed = parseNpz(bytes);
  assert.deepEqual(
    Object.keys(parsed),
    arrays.map((a) => a.name),
  );
  for (const a of arrays) {
    assert.deepEqual(parsed[a.name].shape, a.shape, a.name);
    assert.deepEqual([...parsed[a.name].data], [...a.data], a.name);
  }
  assert.deepEqual(npzBytes(arrays), bytes, 'the same arrays give the same bytes');
  assert.equal(crc32(new TextEncoder().encode('123456789')), 0xcbf43926, 'the CRC-32 check value');

  const file = path.join(tmp, 'data.npz');
  fs.writeFileSync(file, bytes);
  const check =
    'import sys, zipfile, struct\n' +
    'z = zipfile.ZipFile(sys.argv[1])\n' +
    'assert z.testzip() is None\n' +
    'for n in z.namelist():\n' +
    '    b = z.read(n)\n' +
    '    h = struct.unpack("<H", b[8:10])[0]\n' +
    '    print(n, eval(b[10:10 + h].decode("latin1"))["shape"], (len(b) - 10 - h) // 4)\n';
  assert.equal(
    python(['-c', check, file]),
    'x0.npy (3, 2) 6\ny0.npy (3,) 3\nxv0.npy (0, 2) 0\nseq.npy (2, 3, 1) 6\n한글.npy (1,) 1\n',
  );

  assert.throws(() => npzBytes([{ name: 'x', shape: [2, 2], data: new Float32Array(3) }]), /does not hold/);
  assert.throws(() => npzBytes([arrays[0], arrays[0]]), /unique/);
});
