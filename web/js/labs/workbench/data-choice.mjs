// @ts-check
// The data a workbench model trains on, picked by name: a built-in dataset shaped for the model
// (a 2-D set's first k point features for an input of k values, a wave's window for an input
// (length, 1), prototype images for an input of side² pixels with one class per output unit),
// or random numbers of the model's shapes. The engine checks the fit and says what does not.
// The array choices (real images, the learner's CSV) are not document data: the page holds their
// arrays (array-data.mjs) and the document has no data block while they are used.
import { DATASETS } from '../../data/points.mjs';

/** TF Playground's point features in its order: a 2-D set gives an input of k ≤ 7 values. */
export const POINT_FEATURES = Object.freeze(['x1', 'x2', 'x1^2', 'x2^2', 'x1*x2', 'sin(x1)', 'sin(x2)']);
export const DATA_CHOICES = Object.freeze([
  'random',
  ...DATASETS,
  'sine',
  'sawtooth',
  'square',
  'prototypes',
  'fashion-mnist',
  'mnist',
  'csv',
]);
/** The choices whose data the page sends as arrays (image-data.mjs, csv-data.mjs). */
export const ARRAY_CHOICES = Object.freeze(new Set(['fashion-mnist', 'mnist', 'csv']));
const WAVES = new Set(['sine', 'sawtooth', 'square']);

/** The name of the data `doc` trains on ('random' when it has no data block). @param {any} doc */
export const dataChoiceOf = (doc) => (doc.data ? String(doc.data.name) : 'random');

/**
 * `doc` with the data `name` shaped for `model` (the build answer's model info: inputs and
 * outputs with their shapes); 'random' and the array choices remove the data block.
 * @param {any} doc @param {any} model @param {string} name
 * @returns {any} a new document
 */
export function withData(doc, model, name) {
  const next = structuredClone(doc);
  if (name === 'random' || ARRAY_CHOICES.has(name)) {
    delete next.data;
    return next;
  }
  const old = doc.data ?? {};
  /** @type {Record<string, any>} */
  const data = {
    name,
    n: old.n ?? 500,
    noise: old.noise ?? 0,
    seed: old.seed ?? 0,
    validation_fraction: old.validation_fraction ?? 0.2,
    targets: model.outputs.map(() => 'auto'),
  };
  const first = model.inputs[0]?.shape ?? [];
  const size = first.reduce((/** @type {number} */ a, /** @type {number} */ b) => a * b, 1);
  if (WAVES.has(name)) Object.assign(data, { length: first[0] ?? 20 });
  else if (name === 'prototypes') {
    const classes = model.outputs[0]?.shape.at(-1) ?? 10;
    Object.assign(data, {
      image_side: Math.round(Math.sqrt(size)),
      classes: Math.max(2, classes),
      noise: 0.2,
    });
  } else {
    // Each input takes the first k point features (the engine refuses an input wider than 7).
    data.inputs = model.inputs.map((/** @type {any} */ input) =>
      POINT_FEATURES.slice(0, Math.max(1, Math.min(POINT_FEATURES.length, input.shape.at(-1)))),
    );
    if (name === 'blobs') Object.assign(data, { classes: Math.max(2, model.outputs[0]?.shape.at(-1) ?? 3) });
  }
  next.data = data;
  return next;
}
