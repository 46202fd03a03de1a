// The workbench's compile() and fit() form: optimizer and learning rate, a loss (and a loss
// weight when there are several outputs) per output, metrics, epochs, batch size, validation
// split and the two callbacks, and the data to fit on. It reads the document and writes a
// changed copy to `onChange`; a value out of range is refused at its field. The array data
// (images, a CSV) are not in the document: `data()` says what is chosen, `onData` and `onCsv`
// hear the learner's picks.
import { escapeHtml } from './layers-pane.mjs';
import { isFunctional } from './model-edits.mjs';
import { ARRAY_CHOICES, DATA_CHOICES, dataChoiceOf, withData } from './data-choice.mjs';
import { clearFieldMessage, showFieldMessage } from '../../kit/field-message.mjs';

export const OPTIMIZER_NAMES = Object.freeze(['sgd', 'rmsprop', 'adam', 'adamw', 'adagrad']);
export const LOSS_NAMES = Object.freeze([
  'mse',
  'mae',
  'huber',
  'binary_crossentropy',
  'categorical_crossentropy',
  'sparse_categorical_crossentropy',
  'hinge',
]);
const METRICS = Object.freeze(['accuracy', 'mae', 'mse']);
/** Keras's default learning rates (an optimizer given by name uses them). */
const DEFAULT_LR = Object.freeze({ sgd: 0.01, rmsprop: 0.001, adam: 0.001, adamw: 0.001, adagrad: 0.001 });

/** The model's output names, in order. @param {any} doc @returns {string[]} */
export function outputNames(doc) {
  if (isFunctional(doc)) return doc.model.outputs ?? [];
  return [doc.model.layers.at(-1)?.name ?? 'output'];
}

/** Output `k`'s loss name as the document gives it (string, list or object by name). */
export function lossOf(doc, k) {
  const loss = doc.compile?.loss;
  const pick = Array.isArray(loss)
    ? loss[k]
    : loss && typeof loss === 'object' && !('type' in loss)
      ? loss[outputNames(doc)[k]]
      : loss;
  return typeof pick === 'object' && pick ? String(pick.type) : String(pick ?? 'mse');
}

/** @param {any} doc */
const optimizerName = (doc) => {
  const o = doc.compile?.optimizer ?? 'rmsprop';
  return typeof o === 'string' ? o : String(o.type);
};
/** @param {any} doc */
const learningRate = (doc) => {
  const o = doc.compile?.optimizer;
  const lr = typeof o === 'object' && o ? o.learning_rate : undefined;
  return typeof lr === 'number'
    ? lr
    : (DEFAULT_LR[/** @type {keyof DEFAULT_LR} */ (optimizerName(doc))] ?? 0.001);
};
/** @param {any} doc @param {string} type */
const callback = (doc, type) =>
  (doc.fit?.callbacks ?? []).find((/** @type {any} */ c) => (typeof c === 'string' ? c : c.type) === type);

/** @param {string} id @param {string} label @param {string} control */
const field = (id, label, control) =>
  `<label class="lab-field wb-field" for="${id}"><span>${label}</span>${control}</label>`;
/** @param {string} id @param {number} value @param {number} min @param {number} max @param {string} [step] */
const number = (id, value, min, max, step = 'any') =>
  `<input id="${id}" type="number" min="${min}" max="${max}" step="${step}" value="${value}">`;
/** @param {string} id @param {readonly string[]} names @param {string} value @param {string} [data] */
const select = (id, names, value, data = '') =>
  `<select id="${id}" ${data}>${names.map((n) => `<option value="${n}"${n === value ? ' selected' : ''}>${n}</option>`).join('')}${
    names.includes(value) ? '' : `<option value="${escapeHtml(value)}" selected>${escapeHtml(value)}</option>`
  }</select>`;

/** @typedef {{choice: string, samples?: number, max?: number, file?: string}} DataView
 *  the array data chosen: samples and max for images, file ("name, 12 KB") for a loaded CSV */

