// Loads the nnplay wasm module (web/engine/nnplay.{mjs,wasm}) in Node for the tests.
// Node 20's global fetch cannot load a file: URL such as the .wasm, so the bytes are read from disk
// and passed as wasmBinary; the ES6 glue's Node path also uses require and __dirname.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const engineDir = process.env.NNPLAY_ENGINE_DIR ?? path.join(root, 'web', 'engine');

/** The instantiated module (createNnplay's result); throws a clear Error when not built. */
export async function loadModule() {
  const modPath = path.join(engineDir, 'nnplay.mjs');
  const wasmPath = path.join(engineDir, 'nnplay.wasm');
  if (!fs.existsSync(modPath) || !fs.existsSync(wasmPath)) {
    throw new Error(`${modPath} and nnplay.wasm not found: run scripts/build-wasm.sh first`);
  }
  globalThis.require = createRequire(modPath);
  globalThis.__dirname = engineDir;
  const { default: createNnplay } = await import(pathToFileURL(modPath).href);
  return createNnplay({ wasmBinary: fs.readFileSync(wasmPath) });
}

/** A Session wrapper whose call() parses the answer; close() frees the C++ object. */
export class TestSession {
  constructor(module) {
    this.session = new module.Session();
  }

  /** handle() with an object (stringified) or a raw string; returns the parsed answer. */
  call(request) {
    const text = typeof request === 'string' ? request : JSON.stringify(request);
    return JSON.parse(this.session.handle(text));
  }

  /** call() that fails the test with the error when the answer is not ok. */
  ok(request) {
    const answer = this.call(request);
    if (!answer.ok) {
      throw new Error(`${request.op ?? request}: ${answer.error.path}: ${answer.error.message}`);
    }
    return answer;
  }

  setArray(name, values) {
    return this.session.setArray(name, values);
  }
  getArray(name) {
    return this.session.getArray(name);
  }
  hasArray(name) {
    return this.session.hasArray(name);
  }
  deleteArray(name) {
    this.session.deleteArray(name);
  }
  close() {
    this.session.delete();
  }
}

/** Every preset document in docs/presets/ as [{name, document}], sorted by file name. */
export function presets() {
  const dir = path.join(root, 'docs', 'presets');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((name) => {
      const preset = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
      return { name, document: preset.document ?? preset };
    });
}

/** Deterministic inputs for a model's inputs: `samples` samples, integer values 0 and 1 (valid
 *  for Dense inputs and for Embedding ids alike). Returns [{name, values}]. */
export function sampleInputs(model, samples = 4) {
  return model.inputs.map((input, k) => {
    const size = input.shape.reduce((a, b) => a * b, 1) * samples;
    const values = new Float32Array(size);
    for (let i = 0; i < size; i += 1) values[i] = (i * 7 + k) % 3 === 0 ? 1 : 0;
    return { name: `probe_input_${k}`, values };
  });
}
