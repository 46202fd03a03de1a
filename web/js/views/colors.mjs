// @ts-check
// Colours for the canvases, read from the page's one palette: the CSS variables in css/main.css
// :root. Each name is read once (getComputedStyle) and cached; without a document (Node tests) or
// with a variable the page does not define, the fallback below is used, so FALLBACK must repeat
// main.css's values. Views take their colours from palette() instead of writing them down.

/** @typedef {[number, number, number]} Rgb */

/** CSS variable name (without "--") -> the value main.css gives it. */
const FALLBACK = {
  ink: '#212529',
  'ink-dark': '#1d2530',
  'text-soft': '#3b4350',
  'label-ink': '#3c4043',
  muted: '#5f6b76',
  paper: '#ffffff',
  bg: '#f5f7f9',
  grid: '#e3e6eb',
  'grid-strong': '#c9ced6',
  axis: '#7d8694',
  orange: '#f59322',
  blue: '#0877bd',
  'heat-mid': '#e8eaeb',
  'class-neg': '#f59322',
  'class-pos': '#0877bd',
  'weight-neg': '#f59322',
  'weight-pos': '#0877bd',
  'series-train': '#0877bd',
  'series-test': '#f59322',
  'curve-f': '#2f6fb0',
  'curve-df': '#d1495b',
  'tower-sigmoid': '#d1495b',
  'tower-relu': '#2f6fb0',
  'gate-one': '#2f6fb0',
  'gate-zero': '#f08a24',
  wrong: '#d62728',
  'hidden-line': 'rgba(60, 60, 60, 0.55)',
};

/** Tableau 10 (as d3-scale-chromatic's schemeTableau10): the classes beyond two. */
export const TABLEAU10 = [
  '#4e79a7',
  '#f28e2c',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc949',
  '#af7aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ab',
];

/** @type {Map<string, string>} */
const cache = new Map();

/**
 * The palette's value of CSS variable `--name` (a CSS colour string), cached.
 * @param {keyof typeof FALLBACK} name
 * @returns {string}
 */
export function cssColour(name) {
  let value = cache.get(name);
  if (value === undefined) {
    value = '';
    if (typeof document !== 'undefined' && typeof getComputedStyle === 'function') {
      value = getComputedStyle(document.documentElement).getPropertyValue(`--${name}`).trim();
    }
    if (!rgbaOf(value)) value = FALLBACK[name];
    cache.set(name, value);
  }
  return value;
}

/**
 * [r, g, b, a] (0-255, alpha 0-1) of a #rgb, #rrggbb or rgb()/rgba() string, or null.
 * @param {string} colour
 * @returns {[number, number, number, number] | null}
 */
export function rgbaOf(colour) {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour);
  if (hex) {
    const h = hex[1].length === 3 ? [...hex[1]].map((c) => c + c).join('') : hex[1];
    const [r, g, b] = [0, 2, 4].map((at) => parseInt(h.slice(at, at + 2), 16));
    return [r, g, b, 1];
  }
  const fn = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+))?\s*\)$/i.exec(colour);
  if (!fn) return null;
  return [Number(fn[1]), Number(fn[2]), Number(fn[3]), fn[4] === undefined ? 1 : Number(fn[4])];
}

/**
 * [r, g, b] of the palette's `--name`.
 * @param {keyof typeof FALLBACK} name
 * @returns {Rgb}
 */
export function rgbOf(name) {
  const [r, g, b] = /** @type {number[]} */ (rgbaOf(cssColour(name)));
  return [r, g, b];
}

/**
 * A CSS rgba() string of [r, g, b] with `alpha`.
 * @param {ArrayLike<number>} rgb
 * @param {number} [alpha]
 * @returns {string}
 */
export function cssRgb(rgb, alpha = 1) {
  return `rgba(${rgb[0]},${rgb[1]},${rgb[2]},${alpha})`;
}

/**
 * @typedef {object} Palette
 * @property {string} ink text and dark outlines (test points, a hovered link)
 * @property {string} inkDark the perceptron's line and handles
 * @property {string} textSoft labels drawn on a canvas
 * @property {string} labelInk the metrics chart's best-epoch marker
 * @property {string} muted axis numbers
 * @property {string} paper canvas background, train point outline
 * @property {string} bg dataset thumbnail background
 * @property {string} grid gridlines
 * @property {string} gridStrong the perceptron's grid
 * @property {string} axis the zero lines
 * @property {Rgb} classNeg class 0 / negative values (orange)
 * @property {Rgb} classPos class 1 / positive values (blue)
 * @property {Rgb} heatMid the heat map's middle (zero, undecided)
 * @property {Rgb} weightNeg negative weights
 * @property {Rgb} weightPos positive weights
 * @property {string} train train loss and accuracy series
 * @property {string} test test loss and accuracy series
 * @property {string} curveF an activation f(x)
 * @property {string} curveDf its derivative f'(x)
 * @property {string} towerSigmoid the deep sigmoid tower
 * @property {string} towerRelu the ReLU tower
 * @property {Rgb} gateOne the perceptron's class 1
 * @property {Rgb} gateZero the perceptron's class 0
 * @property {string} wrong the ring around a misclassified point
 * @property {string} hiddenLine a hidden neuron's line in the perceptron lab
 */

