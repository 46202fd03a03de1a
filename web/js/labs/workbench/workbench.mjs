// The workbench's model in the lab's session: proposes a change (a document, a Keras import,
// a saved file), tries it in the scratch session first (model-checker.mjs) and installs only
// what builds, so a failed change never costs the learner the model they have. Installing
// keeps the trained weights when the layers did not change (Keras's recompile keeps them),
// gives a model without a `data` block the array data the learner chose (real images, a CSV:
// array-data.mjs) or else random data of its shapes, and keeps the result across a reload
// (model-keeper.mjs).
import { ModelChecker } from './model-checker.mjs';
import { ModelKeeper } from '../../kit/model-keeper.mjs';
import { lossOf } from './compile-pane.mjs';
import { documentText } from '../../kit/document-text.mjs';
import { syntheticData } from './synthetic-data.mjs';
import { parseWithLocation } from './json-locate.mjs';
import { transferWeights } from './weight-transfer.mjs';
import { arrayFitError, arraySetup } from './array-data.mjs';

/** The changes that keep trained weights where they still fit (not presets, files or imports). */
const EDITS = new Set(['edit', 'json', 'compile', 'dataDropped', 'data', 'keptData']);
/** The installs that change the data only: the same model is installed again on them. */
const DATA_CHANGES = new Set(['data', 'keptData']);

/** Random samples a model without a data block trains on (a shape exercise). */
export const SYNTHETIC_SAMPLES = 256;
const SYNTHETIC_SEED = 0;

/** @typedef {{doc: any, text: string, model: any, summary: string}} Installed */
/** @typedef {{text: string, file: any | null}} Replaced */

/**
 * The arrays and set_data request of random data for the model `model` (build answer) under
 * document `doc`, named `wb/x<k>` and `wb/y<k>`.
 * @param {any} doc @param {any} model
 */
export function syntheticSetup(doc, model) {
  const outputs = model.outputs.map((/** @type {any} */ o, /** @type {number} */ k) => ({
    ...o,
    loss: lossOf(doc, k),
  }));
  const data = syntheticData(
    { inputs: model.inputs, outputs },
    { samples: SYNTHETIC_SAMPLES, seed: SYNTHETIC_SEED },
  );
  /** @type {Record<string, Float32Array>} */
  const arrays = {};
  data.x.forEach((a, k) => (arrays[`wb/x${k}`] = a.data));
  data.y.forEach((a, k) => (arrays[`wb/y${k}`] = a.data));
  const request = {
    op: 'set_data',
    train: { x: data.x.map((_, k) => `wb/x${k}`), y: data.y.map((_, k) => `wb/y${k}`) },
  };
  return { arrays, request };
}

/**
 * The requests (and arrays) that make `doc` the session's model: a build, or the load of
 * `file`; a model without a data block gets `data` (array-data.mjs's source) when given and it
 * fits, else its random data, before the load, because a file's training position needs data
 * to resume on. `model` is the build answer's model info.
 * @param {any} doc @param {any} model @param {any} [file]
 * @param {import('./array-data.mjs').ArraySource | null} [data]
 * @returns {{setup: object[], arrays: Record<string, Float32Array>}}
 */
export function setupFor(doc, model, file = null, data = null) {
  if (doc.data) return { setup: [file ? { op: 'load', file } : { op: 'build', spec: doc }], arrays: {} };
  const made = data ? arraySetup(data, model, (k) => lossOf(doc, k)) : null;
  const synthetic = made?.ok ? made : syntheticSetup(doc, model);
  const setup = [{ op: 'build', spec: doc }, synthetic.request];
  if (file) setup.push({ op: 'load', file });
  return { setup, arrays: synthetic.arrays };
}

/** A model's layers and wiring without the trainable switches: equal means the same weights
 *  (freezing a layer, like a compile or fit change, keeps what was trained). @param {any} doc */
const structure = (doc) =>
  JSON.stringify(doc.model, (key, value) => (key === 'trainable' ? undefined : value));

export class Workbench {
  /**
   * @param {{session: any, relay: any, storage: Storage | null,
   *   onInstalled: (installed: Installed, how: string,
   *     transfer?: {kept: string[], fresh: string[]} | null) => void}} opts
   */
  constructor({ session, relay, storage, onInstalled }) {
    this.session = session;
    this.checker = new ModelChecker(relay);
    this.keeper = new ModelKeeper(storage);
    this.onInstalled = onInstalled;
    /** @type {Installed | null} */
    this.current = null;
    /** @type {Replaced | null} what the last replacement replaced, weights included (one undo) */
    this.previous = null;
    /** @type {import('./array-data.mjs').ArraySource | null} the learner's array data, if any */
    this.data = null;
    /** @type {import('./array-data.mjs').DataError | null} why the last install dropped them */
    this.dropped = null;
  }

