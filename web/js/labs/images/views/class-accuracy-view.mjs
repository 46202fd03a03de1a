// @ts-check
// Accuracy per class as horizontal bars, 0 to 100 % of the track, the percentage written beside
// each bar; the weakest class's bar is marked (colour and a ▼), so the class the model finds
// hardest stands out (no mark when all classes score the same). A class with no test images shows `labels.none`.
// constructor(el, opts) / update(perClass) / setLabels({labels, classNames}) / reset() / destroy().

/**
 * @typedef {object} ClassAccuracyLabels
 * @property {string} [title] the list's accessible name
 * @property {string} [none] the value of a class with no images ("–")
 * @property {string} [weakest] the weakest class's mark's accessible text ("lowest")
 */

/**
 * A share 0..1 as a percentage with one decimal ("87.5 %").
 * @param {number} share
 */
export function percentText(share) {
  return `${(share * 100).toFixed(1)}\u00a0%`; // never a lone % on the next line
}

export class ClassAccuracyView {
  /**
   * @param {HTMLElement} el an empty container
   * @param {{classNames?: string[], labels?: ClassAccuracyLabels,
   *   format?: (share: number) => string}} [opts]
   */
  constructor(el, { classNames = [], labels = {}, format = percentText } = {}) {
    this.el = el;
    this.classNames = classNames;
    this.labels = { title: '', none: '–', weakest: 'lowest', ...labels };
    this.format = format;
    el.classList.add('img-class-accuracy');
    this.list = document.createElement('ul');
    this.list.className = 'img-bars';
    if (this.labels.title) this.list.setAttribute('aria-label', this.labels.title);
    el.append(this.list);
    /** @type {{row: HTMLLIElement, fill: HTMLElement, value: HTMLElement}[]} */
    this.rows = [];
    /** @type {ArrayLike<number> | null} the last update's accuracies */
    this.last = null;
  }

  /**
   * New strings (a language switch).
   * @param {{labels?: ClassAccuracyLabels, classNames?: string[]}} strings
   */
  setLabels({ labels = {}, classNames }) {
    this.labels = { ...this.labels, ...labels };
    if (this.labels.title) this.list.setAttribute('aria-label', this.labels.title);
    if (classNames) this.classNames = classNames;
    if (this.last) this.update(this.last, { classNames: this.classNames });
  }

  /** @param {number} k */
  build(k) {
    this.list.textContent = '';
    this.rows = Array.from({ length: k }, (_, c) => {
      const row = document.createElement('li');
      row.innerHTML =
        '<span class="img-bar-name"></span><span class="img-bar-track"><span class="img-bar-fill">' +
        '</span></span><span class="img-bar-value"></span>';
      const nameEl = /** @type {HTMLElement} */ (row.querySelector('.img-bar-name'));
      nameEl.textContent = this.classNames[c] ?? String(c);
      nameEl.title = nameEl.textContent;
      this.list.append(row);
      return {
        row,
        fill: /** @type {HTMLElement} */ (row.querySelector('.img-bar-fill')),
        value: /** @type {HTMLElement} */ (row.querySelector('.img-bar-value')),
      };
    });
  }

  /**
   * @param {ArrayLike<number>} perClass accuracy 0..1 per class (NaN: no images)
   * @param {{classNames?: string[]}} [more] new class names (a language switch)
   */
  update(perClass, { classNames } = {}) {
    this.last = perClass;
    if (classNames) this.classNames = classNames;
    if (perClass.length !== this.rows.length || classNames) this.build(perClass.length);
    // The weakest class, unless every class scores the same (then none is).
    let weakest = -1;
    let best = -1;
    for (let c = 0; c < perClass.length; c += 1) {
      if (!Number.isFinite(perClass[c])) continue;
      if (weakest < 0 || perClass[c] < perClass[weakest]) weakest = c;
      if (best < 0 || perClass[c] > perClass[best]) best = c;
    }
    if (weakest >= 0 && perClass[weakest] === perClass[best]) weakest = -1;
    this.rows.forEach(({ row, fill, value }, c) => {
      const share = perClass[c];
      const known = Number.isFinite(share);
      fill.style.width = `${known ? Math.max(0, Math.min(1, share)) * 100 : 0}%`;
      const mark = c === weakest;
      value.textContent = known ? this.format(share) : this.labels.none;
      row.classList.toggle('img-bar-weakest', mark);
      if (mark) {
        const flag = document.createElement('span');
        flag.className = 'img-bar-flag';
        flag.textContent = '▼';
        flag.title = this.labels.weakest;
        flag.setAttribute('aria-label', this.labels.weakest);
        value.prepend(flag);
      }
    });
  }

  reset() {
    this.last = null;
    for (const { row, fill, value } of this.rows) {
      fill.style.width = '0%';
      value.textContent = this.labels.none;
      row.classList.remove('img-bar-weakest');
    }
  }

  destroy() {
    this.el.classList.remove('img-class-accuracy');
    this.list.remove();
    this.rows = [];
  }
}
