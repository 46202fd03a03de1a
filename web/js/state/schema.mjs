// The typed state table of the playground: one flat record, one key per control (see the web
// brief's table). Every other module reads FIELDS; hash.mjs encodes/decodes it and store.mjs
// holds the values. A field is {key, type, default, group, min?, max?, minOpen?, maxOpen?,
// options?}; types: int, number, bool, enum, string, list, layers, points, numbers.

export const ACTIVATIONS = ['linear', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'prelu', 'elu'];
export const OPTIMIZERS = ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam', 'adamw'];
export const DATASETS = ['circle', 'xor', 'gauss', 'spiral', 'moons', 'linear', 'blobs',
  'regress_plane', 'regress_gaussian', 'custom'];
export const REGRESSION_DATASETS = new Set(['regress_plane', 'regress_gaussian']);
export const FEATURES = ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'];
/** Our feature keys -> the engine's feature names (data.inputs). */
export const ENGINE_FEATURES = Object.freeze({
  x1: 'x1', x2: 'x2', x1sq: 'x1^2', x2sq: 'x2^2', x1x2: 'x1*x2', sinx1: 'sin(x1)', sinx2: 'sin(x2)',
});
/** Groups that `hide` may name (URL flag), in display order. */
export const GROUPS = ['header', 'tabs', 'toolbar', 'training', 'optimizer', 'network',
  'regularization', 'data', 'features', 'charts', 'perceptron', 'vanishing'];

/** Which optimizer parameters each optimizer shows. */
export const OPTIMIZER_PARAMS = Object.freeze({
  sgd: [], momentum: ['momentum'], nesterov: ['momentum'], adagrad: ['epsilon'],
  rmsprop: ['rho', 'epsilon'], adam: ['beta1', 'beta2', 'epsilon'],
  adamw: ['beta1', 'beta2', 'epsilon', 'weightDecay'],
});

export const LIMITS = Object.freeze({ maxLayers: 16, maxUnits: 64, maxHashPoints: 300, maxPoints: 5000 });

const f = (key, type, def, group, extra = {}) => Object.freeze({ key, type, default: def, group, ...extra });

export const FIELDS = Object.freeze([
  f('lab', 'enum', 'mlp', 'tabs', { options: ['perceptron', 'mlp', 'activations'] }),
  f('preset', 'string', 'mlp-circle', 'header'),
  f('lang', 'enum', 'en', 'header', { options: ['en', 'ko'] }),
  f('speed', 'int', 5, 'toolbar', { min: 1, max: 5 }),
  f('lr', 'number', 0.03, 'training', { min: 0, max: 10, minOpen: true }),
  f('batch', 'int', 10, 'training', { min: 1, max: 1024 }),
  f('epochs', 'int', 1000, 'training', { min: 1, max: 100000 }),
  f('optimizer', 'enum', 'sgd', 'optimizer', { options: OPTIMIZERS }),
  f('momentum', 'number', 0.9, 'optimizer', { min: 0, max: 1, maxOpen: true }),
  f('rho', 'number', 0.9, 'optimizer', { min: 0, max: 1, maxOpen: true }),
  f('beta1', 'number', 0.9, 'optimizer', { min: 0, max: 1, maxOpen: true }),
  f('beta2', 'number', 0.999, 'optimizer', { min: 0, max: 1, maxOpen: true }),
  f('epsilon', 'number', 1e-7, 'optimizer', { min: 0, max: 1, minOpen: true }),
  f('weightDecay', 'number', 0.004, 'optimizer', { min: 0, max: 1 }),
  f('loss', 'enum', 'auto', 'training', { options: ['auto', 'mse', 'mae', 'binary_crossentropy',
    'categorical_crossentropy', 'sparse_categorical_crossentropy'] }),
  f('activation', 'enum', 'tanh', 'network', { options: ACTIVATIONS }),
  f('layers', 'layers', [{ units: 4, activation: 'tanh' }, { units: 2, activation: 'tanh' }], 'network'),
  f('init', 'enum', 'glorot_uniform', 'network', { options: ['glorot_uniform', 'glorot_normal',
    'he_uniform', 'he_normal', 'lecun_normal', 'random_normal', 'zeros'] }),
  f('reg', 'enum', 'none', 'regularization', { options: ['none', 'l1', 'l2', 'l1_l2'] }),
  f('regRate', 'number', 0.001, 'regularization', { min: 0, max: 10 }),
  f('dropout', 'number', 0, 'regularization', { min: 0, max: 0.9 }),
  f('batchNorm', 'bool', false, 'regularization'),
  f('earlyStop', 'bool', false, 'regularization'),
  f('patience', 'int', 20, 'regularization', { min: 0, max: 1000 }),
  f('seed', 'int', 0, 'data', { min: 0, max: 2 ** 31 - 1 }),
  f('dataset', 'enum', 'circle', 'data', { options: DATASETS }),
  f('samples', 'int', 500, 'data', { min: 10, max: 2000 }),
  f('classes', 'int', 3, 'data', { min: 3, max: 8 }),
  f('trainRatio', 'int', 50, 'data', { min: 10, max: 90 }),
  f('noise', 'int', 0, 'data', { min: 0, max: 50 }),
  f('points', 'points', [], 'data'),
  f('features', 'list', ['x1', 'x2'], 'features', { options: FEATURES }),
  f('discretize', 'bool', false, 'charts'),
  f('showTest', 'bool', true, 'charts'),
  f('gate', 'enum', 'and', 'perceptron', { options: ['and', 'or', 'nand', 'xor'] }),
  f('pHidden', 'bool', false, 'perceptron'),
  f('pWeights', 'numbers', [0, 0, 0], 'perceptron'),
  f('deepAct', 'enum', 'sigmoid', 'vanishing', { options: ['sigmoid', 'tanh'] }),
  f('deepDepth', 'int', 8, 'vanishing', { min: 6, max: 12 }),
]);

