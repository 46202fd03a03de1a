// The perceptron lab's arithmetic, pure (no DOM, no engine): the four truth-table points of each
// gate, the perceptron's prediction ŷ = step(w·x + b), and the forward pass of the small hidden-
// layer network from its Keras-layout weights, so predictions and accuracy never wait for the
// engine (Keras's accuracy thresholds z at 0.5, which is wrong for a perceptron).

/** Truth tables, rows for inputs (0,0), (0,1), (1,0), (1,1) as the engine's gate_* data. */
export const GATES = Object.freeze({
  and: [0, 0, 0, 1],
  or: [0, 1, 1, 1],
  nand: [1, 1, 1, 0],
  xor: [0, 1, 1, 0],
});

export const GATE_NAMES = Object.freeze(Object.keys(GATES));

/** The four points of `gate`: [{x1, x2, y}]. */
export function truthTable(gate) {
  const outputs = GATES[gate] ?? GATES.and;
  return outputs.map((y, row) => ({ x1: Math.floor(row / 2), x2: row % 2, y }));
}

/** Heaviside step as the perceptron rule uses it: 1 when z ≥ 0. */
export const step = (z) => (z >= 0 ? 1 : 0);

/** z = w1·x1 + w2·x2 + b for weights [w1, w2, b]. */
export function preActivation(weights, x1, x2) {
  return weights[0] * x1 + weights[1] * x2 + weights[2];
}

/** Per point {x1, x2, y, z, prediction, correct} for a perceptron with weights [w1, w2, b]. */
export function perceptronPredictions(weights, gate) {
  return truthTable(gate).map((p) => {
    const z = preActivation(weights, p.x1, p.x2);
    const prediction = step(z);
    return { ...p, z, prediction, correct: prediction === p.y };
  });
}

/** How many of the points are classified correctly. */
export const countCorrect = (predictions) => predictions.filter((p) => p.correct).length;

/** The weight array of a Keras layout entry `name` (e.g. "dense/kernel"), or null. */
function weightOf(weights, layout, suffix, index) {
  const entries = layout.filter((e) => e.name.endsWith(suffix));
  const entry = entries[index];
  if (!entry) return null;
  const size = entry.shape.reduce((a, b) => a * b, 1);
  return weights.subarray(entry.offset, entry.offset + size);
}

/**
 * The hidden-layer network Dense(h, tanh) → Dense(1, sigmoid) read from a snapshot's weights:
 * {hidden: h, kernel1: [2, h] row-major, bias1: [h], kernel2: [h, 1], bias2: [1]} or null when the
 * layout is not that shape.
 */
export function hiddenNetwork(weights, layout) {
  const kernel1 = weightOf(weights, layout, '/kernel', 0);
  const bias1 = weightOf(weights, layout, '/bias', 0);
  const kernel2 = weightOf(weights, layout, '/kernel', 1);
  const bias2 = weightOf(weights, layout, '/bias', 1);
  if (!kernel1 || !bias1 || !kernel2 || !bias2) return null;
  const hidden = bias1.length;
  if (kernel1.length !== 2 * hidden || kernel2.length !== hidden) return null;
  return { hidden, kernel1, bias1, kernel2, bias2 };
}

/** The hidden network's output σ(Σ_j v_j·tanh(w_j·x + b_j) + c) at (x1, x2). */
export function hiddenOutput(net, x1, x2) {
  let z = net.bias2[0];
  for (let j = 0; j < net.hidden; j += 1) {
    const h = Math.tanh(net.kernel1[j] * x1 + net.kernel1[net.hidden + j] * x2 + net.bias1[j]);
    z += net.kernel2[j] * h;
  }
  return 1 / (1 + Math.exp(-z));
}

/** Hidden neuron j's line as perceptron weights [w1, w2, b] (its tanh crosses 0 there). */
export function hiddenLine(net, j) {
  return [net.kernel1[j], net.kernel1[net.hidden + j], net.bias1[j]];
}

/** Per point {x1, x2, y, z: output probability, prediction, correct} for the hidden network. */
export function hiddenPredictions(net, gate) {
  return truthTable(gate).map((p) => {
    const z = hiddenOutput(net, p.x1, p.x2);
    const prediction = z >= 0.5 ? 1 : 0;
    return { ...p, z, prediction, correct: prediction === p.y };
  });
}
