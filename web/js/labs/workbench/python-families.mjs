// @ts-check
// The layer option families (docs/schema/model.md "Families used inside layers") as Keras 3
// Python values: activations, initializers and regularizers.
import { pyCommentText, pyFloat, pyString } from './python-literals.mjs';

/** @typedef {import('./python-layers.mjs').ExportContext} ExportContext */

/** Keras 3 defaults of the parameterised activations. */
const ACTIVATION_ALPHA = { leaky_relu: 0.2, elu: 1.0 };

/**
 * An activation value as {name, alpha}; alpha is null when it is the default or not taken.
 * @param {unknown} value a name or {type, alpha}
 * @returns {{name: string, alpha: number | null}}
 */
export function normalizeActivation(value) {
  if (typeof value === 'string') return { name: value, alpha: null };
  const v = /** @type {Record<string, any>} */ (value);
  const fallback = /** @type {Record<string, number>} */ (ACTIVATION_ALPHA)[v.type];
  const alpha = fallback === undefined || v.alpha == null || v.alpha === fallback ? null : v.alpha;
  return { name: v.type, alpha };
}

/**
 * The `activation=` value for a Dense or recurrent layer. Parameterised activations become a
 * registered Python function (Keras has no string for leaky_relu with another slope); nnplay's
 * step becomes linear with a note (Keras has no step; nnplay trains the pre-activation anyway).
 * @param {unknown} value
 * @param {string} layerName
 * @param {ExportContext} ctx
 */
export function activationValue(value, layerName, ctx) {
  const { name, alpha } = normalizeActivation(value);
  if (name === 'step') {
    ctx.notes.push(
      `layer ${pyCommentText(layerName)} uses nnplay's step activation, which Keras does not have: ` +
        'it is linear here (nnplay trains the pre-activation, then thresholds it at 0).',
    );
    return pyString('linear');
  }
  if (alpha === null) return pyString(name);
  const fn = `${name}_${pyFloat(alpha).replace(/[^A-Za-z0-9]/g, '_')}`;
  const option = name === 'leaky_relu' ? 'negative_slope' : 'alpha';
  ctx.functions.set(
    fn,
    `@keras.saving.register_keras_serializable(package="nnplay")\ndef ${fn}(x):\n` +
      `    return keras.activations.${name}(x, ${option}=${pyFloat(alpha)})\n`,
  );
  return fn;
}

/**
 * The options of the parameterised initializers, with Keras's defaults, and their classes.
 * @type {Record<string, [string, Record<string, number>]>}
 */
const INITIALIZER_OPTIONS = {
  constant: ['Constant', { value: 0 }],
  random_normal: ['RandomNormal', { mean: 0, stddev: 0.05 }],
  truncated_normal: ['TruncatedNormal', { mean: 0, stddev: 0.05 }],
  random_uniform: ['RandomUniform', { minval: -0.05, maxval: 0.05 }],
  uniform: ['RandomUniform', { minval: -0.05, maxval: 0.05 }],
  orthogonal: ['Orthogonal', { gain: 1 }],
};

/**
 * An initializer value: a quoted name, or `keras.initializers.X(...)` with every option when
 * any option differs from its default.
 * @param {unknown} value
 */
export function initializerValue(value) {
  if (typeof value === 'string') return pyString(value);
  const v = /** @type {Record<string, any>} */ (value);
  const entry = INITIALIZER_OPTIONS[v.type];
  if (!entry) return pyString(v.type);
  const [cls, defaults] = entry;
  const keys = Object.keys(defaults);
  if (keys.every((k) => v[k] == null || v[k] === defaults[k])) return pyString(v.type);
  const args = keys.map((k) => `${k}=${pyFloat(v[k] ?? defaults[k])}`);
  return `keras.initializers.${cls}(${args.join(', ')})`;
}

/**
 * A regularizer value, or null for none (null, "l1_l2", or both factors 0).
 * @param {unknown} value
 */
export function regularizerValue(value) {
  if (value == null || value === 'l1_l2') return null;
  const v = /** @type {Record<string, number>} */ (
    value === 'l1' ? { l1: 0.01 } : value === 'l2' ? { l2: 0.01 } : value
  );
  const l1 = v.l1 ?? 0;
  const l2 = v.l2 ?? 0;
  if (l1 === 0 && l2 === 0) return null;
  return `keras.regularizers.L1L2(l1=${pyFloat(l1)}, l2=${pyFloat(l2)})`;
}
