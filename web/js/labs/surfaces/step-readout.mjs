// The step-by-step readout: for step k, each optimizer's position and loss after it, the
// gradient it used and its slots (velocity, accumulators) after it, under their Keras names,
// all read from the engine's answer.
import { pointAt, stepAt } from './surface-answers.mjs';
import { lossText } from '../../kit/readable-numbers.mjs';
import { racerColour } from '../optimizers/colours.mjs';
import { OPTIMIZER } from './optimizers.mjs';

/** A coordinate or slot value: four significant digits, small ones in exponent form. */
export function numberText(value) {
  if (!Number.isFinite(value)) return '–';
  if (value === 0) return '0';
  const size = Math.abs(value);
  return size >= 1e-3 && size < 1e5 ? String(Number(value.toPrecision(4))) : value.toExponential(2);
}

/** "(x, y)" of two numbers. */
const pair = (x, y) => `(${numberText(x)}, ${numberText(y)})`;

/**
 * Fills `table` (a <table>) with step k of `runs` ([id, SurfaceRun][]); t translates.
 * Returns what it shows, for the test hook: [{id, point, loss, gradient, slots}].
 */
export function showStep(table, runs, k, t) {
  const head = `<thead><tr><th scope="col">${t('surf.colOptimizer')}</th><th scope="col">${t(
    'surf.colPoint',
  )}</th><th scope="col">${t('surf.colLoss')}</th><th scope="col">${t('surf.colGradient')}</th><th scope="col">${t(
    'surf.colSlots',
  )}</th></tr></thead>`;
  const shownRows = [];
  const rows = runs.map(([id, run]) => {
    const point = pointAt(run, k);
    const step = stepAt(run, k);
    const beyond = k > run.steps;
    shownRows.push({ id, point, step, beyond });
    const slots = step
      ? step.slots.length > 0
        ? step.slots.map((s) => `<span class="surf-slot">${s.name} ${pair(s.x, s.y)}</span>`).join(' ')
        : t('surf.noSlots')
      : k === 0
        ? t('surf.atStart')
        : t('surf.stoppedBefore', { step: run.steps });
    return `<tr data-opt="${id}"><th scope="row"><span class="surf-swatch" style="background:${racerColour(
      id,
    )}"></span>${OPTIMIZER[id].name}</th><td>${pair(point.x, point.y)}</td><td>${lossText(point.loss)}</td><td>${
      step ? pair(step.gradient[0], step.gradient[1]) : '–'
    }</td><td class="surf-slots">${slots}</td></tr>`;
  });
  table.innerHTML = `${head}<tbody>${rows.join('')}</tbody>`;
  return shownRows;
}
