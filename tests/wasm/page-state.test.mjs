// The page's state modules (web/js/state/*.mjs, i18n.mjs) in Node: hash round trips for every
// field type, invalid values falling back with a warning, the store's load order and write-back,
// and the presets.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { FIELD, FIELDS, defaultState, normalizeValue } from '../../web/js/state/schema.mjs';
import { decodeHash, decodeValue, encodeHash, encodeValue } from '../../web/js/state/hash.mjs';
import { OWN_KEY, STORAGE_KEY, Store } from '../../web/js/state/store.mjs';
import { PRESETS, presetPatch, presetState } from '../../web/js/state/presets.mjs';
import * as i18n from '../../web/js/i18n/i18n.mjs';
import shellStrings from '../../web/js/i18n/shell-strings.mjs';
import { samples } from './page-state-samples.mjs';

/** Runs fn with console.warn captured; returns the warnings. */
function warnings(fn) {
  const seen = [];
  const original = console.warn;
  console.warn = (...args) => seen.push(args.join(' '));
  try {
    fn();
  } finally {
    console.warn = original;
  }
  return seen;
}

/** The keys of `state` a link of lab `lab` carries: the shell's and that lab's. */
const linkPart = (state, lab) =>
  Object.fromEntries(
    Object.entries(state).filter(([key]) => FIELD[key].lab === null || FIELD[key].lab === lab),
  );

test('state: every field has a sample and a valid default', () => {
  for (const field of FIELDS) {
    assert.ok(field.key in samples, field.key);
    assert.ok(normalizeValue(field, field.default).ok, `${field.key} default`);
    assert.ok(normalizeValue(field, samples[field.key]).ok, `${field.key} sample`);
  }
});

test('hash: every field type round-trips', () => {
  for (const field of FIELDS) {
    const text = encodeValue(field, samples[field.key]);
    const decoded = decodeValue(field, text);
    assert.ok(decoded.ok, `${field.key}: ${decoded.message}`);
    assert.deepEqual(decoded.value, samples[field.key], field.key);
  }
  const defaults = defaultState();
  const hash = encodeHash(samples, defaults, { hide: ['header', 'data'] });
  const { state, flags } = decodeHash(`#${hash}`);
  assert.deepEqual(state, linkPart(samples, 'perceptron'));
  assert.deepEqual(flags, { hide: ['header', 'data'] });
  // Unprefixed keys belong to the link's lab; prefixed keys are read as they are.
  assert.deepEqual(decodeHash('#lab=perceptron&lr=0.5&mlp.batch=3').state, {
    lab: 'perceptron',
    'perceptron.lr': 0.5,
    'mlp.batch': 3,
  });
});

test('hash: only non-default keys, readable forms', () => {
  const defaults = defaultState();
  assert.equal(encodeHash(defaults, defaults), '');
  const hash = encodeHash(
    {
      ...defaults,
      'mlp.layers': [
        { units: 4, activation: 'tanh' },
        { units: 2, activation: 'relu' },
      ],
      'mlp.batchNorm': true,
      'mlp.points': [[1.234, 2, 0]],
      'perceptron.gate': 'or',
    },
    defaults,
  );
  assert.equal(hash, 'batchNorm=1&points=1.23,2,0&layers=4.tanh,2.relu');
});

test('hash: more than 300 points stay out of the hash', () => {
  const defaults = defaultState();
  const points = Array.from({ length: 301 }, (_, i) => [i / 100, 0, i % 2]);
  assert.equal(encodeHash({ ...defaults, 'mlp.points': points }, defaults), '');
});

test('hash: invalid values warn and fall back', () => {
  const cases = [
    'lr=0',
    'lr=11',
    'lr=abc',
    'batch=1.5',
    'batch=0',
    'speed=6',
    'optimizer=foo',
    'layers=4.swish',
    'layers=0.tanh',
    'layers=65.relu',
    'features=x1,x3',
    'batchNorm=yes',
    'points=1,2',
    'points=1,2,x',
    'lab=perceptron&pWeights=1,2',
    'lab=perceptron&pWeights=1,2,1e39',
    'momentum=1',
    'epsilon=0',
    'dropout=0.95',
    'lab=activations&deepDepth=5',
    'classes=2',
    'preset=<script>',
    'nonsense=1',
    'lr',
    '%E0%A4%A=1',
  ];
  for (const entry of cases) {
    let decoded;
    const seen = warnings(() => {
      decoded = decodeHash(`#${entry}`);
    });
    delete decoded.state.lab;
    assert.deepEqual(decoded.state, {}, entry);
    assert.equal(seen.length, 1, entry);
  }
  const seen = warnings(() => {
    assert.deepEqual(decodeHash('#lr=0.1&batch=x&seed=3').state, { 'mlp.lr': 0.1, 'mlp.seed': 3 });
  });
  assert.equal(seen.length, 1);
});

