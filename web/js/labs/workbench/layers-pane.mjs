// The workbench's form editor: the model's inputs and layers as rows, each with its name, its
// Keras class, the options that class has, what it reads (functional) and whether it is an
// output and trainable. Every change makes a new document (model-edits.mjs) and hands it to
// `onChange`; a value out of range is refused at its field and changes nothing.
import { ACTIVATIONS, KIND, LAYER_KINDS, classOf } from './layer-kinds.mjs';
import {
  addLayer,
  connectNodes,
  isFunctional,
  moveLayer,
  nodeNames,
  removeLayer,
  renameNode,
  setOutput,
} from './model-edits.mjs';
import { clearFieldMessage, showFieldMessage } from '../../kit/field-message.mjs';

/** @param {unknown} text */
export const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const NAME_PATTERN = /^[^/]{1,64}$/;
const MAX_DIM = 1 << 20;

/**
 * "28, 28, 1" -> [28, 28, 1], or null unless 1 to 4 integers in [1, 2^20]; with `inferred`
 * (a Reshape's target shape) one of them may be -1, the dimension Keras infers.
 * @param {string} text @param {{inferred?: boolean}} [opts]
 */
export function parseShape(text, { inferred = false } = {}) {
  const parts = String(text)
    .split(/[\s,()]+/)
    .filter(Boolean);
  if (parts.length < 1 || parts.length > 4) return null;
  const dims = parts.map(Number);
  const unknown = dims.filter((d) => d === -1).length;
  if (unknown > (inferred ? 1 : 0)) return null;
  return dims.every((d) => d === -1 || (Number.isInteger(d) && d >= 1 && d <= MAX_DIM)) ? dims : null;
}

/** @param {import('./layer-kinds.mjs').OptionKind} o @param {any} value @param {string} at */
function optionControl(o, value, at) {
  const data = `data-option="${o.key}" data-at="${at}"`;
  if (o.kind === 'bool') {
    return `<label class="wb-opt"><input type="checkbox" ${data}${value ? ' checked' : ''}> ${o.key}</label>`;
  }
  if (o.kind === 'enum') {
    const options = (o.options ?? ACTIVATIONS)
      .map((v) => `<option value="${v}"${v === value ? ' selected' : ''}>${v}</option>`)
      .join('');
    const known = (o.options ?? []).includes(value);
    const other = known ? '' : `<option value="" selected>${escapeHtml(JSON.stringify(value))}</option>`;
    return `<label class="wb-opt">${o.key} <select ${data}>${other}${options}</select></label>`;
  }
  if (o.kind === 'shape') {
    const text = Array.isArray(value) ? value.join(', ') : String(value);
    return `<label class="wb-opt">${o.key} <input type="text" class="wb-shape" value="${escapeHtml(text)}" ${data}></label>`;
  }
  const step = o.kind === 'int' ? '1' : 'any';
  return `<label class="wb-opt">${o.key} <input type="number" step="${step}" min="${o.min}" max="${o.max}" value="${escapeHtml(value)}" ${data}></label>`;
}

/** The row of layer `i` of `doc`. @param {any} doc @param {number} i @param {(k: string) => string} t */
function layerRow(doc, i, t) {
  const layer = doc.model.layers[i];
  const cls = classOf(layer);
  const kind = KIND[cls];
  const functional = isFunctional(doc);
  const earlier = nodeNames(doc).slice(0, (doc.model.inputs?.length ?? 0) + i);
  const options = (kind?.options ?? []).map((o) => optionControl(o, o.get(layer), String(i))).join('');
  let reads = '';
  if (functional && kind?.merges) {
    reads = earlier
      .map(
        (n) =>
          `<label class="wb-opt"><input type="checkbox" data-read="${escapeHtml(n)}" data-at="${i}"${
            layer.inputs?.includes(n) ? ' checked' : ''
          }> ${escapeHtml(n)}</label>`,
      )
      .join('');
    reads = `<span class="wb-reads"><span data-i18n="wb.reads">${t('wb.reads')}</span> ${reads}</span>`;
  } else if (functional) {
    const from = layer.inputs?.[0];
    const choices = earlier
      .map(
        (n) => `<option value="${escapeHtml(n)}"${n === from ? ' selected' : ''}>${escapeHtml(n)}</option>`,
      )
      .join('');
    reads = `<label class="wb-opt wb-reads">${t('wb.reads')} <select data-input="${i}">${choices}</select></label>`;
  }
  const output = functional
    ? `<label class="wb-opt"><input type="checkbox" data-output="${i}"${
        doc.model.outputs?.includes(layer.name) ? ' checked' : ''
      }> ${t('wb.output')}</label>`
    : '';
  const move = functional
    ? ''
    : `<button type="button" class="wb-icon" data-move="-1" data-at="${i}" aria-label="${t('wb.up')}">▲</button>` +
      `<button type="button" class="wb-icon" data-move="1" data-at="${i}" aria-label="${t('wb.down')}">▼</button>`;
  return `<li class="wb-row" data-layer="${escapeHtml(layer.name)}" data-index="${i}">
    <div class="wb-row-head">
      <input class="wb-name" type="text" value="${escapeHtml(layer.name)}" data-rename="${escapeHtml(layer.name)}" aria-label="${t('wb.name')}" maxlength="64">
      <span class="wb-class">${escapeHtml(cls)}</span>
      <span class="wb-row-tools">${move}<button type="button" class="wb-icon" data-remove="${i}" aria-label="${t('wb.remove')}">✕</button></span>
    </div>
    <div class="wb-row-opts">${options}${reads}${output}
      <label class="wb-opt"><input type="checkbox" data-trainable="${i}"${layer.trainable === false ? '' : ' checked'}> trainable</label>
    </div>
  </li>`;
}

