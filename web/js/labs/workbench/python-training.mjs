// @ts-check
// The `compile` and `fit` objects (docs/schema/training.md) -> Keras 3 `model.compile(...)` and
// the callbacks / `model.fit(...)` keywords. Multi-output models get their losses, loss weights
// and metrics per output, as Keras 3 requires (a plain metrics list is refused there).
import { pyBool, pyCommentText, pyDict, pyFloat, pyInt, pyList, pyString } from './python-literals.mjs';

/** @typedef {import('./python-layers.mjs').ExportContext} ExportContext */

/**
 * nnplay optimizer -> [Keras class, default learning rate, other options with Keras defaults].
 * @type {Record<string, [string, number, Record<string, number | boolean>]>}
 */
const OPTIMIZERS = {
  sgd: ['SGD', 0.01, { momentum: 0, nesterov: false }],
  adagrad: ['Adagrad', 0.001, { initial_accumulator_value: 0.1, epsilon: 1e-7 }],
  rmsprop: ['RMSprop', 0.001, { rho: 0.9, momentum: 0, epsilon: 1e-7, centered: false }],
  adam: ['Adam', 0.001, { beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7, amsgrad: false }],
  adamw: ['AdamW', 0.001, { beta_1: 0.9, beta_2: 0.999, epsilon: 1e-7, amsgrad: false }],
};

/** @param {string} key @param {number | boolean} value */
const keyword = (key, value) => `${key}=${typeof value === 'boolean' ? pyBool(value) : pyFloat(value)}`;

/**
 * A learning-rate schedule object -> `keras.optimizers.schedules.X(...)`.
 * @param {Record<string, any>} s
 */
function scheduleText(s) {
  if (s.type === 'exponential_decay') {
    const args = [
      `initial_learning_rate=${pyFloat(s.initial_learning_rate)}`,
      `decay_steps=${pyInt(s.decay_steps)}`,
      `decay_rate=${pyFloat(s.decay_rate)}`,
    ];
    if (s.staircase) args.push('staircase=True');
    return `keras.optimizers.schedules.ExponentialDecay(${args.join(', ')})`;
  }
  if (s.type === 'piecewise_constant_decay') {
    const boundaries = pyList(s.boundaries.map(pyInt));
    const values = pyList(s.values.map(pyFloat));
    return `keras.optimizers.schedules.PiecewiseConstantDecay(boundaries=${boundaries}, values=${values})`;
  }
  throw new Error(`unknown learning rate schedule '${s.type}'`);
}

/**
 * The optimizer: `keras.optimizers.Adam(learning_rate=0.01)`, learning rate always written,
 * other options only when they differ from Keras's defaults.
 * @param {unknown} value a name or {type, options}; missing = "rmsprop" (Keras compile())
 * @returns {string}
 */
export function optimizerText(value) {
  const o = /** @type {Record<string, any>} */ (
    value == null ? { type: 'rmsprop' } : typeof value === 'string' ? { type: value } : value
  );
  const entry = OPTIMIZERS[o.type];
  if (!entry) throw new Error(`unknown optimizer '${o.type}'; expected one of ${Object.keys(OPTIMIZERS)}`);
  const [cls, rate, defaults] = entry;
  const lr = o.learning_rate;
  const args = [
    `learning_rate=${typeof lr === 'object' && lr !== null ? scheduleText(lr) : pyFloat(lr ?? rate)}`,
  ];
  for (const [key, fallback] of Object.entries(defaults)) {
    if (o[key] != null && o[key] !== fallback) args.push(keyword(key, o[key]));
  }
  // Keras's weight_decay=None is nnplay's 0, except AdamW whose default is 0.004.
  const decay = o.type === 'adamw' ? 0.004 : 0;
  if (o.weight_decay != null && o.weight_decay !== decay) args.push(keyword('weight_decay', o.weight_decay));
  for (const key of ['clipnorm', 'clipvalue', 'global_clipnorm']) {
    if (o[key] > 0) args.push(keyword(key, o[key]));
  }
  return `keras.optimizers.${cls}(${args.join(', ')})`;
}

/**
 * Loss classes for losses written with options, and each loss's options with defaults.
 * @type {Record<string, [string, Record<string, number | boolean>]>}
 */
