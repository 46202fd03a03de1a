// @ts-check
// A change that needs a new model (layers, activation, initializer, features, data) throws the
// trained weights away. When the model had trained, a short notice says so right beside the
// control the learner changed ("New model: changing “Activation” needs new weights, so
// training starts again from epoch 0") and the toolbar's counters mark the restart (the
// document event REBUILT_EVENT). The notice floats (position: fixed, kept inside the window and
// following its control as the page moves), so it never shifts the controls nor is cut by a
// scrolling panel; it clears on the next pointer or key press, or after NOTICE_MS.

/** The document event a notice sends (detail: {names}); the toolbar marks its counters. */
export const REBUILT_EVENT = 'nnplay:rebuilt';
/** How long a notice stays, and how recent the learner's last control must be to anchor it. */
export const NOTICE_MS = 6000;
const RECENT_MS = 3000;
const FADE_MS = 400;
const MARGIN = 8; // px kept free at the window's edges
const GAP = 6; // px between the control and the notice
const MIN_WIDTH = 200; // px: the notice's width range
const MAX_WIDTH = 340;
/** A control's container the notice goes under: a control-panel row, a lab's field, or a part
 *  a lab marks with data-notice-anchor. */
const CONTAINER = '[data-field], .lab-field, [data-notice-anchor]';
const STYLE_ID = 'nnplay-rebuild-notice';
// Base look with zero specificity (:where) so stylesheets can restyle `.rebuild-notice`.
const STYLE =
  ':where(.rebuild-notice){position:fixed;z-index:40;box-sizing:border-box;' +
  'margin:0;padding:7px 10px;border-radius:6px;' +
  'border:1px solid var(--line-strong,#aab4be);background:var(--note-blue-bg,#eef4fb);' +
  'color:var(--ink,#212529);font-size:13px;line-height:1.4;box-shadow:0 2px 8px var(--shadow,rgba(0,0,0,.18));' +
  'word-break:keep-all;overflow-wrap:break-word;pointer-events:none;opacity:1;transition:opacity .4s}' +
  ':where(.rebuild-notice.fading){opacity:0}';

/**
 * Whether a train answer (SessionHandle.lastProgress) shows that the model has trained.
 * @param {{epoch?: number, iterations?: number} | null | undefined} progress
 */
export function hasTrained(progress) {
  return Boolean(progress) && ((progress?.iterations ?? 0) > 0 || (progress?.epoch ?? 0) > 0);
}

/**
 * The changed fields in words: “A”, “A” and “B”, “A”, “B” and “C”, or "4 settings".
 * @param {(key: string, params?: Record<string, unknown>) => string} t
 * @param {string[]} labels
 */
