// The toolbar: play/pause/step/reset call the trainer; the epoch and iteration counters follow
// its progress; the speed slider is the store's `speed` (sent to the trainer on change).

export class Toolbar {
  /** root: the document; store, trainer, t: the shell's. */
  constructor(root, { store, trainer, t }) {
    this.t = t;
    const $ = (id) => root.getElementById(id);
    this.play = $('play');
    this.pause = $('pause');
    this.epoch = $('epoch');
    this.iterations = $('iterations');
    this.speed = $('speed');
    this.speedLabel = $('speed-label');
    this.play.addEventListener('click', () => trainer.play());
    this.pause.addEventListener('click', () => trainer.pause());
    $('step').addEventListener('click', () => trainer.step());
    $('reset').addEventListener('click', () => {
      trainer.reset();
      this.showCounts(0, 0);
    });
    this.speed.addEventListener('input', () => store.set('speed', Number(this.speed.value)));
    const showSpeed = () => {
      this.speed.value = String(store.get('speed'));
      this.speedLabel.textContent = t(`speed.${store.get('speed')}`);
      trainer.setSpeed(store.get('speed'));
    };
    this.offStore = store.subscribe((keys) => {
      if (keys.has('speed') || keys.has('lang')) showSpeed();
    });
    showSpeed();
    // Progress comes ~60 times a second while training; the counters are written at most every
    // 100 ms (each write costs a compositor update), and at once when training stops.
    this.counts = [0, 0];
    this.countTimer = null;
    trainer.on('progress', (p) => this.showCounts(p.epoch, p.iterations, !trainer.running));
    trainer.on('paused', () => this.showCounts(...this.counts, true));
    trainer.on('configured', () => this.showCounts(0, 0, true));
    trainer.on('running', ({ running }) => this.showRunning(running));
    this.showRunning(trainer.running);
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

  showRunning(running) {
    document.body.classList.toggle('is-running', running);
    this.play.setAttribute('aria-pressed', String(running));
  }
}
