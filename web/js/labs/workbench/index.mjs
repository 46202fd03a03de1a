// @ts-check
// The Keras workbench: the study notes' Sequential and functional models built as form rows or
// JSON, drawn as plot_model and summary() show them, compiled, fitted with Keras's log,
// evaluated and used to predict; saved, loaded, imported from Keras and exported to Keras JSON,
// TF.js and Keras Python. The model trains in the lab's session, so the toolbar drives fit().
import strings from './strings.mjs';
import { WORKBENCH_FIELDS } from './fields.mjs';
import { FIRST_PRESET, WORKBENCH_PRESETS } from './presets.mjs';

/** @type {import('../registry.mjs').LabDeclaration} */
export default {
  id: 'workbench',
  title: { en: 'Keras workbench', ko: 'Keras 작업대' },
  kit: {},
  fields: WORKBENCH_FIELDS,
  panels: [],
  groups: {
    wbModel: { en: 'Model editor', ko: '모델 편집기', hides: 'the model editor, its diagram and summary' },
    wbTrain: {
      en: 'compile and fit',
      ko: 'compile과 fit',
      hides: 'the compile and fit settings, the log and predict',
    },
    wbFiles: { en: 'Files', ko: '파일', hides: 'saving, loading, importing and exporting' },
  },
  // The menu's presets pick a notes' model; the lab opens it (its "Start from" menu likewise).
  presets: Object.fromEntries(
    [FIRST_PRESET, ...Object.keys(WORKBENCH_PRESETS).filter((id) => id !== FIRST_PRESET)].map((id) => [
      `wb-${id}`,
      { title: WORKBENCH_PRESETS[id].title, state: { wbPreset: id } },
    ]),
  ),
  stylesheet: new URL('./workbench.css', import.meta.url).href,
  strings,
  load: () => import('./lab.mjs'),
  // Other labs' "Open in workbench" hands their models here (kit/model-keeper.mjs).
  receivesModels: true,
};
