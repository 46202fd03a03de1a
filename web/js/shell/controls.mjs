// The shell's control panels, built from the state table (schema.mjs): training, optimizer
// (only the chosen optimizer's parameters visible), network (default activation, initializer),
// regularization and data. Each input carries data-key="<state key>", its label and hover help
// come from i18n (field.<key>, help.<key>, opt.<value>). Inputs write to the store; store
// changes update the inputs (never rebuilding the DOM).
import { FIELD, OPTIMIZER_PARAMS } from '../state/schema.mjs';

/** The panels and their keys, in display order. */
export const PANELS = [
  ['training', ['lr', 'batch', 'epochs', 'loss']],
  ['optimizer', ['optimizer', 'momentum', 'rho', 'beta1', 'beta2', 'epsilon', 'weightDecay']],
  ['network', ['activation', 'init']],
  ['regularization', ['reg', 'regRate', 'dropout', 'batchNorm', 'earlyStop', 'patience']],
  ['data', ['seed', 'samples', 'classes', 'trainRatio', 'noise']],
];

/** Keys drawn as sliders with a live value: {key: step}. */
const SLIDERS = { trainRatio: 10, noise: 5, dropout: 0.05 };

/** Whether `key` is shown for the current state (optimizer params, rates behind toggles). */
export function isRelevant(key, state) {
  if (FIELD[key].group === 'optimizer' && key !== 'optimizer') {
    return OPTIMIZER_PARAMS[state.optimizer]?.includes(key) ?? false;
  }
  if (key === 'regRate') return state.reg !== 'none';
  if (key === 'patience') return state.earlyStop;
  if (key === 'classes') return state.dataset === 'blobs';
  if (key === 'samples') return state.dataset !== 'custom';
  return true;
}

function element(tag, attributes = {}, children = []) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  for (const child of children) el.append(child);
  return el;
}

/** The input element of one field. */
function inputFor(field) {
  if (field.type === 'enum') {
    const select = element('select', { 'data-key': field.key });
    for (const option of field.options) {
      select.append(element('option', { value: option, 'data-i18n': `opt.${option}` }, [option]));
    }
    return select;
  }
  if (field.type === 'bool') return element('input', { type: 'checkbox', 'data-key': field.key });
  const attributes = { 'data-key': field.key, inputmode: 'decimal' };
  if (field.key in SLIDERS) {
    Object.assign(attributes, { type: 'range', min: field.min, max: field.max, step: SLIDERS[field.key] });
  } else {
    Object.assign(attributes, { type: 'number', step: field.type === 'int' ? '1' : 'any' });
    if (field.min !== undefined && !field.minOpen) attributes.min = field.min;
    if (field.max !== undefined && !field.maxOpen) attributes.max = field.max;
  }
  return element('input', attributes);
}

/** The input's value as the field's JS value, or undefined when it does not parse. */
function readInput(field, input) {
  if (field.type === 'bool') return input.checked;
  if (field.type === 'enum') return input.value;
  const text = input.value.trim();
  if (text === '') return undefined;
  const x = Number(text);
  if (!Number.isFinite(x)) return undefined;
  return x;
}

export class ControlPanels {
  /** container: the element the panels go into; store: the Store. */
  constructor(container, { store }) {
    this.store = store;
    this.rows = new Map();    // key -> {row, input, output?}
    for (const [group, keys] of PANELS) {
      const panel = element('section', { class: 'panel', 'data-group': group, 'data-panel': group });
      panel.append(element('h2', { 'data-i18n': `group.${group}` }, [group]));
      for (const key of keys) panel.append(this.row(FIELD[key]));
      container.append(panel);
    }
    this.unsubscribe = store.subscribe((changed) => this.update(changed));
    this.update(null);
  }

  row(field) {
    const input = inputFor(field);
    const label = element('span', { class: 'field-label', 'data-i18n': `field.${field.key}` }, [field.key]);
    const row = element('label', { class: `field field-${field.type}`, 'data-field': field.key,
      'data-group': field.group, 'data-i18n-title': `help.${field.key}` });
    let output = null;
    if (field.type === 'bool') {
      row.classList.add('field-check');
      row.append(input, label);
    } else {
      row.append(label, input);
      if (input.type === 'range') {
        output = element('output', { class: 'field-value' });
        row.append(output);
      }
    }
    const commit = () => {
      const value = readInput(field, input);
      const ok = value !== undefined && this.store.set(field.key, value);
      input.toggleAttribute('aria-invalid', !ok);
      if (!ok && input.type !== 'number') this.show(field.key);
    };
    input.addEventListener(input.type === 'range' ? 'input' : 'change', commit);
    if (input.type === 'number') {
      // Revert a number the store refused once the user leaves the field.
      input.addEventListener('blur', () => {
        if (input.hasAttribute('aria-invalid')) {
          input.removeAttribute('aria-invalid');
          this.show(field.key);
        }
      });
    }
    this.rows.set(field.key, { row, input, output });
    return row;
  }

  /** Writes the store's value of `key` into its input. */
  show(key) {
    const entry = this.rows.get(key);
    if (!entry) return;
    const value = this.store.get(key);
    const { input, output } = entry;
    if (input.type === 'checkbox') input.checked = value;
    else if (document.activeElement !== input || input.type !== 'number') input.value = String(value);
    if (output) output.textContent = key === 'dropout' ? value.toFixed(2) : String(value);
  }

  /** Syncs the inputs for `changed` keys (null: all) and the rows' visibility. */
  update(changed) {
    const state = this.store.state();
    for (const key of this.rows.keys()) {
      if (!changed || changed.has(key)) this.show(key);
      this.rows.get(key).row.classList.toggle('irrelevant', !isRelevant(key, state));
    }
  }

  destroy() {
    this.unsubscribe();
  }
}
