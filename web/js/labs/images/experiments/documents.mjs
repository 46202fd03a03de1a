// @ts-check
// The experiments' model: the notes' Flatten(28, 28) → Dense(100, relu, ConcealmentLayer1) →
// Dense(classes, softmax, OutputLayer), Adam 0.001, batch 32, sparse categorical
// cross-entropy with accuracy. Every run of one experiment uses it with the same seed, so the
// only difference between two curves is the one the experiment makes.

export const HIDDEN_LAYER = 'ConcealmentLayer1';
export const OUTPUT_LAYER = 'OutputLayer';

/**
 * @param {{title: string, classes?: number, seed?: number, epochs: number, batchSize?: number,
 *   learningRate?: number, augmentation?: Record<string, any> | null, hiddenTrainable?: boolean}} options
 * @returns {Record<string, any>} a document for the engine's build
 */
export function denseDocument({
  title,
  classes = 10,
  seed = 0,
  epochs,
  batchSize = 32,
  learningRate = 0.001,
  augmentation = null,
  hiddenTrainable = true,
}) {
  return {
    schema: 1,
    title,
    model: {
      type: 'sequential',
      name: 'notes_relu',
      seed,
      input_shape: [28, 28],
      layers: [
        { type: 'flatten' },
        { type: 'dense', name: HIDDEN_LAYER, units: 100, activation: 'relu', trainable: hiddenTrainable },
        { type: 'dense', name: OUTPUT_LAYER, units: classes, activation: 'softmax' },
      ],
    },
    compile: {
      optimizer: { type: 'adam', learning_rate: learningRate },
      loss: 'sparse_categorical_crossentropy',
      metrics: ['accuracy'],
    },
    fit: {
      epochs,
      batch_size: batchSize,
      shuffle: true,
      seed,
      ...(augmentation ? { augmentation } : {}),
    },
  };
}

/** set_data with the arrays train_x/train_y and val_x/val_y. */
export const SET_DATA = Object.freeze({
  op: 'set_data',
  train: { x: ['train_x'], y: ['train_y'] },
  validation: { x: ['val_x'], y: ['val_y'] },
});
