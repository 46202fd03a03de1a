// The images lab's experiments, pure parts: k-fold splits (k disjoint parts covering the
// subset, balanced by class), mean ± standard deviation, loading a pretrained layer by the
// get_weights layout's offsets and checking it bit for bit, the augmentation fields' limits
// and the fit.augmentation they make, the image picks, and the en/ko strings.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { foldSplits, meanAndSd } from '../../web/js/kit/folds.mjs';
import {
  changedCount,
  copyLayerWeights,
  layerEntries,
  layerUnchanged,
} from '../../web/js/labs/images/experiments/weights.mjs';
import {
  augmentationSpec,
  COMPARE_AUGMENTATION,
} from '../../web/js/labs/images/experiments/augmentation.mjs';
import { EXPERIMENT_FIELDS, experimentField } from '../../web/js/labs/images/experiments/fields.mjs';
import { EXPERIMENT_STRINGS } from '../../web/js/labs/images/experiments/strings.mjs';
import { firstOfClasses, ofClasses, sampleArrays } from '../../web/js/labs/images/experiments/samples.mjs';
import { denseDocument } from '../../web/js/labs/images/experiments/documents.mjs';
import { normalizeValue } from '../../web/js/state/field.mjs';

/** Labels 0..9 interleaved, with class 3 short (an uneven subset). */
function labelsOf(n) {
  const labels = [];
  for (let i = 0; labels.length < n; i += 1) if (!(i % 10 === 3 && i > 200)) labels.push(i % 10);
  return Uint8Array.from(labels);
}

for (const [n, k] of [
  [2000, 5],
  [500, 3],
  [1001, 10],
  [737, 7],
]) {
  test(`foldSplits: ${k} disjoint parts covering ${n} samples, balanced by class`, () => {
    const labels = labelsOf(n);
    const folds = foldSplits(labels, k);
    assert.equal(folds.length, k);
    const seen = new Int32Array(n);
    for (const { train, validation } of folds) {
      for (const i of validation) seen[i] += 1;
      assert.equal(train.length + validation.length, n, 'train is the rest');
      const inVal = new Set(validation);
      assert.ok(
        train.every((i) => !inVal.has(i)),
        'train and validation are disjoint',
      );
    }
    assert.ok(
      seen.every((c) => c === 1),
      'every sample validates in exactly one fold',
    );
    const sizes = folds.map((f) => f.validation.length);
    assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 1, `part sizes ${sizes}`);
    for (let c = 0; c < 10; c += 1) {
      const perPart = folds.map((f) => f.validation.filter((i) => labels[i] === c).length);
      assert.ok(Math.max(...perPart) - Math.min(...perPart) <= 1, `class ${c}: ${perPart}`);
    }
  });
}

test('foldSplits refuses a k outside [2, n]', () => {
  assert.throws(() => foldSplits(labelsOf(10), 1), RangeError);
  assert.throws(() => foldSplits(labelsOf(10), 11), RangeError);
  assert.throws(() => foldSplits(labelsOf(10), 2.5), RangeError);
});

test('meanAndSd: mean and population standard deviation (np.std)', () => {
  const { mean, sd, count } = meanAndSd([0.8, 0.82, 0.84, 0.86]);
  assert.equal(count, 4);
  assert.ok(Math.abs(mean - 0.83) < 1e-12);
  assert.ok(Math.abs(sd - Math.sqrt(0.0005)) < 1e-12, `sd ${sd}`);
  assert.deepEqual(meanAndSd([2]), { mean: 2, sd: 0, count: 1 });
  assert.ok(Number.isNaN(meanAndSd([]).mean));
});

// Two layouts as get_weights answers them, the hidden layer at different offsets.
const pretrainedLayout = [
  { name: 'ConcealmentLayer1/kernel', shape: [4, 3], offset: 0 },
  { name: 'ConcealmentLayer1/bias', shape: [3], offset: 12 },
  { name: 'OutputLayer/kernel', shape: [3, 5], offset: 15 },
  { name: 'OutputLayer/bias', shape: [5], offset: 30 },
];
const newLayout = [
  { name: 'extra/kernel', shape: [2], offset: 0 },
  { name: 'ConcealmentLayer1/kernel', shape: [4, 3], offset: 2 },
  { name: 'ConcealmentLayer1/bias', shape: [3], offset: 14 },
  { name: 'OutputLayer/kernel', shape: [3, 5], offset: 17 },
  { name: 'OutputLayer/bias', shape: [5], offset: 32 },
];

