// @ts-check
// Draws 28×28 greyscale images (values 0..1) as a grid on one canvas, ink dark on paper
// (value 1 is black), each image scaled by whole pixels so edges stay sharp.

const SIDE = 28;

/**
 * @param {HTMLCanvasElement} canvas
 * @param {{images: Float32Array, count: number, columns: number, scale: number, gap?: number}} grid
 *   images: [count·784] row-major, values 0..1 (clamped)
 */
export function drawImageGrid(canvas, { images, count, columns, scale, gap = 4 }) {
  const rows = Math.ceil(count / columns);
  const cell = SIDE * scale + gap;
  canvas.width = columns * cell - gap;
  canvas.height = rows * cell - gap;
  const ctx = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d'));
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  const tile = ctx.createImageData(SIDE * scale, SIDE * scale);
  for (let n = 0; n < count; n += 1) {
    const from = n * SIDE * SIDE;
    for (let y = 0; y < SIDE * scale; y += 1) {
      for (let x = 0; x < SIDE * scale; x += 1) {
        const v = images[from + Math.floor(y / scale) * SIDE + Math.floor(x / scale)];
        const grey = 255 - Math.round(255 * Math.min(1, Math.max(0, v)));
        const at = 4 * (y * SIDE * scale + x);
        tile.data[at] = grey;
        tile.data[at + 1] = grey;
        tile.data[at + 2] = grey;
        tile.data[at + 3] = 255;
      }
    }
    ctx.putImageData(tile, (n % columns) * cell, Math.floor(n / columns) * cell);
  }
}