test('hash: layers may be empty; features list is put in option order', () => {
  assert.deepEqual(decodeHash('#layers=&features=x2,x1').state, {
    'mlp.layers': [],
    'mlp.features': ['x1', 'x2'],
  });
});

/** A store on stubs: {store, storage, history, location, target}. */
function makeStore({
  hash = '',
  saved,
  own,
  language = 'en-US',
  embedded = false,
  full = false,
  items = new Map(saved === undefined ? [] : [[STORAGE_KEY, saved]]),
  navigationType = 'navigate',
} = {}) {
  if (own !== undefined) items.set(OWN_KEY, own);
  const storage = {
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => {
      if (full) throw Object.assign(new Error('quota exceeded'), { name: 'QuotaExceededError' });
      items.set(k, v);
    },
    removeItem: (k) => items.delete(k),
  };
  const location = { hash, href: `http://x/index.html${hash}` };
  const history = {
    state: null,
    urls: [],
    replaceState(s, t, url) {
      this.urls.push(url);
      location.href = url;
      location.hash = url.includes('#') ? url.slice(url.indexOf('#')) : '';
    },
  };
  const listeners = {};
  const target = {
    addEventListener: (n, fn) => {
      listeners[n] = fn;
    },
    removeEventListener() {},
  };
  const store = new Store({
    storage,
    location,
    history,
    target,
    navigatorLanguage: language,
    writeDelayMs: 1,
    embedded,
    navigationType,
  });
  return { store, items, history, location, listeners };
}

test('store: a page without a hash loads defaults <- localStorage', () => {
  const saved = JSON.stringify({ 'mlp.lr': 0.1, 'mlp.batch': 20, 'mlp.optimizer': 'adam' });
  const { store } = makeStore({ saved });
  assert.equal(store.get('lr'), 0.1);
  assert.equal(store.get('batch'), 20);
  assert.equal(store.get('optimizer'), 'adam');
  assert.equal(store.get('epochs'), 0); // the default: no epoch limit
  store.dispose();
});

test('store: a link is a complete state (saved values never fill what it leaves out)', () => {
  const saved = JSON.stringify({ lab: 'perceptron', lang: 'ko', 'mlp.lr': 0.1, 'mlp.optimizer': 'adam' });
  const { store } = makeStore({ saved, hash: '#lab=mlp&batch=30' });
  assert.equal(store.get('lab'), 'mlp');
  assert.equal(store.get('lang'), 'en');
  assert.equal(store.get('batch'), 30);
  assert.equal(store.get('lr'), 0.03);
  assert.equal(store.get('optimizer'), 'sgd');
  store.dispose();
});

test('store: lang defaults to ko for a Korean browser', () => {
  const { store } = makeStore({ language: 'ko-KR' });
  assert.equal(store.get('lang'), 'ko');
  store.dispose();
});

test('store: broken storage and invalid saved values fall back with warnings', () => {
  let store;
  let seen = warnings(() => {
    ({ store } = makeStore({ saved: '{not json' }));
  });
  assert.equal(seen.length, 1);
  assert.equal(store.get('lr'), 0.03);
  store.dispose();
  seen = warnings(() => {
    ({ store } = makeStore({ saved: JSON.stringify({ 'mlp.lr': -1, 'mlp.batch': 5 }) }));
  });
  assert.equal(seen.length, 1);
  assert.equal(store.get('lr'), 0.03);
  assert.equal(store.get('batch'), 5);
  store.dispose();
});

test('store: set/patch notify with the changed keys, invalid sets are refused', () => {
  const { store } = makeStore();
  const calls = [];
  const off = store.subscribe((keys) => calls.push([...keys].sort()));
  assert.equal(store.set('lr', 0.1), true);
  store.set('lr', 0.1); // unchanged: no call
  store.patch({ batch: 4, seed: 2, lr: 0.1 });
  let ok;
  warnings(() => {
    ok = store.set('batch', -3);
  });
  assert.equal(ok, false);
  assert.equal(store.get('batch'), 4);
  off();
  store.set('seed', 9);
  assert.deepEqual(calls, [['mlp.lr'], ['mlp.batch', 'mlp.seed']]);
  store.dispose();
});

