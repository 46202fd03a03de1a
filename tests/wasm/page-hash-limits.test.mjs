// Hash values a crafted link can carry (web/js/state/hash.mjs): numbers are read by the linear
// scanner, and a value longer than any link the page writes is dropped unread with a warning.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { defaultState } from '../../web/js/state/schema.mjs';
import { decodeHash, encodeHash } from '../../web/js/state/hash.mjs';

/** decodeHash(hash) with its warnings collected: {state, warnings}. */
function decode(hash) {
  const warnings = [];
  const { state } = decodeHash(hash, (message) => warnings.push(message));
  return { state, warnings };
}

test('hash limits: 100,000 digits and an x are dropped with a warning', () => {
  const { state, warnings } = decode(`#lr=${'1'.repeat(100000)}x&seed=3`);
  assert.deepEqual(state, { 'mlp.seed': 3 });
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /lr.*100001 characters/);
});

test('hash limits: a long number under the value cap is refused by the scanner', () => {
  const { state, warnings } = decode(`#lr=${'1'.repeat(19000)}x`);
  assert.deepEqual(state, {});
  assert.equal(warnings.length, 1);
});

test('hash limits: the longest link the page writes (300 points) still reads', () => {
  const defaults = defaultState();
  const points = Array.from({ length: 300 }, (_, i) => [-123.45 + i / 100, -99.99, -0.25]);
  const hash = encodeHash({ ...defaults, 'mlp.points': points }, defaults);
  const { state, warnings } = decode(`#${hash}`);
  assert.deepEqual(warnings, []);
  assert.equal(state['mlp.points'].length, 300);
  assert.deepEqual(state['mlp.points'][299], [-120.46, -99.99, -0.25]);
});