const LOSS_CLASSES = {
  binary_crossentropy: ['BinaryCrossentropy', { from_logits: false, label_smoothing: 0 }],
  categorical_crossentropy: ['CategoricalCrossentropy', { from_logits: false, label_smoothing: 0 }],
  sparse_categorical_crossentropy: ['SparseCategoricalCrossentropy', { from_logits: false }],
  huber: ['Huber', { delta: 1 }],
};

/** nnplay's perceptron rule as a Keras loss (training.md): mean of (step(z) - y) * z. */
const PERCEPTRON = `@keras.saving.register_keras_serializable(package="nnplay")
def perceptron(y_true, y_pred):
    # nnplay's perceptron loss: with SGD, batch 1 and learning rate 1 it is Rosenblatt's rule.
    step = keras.ops.stop_gradient(keras.ops.cast(keras.ops.greater_equal(y_pred, 0), y_pred.dtype))
    y_true = keras.ops.cast(y_true, y_pred.dtype)
    return keras.ops.mean((step - y_true) * y_pred, axis=-1)
`;

/**
 * One loss -> a quoted Keras name, `keras.losses.X(...)`, or the registered `perceptron`.
 * @param {unknown} value
 * @param {ExportContext} ctx
 */
function lossText(value, ctx) {
  const l = /** @type {Record<string, any>} */ (typeof value === 'string' ? { type: value } : value);
  if (l.type === 'perceptron') {
    ctx.functions.set('perceptron', PERCEPTRON);
    return 'perceptron';
  }
  const entry = LOSS_CLASSES[l.type];
  if (!entry) return pyString(l.type);
  const [cls, defaults] = entry;
  const args = Object.entries(defaults)
    .filter(([key, fallback]) => l[key] != null && l[key] !== fallback)
    .map(([key]) => keyword(key, l[key]));
  return args.length === 0 ? pyString(l.type) : `keras.losses.${cls}(${args.join(', ')})`;
}

/**
 * Per-output values in output order from nnplay's forms: one value for all, a list in output
 * order, or an object keyed by output node name.
 * @template T
 * @param {T | T[] | Record<string, T>} value
 * @param {string[]} outputs output node names
 * @param {(v: unknown) => boolean} isSingle whether `value` is one entry rather than a collection
 * @returns {T[]}
 */
function perOutput(value, outputs, isSingle) {
  if (isSingle(value)) return outputs.map(() => /** @type {T} */ (value));
  if (Array.isArray(value)) return value;
  const keyed = /** @type {Record<string, T>} */ (value);
  return outputs.map((name) => keyed[name]);
}

/**
 * `model.compile(...)` with one keyword a line.
 * @param {Record<string, any>} compile the document's compile object
 * @param {string[]} outputs the model's output node names ("lstm/state_h" for a state output)
 * @param {ExportContext} ctx
 * @returns {string}
 */
export function compileText(compile, outputs, ctx) {
  if (compile.loss == null) throw new Error('compile.loss is required (Keras compile() needs a loss to fit)');
  const isLoss = (/** @type {unknown} */ v) =>
    typeof v === 'string' || (typeof v === 'object' && v !== null && 'type' in v);
  const losses = perOutput(compile.loss, outputs, isLoss).map((l) => lossText(l, ctx));
  const weights =
    compile.loss_weights == null
      ? null
      : perOutput(compile.loss_weights, outputs, (v) => typeof v === 'number');
  const metrics = (compile.metrics ?? []).map(pyString);
  const lines = [`    optimizer=${optimizerText(compile.optimizer)},`];
  if (outputs.length === 1) {
    lines.push(`    loss=${losses[0]},`);
    if (weights) lines.push(`    loss_weights=${pyFloat(weights[0])},`);
    if (metrics.length > 0) lines.push(`    metrics=${pyList(metrics)},`);
  } else {
    // Keras keys a functional model's outputs by their layer names; two outputs of one layer
    // (a layer and its state) share a name, so those models get lists in output order.
    const keys = outputs.map((n) => n.split('/')[0]);
    const keyed = new Set(keys).size === keys.length;
    /** @param {string[]} values */
    const each = (values) => (keyed ? pyDict(keys.map((k, i) => [k, values[i]])) : pyList(values));
    lines.push(`    loss=${each(losses)},`);
    if (weights) lines.push(`    loss_weights=${each(weights.map(pyFloat))},`);
    if (metrics.length > 0) lines.push(`    metrics=${each(keys.map(() => pyList(metrics)))},`);
  }
  return `model.compile(\n${lines.join('\n')}\n)\n`;
}

