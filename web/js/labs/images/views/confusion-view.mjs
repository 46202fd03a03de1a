// @ts-check
// The confusion matrix as a grid of buttons: row = true class, column = predicted class, the
// count written in each cell and the cell shaded by its share of the row (the true class's
// images), blue on the diagonal (right) and red off it (wrong). The shade grows with the square
// root of the share, so a class mistaken 5 % of the time is already visible (the legend's ramps
// carry the same scale: 25 % is half the colour). The diagonal also has a frame
// and bold numbers, so it reads without colour. One tab stop: the arrow keys move between cells,
// Enter or a click calls onCell(trueClass, predictedClass). Column names stand upright
// (writing-mode), so ten of them fit a phone; long row names are cut with an ellipsis and shown
// whole in the cell's title. constructor(el, opts) / update({counts, classes}) /
// setLabels({labels, classNames, shortNames}) (a language switch) / reset() / destroy().

/**
 * @typedef {object} ConfusionLabels
 * @property {string} [trueAxis] the rows' title ("True class")
 * @property {string} [predictedAxis] the columns' title ("Predicted class")
 * @property {string} [right] the legend's diagonal entry ("right")
 * @property {string} [wrong] the legend's off-diagonal entry ("wrong")
 * @property {string} [scale] what the shade means ("share of the true class")
 * @property {(trueName: string, predictedName: string, count: number, share: number) => string} [cell]
 *   a cell's accessible name and tooltip
 */

/** @type {Required<ConfusionLabels>} */
const DEFAULT_LABELS = {
  trueAxis: 'True class',
  predictedAxis: 'Predicted class',
  right: 'right',
  wrong: 'wrong',
  scale: 'share of the true class',
  cell: (t, p, count, share) =>
    `True ${t}, predicted ${p}: ${count}${Number.isFinite(share) ? ` (${Math.round(share * 100)}\u00a0%)` : ''}`,
};

/** A shade from which the cell's colour is dark enough for white numbers. */
const DARK_FROM = 0.7;
/** The lightest shade of a cell with any image, so a single mistake never looks like none. */
const MIN_SHADE = 0.06;

export class ConfusionView {
  /**
   * @param {HTMLElement} el an empty container
   * @param {{classNames?: string[], shortNames?: string[], labels?: ConfusionLabels,
   *   onCell?: (trueClass: number, predictedClass: number) => void}} [opts] shortNames: names for
   *   the row and column heads (default classNames)
   */
  constructor(el, { classNames = [], shortNames, labels = {}, onCell = () => {} } = {}) {
    this.el = el;
    this.classNames = classNames;
    this.shortNames = shortNames;
    this.labels = { ...DEFAULT_LABELS, ...labels };
    this.onCell = onCell;
    this.classes = 0;
    /** @type {HTMLButtonElement[]} */
    this.buttons = [];
    this.focusCell = 0;
    /** @type {{counts: ArrayLike<number>, classes: number} | null} the last update's data */
    this.last = null;
    el.classList.add('img-confusion');
    el.innerHTML =
      '<div class="img-confusion-y"></div><div class="img-confusion-main">' +
      '<div class="img-confusion-x"></div><div class="img-confusion-grid"></div></div>' +
      '<div class="img-confusion-legend"><span class="img-ramp img-ramp-right"></span>' +
      '<span class="img-legend-right"></span><span class="img-ramp img-ramp-wrong"></span>' +
      '<span class="img-legend-wrong"></span><span class="img-ramp-ticks"><span>0</span><span>25</span>' +
      '<span>100&nbsp;%</span></span><span class="img-legend-scale"></span></div>';
    /** @param {string} selector */
    const part = (selector) => /** @type {HTMLElement} */ (el.querySelector(selector));
    this.grid = part('.img-confusion-grid');
    this.yTitle = part('.img-confusion-y');
    this.xTitle = part('.img-confusion-x');
    this.legend = {
      right: part('.img-legend-right'),
      wrong: part('.img-legend-wrong'),
      scale: part('.img-legend-scale'),
    };
    this.grid.setAttribute('role', 'group');
    this.grid.addEventListener('click', (event) => {
      const button = /** @type {HTMLElement} */ (event.target).closest('button');
      if (button && this.grid.contains(button)) this.activate(Number(button.dataset.cell));
    });
    this.grid.addEventListener('keydown', (event) => this.onKey(event));
    this.writeTitles();
  }

  writeTitles() {
    this.yTitle.textContent = this.labels.trueAxis;
    this.xTitle.textContent = this.labels.predictedAxis;
    this.grid.setAttribute('aria-label', `${this.labels.trueAxis} × ${this.labels.predictedAxis}`);
    this.legend.right.textContent = this.labels.right;
    this.legend.wrong.textContent = this.labels.wrong;
    this.legend.scale.textContent = this.labels.scale;
  }