export function fieldList(t, labels) {
  const quoted = labels.map((label) => t('notice.quoted', { label }));
  if (quoted.length > 3) return t('notice.settings', { n: quoted.length });
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(t('notice.comma'))}${t('notice.and')}${quoted.at(-1)}`;
}

/**
 * Where the notice goes (window coordinates): under the control, or above it when the window
 * has no room below, its left edge at the control's, both kept inside the window.
 * @param {{left: number, top: number, bottom: number}} anchor the control's rectangle
 * @param {{width: number, height: number}} size the notice's size
 * @param {{width: number, height: number}} view the window's size
 * @returns {{left: number, top: number, below: boolean}}
 */
export function placeNotice(anchor, size, view) {
  const clamp = (/** @type {number} */ v, /** @type {number} */ lo, /** @type {number} */ hi) =>
    Math.max(lo, Math.min(v, hi));
  const left = clamp(anchor.left, MARGIN, view.width - size.width - MARGIN);
  const below =
    anchor.bottom + GAP + size.height <= view.height - MARGIN || anchor.top - GAP - size.height < MARGIN;
  const top = below ? anchor.bottom + GAP : anchor.top - GAP - size.height;
  return { left, top: clamp(top, MARGIN, Math.max(MARGIN, view.height - size.height - MARGIN)), below };
}

export class RebuildNotice {
  /**
   * @param {Element} root the lab's element (the notice's place when no control is known)
   * @param {{t: (key: string, params?: Record<string, unknown>) => string,
   *   labelOf?: (name: string) => string, anchorOf?: (name: string) => Element | null}} options
   *   labelOf: a field's name as the page shows it (default: the control panels' `field.<name>`);
   *   anchorOf: the element a field's control sits in, when the learner's last control is gone
   *   (default: its control-panel row [data-field]).
   */
  constructor(root, { t, labelOf, anchorOf }) {
    this.root = root;
    this.doc = root.ownerDocument;
    this.t = t;
    this.labelOf = labelOf ?? ((name) => t(`field.${name}`));
    this.anchorOf = anchorOf ?? ((name) => this.doc.querySelector(`[data-field="${name}"]`));
    /** @type {{el: Element, at: number} | null} the control the learner last changed */
    this.lastControl = null;
    /** @type {HTMLElement | null} */
    this.el = null;
    /** @type {Element | null} */
    this.anchor = null;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.timer = undefined;
    this.frame = 0;
    /** @param {Event} event */
    const remember = (event) => {
      if (event.target instanceof Element) this.lastControl = { el: event.target, at: performance.now() };
    };
    const clear = () => this.clear();
    /** @type {[EventTarget, string, EventListener][]} */
    this.listeners = [
      [this.doc, 'change', remember],
      [this.doc, 'input', remember],
      [this.doc, 'click', remember],
      [this.doc, 'pointerdown', clear],
      [this.doc, 'keydown', clear],
    ];
    for (const [target, type, fn] of this.listeners) target.addEventListener(type, fn, true);
  }

  /**
   * Shows the notice for a rebuild caused by the fields `names` (the lab's field names, the
   * most telling first), beside the control the learner just changed.
   * @param {string[]} names
   */
  show(names) {
    if (names.length === 0) return;
    this.clear();
    const text = this.t('notice.rebuilt', { fields: fieldList(this.t, names.map(this.labelOf)) });
    if (!this.doc.getElementById(STYLE_ID)) {
      this.doc.head.append(
        Object.assign(this.doc.createElement('style'), { id: STYLE_ID, textContent: STYLE }),
      );
    }
    const el = Object.assign(this.doc.createElement('p'), { className: 'rebuild-notice' });
    el.setAttribute('role', 'status');
    el.dataset.fields = names.join(' ');
    this.doc.body.append(el);
    el.textContent = text; // after the live region is in the page, so screen readers say it
    this.el = el;
    this.anchor = this.findAnchor(names);
    this.follow();
    this.doc.dispatchEvent(new CustomEvent(REBUILT_EVENT, { detail: { names } }));
    this.timer = setTimeout(() => {
      el.classList.add('fading');
      this.timer = setTimeout(() => this.clear(), FADE_MS);
    }, NOTICE_MS);
  }

  /** The container of the learner's last control when it is recent and still shown, else
   *  the lab's anchor for one of `names`, else the lab itself. @param {string[]} names */
  findAnchor(names) {
    const shown = (/** @type {Element | null | undefined} */ el) =>
      Boolean(el?.isConnected && el.getClientRects().length > 0);
    const last = this.lastControl;
    if (last && shown(last.el) && performance.now() - last.at < RECENT_MS) {
      return last.el.closest(CONTAINER) ?? last.el.closest('button, select, input, label') ?? last.el;
    }
    for (const name of names) {
      const anchor = this.anchorOf(name);
      if (shown(anchor)) return anchor;
    }
    return this.root;
  }

  /** Puts the notice beside its anchor (again after a scroll or resize). */
  place() {
    const el = this.el;
    if (!el || !this.anchor) return;
    const view = this.doc.documentElement;
    const rect = this.anchor.getBoundingClientRect();
    // As wide as the control's column (at least MIN_WIDTH), so it does not spill into the next.
    const width = Math.min(MAX_WIDTH, Math.max(rect.width, MIN_WIDTH), view.clientWidth - 2 * MARGIN);
    el.style.maxWidth = `${width}px`;
    const { left, top, below } = placeNotice(
      rect,
      { width: el.offsetWidth, height: el.offsetHeight },
      { width: view.clientWidth, height: view.clientHeight },
    );
    el.style.left = `${left}px`;
    el.style.top = `${top}px`;
    el.dataset.side = below ? 'below' : 'above';
  }

  /** Keeps the notice beside its anchor every frame while it is shown: the page around it
   *  moves (a scroll, the new model's readouts, a resize). */
  follow() {
    this.place();
    this.frame = requestAnimationFrame(() => this.follow());
  }

  /** Removes the notice, if one is shown. */
  clear() {
    cancelAnimationFrame(this.frame);
    clearTimeout(this.timer);
    this.el?.remove();
    this.el = null;
    this.anchor = null;
  }

  destroy() {
    this.clear();
    for (const [target, type, fn] of this.listeners) target.removeEventListener(type, fn, true);
  }
}
