// The rebuild notice's pure parts (kit/rebuild-notice.mjs) and the MLP's naming of what forced
// a rebuild (labs/mlp/tune.mjs).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { fieldList, hasTrained, placeNotice } from '../../web/js/kit/rebuild-notice.mjs';
import { rebuildCauses } from '../../web/js/labs/mlp/tune.mjs';
import stateStrings from '../../web/js/i18n/state-strings.mjs';

/** t() over the state strings of `lang`, filling {name} placeholders. */
const tr =
  (lang) =>
  (key, params = {}) =>
    stateStrings[lang][key].replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));

test('notice: only a model that has trained is worth a notice', () => {
  assert.equal(hasTrained(null), false);
  assert.equal(hasTrained({ epoch: 0, iterations: 0 }), false);
  assert.equal(hasTrained({ epoch: 0, iterations: 3 }), true);
  assert.equal(hasTrained({ epoch: 2, iterations: 0 }), true);
});

test('notice: the changed fields in words, English and Korean', () => {
  const en = tr('en');
  assert.equal(fieldList(en, ['Activation']), '“Activation”');
  assert.equal(fieldList(en, ['Activation', 'Initializer']), '“Activation” and “Initializer”');
  assert.equal(fieldList(en, ['A', 'B', 'C']), '“A”, “B” and “C”');
  assert.equal(fieldList(en, ['A', 'B', 'C', 'D']), '4 settings');
  assert.equal(
    en('notice.rebuilt', { fields: fieldList(en, ['Activation']) }),
    'New model: changing “Activation” needs new weights, so training starts again from epoch 0.',
  );
  const ko = tr('ko');
  assert.match(
    ko('notice.rebuilt', { fields: fieldList(ko, ['활성화 함수']) }),
    /^새 모델: ‘활성화 함수’.*0 에포크/,
  );
});

test('notice: placed under the control, above when the window has no room, always inside', () => {
  const view = { width: 390, height: 844 };
  const size = { width: 300, height: 60 };
  assert.deepEqual(placeNotice({ left: 20, top: 100, bottom: 130 }, size, view), {
    left: 20,
    top: 136,
    below: true,
  });
  assert.deepEqual(placeNotice({ left: 20, top: 780, bottom: 810 }, size, view), {
    left: 20,
    top: 714,
    below: false,
  });
  // a control at the right edge: the notice moves left to stay inside the window
  assert.equal(placeNotice({ left: 300, top: 100, bottom: 130 }, size, view).left, 390 - 300 - 8);
  // a control scrolled above the window: the notice stays at the top edge
  assert.equal(placeNotice({ left: 20, top: -200, bottom: -170 }, size, view).top, 8);
});

test('notice: the MLP names the fields that forced the rebuild, not those tuned or implied', () => {
  const before = { dropout: 0, activation: 'tanh' };
  assert.deepEqual(rebuildCauses(['activation', 'layers'], before, before), ['activation']);
  assert.deepEqual(rebuildCauses(['lr', 'init'], before, before), ['init']);
  assert.deepEqual(rebuildCauses(['dropout'], before, { dropout: 0.2 }), ['dropout'], 'dropout switched on');
  assert.deepEqual(rebuildCauses(['dropout', 'init'], { dropout: 0.1 }, { dropout: 0.2 }), ['init']);
  assert.deepEqual(rebuildCauses(['points', 'dataset'], before, before), ['points']);
  assert.deepEqual(rebuildCauses(['lr'], before, before), ['lr'], 'nothing else to name');
});
