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
    trainer.on('progress', (p) => this.showCounts(p.epoch, p.iterations));
    trainer.on('configured', () => this.showCounts(0, 0));
    trainer.on('running', ({ running }) => this.showRunning(running));
    this.showRunning(trainer.running);
  }

  showCounts(epoch, iterations) {
    this.epoch.textContent = String(epoch ?? 0);
    this.iterations.textContent = String(iterations ?? 0);
  }

  showRunning(running) {
    document.body.classList.toggle('is-running', running);
    this.play.setAttribute('aria-pressed', String(running));
  }
}
