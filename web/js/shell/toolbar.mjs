// The toolbar: play/pause (one toggle, #play), step and reset drive the active lab's session;
// the epoch and iteration counters follow its progress (the engine's train answers); the speed
// slider is the store's `speed` (sent to the session on change). Play after a run that ended at
// its epoch limit asks `offerContinue` first (the limit banner). A rebuild that threw trained
// weights away (kit/rebuild-notice.mjs) marks the counters for a moment as they restart at 0.
import { REBUILT_EVENT } from '../kit/rebuild-notice.mjs';

const RESTART_MARK_MS = 3000;

export class Toolbar {
  /** root: the document; store, active (ActiveSession), t: the shell's; offerContinue():
   *  true when it showed the epoch-limit banner instead of playing. */
  constructor(root, { store, active: session, t, onLangChange, offerContinue = () => false }) {
    this.t = t;
    const $ = (id) => root.getElementById(id);
    this.play = $('play');
    this.epoch = $('epoch');
    this.iterations = $('iterations');
    this.speed = $('speed');
    this.speedLabel = $('speed-label');
    this.play.addEventListener('click', () => {
      if (session.running) session.pause();
      else if (!offerContinue()) session.play();
    });
    $('step').addEventListener('click', () => session.step());
    $('reset').addEventListener('click', () => {
      session.reset();
      this.showCounts(0, 0);
    });
    this.speed.addEventListener('input', () => store.set('speed', Number(this.speed.value)));
    const showSpeed = () => {
      this.speed.value = String(store.get('speed'));
      this.speedLabel.textContent = t(`speed.${store.get('speed')}`);
      session.setSpeed(store.get('speed'));
    };
    this.offStore = store.subscribe((keys) => {
      if (keys.has('speed') || keys.has('lang')) showSpeed();
    });
    showSpeed();
    // Progress comes ~60 times a second while training; the counters are written at most every
    // 100 ms (each write costs a compositor update), and at once when training stops.
    this.counts = [0, 0];
    this.countTimer = null;
    session.on('progress', ({ answer }) =>
      this.showCounts(answer.epoch, answer.iterations, !session.running),
    );
    // A reset (this button, a host page's `reset`, the divergence banner's) restarts training.
    session.on('paused', ({ reason }) =>
      reason === 'reset' ? this.showCounts(0, 0, true) : this.showCounts(...this.counts, true),
    );
    session.on('configured', () => this.showCounts(0, 0, true));
    this.restartTimer = null;
    root.addEventListener(REBUILT_EVENT, () => this.markRestart());
    session.on('running', ({ running }) => this.showRunning(running));
    onLangChange?.(() => this.showRunning(session.running));
    this.showRunning(session.running);
  }

  showCounts(epoch, iterations, now) {
    this.counts = [epoch ?? 0, iterations ?? 0];
    const write = () => {
      this.countTimer = null;
      this.epoch.textContent = String(this.counts[0]);
      this.iterations.textContent = String(this.counts[1]);
    };
    if (now) {
      clearTimeout(this.countTimer);
      write();
    } else if (this.countTimer === null) {
      this.countTimer = setTimeout(write, 100);
    }
  }

  /** Marks the counters (class `restarted`) for a moment: training starts again at 0. */
  markRestart() {
    const counters = [this.epoch, this.iterations].map((output) => output.closest('.counter') ?? output);
    for (const counter of counters) counter.classList.add('restarted');
    clearTimeout(this.restartTimer);
    this.restartTimer = setTimeout(() => {
      for (const counter of counters) counter.classList.remove('restarted');
    }, RESTART_MARK_MS);
  }

  /** The toggle's label and tooltip follow what a click does (train or pause). */
  showRunning(running) {
    document.body.classList.toggle('is-running', running);
    this.play.setAttribute('aria-pressed', String(running));
    this.play.setAttribute('aria-label', this.t(running ? 'toolbar.pause' : 'toolbar.play'));
    this.play.title = this.t(running ? 'toolbar.pauseHelp' : 'toolbar.playHelp');
  }
}
