// @ts-check
// Small tools every lab needs, so each lab does not grow its own: a debounced call (rebuild the
// model once after a burst of control changes), a frame scheduler (any number of updates per
// frame cost one redraw), a disposer (everything a lab subscribed to is released on unmount)
// and the test hooks (window.nnplay.<lab>), kept out of the drawing code.

/**
 * A debounced `fn`: call() runs it once, `ms` after the last call; flush() runs a pending call
 * now; cancel() drops it.
 * @param {() => void} fn
 * @param {number} ms
 */
export function debounce(fn, ms) {
  /** @type {ReturnType<typeof setTimeout> | null} */
  let timer = null;
  const run = () => {
    timer = null;
    fn();
  };
  return {
    call() {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(run, ms);
    },
    flush() {
      if (timer === null) return;
      clearTimeout(timer);
      run();
    },
    cancel() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
    get pending() {
      return timer !== null;
    },
  };
}

/**
 * Coalesces redraws: schedule() asks for `draw` on the next animation frame; several requests
 * before it give one draw. cancel() drops a pending frame (unmount).
 * @param {() => void} draw
 * @param {{request?: (cb: FrameRequestCallback) => number, cancelFrame?: (id: number) => void}} [clock]
 */
export function frameScheduler(draw, clock = {}) {
  const request = clock.request ?? ((cb) => requestAnimationFrame(cb));
  const cancelFrame = clock.cancelFrame ?? ((id) => cancelAnimationFrame(id));
  let frame = 0;
  return {
    schedule() {
      if (frame) return;
      frame = request(() => {
        frame = 0;
        draw();
      });
    },
    cancel() {
      if (frame) cancelFrame(frame);
      frame = 0;
    },
  };
}

/** Collects the functions that undo what a lab set up (unsubscribe, remove listener, cancel a
 *  timer) and runs them all once on dispose(), newest first; a failing one does not stop the
 *  rest. */
export class Disposer {
  constructor() {
    /** @type {Array<() => void>} */
    this.undo = [];
  }

  /**
   * Keeps `fn` (anything not a function is ignored, so `add(store.subscribe(...))` is safe).
   * @param {unknown} fn
   * @returns {Disposer}
   */
  add(fn) {
    if (typeof fn === 'function') this.undo.push(/** @type {() => void} */ (fn));
    return this;
  }

  /**
   * target.addEventListener(type, fn) now, removed on dispose.
   * @param {EventTarget} target
   * @param {string} type
   * @param {EventListener} fn
   */
  listen(target, type, fn) {
    target.addEventListener(type, fn);
    return this.add(() => target.removeEventListener(type, fn));
  }

  dispose() {
    const undo = this.undo.splice(0).reverse();
    for (const fn of undo) {
      try {
        fn();
      } catch (error) {
        console.warn('nnplay: cleaning up a lab failed', error);
      }
    }
  }
}

/**
 * Publishes a lab's figures for the browser tests as window.nnplay[name] (merged into what is
 * there); a no-op outside a page.
 * @param {string} name
 * @param {Record<string, unknown>} values
 */
export function publishTestHook(name, values) {
  const g = /** @type {any} */ (globalThis);
  if (!g.window) return;
  g.window.nnplay ??= {};
  g.window.nnplay[name] = { ...(g.window.nnplay[name] ?? {}), ...values };
}
