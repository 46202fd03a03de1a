// Schema-1 documents of the perceptron lab, pure: state (the store's plain values) -> document.
// Perceptron: one Dense(1, linear) unit trained by Rosenblatt's rule (loss "perceptron": with SGD
// and batch 1, w += lr·(y − ŷ)·x), zero start weights (the lab then sets the learner's pWeights).
// With a hidden layer: Dense(4, tanh) → Dense(1, sigmoid), binary cross-entropy, Adam 0.05
// (solves XOR with seed 0 in ~45 epochs; measured with the engine, tests/wasm/page-perceptron).

import { fitEpochs } from '../../state/kit-fields.mjs';

export const HIDDEN_UNITS = 4;
export const HIDDEN_LEARNING_RATE = 0.05;
export const HIDDEN_EPOCHS = 500;

/** The loss the perceptron trains with ("perceptron"; tests may pass another). */
export const PERCEPTRON_LOSS = 'perceptron';

/** The dataset name of `gate` (and, or, nand, xor). */
export const gateData = (gate) => ({ name: `gate_${gate}` });

/** Document for the single perceptron: state {gate, lr, epochs, seed}. */
export function perceptronDocument(state, { loss = PERCEPTRON_LOSS } = {}) {
  return {
    schema: 1,
    title: `Perceptron: ${String(state.gate).toUpperCase()}`,
    model: {
      type: 'sequential',
      name: 'perceptron',
      seed: state.seed ?? 0,
      input_shape: [2],
      layers: [
        { type: 'dense', name: 'perceptron', units: 1, activation: 'linear', kernel_initializer: 'zeros' },
      ],
    },
    compile: { optimizer: { type: 'sgd', learning_rate: state.lr ?? 1 }, loss },
    fit: { epochs: fitEpochs(state.epochs ?? 100), batch_size: 1, shuffle: false, seed: state.seed ?? 0 },
    data: gateData(state.gate),
  };
}

/** Document for the network with one hidden layer: state {gate, epochs, seed}. */
export function hiddenDocument(state) {
  return {
    schema: 1,
    title: `Hidden layer: ${String(state.gate).toUpperCase()}`,
    model: {
      type: 'sequential',
      name: 'hidden_layer',
      seed: state.seed ?? 0,
      input_shape: [2],
      layers: [
        { type: 'dense', name: 'hidden', units: HIDDEN_UNITS, activation: 'tanh' },
        { type: 'dense', name: 'output', units: 1, activation: 'sigmoid' },
      ],
    },
    compile: {
      optimizer: { type: 'adam', learning_rate: HIDDEN_LEARNING_RATE },
      loss: 'binary_crossentropy',
      metrics: ['accuracy'],
    },
    fit: {
      epochs: Math.min(fitEpochs(state.epochs ?? HIDDEN_EPOCHS), HIDDEN_EPOCHS),
      batch_size: 4,
      shuffle: false,
      seed: state.seed ?? 0,
    },
    data: gateData(state.gate),
  };
}

/** The lab's document for the state: the hidden network when pHidden, else the perceptron. */
export function labDocument(state, options) {
  return state.pHidden ? hiddenDocument(state) : perceptronDocument(state, options);
}

/** The perceptron's weights [w1, w2, b] as the engine's weight array (kernel [2,1], bias [1]). */
export function perceptronWeightArray(weights) {
  return new Float32Array([weights[0] ?? 0, weights[1] ?? 0, weights[2] ?? 0]);
}
