// Every activation of the course as pure functions: f(x, alpha), its derivative df(x, alpha), and
// the formulas as text (math notation, the same in every language). Same definitions as the engine (engine/core/activations, Keras 3):
// leaky_relu alpha 0.2 and elu alpha 1.0 by default, prelu x ≥ 0 ? x : alpha·x with alpha a
// (learnable) parameter, softmax shown for the 2-vector [x, 0], whose first output is σ(x).
// tests/wasm/page-activations.test.mjs checks f against the engine to 1e-5 and df against a
// central difference of the engine's predictions.

const sigmoid = (x) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));

/** id → {f, df, alpha?: {default, min, max, step}, formula, derivative} (formula texts are math,
 *  the same in every language). The kink of relu-like functions takes the engine's side. */
export const ACTIVATIONS = Object.freeze({
  linear: {
    f: (x) => x,
    df: () => 1,
    formula: 'f(x) = x',
    derivative: 'f′(x) = 1',
  },
  step: {
    f: (x) => (x >= 0 ? 1 : 0),
    df: () => 0,
    formula: 'f(x) = 1 (x ≥ 0),  0 (x < 0)',
    derivative: 'f′(x) = 0 (x ≠ 0)',
  },
  sigmoid: {
    f: sigmoid,
    df: (x) => sigmoid(x) * (1 - sigmoid(x)),
    formula: 'σ(x) = 1 / (1 + e⁻ˣ)',
    derivative: 'σ′(x) = σ(x)·(1 − σ(x)) ≤ 0.25',
  },
  tanh: {
    f: Math.tanh,
    df: (x) => 1 - Math.tanh(x) ** 2,
    formula: 'tanh(x) = (eˣ − e⁻ˣ) / (eˣ + e⁻ˣ)',
    derivative: 'tanh′(x) = 1 − tanh²(x) ≤ 1',
  },
  relu: {
    f: (x) => Math.max(0, x),
    df: (x) => (x > 0 ? 1 : 0),
    formula: 'ReLU(x) = max(0, x)',
    derivative: 'ReLU′(x) = 1 (x > 0),  0 (x ≤ 0)',
  },
  leaky_relu: {
    f: (x, a = 0.2) => (x > 0 ? x : a * x),
    df: (x, a = 0.2) => (x > 0 ? 1 : a),
    alpha: { default: 0.2, min: 0, max: 1, step: 0.05 },
    formula: 'f(x) = x (x > 0),  α·x (x ≤ 0)',
    derivative: 'f′(x) = 1 (x > 0),  α (x ≤ 0)',
  },
  elu: {
    f: (x, a = 1) => (x > 0 ? x : a * Math.expm1(x)),
    df: (x, a = 1) => (x > 0 ? 1 : a * Math.exp(x)),
    alpha: { default: 1, min: 0, max: 2, step: 0.1 },
    formula: 'ELU(x) = x (x > 0),  α·(eˣ − 1) (x ≤ 0)',
    derivative: 'ELU′(x) = 1 (x > 0),  α·eˣ (x ≤ 0)',
  },
  prelu: {
    f: (x, a = 0.25) => (x >= 0 ? x : a * x),
    df: (x, a = 0.25) => (x >= 0 ? 1 : a),
    alpha: { default: 0.25, min: -1, max: 1, step: 0.05 },
    formula: 'PReLU(x) = x (x ≥ 0),  α·x (x < 0)',
    derivative: '∂f/∂x = 1 (x ≥ 0),  α (x < 0)  ·  ∂f/∂α = min(0, x)',
  },
  softmax: {
    f: sigmoid,
    df: (x) => sigmoid(x) * (1 - sigmoid(x)),
    formula: 'softmax([x, 0])₁ = eˣ / (eˣ + e⁰) = σ(x)',
    derivative: '∂/∂x = p·(1 − p),  p = softmax([x, 0])₁',
  },
});

export const ACTIVATION_IDS = Object.freeze(Object.keys(ACTIVATIONS));

/** The α of activation `id` (its default when alpha is not a finite number), or undefined. */
export function alphaOf(id, alpha) {
  const spec = ACTIVATIONS[id]?.alpha;
  if (!spec) return undefined;
  return Number.isFinite(alpha) ? alpha : spec.default;
}

/** Samples f and f′ of `id` on `count` points of [lo, hi]: {xs, f, df} as Float64Arrays. */
export function sample(id, { lo = -6, hi = 6, count = 241, alpha } = {}) {
  const spec = ACTIVATIONS[id];
  const a = alphaOf(id, alpha);
  const xs = new Float64Array(count);
  const f = new Float64Array(count);
  const df = new Float64Array(count);
  for (let i = 0; i < count; i += 1) {
    const x = lo + ((hi - lo) * i) / (count - 1);
    xs[i] = x;
    f[i] = spec.f(x, a);
    df[i] = spec.df(x, a);
  }
  return { xs, f, df };
}
