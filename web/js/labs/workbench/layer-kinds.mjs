// @ts-check
// The layers the workbench's editor offers, by Keras class name: how a new one starts, and the
// options a row shows for it (each read from and written into the nnplay layer object). LeakyReLU
// is nnplay's Activation layer with a `leaky_relu` activation, which the engine exports as Keras's
// LeakyReLU class; every other class is one nnplay layer type.

/** Activation names a Dense or Activation row offers (Keras's names). */
export const ACTIVATIONS = Object.freeze([
  'linear',
  'relu',
  'sigmoid',
  'tanh',
  'softmax',
  'elu',
  'selu',
  'softplus',
  'softsign',
  'swish',
  'gelu',
  'hard_sigmoid',
  'silu',
]);
const RECURRENT = Object.freeze(['simple_rnn', 'lstm', 'gru']);

/**
 * One editable option: `kind` int/number/enum/bool/shape (a target shape, one -1 allowed), limits, and how it sits in the layer.
 * @typedef {{key: string, kind: 'int'|'number'|'enum'|'bool'|'shape', min?: number, max?: number,
 *   options?: readonly string[], get: (layer: any) => any, set: (layer: any, value: any) => void}} OptionKind
 * @typedef {{cls: string, type: string, make: () => Record<string, any>, options: OptionKind[],
 *   merges?: boolean}} LayerKind
 */

/** @param {string} key @param {any} def @returns {(layer: any) => any} */
const read = (key, def) => (layer) => layer[key] ?? def;
/** @param {string} key @returns {(layer: any, value: any) => void} */
const write = (key) => (layer, value) => {
  layer[key] = value;
};
const MAX_UNITS = 1 << 20;

/** @param {string} key @param {any} def @param {Partial<OptionKind>} more @returns {OptionKind} */
const option = (key, def, more) => ({
  key,
  kind: 'int',
  get: read(key, def),
  set: write(key),
  ...more,
});
const units = option('units', 8, { min: 1, max: MAX_UNITS });
const activation = (/** @type {string} */ def) =>
  option('activation', def, { kind: 'enum', options: ACTIVATIONS });
const returnSequences = option('return_sequences', false, { kind: 'bool' });

/** The inner layer's options of a Bidirectional row, read through `layer.layer`. */
const inner = (/** @type {OptionKind} */ o) => ({
  ...o,
  get: (/** @type {any} */ layer) => o.get(layer.layer ?? {}),
  set: (/** @type {any} */ layer, /** @type {any} */ value) => o.set((layer.layer ??= {}), value),
});

/** @type {readonly LayerKind[]} */
export const LAYER_KINDS = Object.freeze([
  {
    cls: 'Dense',
    type: 'dense',
    make: () => ({ type: 'dense', units: 8, activation: 'relu' }),
    options: [units, activation('linear')],
  },
  {
    cls: 'Activation',
    type: 'activation',
    make: () => ({ type: 'activation', activation: 'relu' }),
    options: [activation('relu')],
  },
  {
    cls: 'LeakyReLU',
    type: 'activation',
    make: () => ({ type: 'activation', activation: { type: 'leaky_relu', alpha: 0.3 } }),
    options: [
      {
        key: 'negative_slope',
        kind: 'number',
        min: 0,
        max: 1e6,
        get: (layer) => layer.activation?.alpha ?? 0.3,
        set: (layer, value) => {
          layer.activation = { type: 'leaky_relu', alpha: value };
        },
      },
    ],
  },
  { cls: 'PReLU', type: 'prelu', make: () => ({ type: 'prelu' }), options: [] },
  { cls: 'Flatten', type: 'flatten', make: () => ({ type: 'flatten' }), options: [] },
  {
    // A new Reshape starts as (-1,): it fits after any layer, and the learner then writes the shape.
    cls: 'Reshape',
    type: 'reshape',
    make: () => ({ type: 'reshape', target_shape: [-1] }),
    options: [option('target_shape', [-1], { kind: 'shape' })],
  },
  {
    cls: 'Dropout',
    type: 'dropout',
    make: () => ({ type: 'dropout', rate: 0.2 }),
    options: [option('rate', 0.2, { kind: 'number', min: 0, max: 0.99 })],
  },
  {
    cls: 'BatchNormalization',
    type: 'batch_normalization',
    make: () => ({ type: 'batch_normalization' }),
    options: [option('momentum', 0.99, { kind: 'number', min: 0, max: 1 })],
  },
  {
    cls: 'Concatenate',
    type: 'concatenate',
    make: () => ({ type: 'concatenate' }),
    options: [],
    merges: true,
  },
  { cls: 'Add', type: 'add', make: () => ({ type: 'add' }), options: [], merges: true },
  {
    cls: 'Embedding',
    type: 'embedding',
    make: () => ({ type: 'embedding', input_dim: 100, output_dim: 8 }),
    options: [
      option('input_dim', 100, { min: 1, max: MAX_UNITS }),
      option('output_dim', 8, { min: 1, max: MAX_UNITS }),
    ],
  },
  ...RECURRENT.map((type) => ({
    cls: { simple_rnn: 'SimpleRNN', lstm: 'LSTM', gru: 'GRU' }[type] ?? type,
    type,
    make: () => ({ type, units: 16 }),
    options: [units, returnSequences],
  })),
  {
    cls: 'Bidirectional',
    type: 'bidirectional',
    make: () => ({ type: 'bidirectional', layer: { type: 'lstm', units: 16 } }),
    options: [
      inner(option('type', 'lstm', { kind: 'enum', options: RECURRENT })),
      inner(units),
      inner(returnSequences),
      option('merge_mode', 'concat', { kind: 'enum', options: ['concat', 'sum', 'mul', 'ave'] }),
    ],
  },
]);

/** @type {Readonly<Record<string, LayerKind>>} */
export const KIND = Object.freeze(Object.fromEntries(LAYER_KINDS.map((k) => [k.cls, k])));

/**
 * The Keras class an nnplay layer object shows as (LeakyReLU for a leaky_relu Activation).
 * @param {any} layer
 * @returns {string}
 */
export function classOf(layer) {
  if (layer?.type === 'activation' && layer.activation?.type === 'leaky_relu') return 'LeakyReLU';
  if (layer?.type === 'activation' && layer.activation === 'leaky_relu') return 'LeakyReLU';
  return LAYER_KINDS.find((k) => k.type === layer?.type)?.cls ?? String(layer?.type ?? '?');
}