/** @type {Palette | null} */
let cached = null;

/**
 * The colours the canvases use, read from the page's CSS variables once.
 * @returns {Palette}
 */
export function palette() {
  if (cached) return cached;
  cached = {
    ink: cssColour('ink'),
    inkDark: cssColour('ink-dark'),
    textSoft: cssColour('text-soft'),
    labelInk: cssColour('label-ink'),
    muted: cssColour('muted'),
    paper: cssColour('paper'),
    bg: cssColour('bg'),
    grid: cssColour('grid'),
    gridStrong: cssColour('grid-strong'),
    axis: cssColour('axis'),
    classNeg: rgbOf('class-neg'),
    classPos: rgbOf('class-pos'),
    heatMid: rgbOf('heat-mid'),
    weightNeg: rgbOf('weight-neg'),
    weightPos: rgbOf('weight-pos'),
    train: cssColour('series-train'),
    test: cssColour('series-test'),
    curveF: cssColour('curve-f'),
    curveDf: cssColour('curve-df'),
    towerSigmoid: cssColour('tower-sigmoid'),
    towerRelu: cssColour('tower-relu'),
    gateOne: rgbOf('gate-one'),
    gateZero: rgbOf('gate-zero'),
    wrong: cssColour('wrong'),
    hiddenLine: cssColour('hidden-line'),
  };
  return cached;
}

/**
 * 256 RGB entries (768 bytes) for t in [-1, 1]: neg -> mid -> pos, linear in each half.
 * @param {Rgb} neg
 * @param {Rgb} mid
 * @param {Rgb} pos
 * @returns {Uint8ClampedArray}
 */
function divergingScale(neg, mid, pos) {
  const table = new Uint8ClampedArray(256 * 3);
  for (let i = 0; i < 256; i += 1) {
    const t = (i / 255) * 2 - 1;
    const far = t < 0 ? neg : pos;
    for (let c = 0; c < 3; c += 1) table[i * 3 + c] = mid[c] + (far[c] - mid[c]) * Math.abs(t);
  }
  return table;
}

/** @type {Uint8ClampedArray | null} */
let diverging = null;
/** @type {Uint8ClampedArray | null} */
let weights = null;

/**
 * The heat map's diverging scale as 256 RGB entries for t in [-1, 1] (index with
 * divergingIndex): class-neg orange -> heat-mid -> class-pos blue.
 * @returns {Uint8ClampedArray}
 */
export function divergingTable() {
  const { classNeg, classPos, heatMid } = palette();
  diverging ??= divergingScale(classNeg, heatMid, classPos);
  return diverging;
}

/**
 * The index into divergingTable() (entries of 3) of t, clamped to [-1, 1]; NaN -> 0.
 * @param {number} t
 * @returns {number}
 */
export function divergingIndex(t) {
  if (!(t > -1)) return 0; // also NaN
  if (t >= 1) return 255;
  return ((t + 1) * 127.5) | 0;
}

/**
 * The diverging colour of t (clamped to [-1, 1]) as [r, g, b].
 * @param {number} t
 * @returns {Rgb}
 */
export function divergingColour(t) {
  const table = divergingTable();
  const i = divergingIndex(t) * 3;
  return [table[i], table[i + 1], table[i + 2]];
}

/**
 * The colour of a link of weight sign and strength t in [-1, 1] as [r, g, b]: weight-neg ->
 * heat-mid -> weight-pos, the same steps as the heat map.
 * @param {number} t
 * @returns {Rgb}
 */
export function weightColour(t) {
  const { weightNeg, weightPos, heatMid } = palette();
  weights ??= divergingScale(weightNeg, heatMid, weightPos);
  const i = divergingIndex(t) * 3;
  return [weights[i], weights[i + 1], weights[i + 2]];
}

/**
 * Class colours [r, g, b] for k classes: orange/blue for 2, Tableau 10 (cycled) for more.
 * @param {number} k
 * @returns {Rgb[]}
 */
export function classColours(k) {
  const { classNeg, classPos } = palette();
  if (k <= 2) return [classNeg, classPos];
  return Array.from({ length: k }, (_, c) => {
    const [r, g, b] = /** @type {number[]} */ (rgbaOf(TABLEAU10[c % 10]));
    return /** @type {Rgb} */ ([r, g, b]);
  });
}
