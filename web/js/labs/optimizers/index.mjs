// @ts-check
// The optimizers lab: an optimizer race from bit-identical weights and the batch-size
// comparison, each run in sessions of the lab's own (the lab's main session only builds the
// race's network, never trains, so the toolbar's transport and speed are hidden; each section
// has its own Start and Pause).
import strings from './strings.mjs';

/** @type {import('../registry.mjs').LabDeclaration} */
export default {
  id: 'optimizers',
  title: { en: 'Optimizers', ko: '옵티마이저' },
  kit: {},
  fields: [],
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
    'optimizer-race': {
      title: { en: 'Optimizer race', ko: '옵티마이저 경주' },
      state: {},
    },
  },
  stylesheet: new URL('./optimizers.css', import.meta.url).href,
  strings,
  load: () => import('./lab.mjs'),
};
