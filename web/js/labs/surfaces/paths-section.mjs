// The loss-surface section: a function's contour plot (the engine's grid), one trajectory per
// chosen optimizer from the start point the learner drags, each computed by the engine's own
// optimizer in one `surface` request, and a step-by-step readout of what each optimizer held.
// A drag asks at every move; one batch of requests is in flight and the latest waits.
import { FUNCTIONS, FUNCTION } from './functions.mjs';
import { OPTIMIZERS, lrName, optimizerObject, useName } from './optimizers.mjs';
import { BATCH_NAMES, FIELD_BY_NAME, LIMITS } from './fields.mjs';
import { OPTIMIZER_ROWS_MARKUP, optimizerBindings } from './optimizer-rows.mjs';
import { showStep, numberText } from './step-readout.mjs';
import { runOf, surfaceRequest } from './surface-answers.mjs';
import { FunctionGrids } from './function-grids.mjs';
import { bindInputs } from '../../kit/store-inputs.mjs';
import { racerColour } from '../optimizers/colours.mjs';
import { ContourView } from '../../views/contour-view.mjs';
import { LatestOnly } from '../../kit/latest-only.mjs';
import { publishTestHook } from '../../kit/lab-kit.mjs';

export const PATHS_MARKUP = `
<section class="surf-section" data-group="surfPaths" aria-labelledby="surf-title">
  <h2 id="surf-title" data-i18n="surf.title"></h2>
  <p class="surf-help" data-i18n="surf.intro"></p>
  <div class="surf-fields">
    <label class="lab-field"><span data-i18n="surf.function"></span>
      <select id="surf-function">${FUNCTIONS.map(
        (f) => `<option value="${f.id}" data-i18n="surf.fn.${f.id}"></option>`,
      ).join('')}</select></label>
    <label class="lab-field"><span data-i18n="surf.steps"></span>
      <input id="surf-steps" type="number" min="1" max="${LIMITS.steps}" step="1"></label>
    <button type="button" class="surf-button" id="surf-reset-start" data-i18n="surf.resetStart"></button>
  </div>
  <p class="surf-help" id="surf-fn-help"></p>
  <div class="surf-layout">
    <div class="surf-plot-box">
      <div id="surf-plot" class="surf-plot"></div>
      <p class="surf-caption" data-i18n="surf.dragHelp"></p>
      <p class="surf-status" id="surf-status" aria-live="polite"></p>
      <ul class="surf-notes" id="surf-notes"></ul>
      <div class="surf-stepper">
        <h3 data-i18n="surf.stepTitle"></h3>
        <div class="surf-step-controls">
          <button type="button" class="surf-button" id="surf-prev" data-i18n="surf.prev"></button>
          <input type="range" id="surf-step" min="1" max="100" value="1" aria-labelledby="surf-step-label">
          <button type="button" class="surf-button" id="surf-next" data-i18n="surf.next"></button>
          <span id="surf-step-label" class="surf-step-label"></span>
        </div>
        <div class="surf-table-wrap"><table class="surf-table" id="surf-step-table"></table></div>
        <p class="surf-help" data-i18n="surf.stepHelp"></p>
      </div>
    </div>
    <fieldset class="surf-opts"><legend data-i18n="surf.optimizers"></legend>
      <p class="surf-help" data-i18n="surf.lrHelp"></p>
      ${OPTIMIZER_ROWS_MARKUP}
    </fieldset>
  </div>
</section>`;

/** Wires the section under `root`: {t, session (the lab's own: its configured events are the
 *  page's, so the shell's waits and banners follow the paths), store}. Returns {render(),
 *  unmount()}. */
