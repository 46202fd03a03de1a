// A refused value is said at the field: a message beside the control (role=alert, linked by
// aria-describedby) naming the field and what it expects, translated from the `code` that
// normalizeValue returns. Used by the shell's control panels and by labs' own inputs.
const STYLE_ID = 'nnplay-field-message';
// Base look, with zero specificity (:where) so the stylesheets can restyle `.field-message`.
const STYLE =
  ':where(.field-message){grid-column:1/-1;display:block;margin:2px 0 0;' +
  'font-size:12px;line-height:1.35;color:var(--danger,#b3261e);}';

/** The words for field `field`'s range in the current language, e.g. "between 0 and 10". */
function rangeWords(t, field) {
  const { min, max, minOpen, maxOpen } = field;
  if (min !== undefined && max !== undefined && !minOpen && !maxOpen) return t('check.between', { min, max });
  const parts = [];
  if (min !== undefined) parts.push(t(minOpen ? 'check.above' : 'check.atLeast', { min }));
  if (max !== undefined) parts.push(t(maxOpen ? 'check.below' : 'check.atMost', { max }));
  return parts.join(t('check.and'));
}

/**
 * The message for a refused value: t is i18n's, field the state field (schema), checked the
 * {ok: false, code, message} of normalizeValue or store.validate, label the field's name as
 * the page shows it.
 */
export function refusalText(t, field, checked, label) {
  const fill = { field: label, max: '3.4e38' }; // FLOAT32_MAX (field.mjs), as people write it
  switch (checked.code) {
    case 'float32':
      return t('check.float32', fill);
    case 'range':
      return t('check.range', { ...fill, range: rangeWords(t, field) });
    case 'integer':
      return t('check.integer', fill);
    case 'number':
      return t('check.number', fill);
    default:
      return t('check.other', fill);
  }
}

/** Shows `text` in the message element of `anchor` (created at its end once). */
export function showFieldMessage(anchor, text, input = null) {
  const doc = anchor.ownerDocument;
  if (!doc.getElementById(STYLE_ID)) {
    const style = Object.assign(doc.createElement('style'), { id: STYLE_ID, textContent: STYLE });
    doc.head.append(style);
  }
  let message = anchor.querySelector(':scope > .field-message');
  if (!message) {
    message = doc.createElement('span');
    message.className = 'field-message';
    message.setAttribute('role', 'alert');
    message.id = `field-message-${Math.random().toString(36).slice(2, 10)}`;
    anchor.append(message);
  }
  message.textContent = text;
  message.hidden = false;
  if (input) {
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', message.id);
  }
}

/** Hides the message of `anchor` and clears the inputs' invalid marks. */
export function clearFieldMessage(anchor, inputs = []) {
  const message = anchor.querySelector(':scope > .field-message');
  if (message) message.hidden = true;
  for (const input of inputs) {
    input.removeAttribute('aria-invalid');
    input.removeAttribute('aria-describedby');
  }
}