/**
 * Callback options with Keras's defaults, in Keras's argument order.
 * @type {Record<string, [string, Record<string, string | number | boolean>]>}
 */
const CALLBACKS = {
  early_stopping: [
    'EarlyStopping',
    { monitor: 'val_loss', min_delta: 0, patience: 0, mode: 'auto', restore_best_weights: false },
  ],
  reduce_lr_on_plateau: [
    'ReduceLROnPlateau',
    {
      monitor: 'val_loss',
      factor: 0.1,
      patience: 10,
      mode: 'auto',
      min_delta: 0.0001,
      cooldown: 0,
      min_lr: 0,
    },
  ],
};

/** Integer-valued callback options. */
const INTEGER_OPTIONS = new Set(['patience', 'cooldown']);

/**
 * One callback -> `keras.callbacks.EarlyStopping(patience=10)`.
 * @param {unknown} value
 */
function callbackText(value) {
  const c = /** @type {Record<string, any>} */ (typeof value === 'string' ? { type: value } : value);
  const entry = CALLBACKS[c.type];
  if (!entry) throw new Error(`unknown callback '${c.type}'; expected one of ${Object.keys(CALLBACKS)}`);
  const [cls, defaults] = entry;
  const args = [];
  for (const [key, fallback] of Object.entries(defaults)) {
    const v = c[key];
    if (v == null || v === fallback) continue;
    const text =
      typeof v === 'string'
        ? pyString(v)
        : typeof v === 'boolean'
          ? pyBool(v)
          : INTEGER_OPTIONS.has(key)
            ? pyInt(v)
            : pyFloat(v);
    args.push(`${key}=${text}`);
  }
  return `keras.callbacks.${cls}(${args.join(', ')})`;
}

/**
 * The `callbacks = [...]` statement (or '' when there are none) and the `model.fit` keywords
 * after x and y. Adds notes for what Keras does differently (augmentation, a schedule lowered
 * by ReduceLROnPlateau).
 * @param {Record<string, any>} fit the document's fit object (may be empty)
 * @param {Record<string, any>} compile
 * @param {ExportContext} ctx
 * @returns {{callbacks: string, keywords: string[]}}
 */
export function fitText(fit, compile, ctx) {
  /** @type {string[]} */
  const list = (fit.callbacks ?? []).map(callbackText);
  const keywords = [`epochs=${pyInt(fit.epochs ?? 1)}`, `batch_size=${pyInt(fit.batch_size ?? 32)}`];
  if (fit.validation_split > 0) keywords.push(`validation_split=${pyFloat(fit.validation_split)}`);
  keywords.push('validation_data=validation_data');
  if (fit.shuffle === false) keywords.push('shuffle=False');
  if (list.length > 0) keywords.push('callbacks=callbacks');
  const callbacks = list.length === 0 ? '' : `callbacks = [\n${list.map((c) => `    ${c},\n`).join('')}]\n`;

  if (fit.augmentation != null) {
    ctx.notes.push(
      `nnplay augments every training batch (fit.augmentation ${pyCommentText(JSON.stringify(fit.augmentation))}); ` +
        'this script trains on the data as it is (Keras layers RandomRotation, RandomTranslation, ' +
        'RandomZoom, RandomFlip and GaussianNoise come close).',
    );
  }
  const optimizer = compile.optimizer;
  const scheduled = typeof optimizer?.learning_rate === 'object' && optimizer.learning_rate !== null;
  const reduces = (fit.callbacks ?? []).some(
    (/** @type {any} */ c) => c === 'reduce_lr_on_plateau' || c?.type === 'reduce_lr_on_plateau',
  );
  if (scheduled && reduces) {
    ctx.notes.push(
      'nnplay lets ReduceLROnPlateau replace the learning-rate schedule by a constant; Keras cannot ' +
        'set the rate of a schedule and raises TypeError when the callback fires.',
    );
  }
  return { callbacks, keywords };
}