  /**
   * Forgets the array data when `doc` (built as `model`) cannot train on them: a data block of
   * its own wins, and a model that no longer fits them trains on random data (`dropped` says
   * why, for the status line).
   * @param {any} doc @param {any} model
   */
  dropUnfitData(doc, model) {
    if (!this.data) return;
    const error = doc.data ? null : arrayFitError(this.data, model, (k) => lossOf(doc, k));
    if (doc.data || error) {
      this.data = null;
      this.dropped = error;
    }
  }

  /**
   * Trains the current model (or `doc`, the current model with another data block or none)
   * on `source`, keeping the trained weights (Keras's fit on new data keeps them). null
   * `source` goes back to `doc`'s own data (random without a block). Resolves with null when
   * installed, else with the error: {path: '/data', message, data} when the data do not fit.
   * `how` 'keptData': the data the model trained on before a reload, so the optimizer and the
   * training position are kept too and fit() resumes as it would have.
   * @param {import('./array-data.mjs').ArraySource | null} source @param {any} [doc]
   * @param {{how?: 'data' | 'keptData'}} [opts]
   */
  async useData(source, doc = this.current?.doc, { how = 'data' } = {}) {
    if (!this.current || !doc) return { path: '', message: 'no model yet' };
    const next = source ? { ...doc } : doc;
    if (source) delete next.data;
    const error = source ? arrayFitError(source, this.current.model, (k) => lossOf(next, k)) : null;
    if (error) return { path: '/data', message: error.code, data: error };
    const before = this.data;
    this.data = source;
    const refused = await this.propose(next, { how });
    if (refused) this.data = before;
    return refused;
  }

  /**
   * Tries `doc` (with `text`, the learner's text for it); installs it when it builds.
   * Resolves with null when installed (or overtaken), else with the engine's error.
   * @param {any} doc @param {{text?: string, how?: string, replaces?: boolean}} [opts]
   */
  async propose(doc, { text = documentText(doc), how = 'edit', replaces = false } = {}) {
    // The same model again (a change event that changed nothing) keeps everything as it is.
    if (
      !DATA_CHANGES.has(how) &&
      EDITS.has(how) &&
      this.current &&
      JSON.stringify(doc) === JSON.stringify(this.current.doc)
    )
      return null;
    let checked = await this.checker.check([{ op: 'build', spec: doc }]);
    if (checked && !checked.ok && doc.data && how === 'edit' && checked.error.path.startsWith('/spec/data')) {
      // An edit changed the inputs or outputs so the built-in data no longer fits: the model
      // the learner drew wins, and trains on random data of its shapes.
      const { data, ...rest } = doc;
      doc = rest;
      text = documentText(doc);
      how = 'dataDropped';
      checked = await this.checker.check([{ op: 'build', spec: doc }]);
    }
    if (!checked) return null;
    if (!checked.ok) return checked.error;
    this.dropUnfitData(doc, checked.model);
    const next = { doc, text, model: checked.model, summary: checked.summary };
    await this.install(next, { how, replaces, fresh: checked.file });
    return null;
  }

  /**
   * Tries a Keras `to_json()` object: the canonical document the engine makes of it, with the
   * current compile and fit settings when they fit its outputs (else Adam and MSE).
   * @param {any} keras
   */
  async importKeras(keras) {
    const checked = await this.checker.check([{ op: 'build', keras }]);
    if (!checked) return null;
    if (!checked.ok) return checked.error;
    const doc = this.withSettings(checked.document, checked.model.outputs.length);
    return this.propose(doc, { how: 'import', replaces: true });
  }

  /**
   * Tries a TF.js Layers model (model.json and its weights, in manifest order): the model with
   * its weights, and compile and fit settings as importKeras gives them.
   * @param {any} modelJson @param {Float32Array} weights
   */
  async importTfjs(modelJson, weights) {
    const request = { op: 'import', format: 'tfjs', model_json: modelJson, array: 'wb/import' };
    const checked = await this.checker.check([request], { 'wb/import': weights });
    if (!checked) return null;
    if (!checked.ok) return checked.error;
    const doc = this.withSettings(checked.document, checked.model.outputs.length);
    return this.load({ ...checked.file, spec: doc }, { how: 'import', replaces: true });
  }

  /**
   * An imported model's document with the current compile and fit settings when they fit its
   * `outputs` (else Adam and MSE), and no data block (it trains on random data of its shapes
   * until the learner picks a set).
   * @param {any} doc @param {number} outputs
   */
  withSettings(doc, outputs) {
    const next = structuredClone(doc);
    delete next.data;
    const old = this.current?.doc;
    const sameOutputs = old && this.current?.model.outputs.length === outputs;
    next.compile =
      sameOutputs && !Array.isArray(old.compile?.loss) ? old.compile : { optimizer: 'adam', loss: 'mse' };
    next.fit = old?.fit ?? { epochs: 10, batch_size: 32 };
    return next;
  }

