// A lab's controls bound to its store fields: a change is checked by the store (and, for a
// control with its own `read`, by the lab's parse first) and kept, or refused with a message
// beside the control; a store change (a preset, a link) shows in the control and clears its
// message. Shared by the labs whose sections keep their settings as store fields.
import { clearFieldMessage, refusalText, showFieldMessage } from './field-message.mjs';

/**
 * @typedef {{input: HTMLInputElement | HTMLSelectElement, name: string,
 *   read?: (input: any) => ({ok: true, value: any} | {ok: false, text: string}),
 *   show?: (input: any, value: any) => void}} Binding
 */

const readDefault = (input) => {
  if (input.type === 'checkbox') return { ok: true, value: input.checked };
  if (input.type === 'number') {
    const text = input.value.trim();
    return { ok: true, value: text === '' ? NaN : Number(text) };
  }
  return { ok: true, value: input.value };
};
const showDefault = (input, value) => {
  if (input.type === 'checkbox') input.checked = Boolean(value);
  else input.value = String(value);
};

/**
 * Binds `bindings` to `store` (the lab's scoped store); t translates; fieldByName holds the
 * lab's field declarations (their limits word a refusal). Returns {refresh(), dispose()}.
 * @param {Binding[]} bindings @param {any} store @param {(k: string, p?: any) => string} t
 * @param {Record<string, any>} fieldByName
 */
export function bindInputs(bindings, store, t, fieldByName) {
  const anchor = (input) => input.closest('.lab-field') ?? input.parentElement;
  const label = (input) => anchor(input)?.querySelector('[data-i18n]')?.textContent?.trim() ?? '';
  const listeners = bindings.map((b) => {
    const onChange = () => {
      const parsed = (b.read ?? readDefault)(b.input);
      if (!parsed.ok) return showFieldMessage(anchor(b.input), parsed.text, b.input);
      const checked = store.validate(b.name, parsed.value);
      if (!checked.ok) {
        const text = refusalText(t, fieldByName[b.name], checked, label(b.input));
        return showFieldMessage(anchor(b.input), text, b.input);
      }
      clearFieldMessage(anchor(b.input), [b.input]);
      store.set(b.name, checked.value);
    };
    b.input.addEventListener('change', onChange);
    return () => b.input.removeEventListener('change', onChange);
  });
  const refresh = (names = null) => {
    for (const b of bindings) {
      if (names && !names.has(b.name)) continue;
      (b.show ?? showDefault)(b.input, store.get(b.name));
      clearFieldMessage(anchor(b.input), [b.input]);
    }
  };
  refresh();
  return { refresh, dispose: () => listeners.forEach((off) => off()) };
}