export class CompilePane {
  /**
   * @param {HTMLElement} el
   * @param {{t: (k: string) => string, onChange: (doc: any) => void, data?: () => DataView | null,
   *   onData?: (choice: string, opts?: {samples?: number}) => void, onCsv?: (file: File) => void}} opts
   */
  constructor(el, { t, onChange, data = () => null, onData = () => {}, onCsv = () => {} }) {
    this.el = el;
    this.t = t;
    this.onChange = onChange;
    this.data = data;
    this.onData = onData;
    this.onCsv = onCsv;
    /** @type {any} */
    this.doc = null;
    /** @type {any} */
    this.model = null;
    this.listener = (/** @type {Event} */ e) => this.change(/** @type {HTMLInputElement} */ (e.target));
    el.addEventListener('change', this.listener);
  }

  /** @param {any} doc */
  /** @param {any} doc @param {any} model the build answer's model info (shapes for the data) */
  update(doc, model) {
    this.doc = doc;
    this.model = model;
    const t = this.t;
    const outputs = outputNames(doc);
    const weights = doc.compile?.loss_weights;
    const lossRows = outputs
      .map((name, k) => {
        const weight = Array.isArray(weights) ? weights[k] : (weights?.[name] ?? 1);
        const weightField =
          outputs.length > 1
            ? field(
                `wb-loss-weight-${k}`,
                `${t('wb.lossWeight')}`,
                number(`wb-loss-weight-${k}`, weight, 0, 1e6),
              )
            : '';
        return `<div class="wb-loss-row"><span class="wb-loss-name">${escapeHtml(name)}</span>
          ${field(`wb-loss-${k}`, t('wb.loss'), select(`wb-loss-${k}`, LOSS_NAMES, lossOf(doc, k), `data-loss="${k}"`))}${weightField}</div>`;
      })
      .join('');
    const metrics = doc.compile?.metrics ?? [];
    const es = callback(doc, 'early_stopping');
    const rl = callback(doc, 'reduce_lr_on_plateau');
    const fit = doc.fit ?? {};
    const view = this.data();
    this.el.innerHTML = `<div class="wb-fields">
      ${field('wb-optimizer', t('wb.optimizer'), select('wb-optimizer', OPTIMIZER_NAMES, optimizerName(doc)))}
      ${field('wb-lr', t('wb.learningRate'), number('wb-lr', learningRate(doc), 0, 100))}
      <fieldset class="wb-metrics"><legend>${t('wb.metrics')}</legend>${METRICS.map(
        (m) =>
          `<label><input type="checkbox" data-metric="${m}"${metrics.includes(m) ? ' checked' : ''}> ${m}</label>`,
      ).join('')}</fieldset>
    </div>
    <div class="wb-losses">${lossRows}</div>
    <div class="wb-fields">
      ${field('wb-epochs', 'epochs', number('wb-epochs', fit.epochs ?? 1, 1, 100000, '1'))}
      ${field('wb-batch', 'batch_size', number('wb-batch', fit.batch_size ?? 32, 1, 65536, '1'))}
      ${field('wb-split', 'validation_split', number('wb-split', fit.validation_split ?? 0, 0, 0.9))}
      <label class="wb-check"><input type="checkbox" id="wb-es"${es ? ' checked' : ''}> EarlyStopping</label>
      ${field('wb-es-patience', 'patience', number('wb-es-patience', es?.patience ?? 5, 0, 100000, '1'))}
      <label class="wb-check"><input type="checkbox" id="wb-rl"${rl ? ' checked' : ''}> ReduceLROnPlateau</label>
    </div>
    <div class="wb-fields">
      ${field('wb-data', t('wb.dataSet'), select('wb-data', DATA_CHOICES, view?.choice ?? dataChoiceOf(doc)))}
      ${doc.data ? field('wb-data-n', t('wb.samples'), number('wb-data-n', doc.data.n ?? 500, 1, 100000, '1')) : ''}
      ${view?.samples ? field('wb-data-n', t('wb.samples'), number('wb-data-n', view.samples, 1, view.max ?? 1, '1')) : ''}
      ${view?.choice === 'csv' ? `<label class="wb-button wb-file"><span>${t('wb.csv.load')}</span><input type="file" id="wb-data-csv" accept=".csv,.txt,text/csv,text/plain"></label>` : ''}
      ${view?.file ? `<span class="wb-help" id="wb-data-file">${escapeHtml(view.file)}</span>` : ''}
    </div>`;
  }

