// One colour per optimizer (and per batch size) from the page's palette (views/colors.mjs), so
// the race's curves, legend and table agree: Tableau 10 in the order the page lists them, as
// the sequence lab's and the k-fold chart's series take it.
import { TABLEAU10 } from '../../views/colors.mjs';
import { RACERS } from './racers.mjs';

const RACER_INDEX = Object.fromEntries(RACERS.map((r, i) => [r.id, i]));

/** @param {string} id an optimizer id of racers.mjs */
export const racerColour = (id) => TABLEAU10[(RACER_INDEX[id] ?? 0) % TABLEAU10.length];

/** The batch chart's own series: blue, orange, red. */
const BATCH_INDEX = { full: 0, mini: 1, one: 2 };

/** @param {'full' | 'mini' | 'one'} kind */
export const batchColour = (kind) => TABLEAU10[BATCH_INDEX[kind]];
