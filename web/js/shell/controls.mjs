// The shell's control panels for the open lab, built from its declaration (registry): the
// panels it lists, in its order, each row a field of the lab's state (kit fields such as the
// learning rate, or the lab's own). Each input carries data-key="<field name>", its label and
// hover help come from i18n (field.<name>, help.<name>, opt.<value>). Inputs write to the lab's
// view of the store; store changes update the inputs (never rebuilding the DOM). A refused
// value is said beside its input (kit/field-message.mjs). Opening
// another lab builds its panels; a lab with none leaves the whole width to the lab. A lab's
// markup may hold a slot for one of its panels (data-panel-slot="<group>"): placeInto() moves
// that panel there, beside what it concerns (the MLP's data fields under the dataset pictures).
import { LAB } from '../labs/registry.mjs';
import { kitFieldRelevant } from '../state/kit-fields.mjs';
import { FIELD, fullKey } from '../state/schema.mjs';
import { clearFieldMessage, refusalText, showFieldMessage } from '../kit/field-message.mjs';

/** Keys drawn as sliders with a live value: {name: step}. */
const SLIDERS = { trainRatio: 10, noise: 5, dropout: 0.05 };

/** Whether field `name` of lab `lab` is shown for the lab's state `state` (its own names). */
export function isRelevant(lab, name, state) {
  return kitFieldRelevant(name, state) && (LAB[lab].relevant?.(name, state) ?? true);
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
    const select = element('select', { 'data-key': field.name });
    for (const option of field.options) {
      select.append(element('option', { value: option, 'data-i18n': `opt.${option}` }, [option]));
    }
    return select;
  }
  if (field.type === 'bool') return element('input', { type: 'checkbox', 'data-key': field.name });
  const attributes = { 'data-key': field.name, inputmode: 'decimal' };
  if (field.name in SLIDERS) {
    Object.assign(attributes, { type: 'range', min: field.min, max: field.max, step: SLIDERS[field.name] });
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
  /** container: the element the panels go into; store: the Store (full keys); apply(root):
   *  fills the new panels' interface text. */
  constructor(container, { store, apply = () => {}, t = (key) => key }) {
    this.container = container;
    this.store = store;
    this.apply = apply;
    this.t = t;
    this.lab = null;
    this.view = null; // the open lab's LabStore
    this.rows = new Map(); // field name -> {row, input, output?}
    /** @type {Map<string, Element>} */
    this.panels = new Map();
    this.offView = null;
    this.offStore = store.subscribe((changed) => {
      if (changed.has('lab')) this.build(store.get('lab'));
    });
    this.build(store.get('lab'));
  }

  /** Replaces the panels by those of lab `lab`. */
  build(lab) {
    if (lab === this.lab) return;
    this.offView?.();
    this.lab = lab;
    this.view = this.store.scope(lab);
    this.rows.clear();
    this.panels.clear(); // group -> its panel (placeInto may have moved it into the lab)
    this.container.replaceChildren();
    const panels = LAB[lab]?.panels ?? [];
    for (const [group, names] of panels) {
      const panel = element('section', { class: 'panel', 'data-group': group, 'data-panel': group });
      panel.append(element('h2', { 'data-i18n': `group.${group}` }, [group]));
      for (const name of names) panel.append(this.row(FIELD[fullKey(name, lab)], group));
      this.container.append(panel);
      this.panels.set(group, panel);
    }
    this.container.closest('.workspace')?.classList.toggle('no-panels', panels.length === 0);
    this.offView = this.view.subscribe((changed) => this.update(changed));
    this.update(null);
    this.apply(this.container);
  }

  /** Moves each panel whose group has a slot in `root` (the mounted lab) into that slot; the
   *  panel keeps its inputs and listeners. @param {Element} root */
  placeInto(root) {
    for (const slot of root.querySelectorAll('[data-panel-slot]')) {
      const panel = this.panels.get(slot.getAttribute('data-panel-slot') ?? '');
      if (panel) slot.replaceChildren(panel);
    }
  }

  row(field, group) {
    const input = inputFor(field);
    const label = element('span', { class: 'field-label', 'data-i18n': `field.${field.name}` }, [field.name]);
    const row = element('label', {
      class: `field field-${field.type}`,
      'data-field': field.name,
      'data-group': group,
      'data-i18n-title': `help.${field.name}`,
    });
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
    // A refused value stays in the input, marked, with a message beside it saying what the
    // field expects; the store keeps its previous value until a valid one comes.
    const commit = () => {
      const value = readInput(field, input);
      const checked =
        value === undefined ? { ok: false, code: 'number' } : this.view.validate(field.name, value);
      if (!checked.ok) {
        showFieldMessage(row, refusalText(this.t, field, checked, this.t(`field.${field.name}`)), input);
        return;
      }
      clearFieldMessage(row, [input]);
      this.view.set(field.name, checked.value);
    };
    input.addEventListener(input.type === 'range' ? 'input' : 'change', commit);
    this.rows.set(field.name, { row, input, output });
    return row;
  }

  /** Writes the store's value of `key` into its input. */
  show(key) {
    const entry = this.rows.get(key);
    if (!entry) return;
    const value = this.view.get(key);
    const { input, output } = entry;
    if (input.type === 'checkbox') input.checked = value;
    else if (document.activeElement !== input || input.type !== 'number') {
      input.value = String(value);
      clearFieldMessage(entry.row, [input]); // the store's value replaced the refused text
    }
    if (output) output.textContent = key === 'dropout' ? value.toFixed(2) : String(value);
  }

  /** Syncs the inputs for `changed` keys (null: all) and the rows' visibility. */
  update(changed) {
    const state = this.view.state();
    for (const key of this.rows.keys()) {
      if (!changed || changed.has(key)) this.show(key);
      this.rows.get(key).row.classList.toggle('irrelevant', !isRelevant(this.lab, key, state));
    }
  }

  destroy() {
    this.offView?.();
    this.offStore();
  }
}
