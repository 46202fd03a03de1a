// @ts-check
// The sequence lab's model as a schema-1 document, pure: state -> document. The recurrent stack
// is `depth` layers of one cell type; every layer but the last returns its whole sequence
// (return_sequences=True) so the next one reads every step; the last one returns only its last
// step, except for copy memory, whose targets are one class per step. A Dense head follows:
// linear for the waves and the adding problem (mean squared error), sigmoid for parity (binary
// cross-entropy), softmax over the copy task's symbols (sparse categorical cross-entropy).
import { optimizerSection } from '../../model/document.mjs';
import { fitEpochs } from '../../state/kit-fields.mjs';
import { WAVES } from './fields.mjs';

/** The copy-memory task: `COPY_LENGTH` symbols out of `SYMBOLS` to recall after the delay. */
export const COPY_LENGTH = 5;
export const SYMBOLS = 6;
/** The waves' period in steps (as the served lstm-sine preset). */
export const PERIOD = 20;
export const VALIDATION_FRACTION = 0.2;
/** The text task's character embedding size (as charModelDocument in text.mjs). */
export const EMBEDDING = 16;

/**
 * What a task feeds the model and wants back: {steps, features, perStep, head: {units,
 * activation}, loss, classification, embedding?}. The text task reads `window` character ids
 * through an Embedding of `vocabSize` characters (features: its output size).
 * @param {Record<string, any>} state
 * @param {number} [vocabSize] the text's distinct characters (text task only)
 */
export function taskShape(state, vocabSize = 1) {
  if (state.task === 'text') {
    return {
      steps: state.window,
      features: EMBEDDING,
      perStep: false,
      head: { units: vocabSize, activation: 'softmax' },
      loss: 'sparse_categorical_crossentropy',
      classification: true,
      embedding: { type: 'embedding', input_dim: vocabSize, output_dim: EMBEDDING },
    };
  }
  if (WAVES.includes(state.task)) {
    return {
      steps: state.window,
      features: 1,
      perStep: false,
      head: { units: 1 },
      loss: 'mean_squared_error',
    };
  }
  switch (state.task) {
    case 'adding':
      return {
        steps: state.seqLength,
        features: 2,
        perStep: false,
        head: { units: 1 },
        loss: 'mean_squared_error',
      };
    case 'parity':
      return {
        steps: state.seqLength,
        features: 1,
        perStep: false,
        head: { units: 1, activation: 'sigmoid' },
        loss: 'binary_crossentropy',
        classification: true,
      };
    case 'copy_memory':
      return {
        steps: 2 * COPY_LENGTH + state.seqLength,
        features: SYMBOLS + 2,
        perStep: true,
        head: { units: SYMBOLS + 2, activation: 'softmax' },
        loss: 'sparse_categorical_crossentropy',
        classification: true,
      };
    default:
      throw new Error(`sequence: unknown task '${state.task}'`);
  }
}

/**
 * The recurrent layers: `depth` layers of `cell` with `units`, return_sequences on all but the
 * last (and on the last too when the head reads every step), each wrapped in Bidirectional when
 * asked.
 * @param {Record<string, any>} state
 * @param {boolean} perStep
 */
export function recurrentLayers(state, perStep) {
  return Array.from({ length: state.depth }, (_, i) => {
    /** @type {Record<string, any>} */
    const layer = {
      type: state.cell,
      units: state.units,
      return_sequences: perStep || i < state.depth - 1,
    };
    if (state.truncate > 0) layer.truncate_bptt = state.truncate;
    // The input kernel's initializer; the recurrent kernel stays orthogonal (Keras's default).
    if (state.init && state.init !== 'glorot_uniform') layer.kernel_initializer = state.init;
    return state.bidirectional ? { type: 'bidirectional', layer } : layer;
  });
}

/**
 * The optimizer of the state with its gradient clipping (`clipnorm`, 0 = none).
 * @param {Record<string, any>} state
 */
export function sequenceOptimizer(state) {
  const optimizer = /** @type {Record<string, any>} */ (optimizerSection(state));
  if (state.clipnorm > 0) optimizer.clipnorm = state.clipnorm;
  return optimizer;
}

/**
 * The `data` section: the engine generates the task's sequences from the seed.
 * @param {Record<string, any>} state
 */
export function sequenceData(state) {
  const common = {
    n: state.sequences,
    seed: state.seed,
    validation_fraction: VALIDATION_FRACTION,
    targets: ['auto'],
  };
  if (WAVES.includes(state.task)) {
    return {
      name: state.task,
      ...common,
      noise: state.waveNoise / 100,
      length: state.window,
      period: PERIOD,
    };
  }
  if (state.task === 'copy_memory') {
    return {
      name: 'copy_memory',
      ...common,
      length: state.seqLength,
      copy_length: COPY_LENGTH,
      symbols: SYMBOLS,
    };
  }
  return { name: state.task, ...common, length: state.seqLength };
}

/**
 * The document for the lab state (its own names: task, window, seqLength, waveNoise, sequences,
 * cell, units, depth, bidirectional, clipnorm, truncate, and the kit's lr, optimizer, ..., batch,
 * epochs, seed). The text task's document has no `data`: the page sends the windows of its text
 * (set_data), whose `vocabSize` characters the Embedding and the softmax head take.
 * @param {Record<string, any>} state
 * @param {number} [vocabSize]
 */
export function sequenceDocument(state, vocabSize = 1) {
  const shape = taskShape(state, vocabSize);
  const head = { type: 'dense', ...shape.head };
  const recurrent = recurrentLayers(state, shape.perStep);
  const text = state.task === 'text';
  return {
    schema: 1,
    title: `${state.cell} on ${state.task}`,
    model: {
      type: 'sequential',
      name: 'sequence',
      seed: state.seed,
      input_shape: text ? [shape.steps] : [shape.steps, shape.features],
      layers: [...(shape.embedding ? [shape.embedding] : []), ...recurrent, head],
    },
    compile: {
      optimizer: sequenceOptimizer(state),
      loss: shape.loss,
      ...(shape.classification ? { metrics: ['accuracy'] } : {}),
    },
    fit: { epochs: fitEpochs(state.epochs), batch_size: state.batch, shuffle: true, seed: state.seed },
    ...(text ? {} : { data: sequenceData(state) }),
  };
}
