// @ts-check
// Fashion-MNIST or MNIST digits as a workbench model's training data: one input holding the
// rows × cols pixels in any shape ((28, 28), (28, 28, 1), (784,): the same row-major values, as
// Keras's reshape sees them), scaled to 0..1 as the images lab and the Keras notes do (x / 255),
// and one output of one unit per class, whose loss says the targets' form: class ids for
// sparse_categorical_crossentropy, one-hot rows for categorical_crossentropy. The images come
// from the images lab's loader (image-source.mjs), whose page-life cache both labs share.
import { imageRange } from '../images/data/image-arrays.mjs';
import { targetKind } from './synthetic-data.mjs';

/** The Data menu's names of the image sets, and the loader's dataset ids. */
export const IMAGE_CHOICES = Object.freeze({ 'fashion-mnist': 'fashion', mnist: 'digits' });
/** What messages call each dataset. */
export const IMAGE_TITLES = Object.freeze({ fashion: 'Fashion-MNIST', digits: 'MNIST' });
/** Training images a new choice takes: a one-epoch fit of a Dense model is a second or two. */
export const DEFAULT_IMAGE_SAMPLES = 2000;

/**
 * @typedef {{count: number, labels: Uint8Array, pixels: Uint8Array}} ImagePart
 * @typedef {{dataset: 'fashion' | 'digits', rows: number, cols: number, classes: number,
 *   train: ImagePart}} ImageSetLike  the images lab's ImageSet (what is used of it)
 * @typedef {{kind: 'images', dataset: 'fashion' | 'digits', samples: number, set: ImageSetLike}} ImageSource
 * @typedef {{name: string, shape: number[]}} Port
 * @typedef {Port & {loss: string}} Output
 * @typedef {{code: string, [field: string]: string | number}} DataError
 */

/** @param {number[]} shape */
const sizeOf = (shape) => shape.reduce((a, b) => a * b, 1);

/** The training images a source uses: its samples, at least 1 and at most the set's. @param {ImageSource} source */
export const imageSamples = (source) =>
  Math.max(1, Math.min(source.set.train.count, Math.floor(source.samples) || 1));

/**
 * The error that keeps `source` from training a model of `inputs` and `outputs` (each output
 * with its loss name), or null when it fits.
 * @param {ImageSource} source @param {Port[]} inputs @param {Output[]} outputs
 * @returns {DataError | null}
 */
export function imageFitError(source, inputs, outputs) {
  const { rows, cols, classes } = source.set;
  const dataset = IMAGE_TITLES[source.dataset];
  if (inputs.length !== 1) return { code: 'imageInputs', dataset, count: inputs.length };
  const size = sizeOf(inputs[0].shape);
  if (size !== rows * cols) {
    return { code: 'imageInput', dataset, input: inputs[0].name, size, need: rows * cols, rows, cols };
  }
  if (outputs.length !== 1) return { code: 'imageOutputs', dataset, count: outputs.length };
  const output = outputs[0];
  const values = sizeOf(output.shape);
  if (values !== classes || output.shape.at(-1) !== classes) {
    return { code: 'imageOutput', dataset, output: output.name, size: values, classes };
  }
  const kind = targetKind(output.loss);
  if (kind !== 'class_ids' && kind !== 'one_hot') {
    return { code: 'imageLoss', dataset, output: output.name, loss: output.loss };
  }
  return null;
}

/**
 * The training arrays of `source` for a model it fits (imageFitError null): x [n · rows · cols]
 * in 0..1, y [n] class ids or [n · classes] one-hot rows, by the output's loss; n is
 * imageSamples(source), the first n images (the set is interleaved by class, so any prefix is
 * balanced).
 * @param {ImageSource} source @param {Output[]} outputs
 * @returns {{x: Float32Array[], y: Float32Array[], samples: number}}
 */
export function imageTrainingArrays(source, outputs) {
  const samples = imageSamples(source);
  const { x, y } = imageRange(source.set.train, 0, samples);
  if (targetKind(outputs[0].loss) === 'class_ids') return { x: [x], y: [y], samples };
  const classes = source.set.classes;
  const oneHot = new Float32Array(samples * classes);
  for (let i = 0; i < samples; i += 1) oneHot[i * classes + y[i]] = 1;
  return { x: [x], y: [oneHot], samples };
}
