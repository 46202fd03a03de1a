// The per-optimizer controls of the surface section: a switch with the optimizer's colour, its
// learning rate and its Keras hyperparameters, each input bound to its store field.
import { OPTIMIZERS, hyperName, lrName, useName } from './optimizers.mjs';
import { racerColour } from '../optimizers/colours.mjs';

/** @param {number} value a default, written as people type it */
const shown = (value) => String(value);

/** The rows' markup: one .surf-opt per optimizer (data-opt = its id). */
export const OPTIMIZER_ROWS_MARKUP = OPTIMIZERS.map(
  (o) => `
  <div class="surf-opt" data-opt="${o.id}">
    <label class="surf-opt-name"><input type="checkbox" data-role="use">
      <span class="surf-swatch" style="background:${racerColour(o.id)}"></span>${o.name}</label>
    <div class="surf-opt-hypers">
      <label class="lab-field"><span data-i18n="surf.lr"></span>
        <input type="number" data-role="lr" min="0" step="any"></label>
      ${o.hypers
        .map(
          (h) => `<label class="lab-field"><span>${h.keras}</span>
        <input type="number" data-role="${h.keras}" min="${h.min}" max="${h.max}" step="any" placeholder="${shown(h.def)}"></label>`,
        )
        .join('')}
    </div>
  </div>`,
).join('');

/** The bindings of every row's inputs under `root`: [{input, name}] for bindInputs. */
export function optimizerBindings(root) {
  return OPTIMIZERS.flatMap((o) => {
    const row = root.querySelector(`.surf-opt[data-opt="${o.id}"]`);
    const input = (role) => row.querySelector(`[data-role="${role}"]`);
    return [
      { input: input('use'), name: useName(o.id) },
      { input: input('lr'), name: lrName(o.id) },
      ...o.hypers.map((h) => ({ input: input(h.keras), name: hyperName(o.id, h) })),
    ];
  });
}
