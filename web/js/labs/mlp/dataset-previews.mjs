// Small pictures of the 2-D datasets for the picker buttons: a few dozen points drawn from
// simple approximations of each generator (the engine's own data arrive only after configure),
// or a colour field for the regression sets. Drawn once per button.
import { seededRandom } from '../../kit/seeded-random.mjs';
import { classColours, cssRgb, divergingColour, palette } from '../../views/colors.mjs';

/** Points [x1, x2, class] in [-6, 6]² approximating `name`'s generator. */
function samplePoints(name, rnd) {
  const u = (lo, hi) => lo + (hi - lo) * rnd();
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const out = [];
  for (let i = 0; i < 70; i += 1) {
    const c = i % 2;
    switch (name) {
      case 'circle': {
        const r = c ? u(0, 2.5) : u(3.5, 5);
        const a = u(0, 2 * Math.PI);
        out.push([r * Math.cos(a), r * Math.sin(a), c]);
        break;
      }
      case 'xor': {
        const x = u(-5, 5);
        const y = u(-5, 5);
        out.push([x + Math.sign(x) * 0.3, y + Math.sign(y) * 0.3, x * y >= 0 ? 1 : 0]);
        break;
      }
      case 'gauss':
        out.push(c ? [2 + gauss(), 2 + gauss(), 1] : [-2 + gauss(), -2 + gauss(), 0]);
        break;
      case 'spiral': {
        const r = (i / 70) * 5;
        const t = 1.75 * (i / 70) * 2 * Math.PI + c * Math.PI;
        out.push([r * Math.sin(t), r * Math.cos(t), c]);
        break;
      }
      case 'moons': {
        const a = u(0, Math.PI);
        out.push(
          c
            ? [3 * Math.cos(a) - 1.5, 3 * Math.sin(a) - 1, 1]
            : [3 * -Math.cos(a) + 1.5, -3 * Math.sin(a) + 1, 0],
        );
        break;
      }
      case 'linear': {
        const x = u(-5, 5);
        const y = u(-5, 5);
        out.push([x, y, x + y > 0 ? 1 : 0]);
        break;
      }
      case 'blobs': {
        const k = i % 3;
        const a = (k / 3) * 2 * Math.PI + 0.5;
        out.push([3.5 * Math.cos(a) + gauss() * 0.9, 3.5 * Math.sin(a) + gauss() * 0.9, k]);
        break;
      }
      default:
        break;
    }
  }
  return out;
}

/** Value in [-1, 1] of the regression sets at (x, y). */
function regressionValue(name, x, y) {
  if (name === 'regress_plane') return (x + y) / 12;
  const bump = (cx, cy, s) => s * Math.exp(-((x - cx) ** 2 + (y - cy) ** 2) / 4);
  return bump(-3, 2.5, 1) + bump(3, -2.5, 1) + bump(2.5, 3, -1) + bump(-2.5, -3, -1);
}

/** Draws dataset `name` on `canvas` (its own pixel size). */
export function drawDatasetPreview(canvas, name) {
  const ctx = canvas.getContext('2d');
  const { width: w, height: h } = canvas;
  const toX = (x) => ((x + 6) / 12) * w;
  const toY = (y) => ((6 - y) / 12) * h;
  if (name.startsWith('regress_')) {
    const n = 24;
    const image = ctx.createImageData(n, n);
    for (let row = 0; row < n; row += 1) {
      for (let col = 0; col < n; col += 1) {
        const [r, g, b] = divergingColour(
          regressionValue(name, -6 + (12 * col) / (n - 1), 6 - (12 * row) / (n - 1)),
        );
        image.data.set([r, g, b, 255], (row * n + col) * 4);
      }
    }
    const scratch = document.createElement('canvas');
    scratch.width = n;
    scratch.height = n;
    scratch.getContext('2d').putImageData(image, 0, 0);
    ctx.drawImage(scratch, 0, 0, w, h);
    return;
  }
  ctx.fillStyle = palette().bg;
  ctx.fillRect(0, 0, w, h);
  const colours = classColours(name === 'blobs' ? 3 : 2);
  const radius = Math.max(1.5, w / 40);
  for (const [x, y, c] of samplePoints(name, seededRandom(7))) {
    ctx.fillStyle = cssRgb(colours[c]);
    ctx.beginPath();
    ctx.arc(toX(x), toY(y), radius, 0, 2 * Math.PI);
    ctx.fill();
  }
}
