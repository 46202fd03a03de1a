// A stand-in for web/engine/nnplay.mjs used by worker.test.mjs: a Session that answers the
// requests the worker sends with made-up but well-formed answers (docs/schema/session.md), so
// the worker's slicing, pausing and error paths are tested without the real engine.
// globalThis.fakeEngine sets {batchesPerEpoch, epochs, divergeAtBatch, points (answer the
// points op), earlyStopping (train answers carry early_stopping), onRequest(request) (called
// before each request is answered: a test sees the order of the requests and can send the
// worker a message while one runs)} before a configure.
class Session {
  constructor() {
    this.arrays = new Map();
    this.batch = 0;
  }

  handle(text) {
    const request = JSON.parse(text);
    globalThis.fakeEngine?.onRequest?.(request);
    const answer = this.answer(request, globalThis.fakeEngine ?? {});
    return JSON.stringify(answer.ok === false ? answer : { ...answer, ok: true });
  }

  answer(request, options) {
    const perEpoch = options.batchesPerEpoch ?? 10;
    switch (request.op) {
      case 'build':
        if (request.spec.model === undefined) return fail('/spec/model', 'required field missing');
        this.batch = 0;
        this.weights = null;
        return { model: { name: 'fake', inputs: [{ name: 'input', shape: [2] }], params: 3 }, summary: '' };
      case 'set_data':
        if (request.points) {
          const y = this.arrays.get(request.points.y);
          if (!y) return fail('/points/y', 'no such array');
          if (y.some((v) => v !== 0 && v !== 1))
            return fail('/points/y', 'row 0: label is not a class id 0..1');
          this.points = { x: this.arrays.get(request.points.x), y };
          return { samples: y.length, validation_samples: 0 };
        }
        this.points = { x: new Float32Array([1, 2, 3, 4]), y: new Float32Array([0, 1]) };
        return { samples: 10 * perEpoch, validation_samples: 0 };
      case 'points':
        if (!options.points) return fail('/op', `unknown op 'points'`);
        this.arrays.set('points_train_x', this.points.x);
        this.arrays.set('points_train_y', this.points.y);
        this.arrays.set('points_validation_x', new Float32Array(0));
        this.arrays.set('points_validation_y', new Float32Array(0));
        return {
          train: this.points.y.length,
          validation: 0,
          kind: 'classes',
          classes: 2,
          arrays: {
            train_x: 'points_train_x',
            train_y: 'points_train_y',
            validation_x: 'points_validation_x',
            validation_y: 'points_validation_y',
          },
        };
      case 'set_weights': {
        const values = this.arrays.get(request.array);
        if (!values || values.length !== 3) return fail('/array', 'expected 3 weights');
        this.weights = Float32Array.from(values);
        return {};
      }
      case 'probes':
        if (!Array.isArray(request.x)) return fail('/x', 'expected an array');
        this.arrays.set('probe/dense/output', new Float32Array([0.25]));
        return {
          layers: [
            {
              name: 'dense',
              type: 'Dense',
              probes: [{ name: 'probe/dense/output', probe: 'output', shape: [1, 1] }],
            },
          ],
          gradient_norms: request.y ? [{ name: 'dense/kernel', norm: 0.5 }] : [],
        };
      case 'reset':
        this.batch = 0;
        this.weights = null;
        return {};
      case 'train': {
        // A time budget is spent like the engine does: batches until `ms` have passed.
        const deadline = performance.now() + (request.ms ?? 0);
        const more = (run) => (request.ms ? performance.now() < deadline : run < request.batches);
        const epochLogs = [];
        let run = 0;
        while (more(run) && this.batch < perEpoch * (options.epochs ?? 1e9)) {
          this.batch += 1;
          run += 1;
          if (this.batch === options.divergeAtBatch) {
            return { ...this.progress(perEpoch, run, epochLogs), diverged: true, reason: 'loss is NaN' };
          }
          if (this.batch % perEpoch === 0) {
            epochLogs.push({ epoch: this.batch / perEpoch - 1, logs: { loss: 1 / this.batch } });
          }
        }
        return this.progress(perEpoch, run, epochLogs);
      }
      case 'get_weights':
        this.arrays.set(request.out, this.weights ?? new Float32Array([this.batch, 2, 3]));
        return { array: request.out, weights: [{ name: 'dense/kernel', shape: [2, 1], offset: 0 }] };
      case 'grid': {
        // A left-to-right ramp from 0 to 1, so a drawn grid shows both colours.
        const n = request.resolution;
        this.arrays.set(
          'grid',
          Float32Array.from({ length: n * n }, (_, i) => (i % n) / (n - 1)),
        );
        return {
          array: 'grid',
          resolution: request.resolution,
          maps: [{ layer: 'dense', unit: 0, offset: 0 }],
        };
      }
      default:
        return fail('/op', `unknown op '${request.op}'`);
    }
  }

  progress(perEpoch, run, epochLogs) {
    const finished = this.batch >= perEpoch * (globalThis.fakeEngine?.epochs ?? 1e9);
    return {
      epoch: Math.floor(this.batch / perEpoch),
      batch: this.batch % perEpoch,
      batches_per_epoch: perEpoch,
      batches_run: run,
      iterations: this.batch,
      logs: { loss: 1 / (this.batch + 1) },
      epoch_logs: epochLogs,
      finished,
      diverged: false,
      stop_reason: finished ? 'epochs' : '',
      ...(globalThis.fakeEngine?.earlyStopping
        ? {
            early_stopping: {
              monitor: 'val_loss',
              best_epoch: 1,
              best: 0.25,
              stopped_epoch: 0,
              restored: false,
            },
          }
        : {}),
    };
  }

  setArray(name, values) {
    this.arrays.set(name, Float32Array.from(values));
    return '';
  }
  getArray(name) {
    return Float32Array.from(this.arrays.get(name) ?? []);
  }
  hasArray(name) {
    return this.arrays.has(name);
  }
  deleteArray(name) {
    this.arrays.delete(name);
  }
  delete() {}
}

function fail(path, message) {
  return { ok: false, error: { path, message } };
}

export default async function createNnplay() {
  return { Session };
}
