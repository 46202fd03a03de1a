// The hint banner (#hints): what the open lab says about its settings and its run (its
// declaration's `hints(state, progress)`, e.g. a loss that does not suit the data, or the likely
// cause when the training loss stalls at the loss of a constant answer). Lab-agnostic: the
// losses and counters come from the engine's train answers, the stall's baseline and any other
// figure from the lab itself (ctx.reportHints, merged into `progress`), the hints and their
// strings from the lab (an argument {key} is a word of those strings). A hint may name a
// preset (`preset`): a button opens it.
import { LAB } from '../labs/registry.mjs';
import { dataLoss, lossStalled } from '../kit/stall.mjs';
import { presetPatch } from '../state/presets.mjs';

const KEPT_LOSSES = 200;

export class HintBanner {
  /** store, active (ActiveSession), t, onLangChange: the shell's. */
  constructor(root, { store, active, t, onLangChange }) {
    this.el = root.getElementById('hints');
    this.list = root.getElementById('hints-list');
    this.store = store;
    this.t = t;
    /** @type {Record<string, any>} the open lab's figures (reportHints) */
    this.signals = {};
    this.restart();
    this.shown = '';
    store.subscribe((keys) => {
      if (keys.has('lab')) {
        this.signals = {};
        this.restart();
      }
      this.render();
    });
    active.on('configured', () => {
      this.restart();
      this.render();
    });
    active.on('paused', ({ reason }) => {
      if (reason !== 'reset') return;
      this.restart();
      this.render();
    });
    active.on('progress', ({ answer }) => {
      // Hints change with finished epochs and with the first step, not with every batch.
      const epochs = answer.epoch_logs ?? [];
      const started = this.iterations === 0 && answer.iterations > 0;
      for (const { logs } of epochs) {
        const loss = dataLoss(logs);
        if (loss !== null) this.losses.push(loss);
      }
      if (this.losses.length > KEPT_LOSSES) this.losses.splice(0, this.losses.length - KEPT_LOSSES);
      this.epoch = answer.epoch ?? this.epoch;
      this.iterations = answer.iterations ?? this.iterations;
      if (epochs.length > 0 || started) this.render();
    });
    onLangChange(() => this.render(true));
    this.render();
  }

  /** A new model or a reset: its losses and counters start again. */
  restart() {
    /** @type {number[]} the data loss of each finished epoch */
    this.losses = [];
    this.epoch = 0;
    this.iterations = 0;
  }

  /** The open lab's figures for its hints (merged; the stall's `baseline` among them). */
  report(signals) {
    Object.assign(this.signals, signals);
    this.render();
  }

  /** What the lab's hints get besides its state. */
  progress() {
    const baseline = Number.isFinite(this.signals.baseline) ? this.signals.baseline : undefined;
    return {
      ...this.signals,
      stalled: lossStalled(this.losses, baseline),
      loss: this.losses.at(-1) ?? null,
      epochs: this.epoch,
      iterations: this.iterations,
    };
  }

  /** The open lab's hints for its current state. */
  hints() {
    const lab = this.store.get('lab');
    const hints = LAB[lab]?.hints;
    return hints ? hints(this.store.scope(lab).state(), this.progress()) : [];
  }

  render(force = false) {
    const hints = this.hints();
    const key = JSON.stringify(hints);
    if (key === this.shown && !force) return;
    this.shown = key;
    const text = ({ code, args = {} }) => {
      const values = { ...args };
      if (typeof values.loss === 'string') values.loss = this.t(`opt.${values.loss}`);
      // {key}: a word of the lab's strings, in the current language
      for (const [name, value] of Object.entries(values)) {
        if (typeof value?.key === 'string') values[name] = this.t(value.key);
      }
      return this.t(`hint.${code}`, values);
    };
    this.list.replaceChildren(
      ...hints.map((hint) => {
        const item = document.createElement('li');
        item.textContent = text(hint);
        item.dataset.hint = hint.code;
        if (hint.preset) {
          const open = document.createElement('button');
          open.type = 'button';
          open.className = 'hint-action';
          open.textContent = this.t(`hint.${hint.code}.action`);
          open.addEventListener('click', () => this.store.patch(presetPatch(hint.preset)));
          item.append(' ', open);
        }
        return item;
      }),
    );
    this.el.hidden = hints.length === 0;
  }
}
