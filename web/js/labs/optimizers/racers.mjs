// @ts-check
// The optimizers of the race and the documents their sessions build. Every racer's document is
// the same network, data, seed and batch size; only `compile.optimizer` differs, so the same
// model seed gives every session bit-identical initial weights and the race is fair.
//
// Learning rates start at Keras's defaults (SGD 0.01, RMSprop 0.001, Adam 0.001, AdamW 0.001
// with weight_decay 0.004) except Adagrad: Keras's 0.001 barely moves a small 2-D network in
// the epochs of a race, so it starts at 0.01. Momentum and Nesterov are Keras's SGD with
// momentum 0.9 (and nesterov=True).

/** @typedef {{id: string, name: string, lr: number,
 *   optimizer: (lr: number) => Record<string, any>}} Racer */

/** The racers in the order the page lists them: {id, name (Keras's words), lr, optimizer(lr)}.
 *  @type {readonly Racer[]} */
export const RACERS = Object.freeze([
  { id: 'sgd', name: 'SGD', lr: 0.01, optimizer: (lr) => ({ type: 'sgd', learning_rate: lr }) },
  {
    id: 'momentum',
    name: 'SGD + momentum',
    lr: 0.01,
    optimizer: (lr) => ({ type: 'sgd', learning_rate: lr, momentum: 0.9 }),
  },
  {
    id: 'nesterov',
    name: 'Nesterov',
    lr: 0.01,
    optimizer: (lr) => ({ type: 'sgd', learning_rate: lr, momentum: 0.9, nesterov: true }),
  },
  { id: 'adagrad', name: 'Adagrad', lr: 0.01, optimizer: (lr) => ({ type: 'adagrad', learning_rate: lr }) },
  { id: 'rmsprop', name: 'RMSprop', lr: 0.001, optimizer: (lr) => ({ type: 'rmsprop', learning_rate: lr }) },
  { id: 'adam', name: 'Adam', lr: 0.001, optimizer: (lr) => ({ type: 'adam', learning_rate: lr }) },
  {
    id: 'adamw',
    name: 'AdamW',
    lr: 0.001,
    optimizer: (lr) => ({ type: 'adamw', learning_rate: lr, weight_decay: 0.004 }),
  },
]);

/** @type {Readonly<Record<string, Racer>>} */
export const RACER = Object.freeze(Object.fromEntries(RACERS.map((r) => [r.id, r])));

/** The 2-D datasets of the MLP lab the race offers (two classes each). */
export const DATASETS = Object.freeze(['circle', 'xor', 'gauss', 'spiral']);
export const ACTIVATIONS = Object.freeze(['tanh', 'relu']);

/** Points in each dataset; all of them train (the race compares training loss). */
export const SAMPLES = 400;

/**
 * The document of one racer: `hidden` Dense layers of `activation`, a sigmoid output, binary
 * cross-entropy, optimizer `racer` at `lr`, batch `batchSize`, `epochs` at most; the data are
 * the engine's `dataset` (SAMPLES points, no noise, all for training) from `seed`.
 * @param {{dataset: string, hidden: number[], activation: string, batchSize: number,
 *   epochs: number, seed: number, racer: string, lr: number}} options
 * @returns {Record<string, any>}
 */
export function racerDocument({ dataset, hidden, activation, batchSize, epochs, seed, racer, lr }) {
  const entry = RACER[racer];
  if (!entry) throw new Error(`unknown optimizer '${racer}'`);
  return {
    schema: 1,
    title: `Optimizer race: ${entry.name}`,
    model: {
      type: 'sequential',
      name: `race_${racer}`,
      seed,
      input_shape: [2],
      layers: [
        ...hidden.map((units) => ({ type: 'dense', units, activation })),
        { type: 'dense', units: 1, activation: 'sigmoid' },
      ],
    },
    compile: { optimizer: entry.optimizer(lr), loss: 'binary_crossentropy', metrics: ['accuracy'] },
    fit: { epochs, batch_size: batchSize, shuffle: true, seed },
    data: { name: dataset, n: SAMPLES, noise: 0, seed, validation_fraction: 0 },
  };
}

/** Batches in one epoch of `samples` points at `batchSize` (the last batch may be short).
 *  @param {number} samples @param {number} batchSize @returns {number} */
export function batchesPerEpoch(samples, batchSize) {
  return Math.ceil(samples / Math.max(1, batchSize));
}
