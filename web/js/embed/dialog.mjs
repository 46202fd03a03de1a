// The embed dialog (#embed opens it): an <iframe> snippet for the current state (#embed-code),
// checkboxes choosing which groups the embedded page hides, width/height, the host origins
// allowed to read the learner's points through the postMessage API (#embed-hosts, the `hosts`
// flag), and a copy button.
import { GROUPS } from '../state/schema.mjs';
import { encodeHash } from '../state/hash.mjs';
import { copyText, flash } from '../shell/header.mjs';

/** Whether `text` is exactly an origin such as https://course.example.org. */
function isOrigin(text) {
  try {
    return new URL(text).origin === text;
  } catch {
    return false;
  }
}

const escapeAttribute = (s) => s.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

/** The iframe snippet for page URL `base` (no hash) and hash text `hash` (no '#'). */
export function iframeSnippet(base, hash, { width = 960, height = 640 } = {}) {
  const src = hash ? `${base}#${hash}` : base;
  return (
    `<iframe src="${escapeAttribute(src)}" width="${width}" height="${height}" ` +
    'style="border:0" loading="lazy" title="nnplay"></iframe>'
  );
}

export class EmbedDialog {
  /** dialog: the <dialog> element; store, t: the shell's. */
  constructor(dialog, { store, t }) {
    this.dialog = dialog;
    this.store = store;
    this.t = t;
    this.hide = new Set(store.flags.hide ?? []);
    dialog.innerHTML = `
      <form method="dialog" class="embed-form">
        <h2 data-i18n="embed.title"></h2>
        <p data-i18n="embed.intro"></p>
        <fieldset class="embed-hide"><legend data-i18n="embed.hide"></legend></fieldset>
        <label class="embed-size"><span data-i18n="embed.size"></span>
          <input id="embed-width" type="number" min="200" max="4000" value="960"> ×
          <input id="embed-height" type="number" min="200" max="4000" value="640"></label>
        <label class="embed-hosts"><span data-i18n="embed.hosts"></span>
          <input id="embed-hosts" type="text" spellcheck="false" autocomplete="off"
            placeholder="https://course.example.org"></label>
        <p class="embed-hosts-help" data-i18n="embed.hostsHelp"></p>
        <textarea id="embed-code" rows="4" readonly spellcheck="false"></textarea>
        <div class="embed-actions">
          <button id="embed-copy" type="button" class="primary" data-i18n="embed.copy"></button>
          <button id="embed-close" value="close" data-i18n="embed.close"></button>
        </div>
      </form>`;
    const fieldset = dialog.querySelector('.embed-hide');
    for (const group of GROUPS) {
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.value = group;
      box.dataset.hideGroup = group;
      box.checked = this.hide.has(group);
      box.addEventListener('change', () => {
        if (box.checked) this.hide.add(group);
        else this.hide.delete(group);
        this.render();
      });
      const text = document.createElement('span');
      text.dataset.i18n = `group.${group}`;
      label.append(box, text);
      fieldset.append(label);
    }
    this.code = dialog.querySelector('#embed-code');
    this.width = dialog.querySelector('#embed-width');
    this.height = dialog.querySelector('#embed-height');
    this.hosts = dialog.querySelector('#embed-hosts');
    for (const input of [this.width, this.height, this.hosts])
      input.addEventListener('input', () => this.render());
    const copy = dialog.querySelector('#embed-copy');
    copy.addEventListener('click', async () => {
      this.code.select();
      if (await copyText(this.code.value)) flash(copy, t('embed.copied'));
    });
  }

  open() {
    this.hide = new Set(this.store.flags.hide ?? []);
    this.hosts.value = (this.store.flags.hosts ?? []).filter(isOrigin).join(' ');
    for (const box of this.dialog.querySelectorAll('[data-hide-group]'))
      box.checked = this.hide.has(box.value);
    this.render();
    if (typeof this.dialog.showModal === 'function') this.dialog.showModal();
    else this.dialog.setAttribute('open', '');
  }

  /** The snippet for the current state with the chosen hide groups. */
  render() {
    const hosts = this.hosts.value.split(/[\s,]+/).filter(isOrigin);
    const flags = { ...this.store.flags, hide: GROUPS.filter((g) => this.hide.has(g)), hosts };
    const hash = encodeHash(this.store.state(), this.store.defaults, flags);
    const base = location.href.split('#')[0];
    const size = (input, fallback) => Math.min(4000, Math.max(200, Number(input.value) || fallback));
    this.code.value = iframeSnippet(base, hash, {
      width: size(this.width, 960),
      height: size(this.height, 640),
    });
  }
}
