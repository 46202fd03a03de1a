// nnplay-wasm engine: loads the emscripten ES6 module (wasm/bindings.cpp: embind `Session` with
// handle(json) -> json, setArray(name, Float32Array) -> "" | error, getArray(name)) and drives
// it with the Session requests of docs/schema/session.md.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { nnplaySpec } from './workloads.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/// Where the module may be: --nnplay, $NNPLAY_MJS, the build tree, the page's copy.
export function nnplayCandidates(explicit) {
  return [
    explicit,
    process.env.NNPLAY_MJS,
    path.join(root, 'build/wasm/wasm/nnplay.mjs'),
    path.join(root, 'web/engine/nnplay.mjs'),
  ].filter(Boolean);
}

/// Loads the module (Node 20's fetch cannot load a file: URL such as the .wasm, so pass its bytes;
/// the glue calls require and __dirname on its Node path). Returns the Module or throws.
async function loadModule(modPath) {
  const wasmPath = modPath.replace(/\.mjs$/, '.wasm');
  globalThis.require = createRequire(modPath);
  globalThis.__dirname = path.dirname(modPath);
  const mod = await import(pathToFileURL(modPath).href);
  const factory = mod.default ?? mod.createNnplay;
  if (typeof factory !== 'function') throw new Error(`${modPath} exports no factory`);
  return factory({ wasmBinary: fs.readFileSync(wasmPath) });
}

/// One JSON request; throws with the engine's error (path + message) when the answer is not ok.
export function request(session, req) {
  const answer = JSON.parse(session.handle(JSON.stringify(req)));
  if (!answer.ok) {
    const e = answer.error ?? {};
    throw new Error(`${req.op}: ${e.message ?? 'failed'}${e.path ? ` (at ${e.path})` : ''}`);
  }
  return answer;
}

export function setArray(session, name, values) {
  const err = session.setArray(name, values);
  if (err) throw new Error(`setArray(${name}): ${err}`);
}

export class NnplayEngine {
  constructor(explicitPath) {
    this.name = 'nnplay-wasm';
    this.explicitPath = explicitPath;
    this.module = null;
    this.modulePath = null;
  }

  /// Loads the module; returns null or why nnplay cannot run (then its rows say so).
  async init() {
    const found = nnplayCandidates(this.explicitPath).find((p) => fs.existsSync(p));
    if (!found) return `module not built (looked for ${nnplayCandidates(this.explicitPath).join(', ')})`;
    try {
      this.module = await loadModule(found);
      this.modulePath = found;
      return null;
    } catch (e) {
      return `loading ${found} failed: ${e?.message ?? e}`;
    }
  }

  /// A fresh Session with the workload's model, its initial weights (Keras layout, the list the
  /// peers copy) and the training data. `variant.neurons` picks the grid flavour (W1g).
  async setup(workload, data, variant = {}) {
    const session = new this.module.Session();
    try {
      const built = request(session, { op: 'build', spec: nnplaySpec(workload) });
      const w = request(session, { op: 'get_weights', out: 'weights' });
      const flat = session.getArray(w.array ?? 'weights');
      const weights = w.weights.map((e) => {
        const count = e.shape.reduce((a, b) => a * b, 1);
        return { name: e.name, shape: e.shape, values: flat.slice(e.offset, e.offset + count) };
      });
      setArray(session, 'x', data.x);
      setArray(session, 'y', data.y);
      request(session, { op: 'set_data', train: { x: ['x'], y: ['y'] } });
      const batches = workload.chunk ? Math.max(1, Math.round(workload.chunk / workload.batch)) : 0;
      const g = workload.grid;
      const gridReq = g && {
        op: 'grid',
        x_range: [g.lo, g.hi],
        y_range: [g.lo, g.hi],
        resolution: g.resolution,
        neurons: Boolean(variant.neurons),
        out: 'grid',
      };
      return {
        weights,
        params: built.model?.params,
        note: `Session train {batches: ${batches}} per call (fit: shuffle, batch ${workload.batch})`,
        gridNote: `Session grid, neurons ${Boolean(variant.neurons)}, + getArray`,
        activate: async () => {},
        train: async () => {
          const a = request(session, { op: 'train', batches });
          return { samples: (a.batches_run ?? batches) * workload.batch, loss: a.logs?.loss };
        },
        grid: async () => {
          const a = request(session, gridReq);
          return session.getArray(a.array ?? 'grid');
        },
        /// Replaces the weights (one array in get_weights order), e.g. with the fallback set.
        setWeights: (list) => {
          const total = list.reduce((n, e) => n + e.values.length, 0);
          const all = new Float32Array(total);
          let at = 0;
          for (const e of list) all.set(e.values, (at += e.values.length) - e.values.length);
          setArray(session, 'init_weights', all);
          request(session, { op: 'set_weights', array: 'init_weights' });
        },
        dispose: () => session.delete(),
      };
    } catch (e) {
      session.delete();
      throw e;
    }
  }
}