export function mountPaths(root, { t, session, store }) {
  const $ = (selector) => root.querySelector(selector);
  const ui = {
    fn: $('#surf-function'),
    steps: $('#surf-steps'),
    resetStart: $('#surf-reset-start'),
    fnHelp: $('#surf-fn-help'),
    status: $('#surf-status'),
    notes: $('#surf-notes'),
    step: $('#surf-step'),
    prev: $('#surf-prev'),
    next: $('#surf-next'),
    stepLabel: $('#surf-step-label'),
    table: $('#surf-step-table'),
  };
  const grids = new FunctionGrids(session, 'surf-grid');
  /** The picture shown: the request settings it answers and its runs, [id, SurfaceRun][]. */
  let shown = { fn: '', start: [0, 0], runs: [], grid: null, facts: null };
  let problem = '';
  let stepK = 1;
  /** The start shown while dragging (the store gets it on release). */
  let start = [...store.get('surfStart')];

  const view = new ContourView($('#surf-plot'), {
    label: t('surf.plotLabel'),
    onStart(point, done) {
      start = point;
      view.update({ start });
      latest.request(settings());
      if (done) store.set('surfStart', [...point]);
    },
  });

  publishTestHook('surfaces', { view }); // the browser test finds the map's pixels through it

  const bindings = bindInputs(
    [{ input: ui.steps, name: 'surfSteps' }, ...optimizerBindings(root)],
    store,
    t,
    FIELD_BY_NAME,
  );

  /** What one batch of requests needs, read now (the store and the dragged start). */
  const settings = () => ({
    fn: store.get('surfFunction'),
    start: [...start],
    steps: store.get('surfSteps'),
    optimizers: OPTIMIZERS.filter((o) => store.get(useName(o.id))).map((o) => ({
      id: o.id,
      optimizer: optimizerObject(o.id, store.get(lrName(o.id)), (name) => store.get(name)),
    })),
  });

  /** One batch: the function's grid (once per function), then every path in one configure. */
  async function run(s) {
    try {
      const { facts, grid } = await grids.get(s.fn);
      const requests = s.optimizers.map(({ id, optimizer }) =>
        surfaceRequest({ fn: s.fn, start: s.start, optimizer, steps: s.steps, out: `surf-${id}` }),
      );
      const event = await session.configure({ setup: requests, snapshot: [] });
      const runs = s.optimizers.map(({ id }, i) => [id, runOf(event.answers[i], event.arrays)]);
      shown = { fn: s.fn, start: s.start, runs, grid, facts };
      problem = '';
    } catch (error) {
      // The last good picture stays; the refusal is said under it.
      problem = error?.message ?? String(error);
    }
    render();
  }
  const latest = new LatestOnly(run);

  function render() {
    const { facts, runs } = shown;
    const maxSteps = Math.max(0, ...runs.map(([, r]) => r.steps));
    ui.step.max = String(Math.max(1, maxSteps));
    stepK = Math.min(stepK, Math.max(1, maxSteps));
    ui.step.value = String(stepK);
    ui.fnHelp.textContent = t(`surf.fnHelp.${store.get('surfFunction')}`);
    view.update({
      grid: shown.grid,
      resolution: shown.grid ? Math.round(Math.sqrt(shown.grid.length)) : 0,
      xRange: facts?.x_range,
      yRange: facts?.y_range,
      minimum: facts?.minimum ?? null,
      xLabel: facts?.parameters?.[0] ?? '',
      yLabel: facts?.parameters?.[1] ?? '',
      start,
      highlight: stepK,
      paths: runs.map(([id, r]) => ({
        colour: racerColour(id),
        points: r.path,
        stopped: Boolean(r.stopped),
      })),
    });
    ui.status.textContent = problem
      ? t('surf.failed', { message: problem })
      : runs.length === 0
        ? shown.facts
          ? t('surf.none')
          : ''
        : t('surf.summary', {
            count: runs.length,
            x: numberText(shown.start[0]),
            y: numberText(shown.start[1]),
            steps: store.get('surfSteps'),
          });
    ui.status.classList.toggle('bad', Boolean(problem));
    ui.notes.replaceChildren(
      ...runs
        .filter(([, r]) => r.stopped)
        .map(([id, r]) => {
          const li = document.createElement('li');
          li.textContent = t('surf.stopped', { name: OPTIMIZER_NAME[id], step: r.stopped.step });
          return li;
        }),
    );
    ui.stepLabel.textContent = t('surf.stepOf', { k: stepK, n: maxSteps });
    const rows = showStep(ui.table, runs, stepK, t);
    publishTestHook('surfaces', {
      fn: shown.fn,
      start: shown.start,
      problem,
      step: stepK,
      paths: runs.map(([id, r]) => ({ id, path: Array.from(r.path), steps: r.steps, stopped: r.stopped })),
      stepRows: rows.map((row) => ({ id: row.id, point: row.point, step: row.step })),
      slotNames: Object.fromEntries(runs.map(([id, r]) => [id, r.slotNames])),
    });
  }

  const OPTIMIZER_NAME = Object.fromEntries(OPTIMIZERS.map((o) => [o.id, o.name]));

  /** A function picked from the menu starts from its own start point, steps and rates. */
  ui.fn.addEventListener('change', () => {
    const f = FUNCTION[ui.fn.value];
    if (!f) return;
    store.patch({
      surfFunction: f.id,
      surfStart: [...f.start],
      surfSteps: f.steps,
      ...Object.fromEntries(OPTIMIZERS.map((o) => [lrName(o.id), f.lr[o.id]])),
    });
  });
  ui.resetStart.addEventListener('click', () =>
    store.set('surfStart', [...FUNCTION[store.get('surfFunction')].start]),
  );
  const goTo = (k) => {
    stepK = Math.max(1, Math.min(Number(ui.step.max), k));
    render();
  };
  ui.step.addEventListener('input', () => goTo(Number(ui.step.value)));
  ui.prev.addEventListener('click', () => goTo(stepK - 1));
  ui.next.addEventListener('click', () => goTo(stepK + 1));

  const unsubscribe = store.subscribe((changed) => {
    const mine = new Set([...changed].filter((name) => !BATCH_NAMES.has(name)));
    if (mine.size === 0) return;
    bindings.refresh(mine);
    ui.fn.value = store.get('surfFunction');
    start = [...store.get('surfStart')];
    latest.request(settings());
  });
  ui.fn.value = store.get('surfFunction');
  render();
  latest.request(settings());

  return {
    render,
    unmount() {
      latest.cancel();
      unsubscribe();
      bindings.dispose();
      view.destroy();
    },
  };
}
