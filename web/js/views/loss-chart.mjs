// LossChart: a small canvas line chart of the loss per epoch (and val_loss when present).
const colors = { loss: '#0877bd', val_loss: '#f59322' };

export class LossChart {
  /** el: a <canvas>; opts.keys: the log keys to draw. */
  constructor(el, { keys = ['loss', 'val_loss'] } = {}) {
    this.canvas = el;
    this.keys = keys;
    this.points = [];
  }

  /** Appends the finished epochs [{epoch, logs}] and redraws at the next frame. */
  update(epochLogs) {
    for (const { epoch, logs } of epochLogs) this.points.push({ epoch, logs });
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => {
      this.pending = false;
      this.draw();
    });
  }

  reset() {
    this.points = [];
    this.draw();
  }

  draw() {
    const { canvas } = this;
    const ctx = canvas.getContext('2d');
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    // At most one point per pixel column: tiny models finish thousands of epochs a second.
    const stride = Math.max(1, Math.ceil(this.points.length / canvas.width));
    const shown = this.points.filter((_, i) => i % stride === 0 || i === this.points.length - 1);
    let lo = 0;
    let hi = -Infinity;
    for (const p of shown) {
      for (const key of this.keys) {
        if (Number.isFinite(p.logs[key])) { lo = Math.min(lo, p.logs[key]); hi = Math.max(hi, p.logs[key]); }
      }
    }
    if (shown.length < 2 || !Number.isFinite(hi)) return;
    if (hi <= lo) hi = lo + 1;
    const pad = 4;
    const x = (i) => pad + (i / (shown.length - 1)) * (canvas.width - 2 * pad);
    const y = (v) => canvas.height - pad - ((v - lo) / (hi - lo)) * (canvas.height - 2 * pad);
    for (const key of this.keys) {
      ctx.strokeStyle = colors[key] ?? '#333';
      ctx.beginPath();
      let started = false;
      shown.forEach((p, i) => {
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
