// The vanishing-gradients experiment as ONE functional model, pure: state -> schema-1 document.
// Input x (x1, x2 of the circle set) feeds two towers of deepDepth Dense(8) layers: deep_1..n use
// deepAct (sigmoid or tanh, Glorot-uniform as Keras), relu_1..n use ReLU with He-uniform; each
// tower ends in its own Dense(1, sigmoid) (deep_out, relu_out), both trained with binary
// cross-entropy by the store's optimizer. Gradient norms come per weight ("deep_3/kernel").
// probeBatch() is the fixed batch the probes measure them on.
import { engineNoise, optimizerSection } from '../../model/document.mjs';
import { fitEpochs } from '../../state/kit-fields.mjs';

export const TOWERS = Object.freeze([
  { prefix: 'deep', init: 'glorot_uniform' },
  { prefix: 'relu', init: 'he_uniform', activation: 'relu' },
]);
export const UNITS = 8;
export const PROBE_SAMPLES = 64;

/** Layer names of a tower: ['deep_1', ..., 'deep_n']. */
export const towerLayers = (prefix, depth) => Array.from({ length: depth }, (_, i) => `${prefix}_${i + 1}`);

/** The document for state {deepAct, deepDepth, seed, optimizer, lr, ..., batch, epochs, samples,
 *  noise, trainRatio}. */
export function vanishingDocument(state) {
  const depth = state.deepDepth ?? 8;
  const layers = [];
  for (const tower of TOWERS) {
    const names = towerLayers(tower.prefix, depth);
    names.forEach((name, i) => {
      layers.push({
        type: 'dense',
        name,
        units: UNITS,
        activation: tower.activation ?? state.deepAct ?? 'sigmoid',
        kernel_initializer: tower.init,
        inputs: [i === 0 ? 'x' : names[i - 1]],
      });
    });
    layers.push({
      type: 'dense',
      name: `${tower.prefix}_out`,
      units: 1,
      activation: 'sigmoid',
      inputs: [names[depth - 1]],
    });
  }
  return {
    schema: 1,
    title: 'Vanishing gradients',
    description: `${depth} ${state.deepAct ?? 'sigmoid'} layers against ${depth} ReLU layers on one input.`,
    model: {
      type: 'functional',
      name: 'towers',
      seed: state.seed ?? 0,
      inputs: [{ name: 'x', shape: [2] }],
      layers,
      outputs: ['deep_out', 'relu_out'],
    },
    compile: { optimizer: optimizerSection(state), loss: 'binary_crossentropy', metrics: ['accuracy'] },
    fit: {
      epochs: fitEpochs(state.epochs ?? 1000),
      batch_size: state.batch ?? 10,
      shuffle: true,
      seed: state.seed ?? 0,
    },
    data: {
      name: 'circle',
      n: state.samples ?? 500,
      noise: engineNoise(state),
      seed: state.seed ?? 0,
      validation_fraction: Math.round(100 - (state.trainRatio ?? 50)) / 100,
      inputs: [['x1', 'x2']],
    },
  };
}

/**
 * A fixed batch of circle points for the gradient probes, like the engine's circle set: half of
 * class 1 inside radius 2.5, half of class 0 in the ring [3.5, 5]. Deterministic in `seed`.
 * Returns {x: Float32Array(samples × 2), y: Float32Array(samples)}.
 */
export function probeBatch(seed = 0, samples = PROBE_SAMPLES) {
  let s = (seed * 2654435761 + 12345) >>> 0;
  const random = () => {
    // xorshift32
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
  const x = new Float32Array(samples * 2);
  const y = new Float32Array(samples);
  for (let i = 0; i < samples; i += 1) {
    const inside = i % 2 === 0;
    const r = inside ? 2.5 * random() : 3.5 + 1.5 * random();
    const angle = 2 * Math.PI * random();
    x[2 * i] = r * Math.sin(angle);
    x[2 * i + 1] = r * Math.cos(angle);
    y[i] = inside ? 1 : 0;
  }
  return { x, y };
}