test('copyLayerWeights copies one layer by the layouts’ offsets and keeps the rest', () => {
  const source = Float32Array.from({ length: 35 }, (_, i) => 100 + i);
  const target = Float32Array.from({ length: 37 }, (_, i) => -i);
  const out = copyLayerWeights({
    target,
    targetLayout: newLayout,
    source,
    sourceLayout: pretrainedLayout,
    layers: ['ConcealmentLayer1'],
  });
  assert.notEqual(out, target, 'a copy');
  assert.deepEqual([...out.subarray(0, 2)], [-0, -1], 'other layers untouched');
  assert.deepEqual([...out.subarray(2, 17)], [...source.subarray(0, 15)], 'kernel and bias from the source');
  assert.deepEqual([...out.subarray(17)], [...target.subarray(17)], 'the head keeps its fresh values');
  assert.equal(target[2], -2, 'the target array is not changed');
  assert.ok(layerUnchanged(out, out.slice(), newLayout, 'ConcealmentLayer1'));
});

test('copyLayerWeights refuses a missing layer or a different shape', () => {
  const source = new Float32Array(35);
  const target = new Float32Array(37);
  assert.throws(
    () =>
      copyLayerWeights({
        target,
        targetLayout: newLayout,
        source,
        sourceLayout: pretrainedLayout,
        layers: ['nope'],
      }),
    /no weights of layer 'nope'/,
  );
  const narrower = pretrainedLayout.map((w) =>
    w.name === 'ConcealmentLayer1/bias' ? { ...w, shape: [2] } : w,
  );
  assert.throws(
    () =>
      copyLayerWeights({
        target,
        targetLayout: newLayout,
        source,
        sourceLayout: narrower,
        layers: ['ConcealmentLayer1'],
      }),
    /ConcealmentLayer1\/bias/,
  );
});

test('layerUnchanged and changedCount compare bit for bit, per layer', () => {
  const a = Float32Array.from({ length: 37 }, (_, i) => i / 7);
  const b = a.slice();
  assert.ok(layerUnchanged(a, b, newLayout, 'ConcealmentLayer1'));
  b[20] += 1; // a head weight
  assert.ok(layerUnchanged(a, b, newLayout, 'ConcealmentLayer1'));
  assert.equal(changedCount(a, b, newLayout, 'OutputLayer'), 1);
  b[3] = -0;
  a[3] = 0;
  assert.ok(!layerUnchanged(a, b, newLayout, 'ConcealmentLayer1'), '0 and −0 differ in bits');
  assert.equal(changedCount(a, b, newLayout, 'ConcealmentLayer1'), 1);
  assert.ok(!layerUnchanged(a, b, newLayout, 'missing'), 'a layer without weights is no proof');
  assert.equal(
    layerEntries(newLayout, 'OutputLayer').reduce((n, w) => n + w.size, 0),
    20,
  );
});

test('augmentation fields: their limits refuse out-of-range values', () => {
  const cases = [
    ['augRotation', 45, true],
    ['augRotation', 46, false],
    ['augRotation', -1, false],
    ['augWidthShift', 0.3, true],
    ['augWidthShift', 0.31, false],
    ['augHeightShift', 0.5, false],
    ['augZoom', 0.5, true],
    ['augZoom', 0.6, false],
    ['augNoise', 0.5, true],
    ['augNoise', Number.NaN, false],
    ['augFlip', true, true],
    ['augFlip', 1, false],
    ['kFolds', 3, true],
    ['kFolds', 10, true],
    ['kFolds', 2, false],
    ['kFolds', 11, false],
    ['kFolds', 4.5, false],
    ['kSubset', 500, true],
    ['kSubset', 499, false],
    ['kSubset', 10001, false],
    ['transferShots', 5, true],
    ['transferShots', 100, true],
    ['transferShots', 4, false],
    ['transferShots', 101, false],
  ];
  for (const [name, value, ok] of cases) {
    assert.equal(normalizeValue(experimentField(name), value).ok, ok, `${name} = ${value}`);
  }
  for (const f of EXPERIMENT_FIELDS) {
    assert.ok(normalizeValue(f, f.default).ok, `${f.name}'s default fits`);
    assert.equal(f.keepsModel, true, `${f.name} never rebuilds the main model`);
  }
});