  /**
   * Tries a saved nnplay file; installs it with its weights, optimizer and training position.
   * @param {any} file @param {{text?: string, how?: string, replaces?: boolean}} [opts]
   */
  async load(file, { text, how = 'load', replaces = true } = {}) {
    // The model first (its shapes give random data their shapes), then the whole file.
    const bare = await this.checker.check([{ op: 'load', file: { ...file, trainer: null } }]);
    if (!bare) return null;
    if (!bare.ok) return bare.error;
    this.dropUnfitData(bare.document, bare.model);
    const { setup, arrays } = setupFor(bare.document, bare.model, file, this.data);
    const checked = await this.checker.check(setup, arrays);
    if (!checked) return null;
    if (!checked.ok) return checked.error;
    const doc = checked.document;
    const installed = {
      doc,
      text: text ?? documentText(doc),
      model: checked.model,
      summary: checked.summary,
    };
    await this.install(installed, { how, replaces, file });
    return null;
  }

  /**
   * Makes `next` the session's model (loading `file` when given).
   * @param {Installed} next
   * @param {{how: string, replaces: boolean, file?: any, fresh?: any}} opts `fresh`: the new
   *   model's saved file at its initial weights (from the check), for weights that carry over
   */
  async install(next, { how, replaces, file = null, fresh = null }) {
    let source = file;
    /** @type {{kept: string[], fresh: string[]} | null} */
    let transfer = null;
    if (!file && this.current && this.session.configured && EDITS.has(how)) {
      const trained = await this.savedFile().catch(() => null);
      if (trained && structure(this.current.doc) === structure(next.doc)) {
        // Keras's compile() on a built model keeps its weights: so do compile, fit and trainable
        // changes here (the optimizer and the training position start afresh, as in Keras).
        source =
          how === 'keptData'
            ? { ...trained, spec: next.doc }
            : { ...trained, spec: next.doc, optimizer: null, trainer: null };
      } else if (trained && fresh) {
        // A changed model keeps the weights of every layer that kept its name and shapes, as
        // Keras's load_weights(by_name=True, skip_mismatch=True): the transfer-learning step.
        const moved = transferWeights(trained, { ...fresh, spec: next.doc });
        if (moved.kept.length > 0) {
          source = moved.file;
          transfer = moved;
        }
      }
    }
    const { setup, arrays } = setupFor(next.doc, next.model, source, this.data);
    const replaced =
      replaces && this.current
        ? { text: this.current.text, file: await this.savedFile().catch(() => null) }
        : null;
    await this.session.configure({ setup, snapshot: [], arrays });
    if (replaced) this.previous = replaced;
    this.current = next;
    this.keep();
    this.onInstalled(next, how, transfer && transfer.fresh.length > 0 ? transfer : null);
  }

  /**
   * Loads the weights of a saved file into the current model by layer name and shape (the
   * model keeps its own weights where the file has none that fit). Resolves with null when
   * done, else with the engine's error or a word on why nothing matched.
   * @param {any} file
   */
  async loadWeights(file) {
    const own = await this.savedFile();
    if (!own || !this.current) return { path: '', message: 'no model yet' };
    const moved = transferWeights(file, { ...own, spec: this.current.doc });
    if (moved.kept.length === 0)
      return { path: '/weights', message: 'no layer of the file has a name and shape this model has' };
    const { setup, arrays } = setupFor(this.current.doc, this.current.model, moved.file, this.data);
    await this.session.configure({ setup, snapshot: [], arrays });
    this.keep();
    this.onInstalled(this.current, 'weights', moved);
    return null;
  }

  /** The session's saved file (weights, optimizer, training position), or null. */
  async savedFile() {
    if (!this.session.configured) return null;
    const answer = /** @type {any} */ (await this.session.call({ op: 'save' }));
    return answer.file;
  }

  /** Keeps the current text and weights for the next visit; returns the keeper's word. */
  async keep() {
    if (!this.current) return 'none';
    let file = null;
    try {
      file = await this.savedFile();
    } catch {
      file = null;
    }
    const previous = this.previous ? { text: this.previous.text, file: this.previous.file } : null;
    return this.keeper.write(this.current.text, file, { previous });
  }

  /** Puts back what the last replacement (a preset, a file, an import) replaced. */
  async undo() {
    const before = this.previous;
    if (!before) return null;
    this.previous = null;
    if (before.file) return this.load(before.file, { text: before.text, how: 'undo', replaces: false });
    const parsed = parseWithLocation(before.text);
    return parsed.ok ? this.propose(parsed.value, { text: before.text, how: 'undo' }) : null;
  }

  destroy() {
    this.checker.close();
  }
}
