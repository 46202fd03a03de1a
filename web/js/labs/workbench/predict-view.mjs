// model.predict() on one chosen sample: its input (summarised when large), what the model
// answers for each output (the three likeliest classes for a softmax of several units) and the
// target the data holds for it, all from the engine's `data` and `predict` answers.
import { escapeHtml } from './layers-pane.mjs';

const SHOWN = 12;

/** @param {ArrayLike<number>} values */
const list = (values) => {
  const shown = Array.from(values)
    .slice(0, SHOWN)
    .map((v) => Number(v.toPrecision(4)));
  return `[${shown.join(', ')}${values.length > SHOWN ? `, … (${values.length})` : ''}]`;
};

/** The k likeliest classes of a probability row, as "3: 0.91". @param {ArrayLike<number>} p */
export function topClasses(p, k = 3) {
  return Array.from(p, (v, i) => [i, v])
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(([i, v]) => `${i}: ${v.toFixed(3)}`);
}

/**
 * The table of one prediction.
 * @param {{data: any, predicted: any, arrays: Record<string, Float32Array>, model: any,
 *   t: (k: string) => string}} p
 */
export function predictionHtml({ data, predicted, arrays, model, t }) {
  const inputs = data.x
    .map((/** @type {any} */ x) => `<tr><th>${escapeHtml(x.name)}</th><td>${list(arrays[x.array])}</td></tr>`)
    .join('');
  const outputs = predicted.arrays
    .map((/** @type {any} */ a, /** @type {number} */ k) => {
      const values = arrays[a.name];
      const units = model.outputs[k].shape.at(-1);
      const layer = model.layers.find((/** @type {any} */ l) => l.name === model.outputs[k].name);
      const classes = units > 1 && layer?.activation === 'softmax' && values.length === units;
      const answer = classes ? topClasses(values).join(' · ') : list(values);
      const target = data.y[k] ? list(arrays[data.y[k].array]) : '—';
      return `<tr><th>${escapeHtml(model.outputs[k].name)}</th><td>${answer}</td><td>${target}</td></tr>`;
    })
    .join('');
  return `<table class="wb-table"><thead><tr><th>${t('wb.input')}</th><th>${t('wb.values')}</th></tr></thead><tbody>${inputs}</tbody></table>
    <table class="wb-table"><thead><tr><th>${t('wb.output')}</th><th>${t('wb.predicted')}</th><th>${t('wb.target')}</th></tr></thead><tbody>${outputs}</tbody></table>`;
}
