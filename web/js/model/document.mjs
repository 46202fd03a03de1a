// State -> schema-1 documents (docs/schema.md) for each lab. Pure functions of the state record
// (schema.mjs), reusable piece by piece: hiddenStack, outputLayer, compileSection, fitSection,
// dataSection, and the MLP lab's whole document mlpDocument (the perceptron and
// activations labs build theirs in labs/*/document.mjs).
import { ENGINE_FEATURES, REGRESSION_DATASETS } from '../labs/mlp/fields.mjs';
import { fitEpochs } from '../state/kit-fields.mjs';

/** {task: 'classification'|'regression', classes} of the MLP lab's data. Custom points are
 *  classes when every label is a whole number ≥ 0 (classes = max label + 1, at least 2). */
export function taskOf(state) {
  if (state.dataset === 'custom') {
    const labels = (state.points ?? []).map((p) => p[2]);
    const areClasses = labels.every((l) => Number.isInteger(l) && l >= 0 && l < 100);
    if (!areClasses) return { task: 'regression', classes: 0 };
    return { task: 'classification', classes: Math.max(2, ...labels.map((l) => l + 1)) };
  }
  if (REGRESSION_DATASETS.has(state.dataset)) return { task: 'regression', classes: 0 };
  return { task: 'classification', classes: state.dataset === 'blobs' ? state.classes : 2 };
}

/** The engine's loss for the state's `loss` choice ('auto' resolved; regression keeps mse/mae,
 *  any cross-entropy there becomes mse). */
export function resolvedLoss(state, { task, classes }) {
  const loss = state.loss ?? 'auto';
  if (task === 'regression') return loss === 'mae' ? 'mae' : 'mse';
  if (loss !== 'auto') return loss;
  return classes > 2 ? 'sparse_categorical_crossentropy' : 'binary_crossentropy';
}

/** The Keras kernel regularizer of the state, or undefined for none. */
export function regularizer(state) {
  const rate = state.regRate ?? 0;
  switch (state.reg) {
    case 'l1':
      return { l1: rate };
    case 'l2':
      return { l2: rate };
    case 'l1_l2':
      return { l1: rate, l2: rate };
    default:
      return undefined;
  }
}

/** The hidden layers: per `layers` entry Dense(units, activation, init, reg) (prelu = a linear
 *  Dense + PReLU), then BatchNormalization when batchNorm, then Dropout when dropout > 0. */
export function hiddenStack(state) {
  const out = [];
  const kernelRegularizer = regularizer(state);
  (state.layers ?? []).forEach((layer, i) => {
    const dense = {
      type: 'dense',
      units: layer.units,
      activation: layer.activation === 'prelu' ? 'linear' : layer.activation,
      kernel_initializer: state.init ?? 'glorot_uniform',
    };
    if (kernelRegularizer) dense.kernel_regularizer = kernelRegularizer;
    out.push(dense);
    if (layer.activation === 'prelu') out.push({ type: 'prelu' });
    if (state.batchNorm) out.push({ type: 'batch_normalization' });
    if (state.dropout > 0) out.push({ type: 'dropout', rate: state.dropout, seed: (state.seed ?? 0) + i });
  });
  return out;
}

/** The output layer: sigmoid Dense(1) for two classes with binary CE/mse/mae, softmax Dense(k)
 *  for (sparse) categorical CE or 3+ classes, linear Dense(1) for regression. */
export function outputLayer(state, { task, classes }) {
  if (task === 'regression') return { type: 'dense', units: 1, activation: 'linear' };
  const loss = resolvedLoss(state, { task, classes });
  if (classes <= 2 && !loss.includes('categorical')) {
    return { type: 'dense', units: 1, activation: 'sigmoid' };
  }
  return { type: 'dense', units: Math.max(2, classes), activation: 'softmax' };
}

/** The Keras optimizer object of the state (momentum/nesterov are sgd options). */
export function optimizerSection(state) {
  const learning_rate = state.lr;
  switch (state.optimizer) {
    case 'momentum':
      return { type: 'sgd', learning_rate, momentum: state.momentum };
    case 'nesterov':
      return { type: 'sgd', learning_rate, momentum: state.momentum, nesterov: true };
    case 'adagrad':
      return { type: 'adagrad', learning_rate, epsilon: state.epsilon };
    case 'rmsprop':
      return { type: 'rmsprop', learning_rate, rho: state.rho, epsilon: state.epsilon };
    case 'adam':
      return {
        type: 'adam',
        learning_rate,
        beta_1: state.beta1,
        beta_2: state.beta2,
        epsilon: state.epsilon,
      };
    case 'adamw':
      return {
        type: 'adamw',
        learning_rate,
        beta_1: state.beta1,
        beta_2: state.beta2,
        epsilon: state.epsilon,
        weight_decay: state.weightDecay,
      };
    default:
      return { type: 'sgd', learning_rate };
  }
}

/** compile: optimizer, loss and metrics (accuracy for classification). */
export function compileSection(state, { task, classes }) {
  return {
    optimizer: optimizerSection(state),
    loss: resolvedLoss(state, { task, classes }),
    metrics: task === 'classification' ? ['accuracy'] : [],
  };
}

/** fit: epochs (an epoch limit of 0: the engine's maximum), batch size, seeded shuffling, EarlyStopping when earlyStop. */
export function fitSection(state) {
  const callbacks = state.earlyStop
    ? [{ type: 'early_stopping', monitor: 'val_loss', patience: state.patience, restore_best_weights: true }]
    : [];
  return {
    epochs: fitEpochs(state.epochs),
    batch_size: state.batch,
    shuffle: true,
    seed: state.seed,
    callbacks,
  };
}

/** The engine feature names of the state's features (x1, x2 when none is on). */
export function featureNames(state) {
  const keys = state.features?.length ? state.features : ['x1', 'x2'];
  return keys.map((key) => ENGINE_FEATURES[key]);
}

/** The engine's noise for TF Playground's percent (0..50): its generators take noise/100. */
export function engineNoise(state) {
  return (state.noise ?? 0) / 100;
}

/** data: the generated set (custom points: a 2-D stand-in named like their kind; the trainer
 *  sends the points themselves with set_data points). */
export function dataSection(state, { task, classes } = taskOf(state)) {
  const custom = state.dataset === 'custom';
  const data = {
    name: custom ? (task === 'regression' ? 'regress_plane' : 'circle') : state.dataset,
    n: custom ? Math.max(1, state.points?.length ?? 0) : state.samples,
    noise: engineNoise(state),
    seed: state.seed,
    validation_fraction: Math.round(100 - state.trainRatio) / 100,
    inputs: [featureNames(state)],
  };
  if (state.dataset === 'blobs') data.classes = classes;
  const loss = resolvedLoss(state, { task, classes });
  if (task === 'classification' && classes > 2 && loss !== 'sparse_categorical_crossentropy') {
    data.targets = ['one_hot'];
  } else if (task === 'classification' && classes <= 2 && loss === 'categorical_crossentropy') {
    data.targets = ['one_hot'];
  }
  return data;
}

/** The MLP lab's document. */
export function mlpDocument(state) {
  const task = taskOf(state);
  const inputs = featureNames(state);
  return {
    schema: 1,
    title: 'nnplay MLP',
    model: {
      type: 'sequential',
      name: 'mlp',
      seed: state.seed,
      input_shape: [inputs.length],
      layers: [...hiddenStack(state), outputLayer(state, task)],
    },
    compile: compileSection(state, task),
    fit: fitSection(state),
    data: dataSection(state, task),
  };
}
