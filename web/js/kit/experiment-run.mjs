// @ts-check
// One training run of an experiment in a session of its own (relay.session(name)): configure
// with a setup, play, hand every finished epoch's logs to onEpoch, and settle when training
// ends. With snapshot requests, the run settles with the snapshot the worker takes when
// training ends (the final weights); stop() closes the session and settles it as stopped;
// pause() and resume() hold and continue its training (the run stays unsettled meanwhile).
// Used by the images lab's experiments and the generalization lab.

/**
 * @typedef {{finished: boolean, stopped: boolean, diverged: boolean, epochs: number,
 *   snapshot: {answers: object[], arrays: Record<string, Float32Array>} | null}} RunResult
 */

/**
 * Starts a run. `setup` and `snapshot` are engine requests as session.configure takes them.
 * @param {{session: (name: string) => any}} relay
 * @param {string} name the session's unique name
 * @param {{setup: object[], snapshot?: object[], arrays: Record<string, Float32Array>,
 *   onEpoch?: (logs: Record<string, number>, epoch: number) => void}} options
 * @returns {{session: any, done: Promise<RunResult>, configured: Promise<any>, stop: () => void,
 *   pause: () => void, resume: () => void}}
 */
export function startRun(relay, name, { setup, snapshot = [], arrays, onEpoch = () => {} }) {
  const session = relay.session(name);
  /** @type {(() => void)[]} */
  const off = [];
  let epochs = 0;
  let finished = false;
  let diverged = false;
  let settled = false;
  /** @type {(result: RunResult) => void} */
  let resolve = () => {};
  /** @type {(error: any) => void} */
  let reject = () => {};
  /** @type {Promise<RunResult>} */
  const done = new Promise((yes, no) => {
    resolve = yes;
    reject = no;
  });
  const settle = (/** @type {Partial<RunResult>} */ result, error = null) => {
    if (settled) return;
    settled = true;
    off.forEach((fn) => fn());
    if (error) reject(error);
    else resolve({ finished, stopped: false, diverged, epochs, snapshot: null, ...result });
  };
  off.push(
    session.on('progress', (/** @type {any} */ { answer }) => {
      for (const { epoch, logs } of answer.epoch_logs ?? []) {
        epochs = epoch + 1;
        onEpoch(logs, epoch);
      }
      diverged = Boolean(answer.diverged);
      finished = Boolean(answer.finished);
      if ((finished || diverged) && snapshot.length === 0) settle({});
    }),
    session.on('snapshot', (/** @type {any} */ event) => {
      if (finished || diverged) settle({ snapshot: event });
    }),
    session.on('error', (/** @type {any} */ error) => settle({}, error)),
  );
  let held = false;
  const configured = session.configure({ setup, snapshot, arrays }).then((/** @type {any} */ answer) => {
    if (!settled && !held) session.play();
    return answer;
  });
  configured.catch((/** @type {any} */ error) => settle({}, error));
  return {
    session,
    done,
    configured,
    stop() {
      session.close();
      settle({ stopped: true });
    },
    pause() {
      held = true;
      if (!settled) session.pause();
    },
    resume() {
      held = false;
      if (!settled && session.configured) session.play();
    },
  };
}
