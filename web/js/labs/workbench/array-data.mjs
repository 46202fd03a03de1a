// @ts-check
// Data the page holds as arrays (real images, the learner's CSV) for a workbench model: whether
// they fit the model's inputs, outputs and losses, and the set_data request with its arrays
// (named wb/x<k>, wb/y<k> like the random data they replace). The fit is checked here, in words
// naming the input or output and what it needs, before anything reaches the engine.
import { csvFitError, csvTrainingArrays } from './csv-data.mjs';
import { IMAGE_TITLES, imageFitError, imageTrainingArrays } from './image-data.mjs';

/**
 * @typedef {import('./image-data.mjs').ImageSource} ImageSource
 * @typedef {import('./csv-data.mjs').CsvSource} CsvSource
 * @typedef {ImageSource | CsvSource} ArraySource
 * @typedef {import('./image-data.mjs').DataError} DataError
 * @typedef {{inputs: {name: string, shape: number[]}[], outputs: {name: string, shape: number[]}[]}} ModelInfo
 */

/** English templates per error code; the lab passes translated ones with the same {fields}. */
export const ARRAY_MESSAGES = Object.freeze({
  imageInputs: '{dataset} fills one input, and this model has {count}: use a model with a single input',
  imageInput: "input '{input}' holds {size} values per sample: {dataset} needs {need} ({rows}×{cols})",
  imageOutputs: '{dataset} has one target per image (its class), and this model has {count} outputs',
  imageOutput: "output '{output}' has {size} values per sample: {dataset} needs {classes}, one per class",
  imageLoss:
    "output '{output}' has the loss {loss}: {dataset}'s classes need sparse_categorical_crossentropy (class ids) or categorical_crossentropy (one-hot rows)",
  csvColumns:
    'the CSV has {have} columns and the model needs {need}: the inputs’ values, then the targets, in order ({counting}; a crossentropy output over classes takes one column of class ids)',
  csvClass: "row {row}: {column} is {value}, not a class id of output '{output}' (0..{max})",
});

/** @type {Record<string, string>} */
const BY_CODE = ARRAY_MESSAGES;
/** @param {string} code */
const english = (code) => BY_CODE[code];

/**
 * The text of a data error; `template(code)` gives its template (default English).
 * @param {DataError} error @param {(code: string) => string | undefined} [template]
 */
export function formatDataError(error, template = english) {
  const text = template(error.code) ?? english(error.code);
  return String(text).replace(/\{(\w+)\}/g, (whole, name) => (name in error ? String(error[name]) : whole));
}

/**
 * The model's outputs with the loss name each has in `doc`.
 * @param {ModelInfo} model @param {(k: number) => string} lossOf
 */
const withLosses = (model, lossOf) => model.outputs.map((o, k) => ({ ...o, loss: lossOf(k) }));

/**
 * The error that keeps `source` from training `model` (the build answer's inputs and outputs)
 * with the losses `lossOf(k)` gives, or null when it fits.
 * @param {ArraySource} source @param {ModelInfo} model @param {(k: number) => string} lossOf
 * @returns {DataError | null}
 */
export function arrayFitError(source, model, lossOf) {
  const outputs = withLosses(model, lossOf);
  return source.kind === 'images'
    ? imageFitError(source, model.inputs, outputs)
    : csvFitError(source.table, model.inputs, outputs);
}

/**
 * The arrays and set_data request of `source` for `model`, or the error when it does not fit.
 * @param {ArraySource} source @param {ModelInfo} model @param {(k: number) => string} lossOf
 * @returns {{ok: true, arrays: Record<string, Float32Array>, request: object, samples: number}
 *   | {ok: false, error: DataError}}
 */
export function arraySetup(source, model, lossOf) {
  const error = arrayFitError(source, model, lossOf);
  if (error) return { ok: false, error };
  const outputs = withLosses(model, lossOf);
  const data =
    source.kind === 'images'
      ? imageTrainingArrays(source, outputs)
      : csvTrainingArrays(source.table, model.inputs, outputs);
  /** @type {Record<string, Float32Array>} */
  const arrays = {};
  data.x.forEach((a, k) => (arrays[`wb/x${k}`] = a));
  data.y.forEach((a, k) => (arrays[`wb/y${k}`] = a));
  const request = {
    op: 'set_data',
    train: { x: data.x.map((_, k) => `wb/x${k}`), y: data.y.map((_, k) => `wb/y${k}`) },
  };
  return { ok: true, arrays, request, samples: data.samples };
}

/** What the learner calls a source: "Fashion-MNIST", "MNIST" or the CSV's file name. @param {ArraySource} source */
export const sourceTitle = (source) =>
  source.kind === 'images' ? IMAGE_TITLES[source.dataset] : source.name;