/** The model's inputs: Sequential's input_shape, or each functional input's name and shape. */
function inputRows(doc, t) {
  const shapeText = (/** @type {number[]} */ s) => (s ?? []).join(', ');
  if (!isFunctional(doc)) {
    return `<li class="wb-row wb-input-row"><div class="wb-row-head"><span class="wb-name-fixed">input_layer</span><span class="wb-class">InputLayer</span></div>
      <div class="wb-row-opts"><label class="wb-opt">shape <input type="text" class="wb-shape" data-shape="0" value="${shapeText(doc.model.input_shape)}"></label></div></li>`;
  }
  return (doc.model.inputs ?? [])
    .map(
      (
        /** @type {any} */ input,
        /** @type {number} */ k,
      ) => `<li class="wb-row wb-input-row" data-layer="${escapeHtml(input.name)}">
      <div class="wb-row-head"><input class="wb-name" type="text" value="${escapeHtml(input.name)}" data-rename="${escapeHtml(input.name)}" aria-label="${t('wb.name')}" maxlength="64"><span class="wb-class">InputLayer</span>
      <span class="wb-row-tools"><button type="button" class="wb-icon" data-remove-input="${k}" aria-label="${t('wb.remove')}">✕</button></span></div>
      <div class="wb-row-opts"><label class="wb-opt">shape <input type="text" class="wb-shape" data-shape="${k}" value="${shapeText(input.shape)}"></label></div></li>`,
    )
    .join('');
}

export class LayersPane {
  /** @param {HTMLElement} el @param {{t: (k: string) => string, onChange: (doc: any) => void}} opts */
  constructor(el, { t, onChange }) {
    this.el = el;
    this.t = t;
    this.onChange = onChange;
    /** @type {any} */
    this.doc = null;
    this.onInput = (/** @type {Event} */ e) => this.change(/** @type {HTMLElement} */ (e.target));
    this.onClick = (/** @type {Event} */ e) => this.click(/** @type {HTMLElement} */ (e.target));
    el.addEventListener('change', this.onInput);
    el.addEventListener('click', this.onClick);
  }

  /** Shows `doc`; `error` {index, message} marks a layer row. @param {any} doc @param {any} [error] */
  update(doc, error = null) {
    this.doc = doc;
    const t = this.t;
    const layers = doc.model.layers.map((/** @type {any} */ _, /** @type {number} */ i) =>
      layerRow(doc, i, t),
    );
    const add = LAYER_KINDS.map((k) => `<option value="${k.cls}">${k.cls}</option>`).join('');
    const addInput = isFunctional(doc)
      ? `<button type="button" class="wb-button" data-add-input>${t('wb.addInput')}</button>`
      : '';
    this.el.innerHTML = `<ol class="wb-rows">${inputRows(doc, t)}${layers.join('')}</ol>
      <div class="wb-add"><select id="wb-add-class" aria-label="${t('wb.layerClass')}">${add}</select>
      <button type="button" class="wb-button" data-add>${t('wb.addLayer')}</button>${addInput}</div>`;
    if (error) this.markRow(error.index, error.message);
  }

  /** Marks layer row `index` (-1: none) with `message`. @param {number} index @param {string} message */
  markRow(index, message) {
    const row = this.el.querySelector(`.wb-row[data-index="${index}"]`);
    if (row) {
      row.classList.add('wb-row-error');
      showFieldMessage(row, message, row.querySelector('input, select'));
    }
  }

