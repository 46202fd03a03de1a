// The benchmark workloads W1, W1g, W2, W3, W4 (bench/README.md) and their seeded data, shared by every
// engine so each one trains on exactly the same numbers. Arrays are Float32Array, row-major per
// sample: x is [n, ...inputShape], y is [n, outputs].

/// mulberry32: a tiny seeded 32-bit PRNG; returns floats in [0, 1).
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uniform(rng, lo, hi) {
  return lo + (hi - lo) * rng();
}

/// Standard normal by Box-Muller (one value per call; simple beats fast here).
function normal(rng) {
  const u = Math.max(rng(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/// Fisher-Yates shuffle of sample rows (x and y together), seeded.
function shuffleRows(rng, n, arrays) {
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    for (const { data, width } of arrays) {
      for (let k = 0; k < width; k++) {
        const t = data[i * width + k];
        data[i * width + k] = data[j * width + k];
        data[j * width + k] = t;
      }
    }
  }
}

/// Two interleaved spirals as in the TensorFlow Playground (radius up to 5, no noise),
/// label 1 for one arm and 0 for the other; x [n, 2], y [n, 1].
export function twoSpirals(n, seed) {
  const rng = mulberry32(seed);
  const x = new Float32Array(n * 2);
  const y = new Float32Array(n);
  const half = [n - Math.floor(n / 2), Math.floor(n / 2)];
  let row = 0;
  for (let part = 0; part < 2; part++) {
    for (let i = 0; i < half[part]; i++, row++) {
      const s = i / half[part];
      const r = s * 5;
      const t = 1.75 * s * 2 * Math.PI + (part === 0 ? 0 : Math.PI);
      x[row * 2] = r * Math.sin(t);
      x[row * 2 + 1] = r * Math.cos(t);
      y[row] = part === 0 ? 1 : 0;
    }
  }
  shuffleRows(rng, n, [
    { data: x, width: 2 },
    { data: y, width: 1 },
  ]);
  return { x, y };
}

/// "Prototypes": a Fashion-MNIST-sized stand-in. Ten seeded 784-pixel prototypes in [0, 1];
/// each sample is its class prototype plus Gaussian noise (sd 0.3), clipped to [0, 1].
/// x [n, 784], y one-hot [n, 10]; classes balanced and shuffled.
export function prototypes(n, seed, features = 784, classes = 10) {
  const rng = mulberry32(seed);
  const protos = new Float32Array(classes * features);
  for (let i = 0; i < protos.length; i++) protos[i] = rng() < 0.4 ? uniform(rng, 0.3, 1) : 0;
  const x = new Float32Array(n * features);
  const y = new Float32Array(n * classes);
  for (let s = 0; s < n; s++) {
    const c = s % classes;
    for (let f = 0; f < features; f++) {
      const v = protos[c * features + f] + 0.3 * normal(rng);
      x[s * features + f] = Math.min(1, Math.max(0, v));
    }
    y[s * classes + c] = 1;
  }
  shuffleRows(rng, n, [
    { data: x, width: features },
    { data: y, width: classes },
  ]);
  return { x, y };
}

/// Sine windows as the native W3/W4 use: sin(2 pi t / 20) from a random phase per window;
/// x [n, steps, 1] = steps values, y [n, 1] = the next value.
export function sineWindows(n, steps, seed, period = 20) {
  const rng = mulberry32(seed);
  const x = new Float32Array(n * steps);
  const y = new Float32Array(n);
  for (let b = 0; b < n; b++) {
    const phase = uniform(rng, 0, period);
    for (let t = 0; t < steps; t++) x[b * steps + t] = Math.sin((2 * Math.PI * (phase + t)) / period);
    y[b] = Math.sin((2 * Math.PI * (phase + steps)) / period);
  }
  return { x, y };
}

/// The 100x100 evaluation grid over [-6, 6]^2 (TF Playground's range), row-major with x1
/// varying fastest; [10000, 2].
export function gridPoints(resolution, lo, hi) {
  const pts = new Float32Array(resolution * resolution * 2);
  const step = (hi - lo) / (resolution - 1);
  for (let r = 0; r < resolution; r++) {
    for (let c = 0; c < resolution; c++) {
      const i = r * resolution + c;
      pts[i * 2] = lo + c * step;
      pts[i * 2 + 1] = hi - r * step;
    }
  }
  return pts;
}

/// Seeded Glorot-uniform weights in Keras layout (kernel [in, units] row-major, zero biases,
/// LSTM unit_forget_bias) for when nnplay's get_weights is unavailable: the peers still share
/// one set of initial weights. Recurrent kernels are Glorot too (not orthogonal): a fallback.
export function fallbackWeights(workload, seed) {
  const rng = mulberry32(seed);
  const glorot = (fanIn, fanOut) => {
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    const w = new Float32Array(fanIn * fanOut);
    for (let i = 0; i < w.length; i++) w[i] = uniform(rng, -limit, limit);
    return { shape: [fanIn, fanOut], values: w };
  };
  const zeros = (k) => ({ shape: [k], values: new Float32Array(k) });
  const out = [];
  let fanIn = workload.inputShape[workload.inputShape.length - 1];
  for (const layer of workload.layers) {
    if (layer.type === 'dense') {
      out.push(glorot(fanIn, layer.units), zeros(layer.units));
    } else {
      const gates = layer.type === 'lstm' ? 4 : 1;
      const bias = zeros(gates * layer.units);
      if (layer.type === 'lstm') bias.values.fill(1, layer.units, 2 * layer.units);
      out.push(glorot(fanIn, gates * layer.units), glorot(layer.units, gates * layer.units), bias);
    }
    fanIn = layer.units;
  }
  return out;
}

const SPIRAL_NET = [
  { type: 'dense', units: 8, activation: 'tanh' },
  { type: 'dense', units: 8, activation: 'tanh' },
  { type: 'dense', units: 1, activation: 'sigmoid' },
];

function sineWorkload(id, cell, title) {
  return {
    id,
    title,
    inputShape: [20, 1],
    layers: [
      { type: cell, units: 32 },
      { type: 'dense', units: 1 },
    ],
    optimizer: { type: 'adam', learning_rate: 0.01 },
    loss: 'mean_squared_error',
    batch: 32,
    samples: 2000,
    chunk: 320,
    data: () => sineWindows(2000, 20, 3),
  };
}

/// Every workload: the model (Keras terms), the training setup and a data factory. `chunk` is
/// how many samples an engine trains per call inside a timed round.
export const WORKLOADS = [
  {
    id: 'W1',
    title: 'W1 2-8-8-1 tanh/sigmoid, BCE, SGD 0.03, batch 10, 500 spiral points',
    inputShape: [2],
    layers: SPIRAL_NET,
    optimizer: { type: 'sgd', learning_rate: 0.03 },
    loss: 'binary_crossentropy',
    batch: 10,
    samples: 500,
    chunk: 500,
    data: () => twoSpirals(500, 1),
  },
  {
    id: 'W1g',
    title: 'W1g the W1 net over a 100x100 grid, one call (ms per grid)',
    inputShape: [2],
    layers: SPIRAL_NET,
    optimizer: { type: 'sgd', learning_rate: 0.03 },
    loss: 'binary_crossentropy',
    batch: 10,
    samples: 500,
    grid: { resolution: 100, lo: -6, hi: 6 },
    data: () => twoSpirals(500, 1),
  },
  {
    id: 'W2',
    title: 'W2 784-128 relu-10 softmax, CCE, Adam 1e-3, batch 32, 10,000 samples',
    inputShape: [784],
    layers: [
      { type: 'dense', units: 128, activation: 'relu' },
      { type: 'dense', units: 10, activation: 'softmax' },
    ],
    optimizer: { type: 'adam', learning_rate: 0.001 },
    loss: 'categorical_crossentropy',
    batch: 32,
    samples: 10000,
    chunk: 640,
    data: () => prototypes(10000, 2),
  },
  sineWorkload(
    'W3',
    'lstm',
    'W3 LSTM(32) over 20 sine values -> Dense(1), MSE, Adam 0.01, batch 32, 2,000 windows',
  ),
  sineWorkload(
    'W4',
    'simple_rnn',
    'W4 SimpleRNN(32) over 20 sine values -> Dense(1), MSE, Adam 0.01, batch 32, 2,000 windows',
  ),
];

/// The nnplay schema-1 document for a workload (docs/schema.md).
export function nnplaySpec(workload, seed = 0) {
  return {
    schema: 1,
    model: {
      type: 'sequential',
      name: workload.id.toLowerCase(),
      seed,
      input_shape: workload.inputShape,
      layers: workload.layers.map((l) => ({ ...l })),
    },
    compile: { optimizer: { ...workload.optimizer }, loss: workload.loss },
    fit: { epochs: 100000, batch_size: workload.batch, shuffle: true, seed: 1 },
  };
}
