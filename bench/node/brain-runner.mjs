// brain.js 1.6.1 peer: plain-JS nets trained one sample at a time (no mini-batches). It runs the
// closest work it can; the differences are reported next to its figures (see SKIPS and notes).
import brain from 'brain.js';

/// Workloads brain.js cannot run, with the reason printed in the table.
export const BRAIN_SKIPS = {
  W2:
    'skipped: brain.js has no softmax/cross-entropy output and trains one sample at a time in ' +
    'plain JS loops (784x128 per sample); not a meaningful peer for this workload',
};

/// Keras kernel [in, units] (row-major) -> element (unit, input).
const kernelAt = (w, unit, input) => w.values[input * w.shape[1] + unit];

/// W1 net as brain.js JSON: sizes [2, 8, 8, 1], node j of layer l has `bias` and `weights`
/// keyed by the previous layer's node index; loaded with fromJSON (public API).
function spiralJson(weights) {
  const sizes = [2, 8, 8, 1];
  const layers = [{ 0: {}, 1: {} }];
  for (let l = 1; l < sizes.length; l++) {
    const kernel = weights[2 * (l - 1)];
    const bias = weights[2 * (l - 1) + 1];
    const layer = {};
    for (let j = 0; j < sizes[l]; j++) {
      const w = {};
      for (let k = 0; k < sizes[l - 1]; k++) w[k] = kernelAt(kernel, j, k);
      layer[j] = { bias: bias.values[j], weights: w };
    }
    layers.push(layer);
  }
  return { sizes, layers, outputLookup: false, inputLookup: false, activation: 'tanh', trainOpts: {} };
}

/// Copies Keras-layout recurrent weights into an initialised brain TimeStep net's matrices
/// (row-major rows x columns: unit x input). Keras gate blocks are i, f, c, o.
function copyRecurrentWeights(net, cell, weights) {
  const [kernel, recurrent, bias, dense, denseBias] = weights;
  const units = recurrent.shape[0];
  const layer = net.model.hiddenLayers[0];
  const fill = (matrix, source, block, cols) => {
    for (let r = 0; r < units; r++) {
      for (let c = 0; c < cols; c++) matrix.weights[r * cols + c] = kernelAt(source, block * units + r, c);
    }
  };
  const fillBias = (matrix, block) => {
    for (let r = 0; r < units; r++) matrix.weights[r] = bias.values[block * units + r];
  };
  const inputs = kernel.shape[0];
  if (cell === 'lstm') {
    const gates = { input: 0, forget: 1, cellActivation: 2, output: 3 };
    for (const [name, block] of Object.entries(gates)) {
      fill(layer[`${name}Matrix`], kernel, block, inputs);
      fill(layer[`${name}Hidden`], recurrent, block, units);
      fillBias(layer[`${name}Bias`], block);
    }
  } else {
    fill(layer.weight, kernel, 0, inputs);
    fill(layer.transition, recurrent, 0, units);
    fillBias(layer.bias, 0);
  }
  for (let c = 0; c < units; c++) net.model.outputConnector.weights[c] = dense.values[c];
  net.model.output.weights[0] = denseBias.values[0];
}

export class BrainEngine {
  constructor() {
    this.name = 'brain.js';
  }

  async init() {
    return null;
  }

  async setup(workload, data, weights) {
    if (BRAIN_SKIPS[workload.id]) return { skip: BRAIN_SKIPS[workload.id] };
    if (workload.id === 'W1' || workload.id === 'W1g') return this.setupSpiral(workload, data, weights);
    return this.setupSine(workload, data, weights);
  }

  setupSpiral(workload, data, weights) {
    const net = new brain.NeuralNetwork({ hiddenLayers: [8, 8], activation: 'tanh' });
    net.fromJSON(spiralJson(weights));
    const rows = [];
    for (let i = 0; i < workload.samples; i++) {
      rows.push({ input: [data.x[2 * i], data.x[2 * i + 1]], output: [data.y[i]] });
    }
    // brain.js refuses momentum 0 and errorThresh 0 ("out of normal training range").
    const opts = {
      iterations: 1,
      errorThresh: 1e-9,
      learningRate: 0.03,
      momentum: 1e-9,
      log: false,
      timeout: Infinity,
    };
    const points = workload.grid?.points;
    const n = points ? points.length / 2 : 0;
    const input = [0, 0];
    return {
      note:
        'per-sample SGD (batch 1), MSE, tanh on every layer incl. output (brain.js has one ' +
        'activation per net); same initial weights via fromJSON',
      gridNote: '10000 net.run() calls',
      activate: async () => {},
      train: async () => {
        const status = net.train(rows, opts);
        return { samples: rows.length, loss: status.error };
      },
      grid: async () => {
        const out = new Float32Array(n);
        for (let i = 0; i < n; i++) {
          input[0] = points[2 * i];
          input[1] = points[2 * i + 1];
          out[i] = net.run(input)[0];
        }
        return out;
      },
      dispose: () => {},
    };
  }

  setupSine(workload, data, weights) {
    const cell = workload.layers[0].type;
    const Net = cell === 'lstm' ? brain.recurrent.LSTMTimeStep : brain.recurrent.RNNTimeStep;
    const net = new Net({ inputSize: 1, hiddenLayers: [32], outputSize: 1 });
    net.initialize();
    // The copied Keras weights (orthogonal recurrent kernel, tuned for tanh) make brain's ReLU
    // RNN explode within one chunk (loss ~1e9, then NaN), so W4 keeps brain's own small random
    // init; W3's LSTM takes the copied weights.
    if (cell === 'lstm') copyRecurrentWeights(net, cell, weights);
    // Each sequence is the 20 window values followed by the target: brain.js predicts every
    // next value along it (20 predictions, loss at every step).
    const steps = workload.inputShape[0];
    const sequences = [];
    for (let i = 0; i < workload.samples; i++) {
      const seq = Array.from(data.x.subarray(i * steps, (i + 1) * steps));
      seq.push(data.y[i]);
      sequences.push(seq);
    }
    const chunks = [];
    for (let s = 0; s < sequences.length; s += workload.chunk)
      chunks.push(sequences.slice(s, s + workload.chunk));
    let next = 0;
    const opts = { iterations: 1, errorThresh: 1e-9, learningRate: 0.01, log: false };
    const cellNote =
      cell === 'lstm'
        ? 'brain.js 1.6.1 LSTM has no separate cell state (it keeps forget*h_prev); same ' +
          'initial weights copied into its matrices'
        : 'brain.js RNN uses ReLU, not tanh, so it keeps its own init (the copied weights explode)';
    return {
      note:
        `per-sample updates (batch 1) with brain's RMSProp-style step, loss at each of the 20 ` +
        `steps; ${cellNote}`,
      activate: async () => {},
      train: async () => {
        const c = chunks[next];
        next = (next + 1) % chunks.length;
        const status = net.train(c, opts);
        return { samples: c.length, loss: status.error };
      },
      dispose: () => {},
    };
  }
}
