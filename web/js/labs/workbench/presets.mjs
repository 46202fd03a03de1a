// @ts-check
// The workbench's starting models: the study notes' Keras models, written as nnplay documents
// (docs/schema/). Names follow the notes' code so summary() reads as the notes print it. Each
// trains on a built-in dataset whose shape fits it, except the Sequential model without Flatten:
// its output is (None, 28, 10), one answer per image row, which no real labels describe, so the
// page gives it random data of that shape (a shape exercise, said so on screen).
import { POINT_FEATURES } from './data-choice.mjs';

/** The wide path's and the deep path's features in the two-input models (5 and 6, as the notes). */
const WIDE = POINT_FEATURES.slice(0, 5);
const DEEP = POINT_FEATURES.slice(1);

/** @param {string} name @param {number} units @param {string} activation @param {string[]} inputs */
const dense = (name, units, activation, inputs) => ({ type: 'dense', name, units, activation, inputs });

/**
 * The notes' wide & deep family: hidden1 → hidden2 on the deep input, Concatenate of the wide
 * input and hidden2, a linear output; with two inputs the wide path has 5 features and the deep
 * path 6 (else one input of all 7), with two outputs an auxiliary output reads hidden2 (loss
 * weights 0.9 and 0.1, as the notes). Trains on a Gaussian bump of x1, x2 (regression, Adam, MSE).
 * @param {{name: string, title: string, twoInputs: boolean, twoOutputs: boolean}} options
 */
function wideDeep({ name, title, twoInputs, twoOutputs }) {
  const inputs = twoInputs
    ? [
        { name: 'wide_input', shape: [WIDE.length] },
        { name: 'deep_input', shape: [DEEP.length] },
      ]
    : [{ name: 'input_layer', shape: [POINT_FEATURES.length] }];
  const wide = inputs[0].name;
  const deep = inputs[inputs.length - 1].name;
  const main = twoOutputs ? 'main_output' : 'output';
  const layers = [
    dense('hidden1', 30, 'relu', [deep]),
    dense('hidden2', 30, 'relu', ['hidden1']),
    { type: 'concatenate', name: 'concat', inputs: [wide, 'hidden2'] },
    dense(main, 1, 'linear', ['concat']),
    ...(twoOutputs ? [dense('aux_output', 1, 'linear', ['hidden2'])] : []),
  ];
  const outputs = twoOutputs ? [main, 'aux_output'] : [main];
  return {
    schema: 1,
    title,
    model: { type: 'functional', name, seed: 0, inputs, layers, outputs },
    compile: {
      optimizer: 'adam',
      metrics: ['mae'],
      ...(twoOutputs ? { loss: ['mse', 'mse'], loss_weights: [0.9, 0.1] } : { loss: 'mse' }),
    },
    fit: { epochs: 20, batch_size: 32, shuffle: true, validation_split: 0, seed: 0 },
    data: {
      name: 'regress_gaussian',
      n: 500,
      noise: 0,
      seed: 0,
      validation_fraction: 0.2,
      inputs: twoInputs ? [WIDE, DEEP] : [POINT_FEATURES],
      targets: outputs.map(() => 'label'),
    },
  };
}

/** @type {Record<string, {title: {en: string, ko: string}, document: Record<string, any>}>} */
export const WORKBENCH_PRESETS = {
  'notes-sequential': {
    title: { en: 'Sequential, no Flatten', ko: 'Sequential, Flatten 없음' },
    document: {
      schema: 1,
      title: 'Sequential: Input(28, 28) → Dense(300) → Dense(100) → Dense(10)',
      model: {
        type: 'sequential',
        name: 'sequential',
        seed: 0,
        input_shape: [28, 28],
        layers: [
          { type: 'dense', name: 'dense', units: 300, activation: 'relu' },
          { type: 'dense', name: 'dense_1', units: 100, activation: 'relu' },
          { type: 'dense', name: 'dense_2', units: 10, activation: 'softmax' },
        ],
      },
      compile: { optimizer: 'sgd', loss: 'sparse_categorical_crossentropy', metrics: ['accuracy'] },
      fit: { epochs: 5, batch_size: 32, shuffle: true, validation_split: 0.1, seed: 0 },
    },
  },
  'notes-flatten': {
    title: { en: 'Functional, with Flatten', ko: 'Functional, Flatten 포함' },
    document: {
      schema: 1,
      title: 'Functional: Input(28, 28, 1) → Flatten → Dense(300) → Dense(100) → Dense(10)',
      model: {
        type: 'functional',
        name: 'functional',
        seed: 0,
        inputs: [{ name: 'input_layer', shape: [28, 28, 1] }],
        layers: [
          { type: 'flatten', name: 'flatten', inputs: ['input_layer'] },
          dense('dense', 300, 'relu', ['flatten']),
          dense('dense_1', 100, 'relu', ['dense']),
          dense('dense_2', 10, 'softmax', ['dense_1']),
        ],
        outputs: ['dense_2'],
      },
      compile: { optimizer: 'sgd', loss: 'sparse_categorical_crossentropy', metrics: ['accuracy'] },
      fit: { epochs: 10, batch_size: 32, shuffle: true, validation_split: 0, seed: 0 },
      data: {
        name: 'prototypes',
        n: 1000,
        noise: 0.2,
        seed: 0,
        classes: 10,
        image_side: 28,
        validation_fraction: 0.2,
        targets: ['auto'],
      },
    },
  },
  'notes-wide-deep': {
    title: { en: 'Wide & deep', ko: '와이드 & 딥' },
    document: wideDeep({
      name: 'wide_deep',
      title: 'Wide & deep: Concatenate([input_layer, hidden2]) joins the input to the second hidden layer',
      twoInputs: false,
      twoOutputs: false,
    }),
  },
  'notes-two-inputs': {
    title: { en: 'Two inputs', ko: '입력 두 개' },
    document: wideDeep({
      name: 'two_inputs',
      title: 'Two inputs: a wide path and a deep path',
      twoInputs: true,
      twoOutputs: false,
    }),
  },
  'notes-two-outputs': {
    title: { en: 'Two outputs', ko: '출력 두 개' },
    document: wideDeep({
      name: 'two_outputs',
      title: 'Two outputs: a main output and an auxiliary one on hidden2',
      twoInputs: false,
      twoOutputs: true,
    }),
  },
  'notes-two-in-two-out': {
    title: { en: 'Two inputs, two outputs', ko: '입력 두 개, 출력 두 개' },
    document: wideDeep({
      name: 'two_in_two_out',
      title: 'Two inputs and two outputs',
      twoInputs: true,
      twoOutputs: true,
    }),
  },
};

/** The preset a first visit opens. */
export const FIRST_PRESET = 'notes-two-in-two-out';
