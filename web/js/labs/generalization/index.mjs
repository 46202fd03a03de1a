// @ts-check
// The generalization lab: a capacity sweep (training and test error against hidden units:
// under- and over-fitting), bagging (members on bootstrap samples and their average) and
// k-fold cross-validation on a 2-D set, each run in sessions of the lab's own (the lab's main
// session is never trained, so the toolbar's transport and speed are hidden; each section has
// its own Start and Pause).
import strings from './strings.mjs';
import { GENERALIZATION_FIELDS } from './fields.mjs';

/** @type {import('../registry.mjs').LabDeclaration} */
export default {
  id: 'generalization',
  title: { en: 'Generalization', ko: '일반화' },
  kit: {},
  fields: GENERALIZATION_FIELDS,
  panels: [],
  groups: {
    genSweep: {
      en: 'Capacity sweep',
      ko: '용량 훑기',
      hides: 'the capacity sweep: its settings, charts and boundaries',
    },
    genBagging: {
      en: 'Bagging',
      ko: '배깅',
      hides: 'bagging: its members and their average',
    },
    genKfold: {
      en: 'k-fold',
      ko: 'k-겹',
      hides: 'k-fold cross-validation and its folds',
    },
  },
  presets: {
    // The lab's defaults: 60 noisy XOR points, where test error is lowest at a few units and
    // rises again for the big ones while training error reaches zero.
    'gen-xor-noisy': {
      title: { en: 'Noisy XOR, 60 points', ko: '잡음 많은 XOR, 점 60개' },
      state: {},
    },
    // The same sweep on a noisy circle.
    'gen-circle-noisy': {
      title: { en: 'Noisy circle, 60 points', ko: '잡음 많은 원, 점 60개' },
      state: { genData: 'circle', genNoise: 50, genTrain: 60 },
    },
    // Clean and plentiful data: big networks have little noise to learn, so over-fitting fades.
    'gen-clean': {
      title: { en: 'Clean XOR, 400 points', ko: '깨끗한 XOR, 점 400개' },
      state: { genData: 'xor', genNoise: 0, genTrain: 400, genEpochs: 300 },
    },
  },
  stylesheet: new URL('./generalization.css', import.meta.url).href,
  strings,
  load: () => import('./lab.mjs'),
};
