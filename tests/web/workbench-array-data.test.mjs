// The workbench's array data (labs/workbench/array-data.mjs, image-data.mjs, csv-data.mjs,
// data-keeper.mjs): real images and the learner's CSV mapped onto a model's inputs and outputs
// by shape and loss, every refusal's message, the set_data request setupFor makes of them, the
// Workbench dropping data a changed model no longer fits, and the choice kept across a reload.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { ARRAY_MESSAGES, arraySetup, formatDataError } from '../../web/js/labs/workbench/array-data.mjs';
import { csvColumns } from '../../web/js/labs/workbench/csv-data.mjs';
import { CSV_KEY, DATA_KEY, DataKeeper, MAX_KEPT_CSV } from '../../web/js/labs/workbench/data-keeper.mjs';
import { Workbench, setupFor } from '../../web/js/labs/workbench/workbench.mjs';
import dataStrings from '../../web/js/labs/workbench/data-strings.mjs';
import { parseTableCsv } from '../../web/js/data/table-csv.mjs';

/** A small image set shaped like the loader's: 30 images of 28×28, labels 0..9 in turn. */
function fakeSet(count = 30) {
  const pixels = new Uint8Array(count * 784);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 7) % 256;
  const labels = Uint8Array.from({ length: count }, (_, i) => i % 10);
  return { dataset: 'fashion', rows: 28, cols: 28, classes: 10, train: { count, labels, pixels } };
}
const images = (samples = 12) => ({ kind: 'images', dataset: 'fashion', samples, set: fakeSet() });
const model = (inputs, outputs) => ({
  inputs: inputs.map((shape, k) => ({ name: `in${k}`, shape })),
  outputs: outputs.map((shape, k) => ({ name: `out${k}`, shape })),
});
const losses =
  (...names) =>
  (k) =>
    names[k];
const message = (made) => (made.ok ? 'fits' : formatDataError(made.error));

test('images: any input shape holding 28×28 values takes the same row-major pixels / 255', () => {
  const flat = arraySetup(images(), model([[784]], [[10]]), losses('sparse_categorical_crossentropy'));
  assert.ok(flat.ok);
  for (const shape of [
    [28, 28],
    [28, 28, 1],
    [1, 784],
  ]) {
    const made = arraySetup(images(), model([shape], [[10]]), losses('sparse_categorical_crossentropy'));
    assert.deepEqual(made.arrays['wb/x0'], flat.arrays['wb/x0'], String(shape));
  }
  const x = flat.arrays['wb/x0'];
  assert.equal(x.length, 12 * 784);
  assert.equal(x[1], Math.fround(7 / 255));
  assert.deepEqual(Array.from(flat.arrays['wb/y0']), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1]);
  assert.deepEqual(flat.request, { op: 'set_data', train: { x: ['wb/x0'], y: ['wb/y0'] } });
  assert.equal(flat.samples, 12);
});

