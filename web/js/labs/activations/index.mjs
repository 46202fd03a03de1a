// @ts-check
// The activations lab: every activation with its derivative, and a deep sigmoid/tanh tower
// trained beside a ReLU tower so the vanishing gradient shows, live. The lab itself (lab.mjs)
// loads when its tab is first shown.
import strings from './strings.mjs';
import { field } from '../../state/field.mjs';
import { KIT_PANELS, OPTIMIZER_PARAM_DEFAULTS } from '../../state/kit-fields.mjs';
import { activationsHints } from './hints.mjs';

/** @type {import('../registry.mjs').LabDeclaration} */
export default {
  id: 'activations',
  title: { en: 'Activations & gradients', ko: '활성화 함수와 기울기' },
  kit: {
    lr: 0.03,
    batch: 10,
    epochs: 1000,
    optimizer: 'sgd',
    ...OPTIMIZER_PARAM_DEFAULTS,
    seed: 0,
  },
  fields: [
    field('deepAct', 'enum', 'sigmoid', { options: ['sigmoid', 'tanh'] }),
    field('deepDepth', 'int', 8, { min: 6, max: 12 }),
  ],
  // The towers' loss is fixed by the experiment, so the training panel leaves it out.
  panels: [
    ['training', ['lr', 'batch', 'epochs']],
    ['optimizer', KIT_PANELS.optimizer],
  ],
  hints: activationsHints,
  groups: {
    vanishing: {
      en: 'Vanishing gradients',
      ko: '기울기 소실',
      hides: 'the tower activation and depth controls',
    },
  },
  presets: {
    vanishing: {
      title: { en: 'Vanishing gradients', ko: '기울기 소실' },
      state: { deepAct: 'sigmoid', deepDepth: 8, lr: 0.03 },
    },
  },
  stylesheet: new URL('./activations.css', import.meta.url).href,
  strings,
  load: () => import('./lab.mjs'),
};
