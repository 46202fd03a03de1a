// The error banner (#error, role=alert) and the divergence banner (#diverged), which explains in
// plain words why training blew up and offers fixes: learning rate ×0.1, switch to Adam, add
// batch normalization, reset the weights. The epoch-limit banner (#limit): Play after a run
// stopped at its epoch limit says so and offers to continue past it.
import { NO_LIMIT_EPOCHS } from '../state/kit-fields.mjs';

export class ErrorBanner {
  /** errors: the array (window.nnplay.errors) every shown message is appended to. */
  constructor(root, { errors }) {
    this.el = root.getElementById('error');
    this.text = root.getElementById('error-text');
    this.errors = errors;
    root.getElementById('error-dismiss').addEventListener('click', () => this.hide());
  }

  /** Shows `message` (a string, or {path, message}). */
  show(message) {
    const text =
      typeof message === 'string' ? message : [message?.path, message?.message].filter(Boolean).join(': ');
    this.errors.push(text);
    this.text.textContent = text;
    this.el.hidden = false;
  }

  hide() {
    this.el.hidden = true;
  }
}

export class DivergedBanner {
  /** active: the ActiveSession; its 'diverged' events carry the engine's {reason, epoch}; the
   *  learning rate and optimizer come from the lab's document. */
  constructor(root, { store, active, t, onLangChange }) {
    this.el = root.getElementById('diverged');
    this.text = root.getElementById('diverged-text');
    this.t = t;
    this.info = null;
    const $ = (id) => root.getElementById(id);
    const fix = (patch) => () => {
      this.hide();
      store.patch(patch());
    };
    $('diverged-lower-lr').addEventListener(
      'click',
      fix(() => ({
        lr: Math.max(1e-6, Number((store.get('lr') * 0.1).toPrecision(3))),
      })),
    );
    $('diverged-adam').addEventListener(
      'click',
      fix(() => ({ optimizer: 'adam' })),
    );
    $('diverged-batchnorm').addEventListener(
      'click',
      fix(() => ({ batchNorm: true })),
    );
    $('diverged-reset').addEventListener('click', () => {
      this.hide();
      active.reset();
    });
    $('diverged-dismiss').addEventListener('click', () => this.hide());
    active.on('diverged', (info) => {
      const optimizer = active.document?.compile?.optimizer;
      this.show({
        ...info,
        lr: typeof optimizer === 'object' ? optimizer.learning_rate : undefined,
        optimizer: typeof optimizer === 'object' ? optimizer.type : optimizer,
      });
    });
    active.on('configured', () => this.hide());
    onLangChange(() => this.render());
  }

  show(info) {
    this.info = info;
    this.render();
    this.el.hidden = false;
  }

  render() {
    if (!this.info) return;
    const { epoch, lr, optimizer } = this.info;
    this.text.textContent = this.t('diverged.text', {
      epoch: epoch ?? '?',
      lr: lr ?? '?',
      optimizer: optimizer ? this.t(`opt.${optimizer}`) : '?',
    });
  }

  hide() {
    this.el.hidden = true;
  }
}

export class LimitBanner {
  /** active: the ActiveSession; the limit shown is the lab's `epochs` in the store. */
  constructor(root, { store, active, t, onLangChange }) {
    this.el = root.getElementById('limit');
    this.text = root.getElementById('limit-text');
    this.store = store;
    this.active = active;
    this.t = t;
    root.getElementById('limit-continue').addEventListener('click', () => {
      this.hide();
      this.active.continuePastLimit(NO_LIMIT_EPOCHS).catch(() => {});
    });
    root.getElementById('limit-dismiss').addEventListener('click', () => this.hide());
    active.on('configured', () => this.hide());
    active.on('running', ({ running }) => running && this.hide());
    onLangChange(() => this.render());
  }

  /** Shows the banner instead of playing when the last run ended at its limit; returns
   *  whether it did (the toolbar's Play then does nothing else). */
  offer() {
    if (!this.active.atLimit) return false;
    this.render();
    this.el.hidden = false;
    return true;
  }

  render() {
    const epoch = this.active.lastProgress?.epoch ?? this.store.get('epochs');
    this.text.textContent = this.t('limit.text', { epochs: epoch });
  }

  hide() {
    this.el.hidden = true;
  }
}
