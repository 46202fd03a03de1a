// @ts-check
// "Open in workbench" (#to-workbench): the open lab's current model, with its weights,
// becomes the model of the lab that declares `receivesModels` (the Keras workbench), which
// then opens. Its own model is kept as the one its Undo brings back (kit/model-keeper.mjs).
// Shown for labs whose session holds a model built from a document; hidden on the receiving
// lab itself, when no lab receives models, and when embedded (an embedded page keeps nothing).
import { ModelKeeper } from '../kit/model-keeper.mjs';
import { documentText } from '../kit/document-text.mjs';
import { LABS } from '../labs/registry.mjs';

/** The lab other labs' models go to, or null. */
const RECEIVER = LABS.find((lab) => lab.receivesModels)?.id ?? null;

export class WorkbenchHandoff {
  /**
   * @param {Document} root
   * @param {{store: any, active: import('./active-session.mjs').ActiveSession}} ctx
   */
  constructor(root, { store, active }) {
    const button = /** @type {HTMLButtonElement} */ (root.getElementById('to-workbench'));
    this.button = button;
    const keeper = new ModelKeeper(store.storage ?? null);
    const refresh = () => {
      const lab = store.get('lab');
      button.hidden =
        !RECEIVER || !keeper.storage || lab === RECEIVER || !active.document || !active.handle?.configured;
    };
    button.addEventListener('click', async () => {
      const from = store.get('lab');
      const document = active.document;
      if (!RECEIVER || !document || !active.handle) return;
      let file = null;
      try {
        file = /** @type {any} */ (await active.handle.call({ op: 'save' })).file;
      } catch {
        file = null; // the model goes over without its weights
      }
      keeper.handOver(documentText(document), file, from);
      store.set('lab', RECEIVER);
    });
    active.on('configured', refresh);
    active.on('running', refresh);
    store.subscribe((/** @type {Set<string>} */ keys) => keys.has('lab') && refresh());
    refresh();
  }
}
