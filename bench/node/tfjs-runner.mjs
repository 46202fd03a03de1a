// TF.js peers: the CPU backend (@tensorflow/tfjs, plain JS) and the WASM backend
// (@tensorflow/tfjs-backend-wasm, XNNPACK with SIMD). One tf instance; each engine switches the
// active backend before its timed round (outside the timing), and its tensors stay on the
// backend that created them.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

const here = path.dirname(fileURLToPath(import.meta.url));
const wasmDist = path.resolve(here, '../../node_modules/@tensorflow/tfjs-backend-wasm/dist') + path.sep;
setWasmPaths(wasmDist);

/// The one tf instance (its wasm paths set above), for benchmarks that build their own models.
export { tf };

const LOSSES = {
  binary_crossentropy: 'binaryCrossentropy',
  categorical_crossentropy: 'categoricalCrossentropy',
  mean_squared_error: 'meanSquaredError',
};

function makeLayer(spec, inputShape) {
  const first = inputShape ? { inputShape } : {};
  switch (spec.type) {
    case 'dense':
      return tf.layers.dense({ units: spec.units, activation: spec.activation ?? 'linear', ...first });
    // The initial weights are replaced by setWeights: skip TF.js's slow orthogonal init (and
    // its console warning) for the recurrent kernel.
    case 'lstm':
      return tf.layers.lstm({ units: spec.units, recurrentInitializer: 'glorotUniform', ...first });
    case 'simple_rnn':
      return tf.layers.simpleRNN({ units: spec.units, recurrentInitializer: 'glorotUniform', ...first });
    default:
      throw new Error(`tfjs runner: no mapping for layer type ${spec.type}`);
  }
}

export function makeOptimizer(spec) {
  if (spec.type === 'sgd') return tf.train.sgd(spec.learning_rate);
  // Keras defaults (beta 0.9/0.999, epsilon 1e-7), as nnplay uses.
  if (spec.type === 'adam') return tf.train.adam(spec.learning_rate, 0.9, 0.999, 1e-7);
  throw new Error(`tfjs runner: no mapping for optimizer ${spec.type}`);
}

/// A TF.js engine on `backend` ("cpu" or "wasm").
export class TfjsEngine {
  constructor(backend) {
    this.backend = backend;
    this.name = `tfjs-${backend}`;
  }

  /// Makes the backend usable; returns null or the reason it is not.
  async init() {
    try {
      if (!(await tf.setBackend(this.backend))) return `tf.setBackend('${this.backend}') failed`;
      await tf.ready();
      return null;
    } catch (e) {
      return String(e?.message ?? e);
    }
  }

  async activate() {
    if (tf.getBackend() !== this.backend) await tf.setBackend(this.backend);
  }

  /// Builds the workload's model on this backend with `weights` (Keras layout, in getWeights
  /// order) and returns its timed operations. Never called concurrently with another engine.
  async setup(workload, data, weights) {
    await this.activate();
    const model = tf.sequential();
    workload.layers.forEach((l, i) => model.add(makeLayer(l, i === 0 ? workload.inputShape : null)));
    model.compile({ optimizer: makeOptimizer(workload.optimizer), loss: LOSSES[workload.loss] });
    const expected = model.getWeights().map((w) => w.shape.join('x'));
    const given = weights.map((w) => w.shape.join('x'));
    if (expected.join(',') !== given.join(',')) {
      throw new Error(`weight shapes differ: tfjs ${expected} vs given ${given}`);
    }
    const tensors = weights.map((w) => tf.tensor(w.values, w.shape));
    model.setWeights(tensors);
    tensors.forEach((t) => t.dispose());

    const n = workload.samples;
    const xWidth = workload.inputShape.reduce((a, b) => a * b, 1);
    const yWidth = data.y.length / n;
    const chunks = [];
    for (let start = 0; workload.chunk && start < n; start += workload.chunk) {
      const m = Math.min(workload.chunk, n - start);
      chunks.push({
        m,
        x: tf.tensor(data.x.subarray(start * xWidth, (start + m) * xWidth), [m, ...workload.inputShape]),
        y: tf.tensor(data.y.subarray(start * yWidth, (start + m) * yWidth), [m, yWidth]),
      });
    }
    let next = 0;
    let gridInput = null;
    if (workload.grid) {
      const res = workload.grid.resolution;
      gridInput = tf.tensor(workload.grid.points, [res * res, 2]);
    }

    return {
      note: 'model.fit per chunk (shuffle, yieldEvery never); same initial weights via setWeights',
      gridNote: 'model.predict on a 10000x2 tensor (batchSize 10000) + data()',
      activate: () => this.activate(),
      /// Trains one chunk of whole batches; returns samples trained and the chunk's loss.
      train: async () => {
        const c = chunks[next];
        next = (next + 1) % chunks.length;
        const h = await model.fit(c.x, c.y, {
          batchSize: workload.batch,
          epochs: 1,
          shuffle: true,
          verbose: 0,
          yieldEvery: 'never',
        });
        return { samples: c.m, loss: h.history.loss[0] };
      },
      /// One grid evaluation including the read-back the page would need.
      grid: async () => {
        const out = model.predict(gridInput, { batchSize: gridInput.shape[0] });
        const values = await out.data();
        out.dispose();
        return values;
      },
      dispose: () => {
        chunks.forEach((c) => (c.x.dispose(), c.y.dispose()));
        gridInput?.dispose();
        model.dispose();
      },
    };
  }
}
