// @ts-check
// The experiments' inputs bound to their state fields: a value is checked against the field
// (store.validate) when the learner changes it; a refused one is said beside the control (en
// and ko, with the allowed range) and the kept value stays in force, so nothing half-set runs.
import { clearFieldMessage, showFieldMessage } from '../../../kit/field-message.mjs';
import { experimentField } from './fields.mjs';

/**
 * The markup of the control for field `name` (label text filled by i18n key `img.exp.<name>`).
 * `keras`: the label is a Keras argument name (shown in code type).
 * @param {string} name @param {{step?: number, unit?: string, keras?: boolean}} [opts]
 */
export function controlMarkup(name, { step = 1, unit = '', keras = false } = {}) {
  const labelClass = keras ? ' class="img-exp-keras"' : '';
  const f = experimentField(name);
  const id = `img-exp-${name}`;
  if (f.type === 'bool') {
    return `<label class="lab-field img-exp-check"><input id="${id}" type="checkbox" data-exp="${name}">
      <span${labelClass} data-i18n="img.exp.${name}"></span></label>`;
  }
  const unitText = unit ? `<span class="img-exp-unit" data-i18n="${unit}"></span>` : '';
  return `<label class="lab-field"><span${labelClass} data-i18n="img.exp.${name}"></span>
    <span class="img-exp-input"><input id="${id}" type="number" inputmode="decimal" data-exp="${name}"
      min="${f.min}" max="${f.max}" step="${step}">${unitText}</span></label>`;
}

/**
 * Wires every [data-exp] input under `root` to `store` (the lab's scoped store); `onChange(name)`
 * runs after a value was taken. Returns {sync(), check(name) -> boolean, destroy()}: sync shows
 * the store's values, check says whether the input shows an accepted value.
 * @param {HTMLElement} root
 * @param {{get: (n: string) => any, set: (n: string, v: any) => boolean,
 *   validate: (n: string, v: any) => any}} store
 * @param {(key: string, params?: object) => string} t
 * @param {(name: string) => void} onChange
 */
export function bindControls(root, store, t, onChange) {
  /** @type {HTMLInputElement[]} */
  const inputs = [...root.querySelectorAll('input[data-exp]')].map(
    (el) => /** @type {HTMLInputElement} */ (el),
  );
  /** @type {Set<string>} names whose input shows a refused value */
  const refused = new Set();

  /** @param {HTMLInputElement} input */
  function take(input) {
    const name = /** @type {string} */ (input.dataset.exp);
    const f = experimentField(name);
    const anchor = /** @type {HTMLElement} */ (input.closest('.lab-field'));
    const raw = f.type === 'bool' ? input.checked : input.value.trim() === '' ? NaN : Number(input.value);
    const checked = store.validate(name, raw);
    if (!checked.ok) {
      refused.add(name);
      const kept = store.get(name);
      showFieldMessage(
        anchor,
        t(
          f.type === 'int' && Number.isFinite(raw) && !Number.isInteger(raw)
            ? 'img.exp.wholeNumber'
            : 'img.exp.range',
          {
            field: t(`img.exp.${name}`),
            min: f.min,
            max: f.max,
            value: input.value.trim() === '' ? '—' : input.value,
            kept,
          },
        ),
        /** @type {any} */ (input),
      );
      return;
    }
    refused.delete(name);
    clearFieldMessage(anchor, [input]);
    store.set(name, checked.value);
    onChange(name);
  }

  const listener = (/** @type {Event} */ event) => take(/** @type {HTMLInputElement} */ (event.target));
  for (const input of inputs) input.addEventListener('change', listener);

  return {
    sync() {
      for (const input of inputs) {
        const name = /** @type {string} */ (input.dataset.exp);
        if (refused.has(name)) continue;
        const value = store.get(name);
        if (input.type === 'checkbox') input.checked = value === true;
        else if (document.activeElement !== input) input.value = String(value);
      }
    },
    /** @param {string} name */
    check(name) {
      return !refused.has(name);
    },
    destroy() {
      for (const input of inputs) input.removeEventListener('change', listener);
    },
  };
}
