// The data panel's download status: a progress bar with the bytes while an image set downloads
// (naming the set the model keeps training on meanwhile), what was loaded and whether it came
// from the browser's cache, or the loader's error in the learner's words with a Retry button.
import { countText } from './summary.mjs';

const ERROR_CODES = ['missing', 'http', 'network', 'interrupted', 'corrupt', 'unsupported', 'aborted'];

/** "5.7 MB", "830 KB" for a byte count. @param {number} bytes */
export function byteText(bytes) {
  if (!Number.isFinite(bytes) || bytes <= 0) return '0 KB';
  if (bytes < 1e6) return `${Math.max(1, Math.round(bytes / 1e3))} KB`;
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/**
 * The status line's controller. ui: the layout's loadBar, loadText, loadError, retry.
 * @param {Record<string, any>} ui
 * @param {{t: (key: string, params?: Record<string, unknown>) => string}} options
 */
export function loadStatus(ui, { t }) {
  /** @type {(() => void) | null} */
  let retry = null;
  /** @type {(() => void) | null} the last shown state, redrawn on a language change */
  let shown = null;
  ui.retry.addEventListener('click', () => {
    const again = retry;
    retry = null;
    ui.retry.hidden = true;
    again?.();
  });

  return {
    /** @param {string} name @param {{loaded: number, total: number}} progress @param {string | null} inUse */
    loading(name, progress, inUse) {
      shown = () => {
        const { loaded, total } = progress;
        ui.loadBar.hidden = false;
        if (total > 0) ui.loadBar.value = Math.min(1, loaded / total);
        else ui.loadBar.removeAttribute('value'); // indeterminate until the size is known
        const text =
          total > 0
            ? t('img.loading', { name, loaded: byteText(loaded), total: byteText(total) })
            : t('img.loadingUnknown', { name, loaded: byteText(loaded) });
        ui.loadText.textContent = inUse ? `${text} ${t('img.stillUsing', { name: inUse })}` : text;
        ui.loadError.hidden = true;
        ui.retry.hidden = true;
      };
      shown();
    },
    /** @param {any} set an ImageSet @param {string} name */
    loaded(set, name) {
      shown = () => {
        ui.loadBar.hidden = true;
        ui.loadError.hidden = true;
        ui.retry.hidden = true;
        const params = { name, train: countText(set.train.count), test: countText(set.test.count) };
        ui.loadText.textContent = set.fromCache
          ? t('img.cached', params)
          : t('img.loaded', { ...params, size: byteText(set.bytes) });
      };
      shown();
    },
    /** @param {any} error an ImageSetError (or another Error) @param {() => void} onRetry
     *  @param {string | null} inUse the set the model keeps training on, if any */
    failed(error, onRetry, inUse) {
      retry = onRetry;
      shown = () => {
        ui.loadBar.hidden = true;
        ui.loadText.textContent = inUse ? t('img.stillUsing', { name: inUse }) : '';
        const code = ERROR_CODES.includes(error?.code) ? error.code : 'other';
        ui.loadError.textContent = t(`img.error.${code}`, { detail: error?.message ?? String(error) });
        ui.loadError.hidden = false;
        ui.retry.hidden = false;
      };
      shown();
    },
    render() {
      shown?.();
    },
  };
}
