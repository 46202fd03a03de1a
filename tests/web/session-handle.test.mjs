// The page's session handle (shell/session-handle.mjs) with a stand-in relay: configure sends
// the setup, snapshot requests, arrays and snapshot interval; with keepArrays a new model on
// the same data sends only the new arrays, while the handle keeps them all for a restarted
// worker (sendConfiguration with no argument sends everything).
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { SessionHandle } from '../../web/js/shell/session-handle.mjs';

/** A handle whose relay records what it sends and answers every configure. */
function recordingHandle() {
  const sent = [];
  const relay = {
    send: async (type, fields) => {
      sent.push({ type, ...fields });
      return type === 'configure' ? { answers: [], arrays: {} } : {};
    },
    sessionEvent: () => {},
  };
  return { handle: new SessionHandle('s', relay), sent };
}

const SETUP = [{ op: 'build', spec: {} }];
const SNAPSHOT = [{ op: 'get_weights' }];

test('session handle: configure sends the arrays and the snapshot interval', async () => {
  const { handle, sent } = recordingHandle();
  const images = new Float32Array([1, 2, 3]);
  await handle.configure({ setup: SETUP, snapshot: SNAPSHOT, arrays: { images }, snapshotMs: 1000 });
  assert.equal(sent.length, 1);
  assert.equal(sent[0].type, 'configure');
  assert.deepEqual([...sent[0].arrays.images], [1, 2, 3]);
  assert.notEqual(sent[0].arrays.images, images, 'the caller keeps its own array');
  assert.equal(sent[0].snapshotMs, 1000);
  await handle.configure({ setup: SETUP, snapshot: SNAPSHOT, arrays: { images } });
  assert.equal('snapshotMs' in sent[1], false, 'no interval: the worker default');
});

test('session handle: keepArrays sends only the new arrays and keeps all for a restart', async () => {
  const { handle, sent } = recordingHandle();
  const images = new Float32Array([1, 2, 3]);
  await handle.configure({
    setup: SETUP,
    snapshot: SNAPSHOT,
    arrays: { images, pad: new Float32Array([0]) },
  });
  await handle.configure({
    setup: SETUP,
    snapshot: SNAPSHOT,
    arrays: { pad: new Float32Array([9]) },
    keepArrays: true,
  });
  assert.deepEqual(Object.keys(sent[1].arrays), ['pad'], 'the images stay in the session');
  assert.deepEqual([...sent[1].arrays.pad], [9]);
  // A restarted worker gets the whole configuration again.
  await handle.sendConfiguration();
  assert.deepEqual(Object.keys(sent[2].arrays).sort(), ['images', 'pad']);
  assert.deepEqual([...sent[2].arrays.images], [1, 2, 3]);
  assert.deepEqual([...sent[2].arrays.pad], [9], 'the newer drawing');
  // Without keepArrays the configuration is only what is given.
  await handle.configure({ setup: SETUP, snapshot: SNAPSHOT, arrays: { pad: new Float32Array([5]) } });
  await handle.sendConfiguration();
  assert.deepEqual(Object.keys(sent[4].arrays), ['pad']);
});
