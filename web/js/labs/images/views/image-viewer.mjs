// @ts-check
// A modal dialog listing a set of images with a caption each (e.g. the images one confusion
// cell counts: "True: Shirt · Predicted: T-shirt/top (62 %)"), under a title, scrolling inside.
// At most `max` images are drawn, then "and N more". It closes on Escape, on its close button
// and on a click outside it, and gives the focus back to the element that opened it.
// constructor(el, opts) / open(data) / update(data) / setLabels({labels}) / close() / reset() /
// destroy().
import { paintImage } from './image-canvas.mjs';

/**
 * @typedef {{pixels: ArrayLike<number>, caption: string, wrong?: boolean}} ViewerImage
 *   pixels [784] 0..255; wrong marks a mistake (red dashed frame and ✗)
 */

/**
 * @typedef {object} ViewerLabels
 * @property {string} [close] the close button's text
 * @property {(hidden: number) => string} [more] the line after the last drawn image
 * @property {string} [empty] shown for a set with no images
 * @property {string} [wrong] the ✗ mark's accessible text
 */

/** @type {Required<ViewerLabels>} */
const DEFAULT_LABELS = {
  close: 'Close',
  more: (hidden) => `and ${hidden} more`,
  empty: 'No images.',
  wrong: 'wrong',
};

export class ImageViewer {
  /**
   * @param {HTMLElement} el the container the dialog is put in
   * @param {{labels?: ViewerLabels, max?: number}} [opts] max: images drawn at most
   */
  constructor(el, { labels = {}, max = 100 } = {}) {
    this.el = el;
    this.labels = { ...DEFAULT_LABELS, ...labels };
    this.max = max;
    this.dialog = document.createElement('dialog');
    this.dialog.className = 'img-viewer';
    this.dialog.innerHTML =
      '<div class="img-viewer-box"><header class="img-viewer-head"><h2 class="img-viewer-title"></h2>' +
      '<button type="button" class="img-viewer-close"></button></header>' +
      '<div class="img-viewer-body"><ul class="img-viewer-list"></ul><p class="img-viewer-more"></p>' +
      '</div></div>';
    /** @param {string} selector */
    const part = (selector) => /** @type {HTMLElement} */ (this.dialog.querySelector(selector));
    this.title = part('.img-viewer-title');
    this.list = part('.img-viewer-list');
    this.more = part('.img-viewer-more');
    this.closeButton = part('.img-viewer-close');
    this.closeButton.textContent = this.labels.close;
    const id = `img-viewer-title-${Math.random().toString(36).slice(2, 9)}`;
    this.title.id = id;
    this.dialog.setAttribute('aria-labelledby', id);
    /** @type {HTMLElement | null} */
    this.opener = null;
    this.closeButton.addEventListener('click', () => this.close());
    // A click on the backdrop lands on the dialog itself, outside its box.
    this.dialog.addEventListener('click', (event) => {
      if (event.target !== this.dialog) return;
      const box = this.dialog.getBoundingClientRect();
      const inside =
        event.clientX >= box.left &&
        event.clientX <= box.right &&
        event.clientY >= box.top &&
        event.clientY <= box.bottom;
      if (!inside) this.close();
    });
    this.dialog.addEventListener('close', () => {
      const opener = this.opener;
      this.opener = null;
      if (opener?.isConnected) opener.focus();
    });
    el.append(this.dialog);
  }

  /**
   * New strings (a language switch); an open dialog keeps its title and captions until the next
   * update (they come with the data).
   * @param {{labels?: ViewerLabels}} strings
   */
  setLabels({ labels = {} }) {
    this.labels = { ...this.labels, ...labels };
    this.closeButton.textContent = this.labels.close;
  }

  /**
   * Fills the dialog (open or not).
   * @param {{title: string, images: ViewerImage[]}} data
   */
  update({ title, images }) {
    this.title.textContent = title;
    const shown = images.slice(0, this.max);
    const items = shown.map((image) => {
      const item = document.createElement('li');
      item.innerHTML =
        '<figure class="img-viewer-item"><span class="img-sample-frame"><canvas class="img-pixelated" ' +
        'width="28" height="28"></canvas><span class="img-sample-mark"></span></span><figcaption></figcaption>' +
        '</figure>';
      const figure = /** @type {HTMLElement} */ (item.firstElementChild);
      figure.classList.toggle('img-sample-wrong', Boolean(image.wrong));
      paintImage(/** @type {HTMLCanvasElement} */ (item.querySelector('canvas')), image.pixels);
      const mark = /** @type {HTMLElement} */ (item.querySelector('.img-sample-mark'));
      if (image.wrong) {
        mark.textContent = '✗';
        mark.setAttribute('role', 'img');
        mark.setAttribute('aria-label', this.labels.wrong);
      } else {
        mark.remove();
      }
      /** @type {HTMLElement} */ (item.querySelector('figcaption')).textContent = image.caption;
      return item;
    });
    this.list.replaceChildren(...items);
    const hidden = images.length - shown.length;
    this.more.textContent =
      images.length === 0 ? this.labels.empty : hidden > 0 ? this.labels.more(hidden) : '';
    this.more.hidden = !this.more.textContent;
    this.list.parentElement?.scrollTo?.(0, 0);
  }

  /**
   * Fills and opens the dialog; the focus goes to its close button and comes back to `opener`
   * (default: the element focused now) when it closes.
   * @param {{title: string, images: ViewerImage[], opener?: HTMLElement | null}} data
   */
  open({ title, images, opener }) {
    this.update({ title, images });
    const active = /** @type {HTMLElement | null} */ (document.activeElement);
    this.opener = opener ?? (active && active !== document.body ? active : null);
    if (!this.dialog.open) this.dialog.showModal();
    this.closeButton.focus();
  }

  get isOpen() {
    return this.dialog.open;
  }

  close() {
    if (this.dialog.open) this.dialog.close();
  }

  reset() {
    this.close();
    this.list.replaceChildren();
    this.title.textContent = '';
  }

  destroy() {
    this.opener = null;
    this.close();
    this.dialog.remove();
  }
}
