// @ts-check
// One nnplay layer (docs/schema/model.md) -> the Keras 3 constructor call that builds it, e.g.
// `layers.Dense(8, activation="tanh", name="dense")`. Options equal to Keras's defaults are left
// out; names are always written so summary() shows nnplay's names. What Keras cannot express is
// recorded in ctx.notes, never dropped silently.
import {
  activationValue,
  initializerValue,
  normalizeActivation,
  regularizerValue,
} from './python-families.mjs';
import { pyBool, pyCommentText, pyFloat, pyInt, pyIntTuple, pyString } from './python-literals.mjs';

/**
 * What the script needs besides the model: `# note:` lines and the Python helper functions
 * (registered custom activations and losses) keyed by their Python name.
 * @typedef {{notes: string[], functions: Map<string, string>}} ExportContext
 */

/** nnplay layer type -> Keras class (engine/bridge/spec/layer_factory.cpp). */
export const KERAS_CLASS = {
  dense: 'Dense',
  activation: 'Activation',
  prelu: 'PReLU',
  flatten: 'Flatten',
  reshape: 'Reshape',
  dropout: 'Dropout',
  batch_normalization: 'BatchNormalization',
  concatenate: 'Concatenate',
  add: 'Add',
  embedding: 'Embedding',
  simple_rnn: 'SimpleRNN',
  lstm: 'LSTM',
  gru: 'GRU',
  bidirectional: 'Bidirectional',
};

/**
 * Keras's snake case of a class name ("PReLU" -> "p_re_lu"), as engine/core/base/naming.cpp.
 * @param {string} cls
 */
function snakeCase(cls) {
  let out = '';
  for (let i = 0; i < cls.length; i++) {
    const c = cls[i];
    const isUpper = (/** @type {string | undefined} */ ch) => !!ch && ch >= 'A' && ch <= 'Z';
    const isLower = (/** @type {string | undefined} */ ch) => !!ch && ch >= 'a' && ch <= 'z';
    if (isUpper(c) && ((i > 0 && isLower(cls[i - 1])) || (i > 0 && isLower(cls[i + 1])))) out += '_';
    out += c.toLowerCase();
  }
  return out;
}

/**
 * The Keras class of a layer type; throws on an unknown type.
 * @param {string} type
 */
export function kerasClass(type) {
  const cls = /** @type {Record<string, string>} */ (KERAS_CLASS)[type];
  if (!cls) throw new Error(`unknown layer type '${type}'; expected one of ${Object.keys(KERAS_CLASS)}`);
  return cls;
}

/**
 * The model's inputs and layers with every name resolved as the engine does: explicit names
 * first, then "input_layer", "input_layer_1", ... and "dense", "dense_1", ... for the others.
 * @param {Record<string, any>} model
 * @returns {{inputs: Array<{name: string, shape: number[]}>, layers: Array<Record<string, any>>}}
 */
export function resolveNames(model) {
  const functional = model.type === 'functional';
  /** @type {Array<{name?: string, shape: number[]}>} */
  const inputs = functional ? model.inputs : [{ name: 'input_layer', shape: model.input_shape }];
  const taken = new Set();
  for (const x of [...inputs, ...model.layers]) if (x.name) taken.add(x.name);
  const automatic = (/** @type {string} */ stem) => {
    let n = stem;
    for (let k = 1; taken.has(n); k++) n = `${stem}_${k}`;
    taken.add(n);
    return n;
  };
  return {
    inputs: inputs.map((x) => ({ name: x.name || automatic('input_layer'), shape: x.shape })),
    layers: model.layers.map((/** @type {Record<string, any>} */ l) => ({
      ...l,
      name: l.name || automatic(snakeCase(kerasClass(l.type))),
    })),
  };
}

/**
 * Collects keyword arguments that differ from Keras's defaults.
 */
class Args {
  constructor() {
    /** @type {string[]} */
    this.items = [];
  }