test('augmentationSpec: null when nothing changes, else the engine’s fit.augmentation', () => {
  const zero = {
    augRotation: 0,
    augWidthShift: 0,
    augHeightShift: 0,
    augZoom: 0,
    augFlip: false,
    augNoise: 0,
  };
  assert.equal(augmentationSpec(zero), null);
  assert.equal(augmentationSpec(Object.fromEntries(EXPERIMENT_FIELDS.map((f) => [f.name, f.default]))), null);
  assert.deepEqual(augmentationSpec({ ...zero, augRotation: 15, augNoise: 0.1 }), {
    image_shape: [28, 28],
    rotation_range: 15,
    width_shift_range: 0,
    height_shift_range: 0,
    zoom_range: 0,
    horizontal_flip: false,
    vertical_flip: false,
    noise_stddev: 0.1,
    fill_mode: 'nearest',
    cval: 0,
  });
  assert.equal(
    augmentationSpec({ ...zero, augFlip: true })?.horizontal_flip,
    true,
    'a flip alone changes images',
  );
  const preset = augmentationSpec(COMPARE_AUGMENTATION);
  assert.ok(preset && preset.rotation_range > 0);
  for (const f of EXPERIMENT_FIELDS.filter((f) => f.name in COMPARE_AUGMENTATION)) {
    assert.ok(
      normalizeValue(f, COMPARE_AUGMENTATION[f.name]).ok,
      `the comparison's ${f.name} fits its field`,
    );
  }
});

test('image picks: first of classes interleaved, relabelled arrays scaled by 1/255', () => {
  const labels = Uint8Array.from({ length: 40 }, (_, i) => i % 10);
  const pixels = new Uint8Array(40 * 784);
  for (let i = 0; i < 40; i += 1) pixels.fill(i, i * 784, (i + 1) * 784);
  const part = { count: 40, labels, pixels };
  assert.deepEqual([...firstOfClasses(part, [5, 6], 3)], [5, 6, 15, 16, 25, 26]);
  assert.deepEqual([...firstOfClasses(part, [9], 10)], [9, 19, 29, 39], 'fewer when the part has fewer');
  assert.deepEqual([...ofClasses(part, [0, 1])], [0, 1, 10, 11, 20, 21, 30, 31]);
  const { x, y } = sampleArrays(part, [15, 7], (c) => c - 5);
  assert.equal(x.length, 2 * 784);
  assert.equal(x[0], Math.fround(15 / 255));
  assert.equal(x[784], Math.fround(7 / 255));
  assert.deepEqual([...y], [0, 2]);
});

test('the experiments’ model is the notes’ Dense(100, relu) with a freezable hidden layer', () => {
  const doc = denseDocument({ title: 'x', classes: 5, epochs: 3, hiddenTrainable: false });
  assert.deepEqual(doc.model.input_shape, [28, 28]);
  assert.deepEqual(
    doc.model.layers.map((l) => [l.type, l.name, l.units, l.activation, l.trainable]),
    [
      ['flatten', undefined, undefined, undefined, undefined],
      ['dense', 'ConcealmentLayer1', 100, 'relu', false],
      ['dense', 'OutputLayer', 5, 'softmax', undefined],
    ],
  );
  assert.equal(doc.fit.augmentation, undefined);
  assert.deepEqual(denseDocument({ title: 'x', epochs: 1, augmentation: { a: 1 } }).fit.augmentation, {
    a: 1,
  });
});

test('every experiment string exists in English and Korean', () => {
  const { en, ko } = EXPERIMENT_STRINGS;
  assert.deepEqual(Object.keys(ko).sort(), Object.keys(en).sort());
  for (const [key, text] of Object.entries(en)) {
    assert.match(key, /^img\.exp\./);
    assert.ok(text.length > 0 && ko[key].length > 0, key);
    const params = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    assert.deepEqual(params(ko[key]), params(text), `${key}: same placeholders`);
  }
  for (const f of EXPERIMENT_FIELDS) assert.ok(`img.exp.${f.name}` in en, `label of ${f.name}`);
});
