// @ts-check
// The backprop lab: one sample through a small network, the forward pass neuron by neuron, the
// loss, the backward pass one neuron at a time and the SGD update, every number from the
// engine's `backprop` answer. Its controls are its own (no shell panel); the toolbar's Step is
// one SGD step on the sample and Play does not apply. The lab itself loads with its tab.
import strings from './strings.mjs';
import { field } from '../../state/field.mjs';
import {
  ACTIVATION_OPTIONS,
  LOSS_OPTIONS,
  MAX_HIDDEN_LAYERS,
  MAX_INPUTS,
  MAX_OUTPUTS,
  MAX_UNITS,
} from './network.mjs';

/** The weights and values a learner may type: wide enough for any lesson, small enough that
 *  sigmoid and the products stay readable. */
export const VALUE_LIMIT = 1000;

/** The classic worked example: w1..w8 in get_weights order (kernels [in, units] row-major:
 *  [[w1, w3], [w2, w4]], biases 0.35; [[w5, w7], [w6, w8]], biases 0.60). */
const WORKED_WEIGHTS = [0.15, 0.25, 0.2, 0.3, 0.35, 0.35, 0.4, 0.5, 0.45, 0.55, 0.6, 0.6];

/** @type {import('../registry.mjs').LabDeclaration} */
export default {
  id: 'backprop',
  title: { en: 'Backprop, step by step', ko: '역전파 한 단계씩' },
  kit: { lr: 0.5, seed: 0 },
  fields: [
    field('inputValues', 'numbers', [0.05, 0.1], {
      minItems: 1,
      maxItems: MAX_INPUTS,
      min: -VALUE_LIMIT,
      max: VALUE_LIMIT,
    }),
    field('targetValues', 'numbers', [0.01, 0.99], {
      minItems: 1,
      maxItems: MAX_OUTPUTS,
      min: -VALUE_LIMIT,
      max: VALUE_LIMIT,
    }),
    field('hiddenLayers', 'layers', [{ units: 2, activation: 'sigmoid' }], {
      maxItems: MAX_HIDDEN_LAYERS,
      maxUnits: MAX_UNITS,
      options: ACTIVATION_OPTIONS,
    }),
    field('outputActivation', 'enum', 'sigmoid', { options: ACTIVATION_OPTIONS }),
    field('lossFunction', 'enum', 'mse', { options: LOSS_OPTIONS }),
    // The weights the pass starts from, in get_weights order; none (or a count that does not
    // fit the network) means the seed's Glorot-uniform weights. Edits go to the running model.
    field('weights', 'numbers', WORKED_WEIGHTS, {
      minItems: 0,
      maxItems: 200,
      min: -VALUE_LIMIT,
      max: VALUE_LIMIT,
      keepsModel: true,
    }),
  ],
  panels: [],
  groups: {
    backpropNetwork: {
      en: 'Network and sample',
      ko: '신경망과 샘플',
      hides: 'the inputs, targets, layers, loss, learning rate and weight controls',
    },
    backpropSteps: {
      en: 'Step list',
      ko: '단계 목록',
      hides: 'the step controls and the written-out steps',
    },
  },
  presets: {
    'worked-example': {
      title: { en: 'Worked example (2-2-2)', ko: '풀이 예제 (2-2-2)' },
      state: {
        inputValues: [0.05, 0.1],
        targetValues: [0.01, 0.99],
        hiddenLayers: [{ units: 2, activation: 'sigmoid' }],
        outputActivation: 'sigmoid',
        lossFunction: 'mse',
        weights: WORKED_WEIGHTS,
        lr: 0.5,
        seed: 0,
      },
    },
    'backprop-tanh': {
      title: { en: 'tanh, 3 inputs, 3 hidden', ko: 'tanh, 입력 3, 은닉 3' },
      state: {
        inputValues: [1, -0.5, 0.25],
        targetValues: [0.5],
        hiddenLayers: [{ units: 3, activation: 'tanh' }],
        outputActivation: 'linear',
        lossFunction: 'mse',
        weights: [],
        lr: 0.1,
        seed: 1,
      },
    },
    'backprop-relu-deep': {
      title: { en: 'ReLU, two hidden layers', ko: 'ReLU, 은닉층 두 개' },
      state: {
        inputValues: [0.8, 0.2],
        targetValues: [1, 0],
        hiddenLayers: [
          { units: 3, activation: 'relu' },
          { units: 3, activation: 'relu' },
        ],
        outputActivation: 'sigmoid',
        lossFunction: 'binary_crossentropy',
        weights: [],
        lr: 0.5,
        seed: 2,
      },
    },
  },
  stylesheet: new URL('./backprop.css', import.meta.url).href,
  strings,
  load: () => import('./lab.mjs'),
};
