// LossChart: a small canvas line chart of the loss per epoch (and val_loss when present).
const colors = { loss: '#0877bd', val_loss: '#f59322' };

export class LossChart {
  /** el: a <canvas>; opts.keys: the log keys to draw. */
  constructor(el, { keys = ['loss', 'val_loss'] } = {}) {
    this.canvas = el;
    this.keys = keys;
    this.points = [];
  }

  /** Appends the finished epochs [{epoch, logs}] and redraws. */
  update(epochLogs) {
    for (const { epoch, logs } of epochLogs) this.points.push({ epoch, logs });
    this.draw();
  }

  reset() {
    this.points = [];
    this.draw();
  }

  draw() {
    const { canvas } = this;
    const ctx = canvas.getContext('2d');
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    const values = this.points.flatMap((p) => this.keys.map((k) => p.logs[k]))
      .filter(Number.isFinite);
    if (this.points.length < 2 || values.length === 0) return;
    const lo = Math.min(...values, 0);
    const hi = Math.max(...values) || 1;
    const pad = 4;
    const x = (i) => pad + (i / (this.points.length - 1)) * (canvas.width - 2 * pad);
    const y = (v) => canvas.height - pad - ((v - lo) / (hi - lo)) * (canvas.height - 2 * pad);
    for (const key of this.keys) {
      ctx.strokeStyle = colors[key] ?? '#333';
      ctx.beginPath();
      let started = false;
      this.points.forEach((p, i) => {
        const v = p.logs[key];
        if (!Number.isFinite(v)) return;
        if (started) ctx.lineTo(x(i), y(v));
        else ctx.moveTo(x(i), y(v));
        started = true;
      });
      ctx.stroke();
    }
  }
}
