// @ts-check
// The perceptron lab: AND, OR, NAND and XOR as four points, one neuron trained by Rosenblatt's
// rule, and the hidden layer that XOR needs. It shows no shell panel: its few controls are its
// own. The lab itself (lab.mjs) loads when its tab is first shown.
import strings from './strings.mjs';
import { field } from '../../state/field.mjs';
import { perceptronHints } from './hints.mjs';

/** @param {string} gate */
const gatePreset = (gate) => ({ gate, lr: 1, epochs: 100, speed: 2, pHidden: false, pWeights: [0, 0, 0] });

/** @type {import('../registry.mjs').LabDeclaration} */
export default {
  id: 'perceptron',
  title: { en: 'Perceptron', ko: '퍼셉트론' },
  // Rosenblatt's rule from zero weights does not depend on the rate; 1 keeps the trace integer.
  kit: { lr: 1, epochs: 100, seed: 0 },
  fields: [
    field('gate', 'enum', 'and', { options: ['and', 'or', 'nand', 'xor'] }),
    field('pHidden', 'bool', false),
    // Hand-set weights go to the running model (set_weights), not through a rebuild.
    field('pWeights', 'numbers', [0, 0, 0], { keepsModel: true }),
  ],
  panels: [],
  hints: perceptronHints,
  groups: { perceptron: { en: 'Perceptron', ko: '퍼셉트론', hides: 'the gate buttons and weight controls' } },
  presets: {
    'perceptron-and': { title: { en: 'Perceptron: AND', ko: '퍼셉트론: AND' }, state: gatePreset('and') },
    'perceptron-or': { title: { en: 'Perceptron: OR', ko: '퍼셉트론: OR' }, state: gatePreset('or') },
    'perceptron-nand': { title: { en: 'Perceptron: NAND', ko: '퍼셉트론: NAND' }, state: gatePreset('nand') },
    'perceptron-xor': { title: { en: 'Perceptron: XOR', ko: '퍼셉트론: XOR' }, state: gatePreset('xor') },
  },
  stylesheet: new URL('./perceptron.css', import.meta.url).href,
  strings,
  load: () => import('./lab.mjs'),
};