  /** @param {HTMLElement} target */
  change(target) {
    const doc = this.doc;
    if (!doc) return;
    const d = target.dataset;
    const at = Number(d.at ?? d.input ?? d.output ?? d.trainable ?? d.shape);
    const input = /** @type {HTMLInputElement} */ (target);
    const refuse = (/** @type {string} */ text) =>
      showFieldMessage(target.closest('.wb-opt, .wb-row-head') ?? target, text, target);
    clearFieldMessage(target.closest('.wb-opt, .wb-row-head') ?? target, [target]);
    const next = structuredClone(doc);
    if (d.rename !== undefined) {
      const name = input.value.trim();
      if (!NAME_PATTERN.test(name)) return refuse(this.t('wb.badName'));
      if (name !== d.rename && nodeNames(doc).includes(name)) return refuse(this.t('wb.takenName'));
      return this.onChange(renameNode(doc, d.rename, name));
    }
    if (d.shape !== undefined) {
      const shape = parseShape(input.value);
      if (!shape) return refuse(this.t('wb.badShape'));
      if (isFunctional(next)) next.model.inputs[at].shape = shape;
      else next.model.input_shape = shape;
      return this.onChange(next);
    }
    if (d.option !== undefined) {
      const layer = next.model.layers[at];
      const o = KIND[classOf(layer)]?.options.find((x) => x.key === d.option);
      if (!o) return;
      let value = /** @type {any} */ (input.value);
      if (o.kind === 'bool') value = input.checked;
      if (o.kind === 'shape') {
        value = parseShape(input.value, { inferred: true });
        if (!value) return refuse(this.t('wb.badTargetShape'));
      }
      if (o.kind === 'int' || o.kind === 'number') {
        value = Number(input.value);
        const whole = o.kind !== 'int' || Number.isInteger(value);
        if (
          input.value.trim() === '' ||
          !whole ||
          value < (o.min ?? -Infinity) ||
          value > (o.max ?? Infinity)
        ) {
          return refuse(
            this.t('wb.badNumber').replace('{min}', String(o.min)).replace('{max}', String(o.max)),
          );
        }
      }
      o.set(layer, value);
      return this.onChange(next);
    }
    if (d.input !== undefined) {
      const was = doc.model.layers[at].inputs?.[0] ?? '';
      return this.wire(doc, input.value, doc.model.layers[at].name, refuse, () => (input.value = was));
    }
    if (d.read !== undefined) {
      const revert = () => (input.checked = !input.checked);
      return this.wire(doc, d.read, doc.model.layers[at].name, refuse, revert);
    }
    if (d.output !== undefined)
      return this.onChange(setOutput(doc, doc.model.layers[at].name, input.checked));
    if (d.trainable !== undefined) {
      next.model.layers[at].trainable = input.checked;
      return this.onChange(next);
    }
  }

  /**
   * The row's wiring as the diagram's (connectNodes): a one-input layer reads `from` (its
   * initial-state inputs stay), a merge layer's checkbox adds or takes away `from` (state
   * outputs it reads stay); a refusal says why at the field and `revert` puts the control back.
   * @param {any} doc @param {string} from @param {string} to
   * @param {(text: string) => void} refuse @param {() => void} revert
   */
  wire(doc, from, to, refuse, revert) {
    const made = connectNodes(doc, from, to);
    if ('doc' in made) return this.onChange(made.doc);
    revert();
    if (made.error.code !== 'same') refuse(this.t(`wb.connect.${made.error.code}`, { from, to }));
  }

  /** @param {HTMLElement} target */
  click(target) {
    const button = target.closest('button');
    if (!button || !this.doc) return;
    const d = button.dataset;
    if (d.add !== undefined) {
      const cls = /** @type {HTMLSelectElement} */ (this.el.querySelector('#wb-add-class')).value;
      return this.onChange(addLayer(this.doc, cls));
    }
    if (d.remove !== undefined) return this.onChange(removeLayer(this.doc, Number(d.remove)));
    if (d.move !== undefined) {
      return this.onChange(moveLayer(this.doc, Number(d.at), /** @type {-1 | 1} */ (Number(d.move))));
    }
    if (d.addInput !== undefined) {
      const next = structuredClone(this.doc);
      const names = nodeNames(next);
      let name = 'input_layer';
      for (let k = 1; names.includes(name); k += 1) name = `input_layer_${k}`;
      next.model.inputs.push({ name, shape: [2] });
      return this.onChange(next);
    }
    if (d.removeInput !== undefined) {
      const next = structuredClone(this.doc);
      if (next.model.inputs.length <= 1) return;
      next.model.inputs.splice(Number(d.removeInput), 1);
      return this.onChange(next);
    }
  }

  destroy() {
    this.el.removeEventListener('change', this.onInput);
    this.el.removeEventListener('click', this.onClick);
    this.el.innerHTML = '';
  }
}
