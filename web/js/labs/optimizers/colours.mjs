// One colour per optimizer (and per batch size), from the page's palette where it has
// distinct hues, so the race's curves, legend and table agree.
const RACER_COLOURS = {
  sgd: '#6b7280',
  momentum: '#2563eb',
  nesterov: '#0891b2',
  adagrad: '#ca8a04',
  rmsprop: '#9333ea',
  adam: '#dc2626',
  adamw: '#16a34a',
};

/** @param {string} id an optimizer id of racers.mjs */
export const racerColour = (id) => RACER_COLOURS[id] ?? '#111827';

const BATCH_COLOURS = { full: '#2563eb', mini: '#16a34a', one: '#dc2626' };

/** @param {'full' | 'mini' | 'one'} kind */
export const batchColour = (kind) => BATCH_COLOURS[kind];