  /** @param {HTMLInputElement} input */
  change(input) {
    if (!this.doc) return;
    const anchor = input.closest('.lab-field') ?? input.parentElement ?? input;
    clearFieldMessage(anchor, [input]);
    const next = structuredClone(this.doc);
    next.compile ??= {};
    next.fit ??= {};
    const numeric = () => {
      const v = Number(input.value);
      const ok = input.value.trim() !== '' && v >= Number(input.min) && v <= Number(input.max);
      const whole = input.step !== '1' || Number.isInteger(v);
      if (ok && whole && !(input.id === 'wb-lr' && v <= 0)) return v;
      showFieldMessage(
        anchor,
        this.t('wb.badNumber').replace('{min}', input.min).replace('{max}', input.max),
        input,
      );
      return null;
    };
    const id = input.id;
    if (id === 'wb-optimizer' || id === 'wb-lr') {
      const type = id === 'wb-optimizer' ? input.value : optimizerName(this.doc);
      const lr = id === 'wb-lr' ? numeric() : DEFAULT_LR[/** @type {keyof DEFAULT_LR} */ (type)];
      if (lr === null) return;
      next.compile.optimizer = { type, learning_rate: lr };
    } else if (input.dataset.loss !== undefined) {
      const names = outputNames(this.doc);
      next.compile.loss = names.length === 1 ? input.value : names.map((_, k) => lossOf(this.doc, k));
      if (names.length > 1) next.compile.loss[Number(input.dataset.loss)] = input.value;
    } else if (id.startsWith('wb-loss-weight-')) {
      const v = numeric();
      if (v === null) return;
      const names = outputNames(this.doc);
      const old = this.doc.compile?.loss_weights;
      const list = names.map((n, k) => (Array.isArray(old) ? old[k] : (old?.[n] ?? 1)));
      list[Number(id.slice('wb-loss-weight-'.length))] = v;
      next.compile.loss_weights = list;
    } else if (input.dataset.metric !== undefined) {
      const on = new Set(next.compile.metrics ?? []);
      if (input.checked) on.add(input.dataset.metric);
      else on.delete(input.dataset.metric);
      next.compile.metrics = METRICS.filter((m) => on.has(m));
    } else if (id === 'wb-epochs' || id === 'wb-batch' || id === 'wb-split') {
      const v = numeric();
      if (v === null) return;
      next.fit[{ 'wb-epochs': 'epochs', 'wb-batch': 'batch_size', 'wb-split': 'validation_split' }[id]] = v;
    } else if (id === 'wb-es' || id === 'wb-es-patience' || id === 'wb-rl') {
      const patience =
        id === 'wb-es-patience' ? numeric() : (callback(this.doc, 'early_stopping')?.patience ?? 5);
      if (patience === null) return;
      const es = id === 'wb-es' ? input.checked : Boolean(callback(this.doc, 'early_stopping'));
      const rl = id === 'wb-rl' ? input.checked : Boolean(callback(this.doc, 'reduce_lr_on_plateau'));
      const monitor =
        (next.fit.validation_split ?? 0) > 0 || next.data?.validation_fraction > 0 ? 'val_loss' : 'loss';
      next.fit.callbacks = [
        ...(es ? [{ type: 'early_stopping', monitor, patience, restore_best_weights: true }] : []),
        ...(rl ? [{ type: 'reduce_lr_on_plateau', monitor }] : []),
      ];
    } else if (id === 'wb-data') {
      // Array data, or leaving them, is the lab's to do (a download, a file, the model re-set).
      if (ARRAY_CHOICES.has(input.value) || this.data()) return this.onData(input.value);
      return this.onChange(withData(this.doc, this.model, input.value));
    } else if (id === 'wb-data-csv') {
      const file = input.files?.[0];
      if (file) this.onCsv(file);
      return;
    } else if (id === 'wb-data-n') {
      const v = numeric();
      if (v === null) return;
      const view = this.data();
      if (view) return this.onData(view.choice, { samples: v });
      next.data.n = v;
    } else return;
    this.onChange(next);
  }

  destroy() {
    this.el.removeEventListener('change', this.listener);
    this.el.innerHTML = '';
  }
}