test('images: categorical_crossentropy gets one-hot rows; samples are capped at the set', () => {
  const made = arraySetup(images(100), model([[28, 28]], [[10]]), losses('categorical_crossentropy'));
  assert.equal(made.samples, 30, 'at most the 30 training images there are');
  const y = made.arrays['wb/y0'];
  assert.equal(y.length, 30 * 10);
  assert.deepEqual(Array.from(y.subarray(30, 40)), [0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
  assert.equal(arraySetup(images(0), model([[784]], [[10]]), losses('CategoricalCrossentropy')).samples, 1);
});

test('images: every model they cannot train is refused naming the input or output', () => {
  const sparse = losses('sparse_categorical_crossentropy', 'mse');
  assert.equal(
    message(arraySetup(images(), model([[12]], [[10]]), sparse)),
    "input 'in0' holds 12 values per sample: Fashion-MNIST needs 784 (28×28)",
  );
  assert.equal(
    message(arraySetup(images(), model([[784], [3]], [[10]]), sparse)),
    'Fashion-MNIST fills one input, and this model has 2: use a model with a single input',
  );
  assert.equal(
    message(arraySetup(images(), model([[784]], [[10], [1]]), sparse)),
    'Fashion-MNIST has one target per image (its class), and this model has 2 outputs',
  );
  assert.equal(
    message(arraySetup(images(), model([[784]], [[3]]), sparse)),
    "output 'out0' has 3 values per sample: Fashion-MNIST needs 10, one per class",
  );
  assert.equal(
    message(arraySetup(images(), model([[784]], [[2, 10]]), sparse)),
    "output 'out0' has 20 values per sample: Fashion-MNIST needs 10, one per class",
  );
  assert.equal(
    message(arraySetup(images(), model([[784]], [[10]]), losses('mse'))),
    "output 'out0' has the loss mse: Fashion-MNIST's classes need sparse_categorical_crossentropy (class ids) or categorical_crossentropy (one-hot rows)",
  );
  const digits = { ...images(), dataset: 'digits' };
  assert.match(message(arraySetup(digits, model([[10]], [[10]]), sparse)), /MNIST needs 784/);
});

/** A CsvSource of `text`. */
function csv(text) {
  const { table, errors } = parseTableCsv(text);
  assert.deepEqual(errors, []);
  return { kind: 'csv', name: 'data.csv', bytes: text.length, table, text };
}

test('csv: feature columns fill the inputs in order, then one class-id column per sparse output', () => {
  const source = csv('a,b,c,d,e,y\n1,2,3,4,5,2\n6,7,8,9,10,0');
  const made = arraySetup(source, model([[2], [3]], [[3]]), losses('sparse_categorical_crossentropy'));
  assert.ok(made.ok);
  assert.deepEqual(Array.from(made.arrays['wb/x0']), [1, 2, 6, 7]);
  assert.deepEqual(Array.from(made.arrays['wb/x1']), [3, 4, 5, 8, 9, 10]);
  assert.deepEqual(Array.from(made.arrays['wb/y0']), [2, 0]);
  assert.deepEqual(made.request.train, { x: ['wb/x0', 'wb/x1'], y: ['wb/y0'] });
});

test('csv: categorical_crossentropy turns the class-id column one-hot; mse takes a column per value', () => {
  const source = csv('1,2,1,0.5,-1\n3,4,0,7,8');
  const made = arraySetup(source, model([[1, 2]], [[2], [2]]), losses('categorical_crossentropy', 'mse'));
  assert.ok(made.ok, message(made));
  assert.deepEqual(Array.from(made.arrays['wb/x0']), [1, 2, 3, 4]);
  assert.deepEqual(Array.from(made.arrays['wb/y0']), [0, 1, 1, 0]);
  assert.deepEqual(Array.from(made.arrays['wb/y1']), [0.5, -1, 7, 8]);
  const plan = csvColumns(model([[4, 2]], [[5, 3]]).inputs, [
    { name: 'o', shape: [5, 3], loss: 'sparse_categorical_crossentropy' },
  ]);
  assert.equal(plan.need, 8 + 5, 'a (5, 3) sparse output takes 5 class-id columns');
});

test('csv: a column count that is not the model’s says how many and how they are counted', () => {
  const source = csv('1,2,3\n4,5,6');
  assert.equal(
    message(arraySetup(source, model([[4]], [[3]]), losses('sparse_categorical_crossentropy'))),
    "the CSV has 3 columns and the model needs 5: the inputs’ values, then the targets, in order ('in0' 4 + 'out0' 1 (0..2); a crossentropy output over classes takes one column of class ids)",
  );
  assert.match(
    message(arraySetup(source, model([[2]], [[2]]), losses('mse'))),
    /needs 4: .*\('in0' 2 \+ 'out0' 2;/,
  );
});

test('csv: class ids must be whole numbers from 0 to units - 1', () => {
  const sparse = losses('sparse_categorical_crossentropy');
  assert.equal(
    message(arraySetup(csv('x,label\n1,0\n2,3'), model([[1]], [[3]]), sparse)),
    "row 3: label is 3, not a class id of output 'out0' (0..2)",
  );
  assert.equal(
    message(arraySetup(csv('1,0.5'), model([[1]], [[3]]), losses('categorical_crossentropy'))),
    "row 1: column 2 is 0.5, not a class id of output 'out0' (0..2)",
  );
  assert.equal(
    message(arraySetup(csv('1,-1'), model([[1]], [[3]]), sparse)),
    "row 1: column 2 is -1, not a class id of output 'out0' (0..2)",
  );
});

test('data errors: Korean templates exist for every code with the same fields', () => {
  const fields = (text) => [...new Set([...String(text).matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
  for (const code of Object.keys(ARRAY_MESSAGES)) {
    assert.equal(dataStrings.en[`wb.dataError.${code}`], ARRAY_MESSAGES[code]);
    assert.deepEqual(fields(dataStrings.ko[`wb.dataError.${code}`]), fields(ARRAY_MESSAGES[code]), code);
  }
  assert.deepEqual(Object.keys(dataStrings.ko).sort(), Object.keys(dataStrings.en).sort());
});

const doc = {
  schema: 1,
  model: { type: 'sequential', layers: [] },
  compile: { optimizer: 'adam', loss: 'sparse_categorical_crossentropy' },
  fit: { epochs: 1 },
};
const imageModel = model([[28, 28]], [[10]]);

test('setupFor: array data replace the random data when they fit, else random data', () => {
  const made = setupFor(doc, imageModel, null, images(5));
  assert.deepEqual(made.setup[1], { op: 'set_data', train: { x: ['wb/x0'], y: ['wb/y0'] } });
  assert.equal(made.arrays['wb/x0'].length, 5 * 784);
  const file = { spec: doc };
  assert.deepEqual(setupFor(doc, imageModel, file, images(5)).setup.at(-1), { op: 'load', file });
  const unfit = setupFor(doc, model([[3]], [[10]]), null, images(5));
  assert.equal(unfit.arrays['wb/x0'].length, 256 * 3, 'random data of the model’s shapes');
  const builtIn = setupFor({ ...doc, data: { name: 'moons' } }, imageModel, null, images(5));
  assert.deepEqual(builtIn.arrays, {}, 'a data block of its own wins');
});

/** A Workbench on fake sessions whose model info is `info()`'s. */
function fakeBench(info) {
  const configured = [];
  const relay = {
    session: () => ({
      configure: async ({ setup }) => ({
        answers: [
          ...setup.map((r) => (r.op === 'build' ? { model: info(), summary: '' } : {})),
          { file: { spec: setup[0].spec } },
        ].slice(-(setup.length + 1)),
      }),
      close() {},
    }),
  };
  const session = {
    configured: true,
    configure: async (c) => configured.push(c),
    call: async () => ({
      file: { spec: doc, weights: { data: '' }, optimizer: 'slots', trainer: 'epoch 3' },
    }),
  };
  const installs = [];
  const bench = new Workbench({ session, relay, storage: null, onInstalled: (i, how) => installs.push(how) });
  return { bench, configured, installs };
}

test('Workbench: useData installs the data; a model change they no longer fit drops them', async () => {
  let info = imageModel;
  const { bench, configured, installs } = fakeBench(() => info);
  assert.equal(await bench.propose(doc, { how: 'preset' }), null);
  const refused = await bench.useData({ ...images(4), set: { ...fakeSet(), rows: 2 } });
  assert.equal(refused.path, '/data');
  assert.equal(refused.data.code, 'imageInput');
  assert.equal(bench.data, null, 'a refused source changes nothing');
  assert.equal(await bench.useData(images(4)), null);
  assert.equal(installs.at(-1), 'data');
  assert.equal(configured.at(-1).arrays['wb/x0'].length, 4 * 784);
  const loaded = () => configured.at(-1).setup.at(-1).file;
  assert.equal(loaded().optimizer, null, 'new data: the weights stay, the optimizer starts afresh');
  assert.equal(await bench.useData(images(4), undefined, { how: 'keptData' }), null);
  assert.deepEqual([loaded().optimizer, loaded().trainer], ['slots', 'epoch 3'], 'the kept data resume');
  info = model([[5]], [[10]]);
  const changed = { ...doc, fit: { epochs: 2 } };
  assert.equal(await bench.propose(changed), null);
  assert.equal(bench.data, null);
  assert.equal(bench.dropped.code, 'imageInput');
  assert.equal(configured.at(-1).arrays['wb/x0'].length, 256 * 5, 'random data now');
});

/** A Storage whose setItem can be made to fail (a full quota). */
function fakeStorage() {
  const items = new Map([['nnplay.workbench', 'the model']]);
  return {
    full: false,
    items,
    getItem: (k) => items.get(k) ?? null,
    setItem(k, v) {
      if (this.full) throw new Error('QuotaExceededError');
      items.set(k, String(v));
    },
    removeItem: (k) => items.delete(k),
  };
}

test('DataKeeper: keeps an image choice or a CSV with its text, and never the model’s key', () => {
  const storage = fakeStorage();
  const keeper = new DataKeeper(storage);
  assert.equal(keeper.read(), null);
  assert.ok(keeper.write({ kind: 'images', dataset: 'digits', samples: 300 }));
  assert.deepEqual(keeper.read(), {
    descriptor: { kind: 'images', dataset: 'digits', samples: 300 },
    text: null,
  });
  assert.ok(keeper.write({ kind: 'csv', name: 'a.csv', bytes: 7 }, '1,2\n3,4'));
  assert.deepEqual(keeper.read(), { descriptor: { kind: 'csv', name: 'a.csv', bytes: 7 }, text: '1,2\n3,4' });
  assert.equal(keeper.write({ kind: 'csv', name: 'big.csv', bytes: 0 }, 'x'.repeat(MAX_KEPT_CSV + 1)), false);
  assert.equal(keeper.read(), null, 'too long: nothing kept rather than a name without its text');
  keeper.write({ kind: 'images', dataset: 'fashion', samples: 10 });
  storage.full = true;
  assert.equal(keeper.write({ kind: 'csv', name: 'a.csv', bytes: 7 }, '1,2'), false);
  assert.equal(keeper.read(), null);
  assert.equal(storage.items.get('nnplay.workbench'), 'the model', 'the model is never touched');
  storage.items.set(DATA_KEY, '{not json');
  assert.equal(keeper.read(), null);
  storage.items.set(DATA_KEY, JSON.stringify({ kind: 'csv', name: 'gone.csv' }));
  storage.items.delete(CSV_KEY);
  assert.equal(keeper.read(), null, 'a CSV without its text is not kept');
  assert.equal(new DataKeeper(null).write({ kind: 'images', dataset: 'fashion', samples: 1 }), false);
});