test('store: values are copies; writes go to localStorage and the hash', async () => {
  const { store, items, history } = makeStore({ hash: '#hide=header' });
  const layers = store.get('layers');
  layers.push({ units: 9, activation: 'relu' });
  assert.equal(store.get('layers').length, 2);
  store.set('layers', layers);
  store.set('lr', 0.5);
  await new Promise((r) => setTimeout(r, 10));
  const saved = JSON.parse(items.get(STORAGE_KEY));
  assert.equal(saved['mlp.lr'], 0.5);
  assert.equal(saved['mlp.layers'].length, 3);
  assert.equal('hide' in saved, false);
  assert.equal(history.urls.at(-1), 'http://x/index.html#lr=0.5&layers=4.tanh,2.tanh,9.relu&hide=header');
  store.dispose();
});

test('store: a reload right after a change opens the change, not the hash from before it', () => {
  // The change is made and the page left before the 150 ms write: the reload has the old hash.
  const first = makeStore({ hash: '#lr=0.1' });
  first.store.set('lr', 0.5);
  first.store.flush({ leaving: true });
  first.store.dispose();
  const reloaded = makeStore({ hash: '#lr=0.1', items: first.items, navigationType: 'reload' });
  assert.equal(reloaded.store.get('lr'), 0.5);
  assert.equal(reloaded.history.urls.at(-1), 'http://x/index.html#lr=0.5');
  reloaded.store.dispose();
  // The note is read once: another reload of the old hash (a link) opens that hash.
  const again = makeStore({ hash: '#lr=0.1', items: first.items, navigationType: 'reload' });
  assert.equal(again.store.get('lr'), 0.1);
  again.store.dispose();
  // A link opened (not a reload) is its own state even when the note names it.
  const second = makeStore({ hash: '#lr=0.1' });
  second.store.set('lr', 0.7);
  second.store.flush({ leaving: true });
  const opened = makeStore({ hash: '#lr=0.1', items: second.items, navigationType: 'navigate' });
  assert.equal(opened.store.get('lr'), 0.1);
  opened.store.dispose();
});

test('store: hashchange applies only the keys that changed; nothing is saved', async () => {
  const own = JSON.stringify({
    'mlp.points': [
      [1, 2, 0],
      [3, 4, 1],
    ],
  });
  const saved = JSON.stringify({
    lang: 'ko',
    'mlp.lr': 0.2,
    'mlp.dataset': 'custom',
    'mlp.layers': [{ units: 3, activation: 'relu' }],
  });
  const { store, location, listeners, items } = makeStore({ saved, own });
  assert.deepEqual(
    store.get('points'),
    [
      [1, 2, 0],
      [3, 4, 1],
    ],
    'custom shows the own points',
  );
  const calls = [];
  store.subscribe((keys) => calls.push(keys));
  location.hash = '#batch=7&hide=data';
  listeners.hashchange();
  assert.equal(store.get('batch'), 7);
  assert.equal(store.get('lr'), 0.2);
  assert.equal(store.get('lang'), 'ko');
  assert.equal(store.get('dataset'), 'custom');
  assert.equal(store.get('layers').length, 1);
  assert.equal(store.get('points').length, 2);
  assert.deepEqual(store.flags.hide, ['data']);
  assert.deepEqual([...calls[0]].sort(), ['flag:hide', 'mlp.batch']);
  store.flush();
  assert.equal(items.get(STORAGE_KEY), saved, 'the saved state is untouched');
  assert.equal(items.get(OWN_KEY), own, 'the own points are untouched');
  store.dispose();
});

test('store: a link writes nothing until the user changes something; saving merges per lab', () => {
  const saved = JSON.stringify({ lab: 'perceptron', lang: 'ko', 'perceptron.gate': 'xor', 'mlp.lr': 0.2 });
  const { store, items } = makeStore({ saved, hash: '#lab=mlp&dataset=xor' });
  store.patch({ batch: 3 }, { user: false }); // a load (host API) is no change of the user's
  store.flush();
  assert.equal(items.get(STORAGE_KEY), saved);
  store.set('optimizer', 'adam');
  store.flush();
  const after = JSON.parse(items.get(STORAGE_KEY));
  assert.equal(after['perceptron.gate'], 'xor', 'the other lab keeps its saved state');
  assert.equal(after.lang, 'ko', 'a key the user did not change stays as saved');
  assert.equal(after['mlp.optimizer'], 'adam');
  assert.equal(after['mlp.dataset'], 'xor', 'the lab the user worked in is saved whole');
  assert.equal(after.lab, 'mlp');
  store.dispose();
});

