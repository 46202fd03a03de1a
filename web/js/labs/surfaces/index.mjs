// @ts-check
// The surfaces lab: contour plots of 2-D loss functions with the paths of the seven Keras
// optimizers from a start point the learner drags, every step computed by the engine's own
// optimizers (the `surface` op), a step-by-step readout of their slots, and batch size on a
// neuron's loss surface.
import strings from './strings.mjs';
import { SURFACE_FIELDS } from './fields.mjs';
import { FUNCTION } from './functions.mjs';
import { OPTIMIZERS, lrName, useName } from './optimizers.mjs';

/**
 * The state of function `id` with its start, steps and learning rates, only `ids` ticked.
 * @param {string} id @param {string[]} ids @param {Record<string, any>} [more]
 */
const setup = (id, ids, more = {}) => {
  const f = FUNCTION[id];
  return {
    surfFunction: id,
    surfStart: [...f.start],
    surfSteps: f.steps,
    ...Object.fromEntries(OPTIMIZERS.map((o) => [useName(o.id), ids.includes(o.id)])),
    ...Object.fromEntries(OPTIMIZERS.map((o) => [lrName(o.id), f.lr[o.id]])),
    ...more,
  };
};
const ALL = OPTIMIZERS.map((o) => o.id);

/** @type {import('../registry.mjs').LabDeclaration} */
export default {
  id: 'surfaces',
  title: { en: 'Loss surfaces', ko: '손실 곡면' },
  kit: {},
  fields: SURFACE_FIELDS,
  panels: [],
  groups: {
    surfPaths: {
      en: 'Optimizer paths',
      ko: '옵티마이저 경로',
      hides: 'the contour plot, the optimizers and the step readout',
    },
    surfBatch: {
      en: 'Batch size on a surface',
      ko: '곡면 위의 배치 크기',
      hides: 'the batch-size paths and loss curves',
    },
  },
  presets: {
    // The lab's defaults: every optimizer in the ill-conditioned bowl.
    'surf-all': {
      title: { en: 'All seven, valley', ko: '일곱 가지 모두, 골짜기' },
      state: setup('quadratic', ALL),
    },
    // SGD zigzags across the steep direction; momentum averages the zigzag away.
    'surf-momentum': {
      title: { en: 'Valley: momentum', ko: '골짜기: 모멘텀' },
      state: setup('quadratic', ['sgd', 'momentum', 'nesterov']),
    },
    // Adam's per-weight steps follow the curved valley; plain SGD crawls along its floor.
    'surf-rosenbrock': {
      title: { en: 'Rosenbrock: Adam vs SGD', ko: 'Rosenbrock: Adam 대 SGD' },
      state: setup('rosenbrock', ['sgd', 'momentum', 'adam']),
    },
    // Starting almost on the ridge: the gradient across it is tiny, so plain SGD lingers.
    'surf-saddle': {
      title: { en: 'Saddle: who escapes', ko: '안장점: 누가 빠져나가나' },
      state: setup('saddle', ['sgd', 'momentum', 'adagrad', 'rmsprop', 'adam']),
    },
  },
  stylesheet: new URL('./surfaces.css', import.meta.url).href,
  strings,
  load: () => import('./lab.mjs'),
};
