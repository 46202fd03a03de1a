// @ts-check
// The images lab's model as a schema-1 document, pure: state -> document. The notes' models:
// Flatten(28, 28), then 0-3 hidden Dense layers named ConcealmentLayer1..3 (each followed by
// BatchNormalization and Dropout when asked), then Dense(10, softmax) named OutputLayer, compiled
// with sparse_categorical_crossentropy and accuracy, fitted with validation_split 0.2 (Keras
// holds out the last 20% of the training images; the part is interleaved by class, so that
// fifth is balanced). The page sends the images itself (set_data), so there is no `data`.
import { optimizerSection, regularizer } from '../../model/document.mjs';
import { fitEpochs } from '../../state/kit-fields.mjs';
import { CLASSES, IMAGE_SIDE, VALIDATION_SPLIT, hiddenLayers } from './fields.mjs';

/** The output layer's name, as the notes write it. */
export const OUTPUT_LAYER = 'OutputLayer';

/**
 * The layers after Flatten: each hidden Dense (a PReLU one is a linear Dense + PReLU), its
 * BatchNormalization and Dropout, then the softmax output. The L2/L1 penalty goes on every Dense
 * kernel, the output's included, so the single-layer model can be regularized too.
 * @param {Record<string, any>} state
 */
export function imageLayers(state) {
  /** @type {Record<string, any>[]} */
  const layers = [];
  const kernelRegularizer = regularizer(state);
  const init = state.init ?? 'glorot_uniform';
  hiddenLayers(state).forEach(({ name, units }, i) => {
    /** @type {Record<string, any>} */
    const dense = {
      type: 'dense',
      name,
      units,
      activation: state.activation === 'prelu' ? 'linear' : state.activation,
      kernel_initializer: init,
    };
    if (kernelRegularizer) dense.kernel_regularizer = kernelRegularizer;
    layers.push(dense);
    if (state.activation === 'prelu') layers.push({ type: 'prelu' });
    if (state.batchNorm) layers.push({ type: 'batch_normalization' });
    if (state.dropout > 0) layers.push({ type: 'dropout', rate: state.dropout, seed: (state.seed ?? 0) + i });
  });
  /** @type {Record<string, any>} */
  const output = {
    type: 'dense',
    name: OUTPUT_LAYER,
    units: CLASSES,
    activation: 'softmax',
    kernel_initializer: init,
  };
  if (kernelRegularizer) output.kernel_regularizer = kernelRegularizer;
  layers.push(output);
  return layers;
}

/**
 * The document for the lab state. `augmentation`: the engine's fit.augmentation object (Keras
 * ImageDataGenerator names) or null for none.
 * @param {Record<string, any>} state
 * @param {{augmentation?: Record<string, any> | null}} [options]
 */
export function imagesDocument(state, { augmentation = null } = {}) {
  /** @type {Record<string, any>} */
  const fit = {
    epochs: fitEpochs(state.epochs),
    batch_size: state.batch,
    shuffle: true,
    seed: state.seed,
    validation_split: VALIDATION_SPLIT,
  };
  if (augmentation) fit.augmentation = augmentation;
  return {
    schema: 1,
    title: `${state.dataset === 'digits' ? 'MNIST digits' : 'Fashion-MNIST'} classifier`,
    model: {
      type: 'sequential',
      name: 'images',
      seed: state.seed,
      input_shape: [IMAGE_SIDE, IMAGE_SIDE],
      layers: [{ type: 'flatten' }, ...imageLayers(state)],
    },
    compile: {
      optimizer: optimizerSection(state),
      loss: 'sparse_categorical_crossentropy',
      metrics: ['accuracy'],
    },
    fit,
  };
}
