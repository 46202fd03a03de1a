// The workbench's data picker (labs/workbench/data-choice.mjs): a built-in set shaped for the
// model's inputs and outputs, or random data (no data block).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { POINT_FEATURES, dataChoiceOf, withData } from '../../web/js/labs/workbench/data-choice.mjs';

const twoInTwoOut = {
  inputs: [
    { name: 'wide_input', shape: [5] },
    { name: 'deep_input', shape: [6] },
  ],
  outputs: [
    { name: 'main_output', shape: [1] },
    { name: 'aux_output', shape: [1] },
  ],
};
const doc = { schema: 1, model: { type: 'functional' }, compile: {}, fit: {} };

test('data choice: a 2-D set gives each input its first k point features', () => {
  const next = withData(doc, twoInTwoOut, 'moons');
  assert.equal(dataChoiceOf(next), 'moons');
  assert.deepEqual(next.data.inputs, [POINT_FEATURES.slice(0, 5), POINT_FEATURES.slice(0, 6)]);
  assert.deepEqual(next.data.targets, ['auto', 'auto']);
  assert.equal(doc.data, undefined, 'the document given is not changed');
});

test('data choice: images, waves and blobs take their sizes from the model', () => {
  const images = withData(
    doc,
    { inputs: [{ shape: [28, 28, 1] }], outputs: [{ shape: [10] }] },
    'prototypes',
  );
  assert.equal(images.data.image_side, 28);
  assert.equal(images.data.classes, 10);
  const wave = withData(doc, { inputs: [{ shape: [30, 1] }], outputs: [{ shape: [1] }] }, 'sine');
  assert.equal(wave.data.length, 30);
  const blobs = withData(doc, { inputs: [{ shape: [2] }], outputs: [{ shape: [4] }] }, 'blobs');
  assert.equal(blobs.data.classes, 4);
});

test('data choice: random removes the data block; the old sizes carry over', () => {
  const withSet = withData(doc, twoInTwoOut, 'circle');
  withSet.data.n = 123;
  assert.equal(withData(withSet, twoInTwoOut, 'xor').data.n, 123);
  const random = withData(withSet, twoInTwoOut, 'random');
  assert.equal(random.data, undefined);
  assert.equal(dataChoiceOf(random), 'random');
});
