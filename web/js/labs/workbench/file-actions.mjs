// The workbench's files: save and load the nnplay model file (weights, optimizer and training
// position), import a Keras `model.to_json()`, and export Keras JSON, a TF.js Layers model
// (model.json + model.weights.bin), Keras Python and the training data as .npz for it.
import { MAX_FILE_BYTES, download, fileStem, pickedText } from './download.mjs';
import { kerasPython } from './keras-python.mjs';
import { npzBytes } from './npz-writer.mjs';
import { parseWithLocation } from './json-locate.mjs';

/**
 * @typedef {{workbench: import('./workbench.mjs').Workbench, probe: import('./probe.mjs').Probe,
 *   say: (key: string, params?: Record<string, any>, bad?: boolean) => void,
 *   showFileError: (text: string, error: {path: string, message: string}, at: string, name: string) => void}} FileContext
 */

/** The arrays of a `data` answer as .npz entries named `<prefix><k>`. */
function npzEntries(answer, arrays, prefix, side) {
  return answer[side].map((/** @type {any} */ entry, /** @type {number} */ k) => ({
    name: `${prefix}${k}`,
    shape: entry.shape,
    data: arrays[entry.array],
  }));
}

/** @param {FileContext} c */
export function fileActions(c) {
  const stem = () => fileStem(c.workbench.current?.doc.model.name);
  /** Reads the picked file as JSON; says what is wrong and returns null when it is not. */
  const readJson = async (/** @type {HTMLInputElement} */ input) => {
    let picked;
    try {
      picked = await pickedText(input);
    } catch (error) {
      c.say('wb.fileTooLarge', { name: String(/** @type {any} */ (error)?.message ?? '') }, true);
      return null;
    }
    if (!picked) return null;
    const parsed = parseWithLocation(picked.text);
    if (!parsed.ok) {
      c.say(
        'wb.fileNotJson',
        { name: picked.name, line: parsed.line, column: parsed.column, message: parsed.message },
        true,
      );
      return null;
    }
    return { ...picked, value: parsed.value };
  };
  return {
    async save() {
      const file = await c.workbench.savedFile();
      if (!file) return;
      download(`${stem()}.nnplay.json`, JSON.stringify(file), 'application/json');
      c.say('wb.saved', { name: `${stem()}.nnplay.json` });
    },
    async load(/** @type {HTMLInputElement} */ input) {
      const picked = await readJson(input);
      if (!picked) return;
      if (picked.value?.format !== 'nnplay-model') {
        c.say('wb.notModelFile', { name: picked.name }, true);
        return;
      }
      const error = await c.workbench.load(picked.value);
      if (error) c.showFileError(picked.text, error, '/file', picked.name);
      else c.say('wb.loaded', { name: picked.name });
    },
    async loadWeights(/** @type {HTMLInputElement} */ input) {
      const picked = await readJson(input);
      if (!picked) return;
      if (picked.value?.format !== 'nnplay-model' || !picked.value.weights?.manifest) {
        c.say('wb.notModelFile', { name: picked.name }, true);
        return;
      }
      const error = await c.workbench.loadWeights(picked.value);
      if (error)
        c.say('wb.fileRefused', { name: picked.name, where: error.path, message: error.message }, true);
      else c.say('wb.loaded', { name: picked.name });
    },
    async importKeras(/** @type {HTMLInputElement} */ input) {
      const picked = await readJson(input);
      if (!picked) return;
      const error = await c.workbench.importKeras(picked.value);
      if (error) c.showFileError(picked.text, error, '/keras', picked.name);
      else c.say('wb.imported', { name: picked.name });
    },
    async importTfjs(/** @type {HTMLInputElement} */ input) {
      const files = [...(input.files ?? [])];
      input.value = '';
      const json = files.find((f) => f.name.endsWith('.json'));
      const bin = files.find((f) => f.name.endsWith('.bin'));
      if (!json || !bin || files.length !== 2) {
        c.say('wb.tfjsPick', {}, true);
        return;
      }
      if (json.size + bin.size > MAX_FILE_BYTES) {
        c.say('wb.fileTooLarge', { name: `${json.name}, ${bin.name}` }, true);
        return;
      }
      const text = await json.text();
      const parsed = parseWithLocation(text);
      if (!parsed.ok) {
        c.say('wb.fileNotJson', { name: json.name, message: parsed.message }, true);
        return;
      }
      const bytes = await bin.arrayBuffer();
      if (bytes.byteLength % 4 !== 0) {
        c.say('wb.tfjsBytes', { name: bin.name, bytes: bytes.byteLength }, true);
        return;
      }
      const error = await c.workbench.importTfjs(parsed.value, new Float32Array(bytes));
      if (error) c.showFileError(text, error, '/model_json', json.name);
      else c.say('wb.imported', { name: `${json.name}, ${bin.name}` });
    },
    async exportKeras() {
      const answer = /** @type {any} */ (await c.workbench.session.call({ op: 'export', format: 'keras' }));
      download(`${stem()}.json`, JSON.stringify(answer.keras, null, 2), 'application/json');
      c.say('wb.exported', { name: `${stem()}.json` });
    },
    async exportTfjs() {
      const { answers, arrays } = await c.probe.run([{ op: 'export', format: 'tfjs' }]);
      const weights = arrays[answers[0].array];
      download('model.json', JSON.stringify(answers[0].model_json), 'application/json');
      download('model.weights.bin', weights, 'application/octet-stream');
      c.say('wb.exported', { name: 'model.json, model.weights.bin' });
    },
    exportPython() {
      const doc = c.workbench.current?.doc;
      if (!doc) return;
      download(`${stem()}.py`, kerasPython(doc, { dataFile: `${stem()}_data.npz` }), 'text/x-python');
      c.say('wb.exported', { name: `${stem()}.py` });
    },
    async exportData() {
      const doc = c.workbench.current?.doc;
      if (!doc) return;
      const validation = (doc.data?.validation_fraction ?? 0) > 0;
      const requests = [{ op: 'data', data: 'train', out: 'npz_t' }];
      if (validation) requests.push({ op: 'data', data: 'validation', out: 'npz_v' });
      const { answers, arrays } = await c.probe.run(requests);
      const entries = [
        ...npzEntries(answers[0], arrays, 'x', 'x'),
        ...npzEntries(answers[0], arrays, 'y', 'y'),
      ];
      if (validation)
        entries.push(
          ...npzEntries(answers[1], arrays, 'xv', 'x'),
          ...npzEntries(answers[1], arrays, 'yv', 'y'),
        );
      download(`${stem()}_data.npz`, npzBytes(entries), 'application/octet-stream');
      c.say('wb.exported', { name: `${stem()}_data.npz` });
    },
  };
}
