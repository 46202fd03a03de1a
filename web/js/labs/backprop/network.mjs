// The backprop lab's network, pure: its shape from the lab's state, the names the page gives its
// neurons and weights, and the schema-1 document the engine builds. Weights travel in the
// engine's get_weights order, layer by layer: kernel [in, units] row-major, then bias [units].
import { NO_LIMIT_EPOCHS } from '../../state/kit-fields.mjs';

export const ACTIVATION_OPTIONS = ['sigmoid', 'tanh', 'relu', 'linear'];
export const LOSS_OPTIONS = ['mse', 'binary_crossentropy'];
export const MAX_INPUTS = 4;
export const MAX_OUTPUTS = 3;
export const MAX_HIDDEN_LAYERS = 3;
export const MAX_UNITS = 6;

/**
 * The network of a state: {inputs, layers: [{units, activation}]} (hidden layers, then the
 * output layer with one unit per target).
 * @param {Record<string, any>} state
 */
export function networkShape(state) {
  return {
    inputs: state.inputValues.length,
    layers: [
      ...state.hiddenLayers.map((l) => ({ units: l.units, activation: l.activation })),
      { units: state.targetValues.length, activation: state.outputActivation },
    ],
  };
}

/** Units per layer, inputs first: [inputs, hidden..., outputs]. */
export const layerSizes = (shape) => [shape.inputs, ...shape.layers.map((l) => l.units)];

/** Whether the shape is the worked example's 2-2-2 (its weights are named w1..w8). */
export const isTwoTwoTwo = (shape) => layerSizes(shape).join() === '2,2,2';

/**
 * The page's name of neuron `unit` (0-based) of layer `layer` (0: the inputs): i1, h1 (h2.1
 * with several hidden layers), o1.
 */
export function neuronName(shape, layer, unit) {
  const last = shape.layers.length;
  if (layer === 0) return `i${unit + 1}`;
  if (layer === last) return `o${unit + 1}`;
  return last > 2 ? `h${layer}.${unit + 1}` : `h${unit + 1}`;
}

/** The id a neuron has in the diagram and the step list: n<layer>-<unit>. */
export const neuronId = (layer, unit) => `n${layer}-${unit}`;

/**
 * Every weight in get_weights order: [{index, layer (1-based, the layer it feeds), kind:
 * 'kernel' | 'bias', from (unit of layer-1, kernels only), to (unit), name}]. A 2-2-2 network
 * names its kernels w1..w8 as the worked example does (w1 i1→h1, w2 i2→h1, w3 i1→h2, ...);
 * other kernels are w[from→to], biases b[neuron].
 * @param {{inputs: number, layers: {units: number}[]}} shape
 */
export function weightList(shape) {
  const sizes = layerSizes(shape);
  const named = isTwoTwoTwo(shape);
  const list = [];
  for (let layer = 1; layer < sizes.length; layer += 1) {
    const fanIn = sizes[layer - 1];
    const units = sizes[layer];
    for (let from = 0; from < fanIn; from += 1) {
      for (let to = 0; to < units; to += 1) {
        // kernel[from][to]; the worked example counts weights per target neuron.
        const number = (layer - 1) * 4 + to * 2 + from + 1;
        const name = named
          ? `w${number}`
          : `w[${neuronName(shape, layer - 1, from)}→${neuronName(shape, layer, to)}]`;
        list.push({ index: list.length, layer, kind: 'kernel', from, to, name });
      }
    }
    for (let to = 0; to < units; to += 1) {
      list.push({
        index: list.length,
        layer,
        kind: 'bias',
        from: -1,
        to,
        name: `b[${neuronName(shape, layer, to)}]`,
      });
    }
  }
  return list;
}

/** The number of weights of a shape. */
export const weightCount = (shape) => weightList(shape).length;

/** Neurons of the whole network: a few dozen at most (the diagram and the list stay legible). */
export const neuronCount = (shape) => layerSizes(shape).reduce((a, b) => a + b, 0);

/**
 * The schema-1 document: Dense layers with the state's activations, Keras MSE (or binary
 * cross-entropy), SGD with the state's η, batches of one sample in order, no epoch limit.
 * @param {Record<string, any>} state
 */
export function backpropDocument(state) {
  const shape = networkShape(state);
  return {
    schema: 1,
    title: 'Backprop, step by step',
    model: {
      type: 'sequential',
      name: 'backprop',
      seed: state.seed ?? 0,
      input_shape: [shape.inputs],
      layers: shape.layers.map((l) => ({ type: 'dense', units: l.units, activation: l.activation })),
    },
    compile: { optimizer: { type: 'sgd', learning_rate: state.lr }, loss: lossOf(state) },
    fit: { epochs: NO_LIMIT_EPOCHS, batch_size: 1, shuffle: false, seed: state.seed ?? 0 },
  };
}

/** The loss the document uses: binary cross-entropy needs sigmoid outputs, else MSE. */
export function lossOf(state) {
  return state.lossFunction === 'binary_crossentropy' && state.outputActivation === 'sigmoid'
    ? 'binary_crossentropy'
    : 'mse';
}

/** Array names the lab sets in its session. */
export const ARRAYS = Object.freeze({ x: 'bp_x', y: 'bp_y', weights: 'bp_weights' });

/**
 * What the lab hands its session: setup (build, the one sample as training data, and the
 * weights when `weights` fits the shape, else the seed's Glorot weights), snapshot (the
 * weights and one backprop of the sample), and the arrays.
 * @param {Record<string, any>} state @param {number[] | Float32Array | null} weights
 */
export function configureRequest(state, weights) {
  const shape = networkShape(state);
  const arrays = {
    [ARRAYS.x]: Float32Array.from(state.inputValues),
    [ARRAYS.y]: Float32Array.from(state.targetValues),
  };
  const setup = [
    { op: 'build', spec: backpropDocument(state) },
    { op: 'set_data', train: { x: [ARRAYS.x], y: [ARRAYS.y] } },
  ];
  if (weights && weights.length === weightCount(shape)) {
    arrays[ARRAYS.weights] = Float32Array.from(weights);
    setup.push({ op: 'set_weights', array: ARRAYS.weights });
  }
  const snapshot = [
    { op: 'get_weights', out: 'weights' },
    { op: 'backprop', x: [ARRAYS.x], y: [ARRAYS.y], out: 'bp' },
  ];
  return { setup, snapshot, arrays, shape };
}
