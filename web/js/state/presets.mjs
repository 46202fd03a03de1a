// Named starting points of the playground: {name: {title: {en, ko}, state: partial state}}.
// "Reset to preset" = defaults ⊕ preset.state (+ preset: name), keeping lang (presetState).
import { defaultState } from './schema.mjs';

const ALL_FEATURES = ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'];
const layers = (count, units, activation) => Array.from({ length: count }, () => ({ units, activation }));
const perceptron = (gate) => ({ lab: 'perceptron', gate, lr: 1, batch: 1, epochs: 100, speed: 2,
  optimizer: 'sgd', pHidden: false, pWeights: [0, 0, 0] });

export const PRESETS = Object.freeze({
  'mlp-circle': { title: { en: 'Circle', ko: '원' }, state: { lab: 'mlp', dataset: 'circle' } },
  'mlp-xor': { title: { en: 'XOR', ko: 'XOR' }, state: { lab: 'mlp', dataset: 'xor' } },
  'mlp-spiral': {
    title: { en: 'Spiral (all features)', ko: '나선 (모든 특성)' },
    state: { lab: 'mlp', dataset: 'spiral', features: ALL_FEATURES, layers: layers(2, 8, 'tanh') },
  },
  'mlp-gauss': { title: { en: 'Two Gaussians', ko: '두 가우시안' }, state: { lab: 'mlp', dataset: 'gauss' } },
  'mlp-moons': {
    title: { en: 'Moons', ko: '반달' },
    state: { lab: 'mlp', dataset: 'moons', noise: 10, layers: layers(2, 6, 'tanh') },
  },
  'mlp-blobs': {
    title: { en: 'Three blobs (softmax)', ko: '세 덩어리 (소프트맥스)' },
    state: { lab: 'mlp', dataset: 'blobs', classes: 3, noise: 10, activation: 'relu',
      layers: layers(1, 8, 'relu'), optimizer: 'adam', lr: 0.01 },
  },
  'mlp-regression': {
    title: { en: 'Regression (plane)', ko: '회귀 (평면)' },
    state: { lab: 'mlp', dataset: 'regress_plane', loss: 'mse', lr: 0.01 },
  },
  overfit: {
    title: { en: 'Overfitting (cure it with dropout or L2)', ko: '과적합 (드롭아웃·L2로 해결)' },
    state: { lab: 'mlp', dataset: 'spiral', noise: 30, samples: 30, trainRatio: 50,
      activation: 'relu', layers: layers(3, 16, 'relu'), optimizer: 'adam', lr: 0.01 },
  },
  'perceptron-and': { title: { en: 'Perceptron: AND', ko: '퍼셉트론: AND' }, state: perceptron('and') },
  'perceptron-or': { title: { en: 'Perceptron: OR', ko: '퍼셉트론: OR' }, state: perceptron('or') },
  'perceptron-nand': { title: { en: 'Perceptron: NAND', ko: '퍼셉트론: NAND' }, state: perceptron('nand') },
  'perceptron-xor': { title: { en: 'Perceptron: XOR', ko: '퍼셉트론: XOR' }, state: perceptron('xor') },
  vanishing: {
    title: { en: 'Vanishing gradients', ko: '기울기 소실' },
    state: { lab: 'activations', deepAct: 'sigmoid', deepDepth: 8, dataset: 'circle', lr: 0.03 },
  },
});

export const DEFAULT_PRESET = 'mlp-circle';

/** The preset a lab starts from when its tab is picked and the state belongs to another lab. */
export const LAB_PRESETS = Object.freeze({
  mlp: 'mlp-circle', perceptron: 'perceptron-and', activations: 'vanishing',
});

/** The full state of preset `name`: defaults ⊕ preset.state ⊕ {preset: name, lang}. */
export function presetState(name, { lang, navigatorLanguage } = {}) {
  const preset = PRESETS[name] ?? PRESETS[DEFAULT_PRESET];
  const state = { ...defaultState(navigatorLanguage), ...structuredClone(preset.state) };
  state.preset = PRESETS[name] ? name : DEFAULT_PRESET;
  if (lang) state.lang = lang;
  return state;
}
