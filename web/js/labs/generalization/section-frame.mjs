// The frame every section of the lab shares: a heading, an introduction, its own fields, Start
// (Continue after a pause), Pause and Reset, a status line and a row of boundary tiles. The
// buttons drive a ModelQueue; `render` sets their labels and states from it.
import { BoundaryTileView } from '../../views/boundary-tile-view.mjs';
import { GRID } from './documents.mjs';

/**
 * A section's markup: `id` prefixes its element ids, `group` is its hide group, `fields` the
 * markup of its own fields, `body` whatever comes between the status line and the tiles.
 * @param {{id: string, group: string, fields: string, body?: string}} parts
 */
export function sectionMarkup({ id, group, fields, body = '' }) {
  return `
<section class="gen-section" data-group="${group}" aria-labelledby="gen-${id}-title">
  <h2 id="gen-${id}-title" data-i18n="gen.${id}.title"></h2>
  <p class="gen-help" data-i18n="gen.${id}.intro"></p>
  <div class="gen-fields">${fields}</div>
  <div class="gen-buttons">
    <button type="button" class="gen-button primary" id="gen-${id}-start" data-i18n="gen.start" data-screenshot-presses="1"></button>
    <button type="button" class="gen-button" id="gen-${id}-pause" data-i18n="gen.pause"></button>
    <button type="button" class="gen-button" id="gen-${id}-reset" data-i18n="gen.reset"></button>
  </div>
  <p class="gen-status" id="gen-${id}-status" aria-live="polite"></p>
  ${body}
  <div class="gen-tiles" id="gen-${id}-tiles"></div>
</section>`;
}

/** A labelled number field. @param {string} id @param {string} key @param {object} attrs */
export function numberField(id, key, attrs = {}) {
  const extra = Object.entries(attrs)
    .map(([name, value]) => `${name}="${value}"`)
    .join(' ');
  return `<label class="lab-field"><span data-i18n="${key}"></span>
    <input id="${id}" type="number" step="1" ${extra}></label>`;
}

/**
 * Wires a section's buttons under `root` to `queue`, `start` (a fresh run; may refuse) and
 * `afterReset` (after Reset dropped the queue and the tiles). Returns {status, tiles (the
 * container), render(), setTiles(count), tile(i), count, dispose()}.
 * @param {HTMLElement} root @param {string} id
 * @param {{queue: import('./model-queue.mjs').ModelQueue, start: () => void, afterReset: () => void,
 *   t: (k: string, p?: object) => string}} options
 */
export function wireSection(root, id, { queue, start, afterReset, t }) {
  const $ = (/** @type {string} */ s) => /** @type {HTMLElement} */ (root.querySelector(s));
  const startButton = /** @type {HTMLButtonElement} */ ($(`#gen-${id}-start`));
  const pauseButton = /** @type {HTMLButtonElement} */ ($(`#gen-${id}-pause`));
  const resetButton = /** @type {HTMLButtonElement} */ ($(`#gen-${id}-reset`));
  const status = $(`#gen-${id}-status`);
  const tiles = $(`#gen-${id}-tiles`);
  /** @type {BoundaryTileView[]} */
  let views = [];

  const onStart = () => (queue.state === 'paused' ? queue.resume() : start());
  const onPause = () => queue.pause();
  const onReset = () => {
    queue.reset();
    setTiles(0);
    afterReset();
  };
  startButton.addEventListener('click', onStart);
  pauseButton.addEventListener('click', onPause);
  resetButton.addEventListener('click', onReset);

  /** Makes `count` tiles (dropping the old ones); `big` marks the last as the large one. */
  function setTiles(count, { big = false } = {}) {
    views.forEach((v) => v.destroy());
    tiles.replaceChildren();
    views = Array.from({ length: count }, (_, i) => {
      const el = document.createElement('div');
      tiles.append(el);
      const large = big && i === count - 1;
      if (large) el.classList.add('large');
      return new BoundaryTileView(el, { size: large ? 168 : 112, range: GRID.range });
    });
  }

  function render() {
    const state = queue.state;
    startButton.textContent = t(state === 'paused' ? 'gen.continue' : 'gen.start');
    startButton.disabled = state === 'running';
    pauseButton.disabled = state !== 'running';
    resetButton.disabled = state === 'idle';
    status.classList.toggle('bad', state === 'failed');
  }

  return {
    status,
    tiles,
    render,
    setTiles,
    /** @param {number} i */
    tile: (i) => views[i],
    get count() {
      return views.length;
    },
    dispose() {
      startButton.removeEventListener('click', onStart);
      pauseButton.removeEventListener('click', onPause);
      resetButton.removeEventListener('click', onReset);
      views.forEach((v) => v.destroy());
    },
  };
}