  /**
   * Builds the heads and the k×k buttons (only when k changes).
   * @param {number} k
   */
  build(k) {
    this.classes = k;
    this.grid.style.setProperty('--classes', String(k));
    this.grid.textContent = '';
    this.grid.append(document.createElement('span'));
    const heads = this.shortNames ?? this.classNames;
    for (let p = 0; p < k; p += 1) {
      const head = document.createElement('span');
      head.className = 'img-confusion-col';
      head.textContent = heads[p] ?? String(p);
      head.title = this.classNames[p] ?? String(p);
      this.grid.append(head);
    }
    this.buttons = [];
    for (let t = 0; t < k; t += 1) {
      const head = document.createElement('span');
      head.className = 'img-confusion-row';
      head.textContent = heads[t] ?? String(t);
      head.title = this.classNames[t] ?? String(t);
      this.grid.append(head);
      for (let p = 0; p < k; p += 1) {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = t === p ? 'img-cell img-cell-right' : 'img-cell img-cell-wrong';
        button.dataset.cell = String(t * k + p);
        button.dataset.true = String(t);
        button.dataset.predicted = String(p);
        button.tabIndex = -1;
        this.grid.append(button);
        this.buttons.push(button);
      }
    }
    this.focusCell = Math.min(this.focusCell, k * k - 1);
    this.buttons[this.focusCell].tabIndex = 0;
  }

  /**
   * New strings (a language switch): the titles, legend, heads and cells' names are rewritten.
   * @param {{labels?: ConfusionLabels, classNames?: string[], shortNames?: string[]}} strings
   */
  setLabels({ labels = {}, classNames, shortNames }) {
    this.labels = { ...this.labels, ...labels };
    if (shortNames) this.shortNames = shortNames;
    this.writeTitles();
    if (this.last) this.update({ ...this.last, classNames: classNames ?? this.classNames });
    else if (classNames) this.classNames = classNames;
  }

  /**
   * @param {{counts: ArrayLike<number>, classes: number, classNames?: string[]}} data counts
   *   [classes · classes], row = true class
   */
  update({ counts, classes, classNames }) {
    this.last = { counts, classes };
    if (classNames) this.classNames = classNames;
    if (classes !== this.classes || classNames) this.build(classes);
    const k = classes;
    const name = (/** @type {number} */ c) => this.classNames[c] ?? String(c);
    // The longest count's digits: narrow cells set four-digit counts (a full test set) smaller.
    let most = 0;
    for (let i = 0; i < k * k; i += 1) most = Math.max(most, counts[i]);
    this.grid.dataset.digits = String(String(most).length);
    for (let t = 0; t < k; t += 1) {
      let row = 0;
      for (let p = 0; p < k; p += 1) row += counts[t * k + p];
      for (let p = 0; p < k; p += 1) {
        const count = counts[t * k + p];
        const share = row > 0 ? count / row : Number.NaN;
        const shade = count > 0 ? Math.max(MIN_SHADE, Math.sqrt(share)) : 0;
        const button = this.buttons[t * k + p];
        button.textContent = String(count);
        button.style.setProperty('--shade', String(shade));
        button.classList.toggle('img-cell-dark', shade >= DARK_FROM);
        button.classList.toggle('img-cell-zero', count === 0);
        const text = this.labels.cell(name(t), name(p), count, share);
        button.setAttribute('aria-label', text);
        button.title = text;
      }
    }
  }

  /** @param {number} cell */
  activate(cell) {
    this.moveFocus(cell, false);
    this.onCell(Math.floor(cell / this.classes), cell % this.classes);
  }

  /**
   * Makes `cell` the grid's one tab stop (and focuses it when `focus`).
   * @param {number} cell @param {boolean} focus
   */
  moveFocus(cell, focus) {
    const previous = this.buttons[this.focusCell];
    if (previous) previous.tabIndex = -1;
    this.focusCell = cell;
    this.buttons[cell].tabIndex = 0;
    if (focus) this.buttons[cell].focus();
  }

  /** @param {KeyboardEvent} event */
  onKey(event) {
    const k = this.classes;
    if (!k) return;
    const t = Math.floor(this.focusCell / k);
    const p = this.focusCell % k;
    /** @type {Record<string, [number, number]>} */
    const moves = {
      ArrowUp: [Math.max(0, t - 1), p],
      ArrowDown: [Math.min(k - 1, t + 1), p],
      ArrowLeft: [t, Math.max(0, p - 1)],
      ArrowRight: [t, Math.min(k - 1, p + 1)],
      Home: [t, 0],
      End: [t, k - 1],
    };
    const to = moves[event.key];
    if (!to) return;
    event.preventDefault();
    this.moveFocus(to[0] * k + to[1], true);
  }

  reset() {
    this.last = null;
    for (const button of this.buttons) {
      button.textContent = '';
      button.style.setProperty('--shade', '0');
      button.classList.remove('img-cell-dark');
      button.classList.add('img-cell-zero');
    }
  }

  destroy() {
    this.el.classList.remove('img-confusion');
    this.el.textContent = '';
    this.buttons = [];
  }
}