  /** @param {string} text a positional argument */
  positional(text) {
    this.items.push(text);
  }

  /** @param {string} key @param {string | null} text omitted when null */
  keyword(key, text) {
    if (text !== null) this.items.push(`${key}=${text}`);
  }

  /** @param {string} key @param {boolean | undefined} value @param {boolean} fallback */
  flag(key, value, fallback) {
    if (value != null && value !== fallback) this.items.push(`${key}=${pyBool(value)}`);
  }

  /** @param {string} key @param {unknown} value @param {string} fallback */
  initializer(key, value, fallback) {
    const text = value == null ? null : initializerValue(value);
    if (text !== null && text !== pyString(fallback)) this.items.push(`${key}=${text}`);
  }

  /** @param {string} key @param {unknown} value */
  regularizer(key, value) {
    this.keyword(key, regularizerValue(value));
  }

  /** @param {string} key @param {number | undefined} value @param {number} fallback */
  float(key, value, fallback) {
    if (value != null && value !== fallback) this.items.push(`${key}=${pyFloat(value)}`);
  }
}

/**
 * The recurrent layer call (simple_rnn, lstm, gru), also used inside Bidirectional.
 * @param {string} type
 * @param {Record<string, any>} l
 * @param {string} name
 * @param {ExportContext} ctx
 * @param {{sequential: boolean}} where
 */
function recurrentCall(type, l, name, ctx, where) {
  const a = new Args();
  a.positional(pyInt(l.units));
  const act = l.activation == null ? null : activationValue(l.activation, name, ctx);
  if (act !== null && act !== pyString('tanh')) a.keyword('activation', act);
  if (type !== 'simple_rnn' && l.recurrent_activation != null && l.recurrent_activation !== 'sigmoid') {
    a.keyword('recurrent_activation', activationValue(l.recurrent_activation, name, ctx));
  }
  a.flag('use_bias', l.use_bias, true);
  a.initializer('kernel_initializer', l.kernel_initializer, 'glorot_uniform');
  a.initializer('recurrent_initializer', l.recurrent_initializer, 'orthogonal');
  a.initializer('bias_initializer', l.bias_initializer, 'zeros');
  if (type === 'lstm') a.flag('unit_forget_bias', l.unit_forget_bias, true);
  a.regularizer('kernel_regularizer', l.kernel_regularizer);
  a.regularizer('recurrent_regularizer', l.recurrent_regularizer);
  a.regularizer('bias_regularizer', l.bias_regularizer);
  a.flag('return_sequences', l.return_sequences, false);
  if (l.return_state && where.sequential) {
    ctx.notes.push(
      `layer ${pyCommentText(name)} has return_state, which a Sequential model ignores (only the ` +
        'sequence output goes on); Keras would pass the list on, so it is left out here.',
    );
  } else {
    a.flag('return_state', l.return_state, false);
  }
  a.flag('go_backwards', l.go_backwards, false);
  if (type === 'gru') a.flag('reset_after', l.reset_after, true);
  if (l.truncate_bptt > 0) {
    ctx.notes.push(
      `layer ${pyCommentText(name)} trains with truncate_bptt=${l.truncate_bptt} in nnplay ` +
        '(gradients cut every that many steps); Keras always backpropagates through the whole sequence.',
    );
  }
  return a;
}

/**
 * The Keras constructor call of one layer with resolved name, e.g. `layers.Dense(8, name="d")`.
 * @param {Record<string, any>} l the layer object (name resolved)
 * @param {ExportContext} ctx
 * @param {{sequential: boolean}} where a Sequential model drops return_state (see recurrentCall)
 * @returns {string}
 */
