// @ts-check
// Test images with what the model says about them: the predicted class and its confidence, and
// the true class. A mistake gets a red dashed frame and a ✗ (a right answer a ✓), so it reads
// without colour. Each image is a 28×28 canvas that CSS scales up without smoothing: the
// captions are text beside each image (they wrap, screen readers read them), and a canvas that
// small costs the compositor nothing. The figures are kept between updates, so redrawing every
// epoch makes no new elements. constructor(el, opts) / update({images}) /
// setLabels({labels, classNames}) / reset() / destroy().
import { paintImage } from './image-canvas.mjs';

/**
 * @typedef {{pixels: ArrayLike<number>, label: number, predicted: number, confidence: number}} Sample
 *   pixels [784] 0..255
 */

/**
 * @typedef {object} SampleLabels
 * @property {(name: string, confidence: number) => string} [predicted] the first caption line
 * @property {(name: string) => string} [truth] the second caption line
 * @property {string} [right] the ✓ mark's accessible text
 * @property {string} [wrong] the ✗ mark's accessible text
 * @property {string} [title] the grid's accessible name
 */

/** @type {Required<SampleLabels>} */
const DEFAULT_LABELS = {
  predicted: (name, confidence) => `${name} (${Math.round(confidence * 100)}\u00a0%)`,
  truth: (name) => `True: ${name}`,
  right: 'right',
  wrong: 'wrong',
  title: '',
};

export class SampleGrid {
  /**
   * @param {HTMLElement} el an empty container
   * @param {{classNames?: string[], labels?: SampleLabels,
   *   onPick?: ((index: number) => void) | null}} [opts] onPick: the images become buttons that
   *   call it with the image's index in the last update
   */
  constructor(el, { classNames = [], labels = {}, onPick = null } = {}) {
    this.el = el;
    this.classNames = classNames;
    this.labels = { ...DEFAULT_LABELS, ...labels };
    this.onPick = onPick;
    el.classList.add('img-samples');
    this.list = document.createElement('ul');
    this.list.className = 'img-sample-list';
    if (this.labels.title) this.list.setAttribute('aria-label', this.labels.title);
    el.append(this.list);
    /** @type {{item: HTMLLIElement, canvas: HTMLCanvasElement, mark: HTMLElement,
     *   predicted: HTMLElement, truth: HTMLElement}[]} */
    this.figures = [];
    /** @type {Sample[] | null} the last update's images */
    this.last = null;
    if (onPick) {
      this.list.addEventListener('click', (event) => {
        const button = /** @type {HTMLElement} */ (event.target).closest('button');
        if (button) onPick(Number(button.dataset.index));
      });
    }
  }

  /** A figure for one image, made once and reused. */
  figure() {
    const item = document.createElement('li');
    const tag = this.onPick ? 'button' : 'figure';
    item.innerHTML =
      `<${tag} class="img-sample"${this.onPick ? ' type="button"' : ''}><span class="img-sample-frame">` +
      '<canvas class="img-pixelated" width="28" height="28"></canvas><span class="img-sample-mark">' +
      '</span></span><span class="img-sample-predicted"></span><span class="img-sample-true"></span>' +
      `</${tag}>`;
    /** @param {string} selector */
    const part = (selector) => /** @type {HTMLElement} */ (item.querySelector(selector));
    return {
      item,
      canvas: /** @type {HTMLCanvasElement} */ (item.querySelector('canvas')),
      mark: part('.img-sample-mark'),
      predicted: part('.img-sample-predicted'),
      truth: part('.img-sample-true'),
    };
  }

  /**
   * @param {{images: Sample[], classNames?: string[]}} data
   */
  update({ images, classNames }) {
    this.last = images;
    if (classNames) this.classNames = classNames;
    while (this.figures.length < images.length) this.figures.push(this.figure());
    const name = (/** @type {number} */ c) => this.classNames[c] ?? String(c);
    images.forEach((sample, i) => {
      const f = this.figures[i];
      if (!f.item.isConnected) this.list.append(f.item);
      const wrong = sample.predicted !== sample.label;
      const box = /** @type {HTMLElement} */ (f.item.firstElementChild);
      box.classList.toggle('img-sample-wrong', wrong);
      box.dataset.index = String(i);
      paintImage(f.canvas, sample.pixels);
      f.mark.textContent = wrong ? '✗' : '✓';
      f.mark.setAttribute('aria-label', wrong ? this.labels.wrong : this.labels.right);
      f.mark.setAttribute('role', 'img');
      f.predicted.textContent = this.labels.predicted(name(sample.predicted), sample.confidence);
      f.truth.textContent = this.labels.truth(name(sample.label));
    });
    for (let i = images.length; i < this.figures.length; i += 1) this.figures[i].item.remove();
  }

  /**
   * New strings (a language switch): the captions are rewritten.
   * @param {{labels?: SampleLabels, classNames?: string[]}} strings
   */
  setLabels({ labels = {}, classNames }) {
    this.labels = { ...this.labels, ...labels };
    if (this.labels.title) this.list.setAttribute('aria-label', this.labels.title);
    if (classNames) this.classNames = classNames;
    if (this.last) this.update({ images: this.last });
  }

  reset() {
    this.last = null;
    for (const f of this.figures) f.item.remove();
  }

  destroy() {
    this.el.classList.remove('img-samples');
    this.list.remove();
    this.figures = [];
  }
}
