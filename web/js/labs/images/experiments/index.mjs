// @ts-check
// The images lab's experiments: augmentation (controls, live preview, with/without
// comparison), k-fold cross-validation and transfer learning, each in sessions of its own.
// The lab spreads EXPERIMENT_FIELDS and EXPERIMENT_STRINGS into its declaration, builds the
// main model's fit.augmentation with augmentationSpec(state), and mounts the sections with
// mountExperiments(el, ctx).
import { PREVIEW_MARKUP, mountPreview } from './preview.mjs';
import { COMPARE_MARKUP, mountCompare } from './compare.mjs';
import { KFOLD_MARKUP, mountKFold } from './kfold.mjs';
import { TRANSFER_MARKUP, mountTransfer } from './transfer.mjs';

export { EXPERIMENT_FIELDS } from './fields.mjs';
export { EXPERIMENT_STRINGS } from './strings.mjs';
export { augmentationSpec } from './augmentation.mjs';

/** The sections' hide groups (their data-group), in the form a lab declaration's `groups` take. */
export const EXPERIMENT_GROUPS = Object.freeze({
  augmentation: {
    en: 'Data augmentation',
    ko: '데이터 증강',
    hides: 'the augmentation controls, their preview and the with/without comparison',
  },
  kfold: { en: 'k-fold cross-validation', ko: 'k-겹 교차 검증', hides: 'the k-fold run and its chart' },
  transfer: {
    en: 'Transfer learning',
    ko: '전이 학습',
    hides: 'the pretrain and fine-tune run and its chart',
  },
});

const STYLESHEET = new URL('./experiments.css', import.meta.url).href;

const MARKUP = `
<section class="img-exp" data-group="augmentation" aria-labelledby="img-exp-aug-title">
  <h2 id="img-exp-aug-title" data-i18n="img.exp.augTitle"></h2>
  <p class="img-exp-help" data-i18n="img.exp.augIntro"></p>
  ${PREVIEW_MARKUP}
  ${COMPARE_MARKUP}
</section>
<section class="img-exp" data-group="kfold" aria-labelledby="img-exp-kfold-title">
  <h2 id="img-exp-kfold-title" data-i18n="img.exp.kfoldTitle"></h2>
  ${KFOLD_MARKUP}
</section>
<section class="img-exp" data-group="transfer" aria-labelledby="img-exp-transfer-title">
  <h2 id="img-exp-transfer-title" data-i18n="img.exp.transferTitle"></h2>
  ${TRANSFER_MARKUP}
</section>`;

/**
 * Mounts the three experiment sections into `el` (emptied first).
 * @param {HTMLElement} el
 * @param {{store: any, t: (key: string, params?: object) => string, relay: any,
 *   getImageSet: () => Promise<any>, pauseMain: () => void}} ctx store: the lab's scoped
 *   store; t: i18n; relay: the EngineRelay (relay.session(name)); getImageSet: the loaded
 *   ImageSet; pauseMain: pauses the lab's own model while an experiment trains.
 * @returns {{render: () => void, unmount: () => void}}
 */
export function mountExperiments(el, ctx) {
  const doc = el.ownerDocument;
  if (!doc.querySelector(`link[href="${STYLESHEET}"]`)) {
    doc.head.append(Object.assign(doc.createElement('link'), { rel: 'stylesheet', href: STYLESHEET }));
  }
  el.classList.add('img-exp-root');
  el.innerHTML = MARKUP;
  const apply = () => {
    for (const node of el.querySelectorAll('[data-i18n]')) {
      node.textContent = ctx.t(/** @type {HTMLElement} */ (node).dataset.i18n ?? '');
    }
  };
  apply();
  const [aug, kfold, transfer] = [...el.querySelectorAll('section.img-exp')].map(
    (s) => /** @type {HTMLElement} */ (s),
  );
  const parts = [
    mountPreview(aug, ctx),
    mountCompare(aug, ctx),
    mountKFold(kfold, ctx),
    mountTransfer(transfer, ctx),
  ];
  return {
    render() {
      apply();
      for (const part of parts) part.render();
    },
    unmount() {
      for (const part of parts) part.unmount();
      el.innerHTML = '';
    },
  };
}
