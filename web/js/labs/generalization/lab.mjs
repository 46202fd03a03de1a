// The generalization lab: the data and training settings every section shares, then three
// sections, each training models in a session of its own: the capacity sweep, bagging and
// k-fold. The lab's main session only makes the data (data-source.mjs) and never trains (the
// toolbar's transport is hidden). A changed setting drops the results of every section that
// read it.
import strings from './strings.mjs';
import { DataSource } from './data-source.mjs';
import { SWEEP_MARKUP, mountSweep } from './sweep-section.mjs';
import { BAGGING_MARKUP, mountBagging } from './bagging-section.mjs';
import { KFOLD_MARKUP, mountKFold } from './kfold-section.mjs';
import { TEST_POINTS } from './documents.mjs';
import {
  ACTIVATIONS,
  BAGGING_NAMES,
  DATASETS,
  FIELD_BY_NAME,
  KFOLD_NAMES,
  LIMITS,
  SHARED_NAMES,
  SWEEP_NAMES,
  parseCapacities,
} from './fields.mjs';
import { numberField } from './section-frame.mjs';
import { bindInputs } from '../../kit/store-inputs.mjs';
import { fillText } from '../../kit/lab-dom.mjs';
import { Disposer } from '../../kit/lab-kit.mjs';

const DATA_SEED = 1;

const SHARED_MARKUP = `
<section class="gen-section gen-shared" aria-labelledby="gen-shared-title">
  <h2 id="gen-shared-title" data-i18n="gen.shared.title"></h2>
  <p class="gen-help" data-i18n="gen.shared.intro"></p>
  <div class="gen-fields">
    <label class="lab-field"><span data-i18n="gen.dataset"></span>
      <select id="gen-dataset">${DATASETS.map((d) => `<option value="${d}" data-i18n="gen.data.${d}"></option>`).join('')}</select></label>
    ${numberField('gen-noise', 'gen.noise', { min: 0, max: 50 })}
    ${numberField('gen-train', 'gen.train', { min: LIMITS.train[0], max: LIMITS.train[1] })}
    <label class="lab-field"><span data-i18n="gen.activation"></span>
      <select id="gen-activation">${ACTIVATIONS.map((a) => `<option value="${a}">${a}</option>`).join('')}</select></label>
    ${numberField('gen-epochs', 'gen.epochs', { min: 1, max: LIMITS.epochs })}
    ${numberField('gen-units', 'gen.units', { min: 1, max: LIMITS.units })}
  </div>
  <p class="gen-help" id="gen-shared-note"></p>
</section>`;

function mount(el, ctx) {
  const t = (key, params) => fillText(ctx.t(key, params), params);
  el.innerHTML = `<div class="gen-lab">${SHARED_MARKUP}${SWEEP_MARKUP}${BAGGING_MARKUP}${KFOLD_MARKUP}</div>`;
  ctx.apply(el);
  const $ = (selector) => el.querySelector(selector);
  const store = ctx.store;
  const source = new DataSource(ctx.session);
  const shared = () => ({
    dataset: store.get('genData'),
    noise: store.get('genNoise'),
    train: store.get('genTrain'),
    seed: DATA_SEED,
    activation: store.get('genActivation'),
    epochs: store.get('genEpochs'),
  });
  const getData = () => {
    const { dataset, noise, train, seed } = shared();
    return source.get({ dataset, noise, train, seed });
  };
  const bindings = bindInputs(
    [
      { input: $('#gen-dataset'), name: 'genData' },
      { input: $('#gen-noise'), name: 'genNoise' },
      { input: $('#gen-train'), name: 'genTrain' },
      { input: $('#gen-activation'), name: 'genActivation' },
      { input: $('#gen-epochs'), name: 'genEpochs' },
      { input: $('#gen-units'), name: 'genUnits' },
      {
        input: $('#gen-capacities'),
        name: 'genCapacities',
        read: (input) => {
          const parsed = parseCapacities(input.value);
          return parsed.ok
            ? parsed
            : { ok: false, text: t(parsed.key, { count: LIMITS.capacities, max: LIMITS.units }) };
        },
        show: (input, units) => (input.value = units.join(', ')),
      },
      { input: $('#gen-depth'), name: 'genDepth' },
      { input: $('#gen-members'), name: 'genMembers' },
      { input: $('#gen-folds'), name: 'genFolds' },
    ],
    store,
    t,
    FIELD_BY_NAME,
  );
  const parts = { t, relay: ctx.relay, store, shared, getData };
  const sections = [
    { names: SWEEP_NAMES, section: mountSweep(el, parts) },
    { names: BAGGING_NAMES, section: mountBagging(el, parts) },
    { names: KFOLD_NAMES, section: mountKFold(el, parts) },
  ];
  const renderNote = () => {
    $('#gen-shared-note').textContent = t('gen.shared.note', {
      train: store.get('genTrain'),
      test: TEST_POINTS,
    });
  };
  renderNote();
  // The data are made at once (the lab's session is configured with them), so Start trains.
  getData().catch(() => {}); // a section's Start says the engine's refusal
  const disposer = new Disposer();
  disposer.add(
    store.subscribe((changed) => {
      const names = new Set([...changed].filter((name) => name in FIELD_BY_NAME));
      if (names.size === 0) return;
      bindings.refresh(names);
      renderNote();
      if ([...names].some((name) => SHARED_NAMES.has(name))) getData().catch(() => {});
      const sharedChange = [...names].some((name) => SHARED_NAMES.has(name));
      for (const { names: own, section } of sections) {
        if (sharedChange || [...names].some((name) => own.has(name))) section.stale();
      }
    }),
  );
  disposer.add(
    ctx.onLangChange?.(() => {
      ctx.apply(el);
      renderNote();
      sections.forEach(({ section }) => section.render());
    }),
  );
  disposer.add(() => bindings.dispose());
  for (const { section } of sections) disposer.add(() => section.unmount());
  return {
    unmount() {
      disposer.dispose();
      el.innerHTML = '';
    },
  };
}

export default { id: 'generalization', strings, mount };
