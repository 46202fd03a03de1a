// @ts-check
// The optimizers lab: an optimizer race from bit-identical weights and the batch-size
// comparison, each run in sessions of the lab's own (the lab's main session only builds the
// race's network, never trains, so the toolbar's transport and speed are hidden; each section
// has its own Start and Pause).
import strings from './strings.mjs';
import { OPTIMIZER_FIELDS, useName } from './fields.mjs';
import { RACERS } from './racers.mjs';

/** The race with only `ids` picked (every other optimizer's box unticked). */
/** @param {...string} ids */
const only = (...ids) => Object.fromEntries(RACERS.map((r) => [useName(r.id), ids.includes(r.id)]));

/** @type {import('../registry.mjs').LabDeclaration} */
export default {
  id: 'optimizers',
  title: { en: 'Optimizers', ko: '옵티마이저' },
  kit: {},
  fields: OPTIMIZER_FIELDS,
  panels: [],
  groups: {
    optRace: {
      en: 'Optimizer race',
      ko: '옵티마이저 경주',
      hides: 'the race: its settings, loss curves and table',
    },
    optBatch: {
      en: 'Batch size',
      ko: '배치 크기',
      hides: 'the batch-size comparison and its chart',
    },
  },
  presets: {
    // The lab's defaults: all seven from Keras's learning rates on the circle.
    'optimizer-race': {
      title: { en: 'All seven, circle', ko: '일곱 가지 모두, 원' },
      state: {},
    },
    // A plain step crawls along the spiral's long narrow valleys; momentum's velocity carries
    // it through at the same learning rate.
    'opt-momentum-spiral': {
      title: { en: 'Momentum vs SGD, spiral', ko: '모멘텀 대 SGD, 나선' },
      state: {
        ...only('sgd', 'momentum', 'nesterov'),
        raceData: 'spiral',
        raceHidden: [16, 16],
        raceTarget: 0.3,
        raceEpochs: 200,
        batchOptimizer: 'momentum',
      },
    },
    // Per-weight step sizes: Adagrad's shrink for good, RMSprop's and Adam's recover.
    'opt-adaptive': {
      title: { en: 'Adagrad, RMSprop, Adam', ko: 'Adagrad, RMSprop, Adam' },
      state: {
        ...only('adagrad', 'rmsprop', 'adam'),
        raceData: 'xor',
        raceTarget: 0.1,
        raceEpochs: 150,
        batchOptimizer: 'adam',
        batchLr: 0.005,
      },
    },
  },
  stylesheet: new URL('./optimizers.css', import.meta.url).href,
  strings,
  load: () => import('./lab.mjs'),
};
