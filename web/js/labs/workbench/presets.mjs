// @ts-check
// The workbench's starting models: the study notes' Keras models, written as nnplay documents
// (docs/schema/). Names follow the notes' code so summary() reads as the notes print it. Each
// trains on a built-in dataset whose shape fits it, except the Sequential model without Flatten:
// its output is (None, 28, 10), one answer per image row, which no real labels describe, so the
// page gives it random data of that shape (a shape exercise, said so on screen).

/** The seven point features of a 2-D set, in TensorFlow Playground's order. */
const FEATURES = ['x1', 'x2', 'x1^2', 'x2^2', 'x1*x2', 'sin(x1)', 'sin(x2)'];
/** The wide path's and the deep path's features in the two-input models (5 and 6, as the notes). */
const WIDE = FEATURES.slice(0, 5);
const DEEP = FEATURES.slice(1);

/** @param {string} name @param {number} units @param {string} activation @param {string[]} inputs */
const dense = (name, units, activation, inputs) => ({ type: 'dense', name, units, activation, inputs });
const regression = { optimizer: 'adam', metrics: ['mae'] };
const fitTwenty = { epochs: 20, batch_size: 32, shuffle: true, validation_split: 0, seed: 0 };
/** A regression set with `inputs` feature lists: a Gaussian bump of x1, x2 as the target. */
const bump = (/** @type {string[][]} */ inputs, targets = ['label']) => ({
  name: 'regress_gaussian',
  n: 500,
  noise: 0,
  seed: 0,
  validation_fraction: 0.2,
  inputs,
  targets,
});

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
    document: {
      schema: 1,
      title: 'Wide & deep: Concatenate([input_layer, hidden2]) joins the input to the second hidden layer',
      model: {
        type: 'functional',
        name: 'wide_deep',
        seed: 0,
        inputs: [{ name: 'input_layer', shape: [7] }],
        layers: [
          dense('hidden1', 30, 'relu', ['input_layer']),
          dense('hidden2', 30, 'relu', ['hidden1']),
          { type: 'concatenate', name: 'concat', inputs: ['input_layer', 'hidden2'] },
          dense('output', 1, 'linear', ['concat']),
        ],
        outputs: ['output'],
      },
      compile: { ...regression, loss: 'mse' },
      fit: fitTwenty,
      data: bump([FEATURES]),
    },
  },
  'notes-two-inputs': {
    title: { en: 'Two inputs', ko: '입력 두 개' },
    document: {
      schema: 1,
      title: 'Two inputs: a wide path and a deep path',
      model: {
        type: 'functional',
        name: 'two_inputs',
        seed: 0,
        inputs: [
          { name: 'wide_input', shape: [WIDE.length] },
          { name: 'deep_input', shape: [DEEP.length] },
        ],
        layers: [
          dense('hidden1', 30, 'relu', ['deep_input']),
          dense('hidden2', 30, 'relu', ['hidden1']),
          { type: 'concatenate', name: 'concat', inputs: ['wide_input', 'hidden2'] },
          dense('output', 1, 'linear', ['concat']),
        ],
        outputs: ['output'],
      },
      compile: { ...regression, loss: 'mse' },
      fit: fitTwenty,
      data: bump([WIDE, DEEP]),
    },
  },
  'notes-two-outputs': {
    title: { en: 'Two outputs', ko: '출력 두 개' },
    document: {
      schema: 1,
      title: 'Two outputs: a main output and an auxiliary one on hidden2',
      model: {
        type: 'functional',
        name: 'two_outputs',
        seed: 0,
        inputs: [{ name: 'input_layer', shape: [7] }],
        layers: [
          dense('hidden1', 30, 'relu', ['input_layer']),
          dense('hidden2', 30, 'relu', ['hidden1']),
          { type: 'concatenate', name: 'concat', inputs: ['input_layer', 'hidden2'] },
          dense('main_output', 1, 'linear', ['concat']),
          dense('aux_output', 1, 'linear', ['hidden2']),
        ],
        outputs: ['main_output', 'aux_output'],
      },
      compile: { ...regression, loss: ['mse', 'mse'], loss_weights: [0.9, 0.1] },
      fit: fitTwenty,
      data: bump([FEATURES], ['label', 'label']),
    },
  },
  'notes-two-in-two-out': {
    title: { en: 'Two inputs, two outputs', ko: '입력 두 개, 출력 두 개' },
    document: {
      schema: 1,
      title: 'Two inputs and two outputs',
      model: {
        type: 'functional',
        name: 'two_in_two_out',
        seed: 0,
        inputs: [
          { name: 'wide_input', shape: [WIDE.length] },
          { name: 'deep_input', shape: [DEEP.length] },
        ],
        layers: [
          dense('hidden1', 30, 'relu', ['deep_input']),
          dense('hidden2', 30, 'relu', ['hidden1']),
          { type: 'concatenate', name: 'concat', inputs: ['wide_input', 'hidden2'] },
          dense('main_output', 1, 'linear', ['concat']),
          dense('aux_output', 1, 'linear', ['hidden2']),
        ],
        outputs: ['main_output', 'aux_output'],
      },
      compile: { ...regression, loss: ['mse', 'mse'], loss_weights: [0.9, 0.1] },
      fit: fitTwenty,
      data: bump([WIDE, DEEP], ['label', 'label']),
    },
  },
};

/** The preset a first visit opens. */
export const FIRST_PRESET = 'notes-two-in-two-out';