/** key -> field. */
export const FIELD = Object.freeze(Object.fromEntries(FIELDS.map((field) => [field.key, field])));

/** A deep copy of a value of the state (arrays and layer objects are never shared). */
export function cloneValue(value) {
  if (Array.isArray(value)) return value.map(cloneValue);
  if (value !== null && typeof value === 'object') return { ...value };
  return value;
}

/** A fresh record of every default; lang follows `navigatorLanguage` ("ko..." -> ko). */
export function defaultState(navigatorLanguage = '') {
  const state = Object.fromEntries(FIELDS.map((field) => [field.key, cloneValue(field.default)]));
  if (String(navigatorLanguage).toLowerCase().startsWith('ko')) state.lang = 'ko';
  return state;
}

function inRange(field, x) {
  if (field.min !== undefined && (field.minOpen ? x <= field.min : x < field.min)) return false;
  if (field.max !== undefined && (field.maxOpen ? x >= field.max : x > field.max)) return false;
  return true;
}

/**
 * Checks a plain JS value for `field`: {ok: true, value} (normalised: copied, lists in option
 * order) or {ok: false, message}.
 */
export function normalizeValue(field, value) {
  const bad = (message) => ({ ok: false, message: `${field.key}: ${message}` });
  switch (field.type) {
    case 'int':
      if (!Number.isInteger(value)) return bad(`expected an integer, got ${JSON.stringify(value)}`);
      return inRange(field, value) ? { ok: true, value } : bad(`${value} is out of range`);
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return bad('expected a finite number');
      return inRange(field, value) ? { ok: true, value } : bad(`${value} is out of range`);
    case 'bool':
      return typeof value === 'boolean' ? { ok: true, value } : bad('expected true or false');
    case 'enum':
      return field.options.includes(value) ? { ok: true, value }
        : bad(`expected one of ${field.options.join(', ')}, got ${JSON.stringify(value)}`);
    case 'string':
      return typeof value === 'string' && /^[\w.-]{0,64}$/.test(value) ? { ok: true, value }
        : bad('expected a short name');
    case 'list': {
      if (!Array.isArray(value) || !value.every((v) => field.options.includes(v))) {
        return bad(`expected a subset of ${field.options.join(', ')}`);
      }
      return { ok: true, value: field.options.filter((o) => value.includes(o)) };
    }
    case 'layers': {
      if (!Array.isArray(value) || value.length > LIMITS.maxLayers) return bad('expected 0..16 layers');
      for (const layer of value) {
        if (!layer || !Number.isInteger(layer.units) || layer.units < 1 || layer.units > LIMITS.maxUnits
          || !ACTIVATIONS.includes(layer.activation)) {
          return bad('each layer needs units 1..64 and a known activation');
        }
      }
      return { ok: true, value: value.map((l) => ({ units: l.units, activation: l.activation })) };
    }
    case 'points': {
      if (!Array.isArray(value) || value.length > LIMITS.maxPoints) return bad('expected a list of points');
      for (const p of value) {
        if (!Array.isArray(p) || p.length !== 3 || !p.every(Number.isFinite)) {
          return bad('each point is [x1, x2, label] with finite numbers');
        }
      }
      return { ok: true, value: value.map((p) => [p[0], p[1], p[2]]) };
    }
    case 'numbers':
      if (!Array.isArray(value) || value.length !== field.default.length || !value.every(Number.isFinite)) {
        return bad(`expected ${field.default.length} finite numbers`);
      }
      return { ok: true, value: [...value] };
    default:
      return bad(`unknown field type ${field.type}`);
  }
}

/** True when two values of the state are equal (deep, for arrays and layer objects). */
export function sameValue(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}
