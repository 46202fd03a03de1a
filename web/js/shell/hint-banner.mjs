// The hint banner (#hints): what the open lab says about its settings (its declaration's
// `hints(state, {stalled})`, e.g. a loss that does not suit the data), and, when the training
// loss has sat at ln 2 for a while, the likely cause of the stall. Lab-agnostic: the losses come
// from the engine's train answers (epoch_logs), the hints and their strings from the lab.
import { LAB } from '../labs/registry.mjs';

/** ln 2: the binary cross-entropy of always answering one half (a coin toss). */
const COIN_TOSS_LOSS = Math.log(2);

/**
 * Whether `losses` (one per finished epoch, oldest first) show a stall: the last `epochs` of
 * them all within `tolerance` of ln 2.
 * @param {number[]} losses
 */
export function lossStalled(losses, { epochs = 20, tolerance = 0.01 } = {}) {
  if (losses.length < epochs) return false;
  return losses.slice(-epochs).every((loss) => Math.abs(loss - COIN_TOSS_LOSS) <= tolerance);
}

export class HintBanner {
  /** store, active (ActiveSession), t, onLangChange: the shell's. */
  constructor(root, { store, active, t, onLangChange }) {
    this.el = root.getElementById('hints');
    this.list = root.getElementById('hints-list');
    this.store = store;
    this.t = t;
    this.losses = [];
    this.stalled = false;
    this.shown = '';
    store.subscribe(() => this.render());
    active.on('configured', () => {
      this.losses = [];
      this.stalled = false;
      this.render();
    });
    active.on('paused', ({ reason }) => {
      if (reason !== 'reset') return;
      this.losses = [];
      this.stalled = false;
      this.render();
    });
    active.on('progress', ({ answer }) => {
      for (const { logs } of answer.epoch_logs ?? []) {
        if (Number.isFinite(logs?.loss)) this.losses.push(logs.loss);
      }
      if (this.losses.length > 200) this.losses.splice(0, this.losses.length - 200);
      const stalled = lossStalled(this.losses);
      if (stalled !== this.stalled) {
        this.stalled = stalled;
        this.render();
      }
    });
    onLangChange(() => this.render(true));
    this.render();
  }

  /** The open lab's hints for its current state. */
  hints() {
    const lab = this.store.get('lab');
    const hints = LAB[lab]?.hints;
    return hints ? hints(this.store.scope(lab).state(), { stalled: this.stalled }) : [];
  }

  render(force = false) {
    const hints = this.hints();
    const key = JSON.stringify(hints);
    if (key === this.shown && !force) return;
    this.shown = key;
    const text = ({ code, args = {} }) => {
      const values = { ...args };
      if (typeof values.loss === 'string') values.loss = this.t(`opt.${values.loss}`);
      return this.t(`hint.${code}`, values);
    };
    this.list.replaceChildren(
      ...hints.map((hint) => {
        const item = document.createElement('li');
        item.textContent = text(hint);
        item.dataset.hint = hint.code;
        return item;
      }),
    );
    this.el.hidden = hints.length === 0;
  }
}
