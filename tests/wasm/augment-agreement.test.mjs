// Image augmentation agrees between the native and wasm builds: the augment op makes
// bit-identical images (the transforms use only IEEE-exact arithmetic: our own sin/cos, log
// and normal draws), and a short training run with fit.augmentation gives the same weights to
// the tolerance of the other agreement tests (matrix products may round differently).
import assert from 'node:assert/strict';
import { before, test } from 'node:test';

import { TestSession, loadModule } from './load-module.mjs';
import { runNative, runWasm, worstDifference } from './session-script.mjs';

const tolerance = 1e-5;
let module;
before(async () => {
  module = await loadModule();
});

/** Runs `script` in a fresh wasm session and natively; both answer lists. */
function runBoth(script) {
  const s = new TestSession(module);
  try {
    return { wasm: runWasm(s, script), native: runNative(script) };
  } finally {
    s.close();
  }
}

/** The native CLI prints float32 values in their shortest form: back to float32 exactly. */
const float32 = (values) => values.map((v) => Math.fround(v));

/** n images of rows x cols x channels with distinct, smoothly varying values. */
function images(n, rows, cols, channels = 1) {
  const values = [];
  for (let i = 0; i < n; i += 1)
    for (let r = 0; r < rows; r += 1)
      for (let c = 0; c < cols; c += 1)
        for (let k = 0; k < channels; k += 1)
          values.push(Math.sin(0.3 * r + 0.7 * c + i) * 0.5 + 0.5 + 0.1 * k);
  return values;
}

const augmentation = {
  image_shape: [28, 28],
  rotation_range: 25,
  width_shift_range: 0.15,
  height_shift_range: 0.1,
  zoom_range: 0.2,
  horizontal_flip: true,
  vertical_flip: true,
  noise_stddev: 0.05,
};

test('native-vs-wasm: the augment op makes bit-identical images', () => {
  const script = [{ set_array: 'images', values: images(6, 28, 28) }];
  const modes = [
    { fill_mode: 'nearest' },
    { fill_mode: 'constant', cval: 0.25 },
    { fill_mode: 'reflect' },
    { fill_mode: 'wrap' },
  ];
  for (const [i, mode] of modes.entries()) {
    script.push(
      {
        request: {
          op: 'augment',
          x: 'images',
          augmentation: { ...augmentation, ...mode },
          seed: i,
          out: `a${i}`,
        },
      },
      { get_array: `a${i}` },
    );
  }
  script.push(
    { set_array: 'rgb', values: images(2, 5, 7, 3) },
    {
      request: {
        op: 'augment',
        x: 'rgb',
        augmentation: { ...augmentation, image_shape: [5, 7, 3], rotation_range: 180 },
        seed: 9,
        out: 'rgb_out',
      },
    },
    { get_array: 'rgb_out' },
    { request: { op: 'augment', x: 'images', augmentation: { ...augmentation, zoom_range: 1 } } },
  );
  const { wasm, native } = runBoth(script);
  assert.equal(wasm.length, native.length);
  for (const [i, answer] of wasm.entries()) {
    if (answer.values !== undefined) {
      assert.ok(answer.values.length > 0);
      assert.deepEqual(float32(answer.values), float32(native[i].values), `step ${i}`);
    } else {
      assert.deepEqual(answer, native[i], `step ${i}`);
    }
  }
  assert.deepEqual(wasm[1].arrays, [{ name: 'a0', shape: [6, 28, 28] }]);
  assert.deepEqual(wasm[10].arrays, [{ name: 'rgb_out', shape: [2, 5, 7, 3] }]);
  assert.equal(wasm[12].ok, false);
  assert.equal(wasm[12].error.path, '/augmentation/zoom_range');
  // The augmentation did something: the copies differ from the images.
  assert.notDeepEqual(float32(wasm[2].values), float32(images(6, 28, 28)));
});

test('native-vs-wasm: training with augmentation gives the same weights', () => {
  const spec = {
    schema: 1,
    model: {
      type: 'sequential',
      input_shape: [64],
      layers: [
        { type: 'dense', units: 16, activation: 'relu' },
        { type: 'dense', units: 4, activation: 'softmax' },
      ],
    },
    compile: { optimizer: { type: 'adam', learning_rate: 0.01 }, loss: 'categorical_crossentropy' },
    fit: { epochs: 4, batch_size: 8, seed: 3, augmentation: { ...augmentation, image_shape: [8, 8] } },
    data: {
      name: 'prototypes',
      n: 48,
      classes: 4,
      image_side: 8,
      noise: 0.1,
      seed: 1,
      validation_fraction: 0.25,
    },
  };
  const script = [
    { request: { op: 'build', spec } },
    { request: { op: 'train', batches: 7 } },
    {
      request: {
        op: 'tune',
        fit: { augmentation: { image_shape: [8, 8], rotation_range: 40, fill_mode: 'reflect' } },
      },
    },
    { request: { op: 'train', batches: 5 } },
    { request: { op: 'get_weights', out: 'w' } },
    { get_array: 'w' },
  ];
  const { wasm, native } = runBoth(script);
  for (const [i, answer] of wasm.entries()) {
    if (answer.ok !== undefined) assert.ok(answer.ok, `wasm step ${i}: ${JSON.stringify(answer)}`);
  }
  assert.deepEqual(wasm[2], native[2]);
  assert.equal(wasm[2].fit.augmentation.rotation_range, 40);
  assert.deepEqual(wasm[3].epoch_logs.length, native[3].epoch_logs.length);
  const weights = worstDifference(native[5].values, wasm[5].values);
  assert.ok(weights <= tolerance, `weights differ by ${weights}`);
  const losses = worstDifference(
    [native[1].logs.loss, native[3].logs.loss],
    [wasm[1].logs.loss, wasm[3].logs.loss],
  );
  assert.ok(losses <= tolerance, `losses differ by ${losses}`);
});