test('store: own points live apart; presets and links never replace them', () => {
  const own = JSON.stringify({ 'mlp.points': [[1, 2, 0]] });
  const { store, items } = makeStore({ own, hash: '#lab=mlp&dataset=custom&points=5,5,1' });
  assert.deepEqual(store.get('points'), [[5, 5, 1]], 'the link shows its points');
  assert.deepEqual(store.own('points'), [[1, 2, 0]]);
  store.patch(presetPatch('mlp-xor'));
  store.flush();
  assert.equal(items.get(OWN_KEY), own);
  assert.equal(
    'mlp.points' in JSON.parse(items.get(STORAGE_KEY)),
    false,
    'points are not in the state record',
  );
  assert.equal(
    store.setOwn('points', [
      [1, 2, 0],
      [1e39, 0, 1],
    ]).code,
    'float32',
  );
  assert.ok(
    store.setOwn('points', [
      [1, 2, 0],
      [3, 3, 1],
    ]).ok,
  );
  store.flush();
  assert.deepEqual(JSON.parse(items.get(OWN_KEY))['mlp.points'].length, 2);
  store.dispose();
  // An old record with points inside: they become own points.
  const old = makeStore({ saved: JSON.stringify({ 'mlp.dataset': 'custom', 'mlp.points': [[0, 1, 1]] }) });
  assert.deepEqual(old.store.own('points'), [[0, 1, 1]]);
  assert.deepEqual(old.store.get('points'), [[0, 1, 1]]);
  old.store.dispose();
});

test('store: an embedded page neither reads nor writes the saved state', () => {
  const saved = JSON.stringify({ lab: 'perceptron', lang: 'ko' });
  const { store, items } = makeStore({ saved, embedded: true });
  assert.equal(store.get('lab'), 'mlp');
  store.set('lr', 0.5);
  store.flush();
  assert.equal(items.get(STORAGE_KEY), saved);
  store.dispose();
});

test('store: a full quota keeps the state in memory and notifies storage', () => {
  const { store } = makeStore({ full: true });
  const calls = [];
  store.subscribe((keys) => calls.push([...keys]));
  let ok;
  const seen = warnings(() => {
    ok = store.set('lr', 0.5);
    store.flush();
  });
  assert.equal(ok, true);
  assert.equal(store.get('lr'), 0.5);
  assert.ok(store.saveFailed, 'saveFailed is set');
  assert.deepEqual(calls.at(-1), ['storage']);
  assert.equal(seen.length, 1);
  store.dispose();
});

test('store: validate gives the code of the refused rule', () => {
  const { store } = makeStore();
  assert.equal(store.validate('lr', 1e39).code, 'float32');
  assert.equal(store.validate('lr', 11).code, 'range');
  assert.equal(store.validate('nope', 1).code, 'unknown');
  assert.ok(store.validate('lr', 0.5).ok);
  store.dispose();
});

test('presets: every preset state is valid and resets keep lang', () => {
  for (const [name, preset] of Object.entries(PRESETS)) {
    assert.ok(preset.title.en && preset.title.ko, name);
    for (const [key, value] of Object.entries(presetPatch(name))) {
      assert.ok(FIELD[key], `${name}: ${key}`);
      assert.ok(normalizeValue(FIELD[key], value).ok, `${name}: ${key}`);
    }
    const state = presetState(name, { lang: 'ko' });
    assert.equal(state.preset, name);
    assert.equal(state.lab, preset.lab);
    assert.equal(state.lang, 'ko');
  }
  assert.equal(presetState('nope').preset, 'mlp-circle');
});

test('i18n: t, fallback to English, placeholders, listeners', () => {
  i18n.register(shellStrings);
  i18n.register({ en: { 'test.only': 'only {n}' }, ko: {} });
  const seen = [];
  const off = i18n.onLangChange((l) => seen.push(l));
  i18n.setLang('ko');
  assert.equal(i18n.t('field.lr'), '학습률');
  assert.equal(i18n.t('test.only', { n: 3 }), 'only 3');
  assert.equal(i18n.t('missing.key'), 'missing.key');
  i18n.setLang('en');
  off();
  i18n.setLang('ko');
  assert.deepEqual(seen, ['ko', 'en']);
  i18n.setLang('en');
  for (const key of Object.keys(shellStrings.en)) assert.ok(key in shellStrings.ko, `ko lacks ${key}`);
});
