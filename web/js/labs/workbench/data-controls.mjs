// The workbench's array data in the page: the Data menu's image sets (downloaded with progress
// in the status line; a failure says to choose the set again, which retries) and the learner's
// CSV (read in a worker, refused in words naming row and column), handed to the Workbench to
// train on; the choice kept across a reload (data-keeper.mjs) and restored after the model.
// The images come from the images lab's loader (../images/image-source.mjs): its cache lasts the
// page's life and is shared, so the two labs download a set once between them.
import { imageSet } from '../images/image-source.mjs';
import { byteText } from '../images/load-status.mjs';
import { readTableCsv } from '../../data/csv-reader.mjs';
import { withData } from './data-choice.mjs';
import { DEFAULT_IMAGE_SAMPLES, IMAGE_CHOICES, IMAGE_TITLES, imageSamples } from './image-data.mjs';
import { sourceTitle } from './array-data.mjs';
import { DataKeeper } from './data-keeper.mjs';

/**
 * @param {{bench: import('./workbench.mjs').Workbench, storage: Storage | null,
 *   t: (key: string, params?: Record<string, unknown>) => string,
 *   say: (key: string, params?: Record<string, unknown>, bad?: boolean) => void,
 *   rerender: () => void}} opts  say: the model's status line; rerender: redraw the Data row
 */
export function dataControls({ bench, storage, t, say, rerender }) {
  const keeper = new DataKeeper(storage);
  const kept = keeper.read();
  /** A choice shown before its data are in use ('csv' waiting for its file), or null. */
  let pending = /** @type {string | null} */ (null);
  /** The last CSV read, used again when 'csv' is chosen again. */
  let lastCsv = /** @type {import('./csv-data.mjs').CsvSource | null} */ (null);
  /** Only the newest pick may install (a slow download must not undo a later choice). */
  let token = 0;
  /** Nothing is written to storage until the kept choice has been restored (or given up). */
  let restoring = Boolean(kept);
  /** The source last written to storage (a CSV's text is written once, not at every edit). */
  let written = /** @type {object | null | undefined} */ (undefined);

  /** @param {any} error an engine error, or useData's {data} for data that do not fit */
  const refused = (error, source) => {
    const message = error.data ? t(`wb.dataError.${error.data.code}`, error.data) : error.message;
    const key = source?.kind === 'csv' ? 'wb.csv.refused' : 'wb.data.refused';
    say(key, { name: source ? sourceTitle(source) : '', message }, true);
  };

  /** Installs `source` (or the document's own data for null); says why when it cannot. */
  async function use(source, doc, how = 'data') {
    const error = await bench.useData(source, doc, { how });
    if (error) refused(error, source);
    pending = null;
    rerender();
    return !error;
  }

  /** Downloads (or takes from the cache) `choice`'s images and trains on `samples` of them. */
  async function chooseImages(choice, samples, how = 'data') {
    const dataset = IMAGE_CHOICES[/** @type {keyof IMAGE_CHOICES} */ (choice)];
    const name = IMAGE_TITLES[dataset];
    const mine = ++token;
    pending = null;
    say('wb.images.loading', { name, loaded: '0 KB', total: '…' });
    let set;
    try {
      set = await imageSet(dataset, 'default', {
        onProgress: ({ loaded, total }) => {
          if (mine === token)
            say('wb.images.loading', { name, loaded: byteText(loaded), total: byteText(total) });
        },
      });
    } catch (error) {
      if (mine !== token) return false;
      say('wb.images.failed', { name, message: String(/** @type {any} */ (error)?.message ?? error) }, true);
      pending = null;
      rerender();
      return false;
    }
    if (mine !== token) return false;
    return use({ kind: 'images', dataset, samples, set }, undefined, how);
  }

  /** Reads `source` (a File, or a kept text) and trains on it. */
  async function useCsv(source, name, bytes, how = 'data') {
    const mine = ++token;
    say('wb.csv.reading', { name });
    const { table, errors, text } = await readTableCsv(source);
    if (mine !== token) return false;
    if (!table) {
      const first = errors[0] ?? { code: 'unreadable', value: '' };
      const more = errors.length > 1 ? ` ${t('wb.csv.more', { count: errors.length - 1 })}` : '';
      say('wb.csv.refused', { name, message: t(`wb.csvError.${first.code}`, first) + more }, true);
      return false;
    }
    const csv = { kind: /** @type {const} */ ('csv'), name, bytes, table, text };
    if (!(await use(csv, undefined, how))) return false;
    lastCsv = csv;
    return true;
  }

  const controls = {
    /** What the compile pane's Data row shows. */
    view() {
      const data = bench.data;
      if (pending) return { choice: pending };
      if (!data) return null;
      if (data.kind === 'csv')
        return {
          choice: 'csv',
          file: `${data.name}, ${byteText(data.bytes)}, ${data.table.rows}×${data.table.columns}`,
        };
      const choice = data.dataset === 'fashion' ? 'fashion-mnist' : 'mnist';
      return { choice, samples: imageSamples(data), max: data.set.train.count };
    },

    /** The learner picked `choice` in the Data menu (or changed the samples of the images). */
    async choose(choice, { samples } = {}) {
      if (choice in IMAGE_CHOICES) {
        const same = bench.data?.kind === 'images' && IMAGE_CHOICES[choice] === bench.data.dataset;
        return chooseImages(choice, samples ?? (same ? bench.data.samples : DEFAULT_IMAGE_SAMPLES));
      }
      token += 1;
      if (choice === 'csv') {
        if (lastCsv) return use(lastCsv);
        pending = 'csv';
        say('wb.csv.pick');
        rerender();
        return false;
      }
      const current = bench.current;
      if (!current) return false;
      return use(null, withData(current.doc, current.model, choice));
    },

    /** The learner picked a CSV file. @param {File} file */
    loadCsv(file) {
      return useCsv(file, file.name, file.size);
    },

    /** After each install: keeps the choice for the next visit; the status line says when a
     *  model change dropped the data. Returns the sentence to add to the status, or ''. */
    installed() {
      const dropped = bench.dropped;
      bench.dropped = null;
      if (!restoring && bench.data !== written) {
        const data = bench.data;
        written = data;
        if (!data) keeper.write(null);
        else if (data.kind === 'images')
          keeper.write({ kind: 'images', dataset: data.dataset, samples: data.samples });
        else keeper.write({ kind: 'csv', name: data.name, bytes: data.bytes }, data.text);
      }
      return dropped ? t('wb.data.dropped', { message: t(`wb.dataError.${dropped.code}`, dropped) }) : '';
    },

    /** The note under the form: what the model trains on. */
    note() {
      const data = bench.data;
      if (!data) return null;
      if (data.kind === 'images')
        return t('wb.data.images', { name: IMAGE_TITLES[data.dataset], n: imageSamples(data) });
      return t('wb.data.csv', { name: data.name, rows: data.table.rows, columns: data.table.columns });
    },

    /** Brings back the kept choice once the model is installed; not for a model another lab
     *  handed over (the data were the replaced model's). */
    async restore({ handed = false } = {}) {
      try {
        if (!kept || !bench.current || handed) return;
        const d = kept.descriptor;
        const how = 'keptData';
        if (d.kind === 'images')
          await chooseImages(d.dataset === 'fashion' ? 'fashion-mnist' : 'mnist', d.samples, how);
        else if (kept.text !== null) await useCsv(kept.text, d.name, d.bytes, how);
      } finally {
        // What was kept stays kept until the learner's next change (a failed download retries
        // on the next visit); from here on every install writes its data.
        restoring = false;
      }
    },
  };
  return controls;
}
