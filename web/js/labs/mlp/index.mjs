// @ts-check
// The multi-layer network lab (TensorFlow Playground, then Keras): what the page needs to know
// of it before it is opened. The lab itself (lab.mjs) loads when its tab is first shown.
import strings from './strings.mjs';
import { MLP_FIELDS } from './fields.mjs';
import { KIT_PANELS, OPTIMIZER_PARAM_DEFAULTS } from '../../state/kit-fields.mjs';
import { mlpHints } from './hints.mjs';

const ALL_FEATURES = ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'];
/** @param {number} count @param {number} units @param {string} activation */
const layers = (count, units, activation) => Array.from({ length: count }, () => ({ units, activation }));

/** @type {import('../registry.mjs').LabDeclaration} */
export default {
  id: 'mlp',
  title: { en: 'Multi-layer network', ko: '다층 신경망' },
  kit: {
    lr: 0.03,
    batch: 10,
    epochs: 0, // no limit: training goes on until paused
    loss: 'auto',
    optimizer: 'sgd',
    ...OPTIMIZER_PARAM_DEFAULTS,
    activation: 'tanh',
    init: 'glorot_uniform',
    reg: 'none',
    regRate: 0.001,
    dropout: 0,
    batchNorm: false,
    earlyStop: false,
    patience: 20,
    seed: 0,
  },
  fields: MLP_FIELDS,
  panels: [
    ['training', KIT_PANELS.training],
    ['optimizer', KIT_PANELS.optimizer],
    ['network', KIT_PANELS.network],
    ['regularization', KIT_PANELS.regularization],
    ['data', ['seed', 'samples', 'classes', 'trainRatio', 'noise']],
  ],
  relevant(name, state) {
    if (name === 'classes') return state.dataset === 'blobs';
    if (name === 'samples') return state.dataset !== 'custom';
    return true;
  },
  hints: mlpHints,
  groups: {
    network: { en: 'Network', ko: '신경망', hides: 'the network editor (layers, neurons, links)' },
    data: { en: 'Data', ko: '데이터', hides: 'the dataset pictures and data tools (click to add, CSV)' },
    features: { en: 'Features', ko: '입력 특성', hides: 'the input features' },
    charts: { en: 'Charts', ko: '차트', hides: 'chart options (discretize, show test data)' },
  },
  presets: {
    'mlp-circle': { title: { en: 'Circle', ko: '원' }, state: { dataset: 'circle' } },
    'mlp-xor': { title: { en: 'XOR', ko: 'XOR' }, state: { dataset: 'xor' } },
    'mlp-spiral': {
      title: { en: 'Spiral (all features)', ko: '나선 (모든 특성)' },
      state: { dataset: 'spiral', features: ALL_FEATURES, layers: layers(2, 8, 'tanh') },
    },
    'mlp-gauss': { title: { en: 'Two Gaussians', ko: '두 가우시안' }, state: { dataset: 'gauss' } },
    'mlp-moons': {
      title: { en: 'Moons', ko: '반달' },
      state: { dataset: 'moons', noise: 10, layers: layers(2, 6, 'tanh') },
    },
    'mlp-blobs': {
      title: { en: 'Three blobs (softmax)', ko: '세 덩어리 (소프트맥스)' },
      state: {
        dataset: 'blobs',
        classes: 3,
        noise: 10,
        activation: 'relu',
        layers: layers(1, 8, 'relu'),
        optimizer: 'adam',
        lr: 0.01,
      },
    },
    'mlp-regression': {
      title: { en: 'Regression (plane)', ko: '회귀 (평면)' },
      state: { dataset: 'regress_plane', loss: 'mse', lr: 0.01 },
    },
    overfit: {
      title: { en: 'Overfitting (try dropout, L2)', ko: '과적합 (드롭아웃·L2로 해결)' },
      state: {
        dataset: 'spiral',
        noise: 30,
        samples: 30,
        trainRatio: 50,
        activation: 'relu',
        layers: layers(3, 16, 'relu'),
        optimizer: 'adam',
        lr: 0.01,
      },
    },
  },
  stylesheet: new URL('./mlp.css', import.meta.url).href,
  strings,
  load: () => import('./lab.mjs'),
};
