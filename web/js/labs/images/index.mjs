// @ts-check
// The images lab: real Fashion-MNIST (or MNIST digits) trained in the page the way the study
// notes do it (Flatten → Dense → softmax), with the test set's confusion matrix, sample
// predictions, the first layer's weights as images and a drawing pad, live while it trains.
// The lab itself (lab.mjs) loads when its tab is first shown.
import strings from './strings.mjs';
import { IMAGE_FIELDS, LIMITS, unitsKey } from './fields.mjs';
import { IMAGE_PRESETS } from './presets.mjs';
import { imageHints } from './hints.mjs';
import { KIT_PANELS, OPTIMIZER_PARAM_DEFAULTS } from '../../state/kit-fields.mjs';
import { EXPERIMENT_FIELDS } from './experiments/fields.mjs';
import { EXPERIMENT_STRINGS } from './experiments/strings.mjs';
import { EXPERIMENT_GROUPS } from './experiments/index.mjs';

/** Fields that only mean something with hidden layers. */
const HIDDEN_ONLY = ['activation', 'dropout', 'batchNorm'];

/** @type {import('../registry.mjs').LabDeclaration} */
export default {
  id: 'images',
  title: { en: 'Images (Fashion-MNIST)', ko: '이미지 (Fashion-MNIST)' },
  kit: {
    lr: 0.001,
    batch: 32,
    epochs: 0, // no limit: training goes on until paused
    optimizer: 'adam',
    ...OPTIMIZER_PARAM_DEFAULTS,
    activation: 'relu',
    init: 'glorot_uniform',
    reg: 'none',
    regRate: 0.001,
    dropout: 0,
    batchNorm: false,
    seed: 0,
  },
  // The experiments' fields (augmentation ranges, k, shots) keep the model: none rebuilds it.
  fields: [...IMAGE_FIELDS, ...EXPERIMENT_FIELDS],
  panels: [
    ['model', ['hiddenLayers', 'units1', 'units2', 'units3', 'activation', 'init']],
    ['regularization', ['dropout', 'batchNorm', 'reg', 'regRate']],
    ['training', ['lr', 'batch', 'epochs', 'seed']],
    ['optimizer', KIT_PANELS.optimizer],
    // Shown in the lab's data section (its data-panel-slot), beside the download's status.
    ['data', ['dataset', 'size', 'subset', 'trainImages']],
  ],
  relevant(name, state) {
    if (name === 'size') return state.dataset === 'fashion';
    if (name === 'trainImages') return Boolean(state.subset);
    if (HIDDEN_ONLY.includes(name)) return state.hiddenLayers > 0;
    for (let i = 2; i <= LIMITS.maxHidden; i += 1) if (name === unitsKey(i)) return state.hiddenLayers >= i;
    if (name === unitsKey(1)) return state.hiddenLayers >= 1;
    return true;
  },
  hints: imageHints,
  groups: {
    data: { en: 'Data', ko: '데이터', hides: 'the dataset, its download status and the training split' },
    model: { en: 'Model', ko: '모델', hides: 'the hidden layers, activation and initializer controls' },
    summary: {
      en: 'Model summary',
      ko: '모델 요약',
      hides: 'the Keras summary() table of layers and parameters',
    },
    test: {
      en: 'Test set',
      ko: '테스트 세트',
      hides: 'the test accuracy, confusion matrix, per-class accuracy and sample predictions',
    },
    weights: {
      en: 'First-layer weights',
      ko: '첫 층 가중치',
      hides: "every first-layer unit's weights as an image",
    },
    draw: { en: 'Drawing pad', ko: '그림판', hides: 'the drawing pad and its prediction' },
    experiments: {
      en: 'Experiments',
      ko: '실험',
      hides: 'the augmentation, k-fold and transfer-learning sections together',
    },
    ...EXPERIMENT_GROUPS,
  },
  presets: IMAGE_PRESETS,
  stylesheet: new URL('./images.css', import.meta.url).href,
  strings: {
    en: { ...strings.en, ...EXPERIMENT_STRINGS.en },
    ko: { ...strings.ko, ...EXPERIMENT_STRINGS.ko },
  },
  load: () => import('./lab.mjs'),
};