export function layerCall(l, ctx, where) {
  const name = /** @type {string} */ (l.name);
  let cls = kerasClass(l.type);
  /** @type {Args} */
  let a = new Args();
  switch (l.type) {
    case 'dense':
      a.positional(pyInt(l.units));
      if (l.activation != null) {
        const act = activationValue(l.activation, name, ctx);
        if (act !== pyString('linear')) a.keyword('activation', act);
      }
      a.flag('use_bias', l.use_bias, true);
      a.initializer('kernel_initializer', l.kernel_initializer, 'glorot_uniform');
      a.initializer('bias_initializer', l.bias_initializer, 'zeros');
      a.regularizer('kernel_regularizer', l.kernel_regularizer);
      a.regularizer('bias_regularizer', l.bias_regularizer);
      break;
    case 'activation': {
      // leaky_relu and elu layers as Keras's LeakyReLU / ELU classes (as the engine's Keras export
      // does); LeakyReLU's own default slope is 0.3, not the function's 0.2, so it is always written.
      const { name: act, alpha } = normalizeActivation(l.activation);
      if (act === 'leaky_relu') {
        cls = 'LeakyReLU';
        a.keyword('negative_slope', pyFloat(alpha ?? 0.2));
      } else if (act === 'elu') {
        cls = 'ELU';
        if (alpha !== null) a.keyword('alpha', pyFloat(alpha));
      } else {
        a.positional(activationValue(act, name, ctx));
      }
      break;
    }
    case 'prelu':
      if (l.initial_alpha != null && l.initial_alpha !== 0) {
        a.keyword('alpha_initializer', `keras.initializers.Constant(value=${pyFloat(l.initial_alpha)})`);
      }
      break;
    case 'reshape':
      a.positional(pyIntTuple(l.target_shape));
      break;
    case 'dropout':
      a.positional(pyFloat(l.rate));
      if (l.seed) a.keyword('seed', pyInt(l.seed));
      break;
    case 'batch_normalization':
      a.float('momentum', l.momentum, 0.99);
      a.float('epsilon', l.epsilon, 0.001);
      a.flag('center', l.center, true);
      a.flag('scale', l.scale, true);
      break;
    case 'concatenate':
      if (l.axis != null && l.axis !== -1) a.keyword('axis', pyInt(l.axis));
      break;
    case 'embedding':
      a.keyword('input_dim', pyInt(l.input_dim));
      a.keyword('output_dim', pyInt(l.output_dim));
      a.initializer('embeddings_initializer', l.embeddings_initializer, 'uniform');
      a.regularizer('embeddings_regularizer', l.embeddings_regularizer);
      break;
    case 'simple_rnn':
    case 'lstm':
    case 'gru':
      a = recurrentCall(l.type, l, name, ctx, where);
      break;
    case 'bidirectional': {
      const inner = l.layer;
      const innerName = inner.name || snakeCase(kerasClass(inner.type));
      const ia = recurrentCall(inner.type, inner, `${name}/${innerName}`, ctx, where);
      ia.keyword('name', pyString(innerName));
      a.positional(`layers.${kerasClass(inner.type)}(${ia.items.join(', ')})`);
      if (l.merge_mode != null && l.merge_mode !== 'concat') a.keyword('merge_mode', pyString(l.merge_mode));
      break;
    }
    default: // flatten, add: no options
  }
  a.flag('trainable', l.trainable, true);
  a.keyword('name', pyString(name));
  return `layers.${cls}(${a.items.join(', ')})`;
}

/**
 * The names of a layer's extra outputs with return_state, in Keras's output order (after the
 * main output): state_h (, state_c) or the Bidirectional forward_/backward_ pairs.
 * @param {Record<string, any>} l
 * @returns {string[]}
 */
export function stateOutputs(l) {
  /** @param {Record<string, any>} r @param {string} type */
  const states = (r, type) =>
    r.return_state ? (type === 'lstm' ? ['state_h', 'state_c'] : ['state_h']) : [];
  if (l.type === 'bidirectional') {
    const s = states(l.layer, l.layer.type);
    return [...s.map((x) => `forward_${x}`), ...s.map((x) => `backward_${x}`)];
  }
  return ['simple_rnn', 'lstm', 'gru'].includes(l.type) ? states(l, l.type) : [];
}
