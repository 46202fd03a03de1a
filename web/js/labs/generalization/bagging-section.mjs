// Bagging: K small networks (one hidden layer of genUnits units), member m trained on its own
// bootstrap sample of the training points (n draws with replacement, seed m: resampling.mjs),
// all from the same initial weights, so the members differ only by their samples. Each
// member's boundary is drawn with the points it drew; the ensemble averages the members'
// probabilities on the grid and on the test points, and its boundary and test accuracy stand
// beside theirs. The average shows as soon as two members are done.
import { publishTestHook } from '../../kit/lab-kit.mjs';
import { ModelQueue } from './model-queue.mjs';
import { ARRAYS, dataPart, modelDocument } from './documents.mjs';
import { accuracyOf, averageArrays, bootstrapIndices, distinctCount, pickRows } from './resampling.mjs';
import { numberField, sectionMarkup, wireSection } from './section-frame.mjs';
import { LIMITS } from './fields.mjs';

export const BAGGING_MARKUP = sectionMarkup({
  id: 'bagging',
  group: 'genBagging',
  fields: numberField('gen-members', 'gen.members', { min: LIMITS.members[0], max: LIMITS.members[1] }),
  body: '<p class="gen-verdict" id="gen-bagging-verdict" aria-live="polite"></p>',
});

/**
 * @param {HTMLElement} root
 * @param {{t: (k: string, p?: object) => string, relay: any, store: any,
 *   shared: () => any, getData: () => Promise<import('./data-source.mjs').LabData>}} ctx
 */
export function mountBagging(root, { t, relay, store, shared, getData }) {
  const $ = (/** @type {string} */ s) => /** @type {HTMLElement} */ (root.querySelector(s));
  const verdict = $('#gen-bagging-verdict');
  /** @type {{members: number, units: number, data: any, samples: {x: Float32Array,
   *   y: Float32Array, distinct: number}[], settings: any} | null} */
  let plan = null;
  let waiting = false;
  let token = 0;
  const queue = new ModelQueue(relay, 'generalization-bagging', {
    onModel: () => render(),
    onChange: () => render(),
    onEpoch: () => renderStatus(),
  });
  const frame = wireSection(root, 'bagging', { queue, start, afterReset: () => reset(), t });

  async function start() {
    if ($('[data-group=genBagging]').querySelector('[aria-invalid=true]')) return;
    const settings = shared();
    const members = store.get('genMembers');
    const units = store.get('genUnits');
    queue.reset();
    const mine = ++token;
    waiting = true;
    render();
    let data;
    try {
      data = await getData();
    } catch (/** @type {any} */ error) {
      if (mine !== token) return;
      waiting = false;
      frame.status.textContent = t('gen.failed', { message: error?.message ?? String(error) });
      return;
    }
    if (mine !== token) return;
    waiting = false;
    const n = data.trainY.length;
    const samples = Array.from({ length: members }, (_, m) => {
      const indices = bootstrapIndices(n, m + 1);
      return { ...pickRows(data.trainX, data.trainY, indices), distinct: distinctCount(indices) };
    });
    plan = { members, units, data, samples, settings };
    frame.setTiles(members + 1, { big: true });
    queue.start(
      samples.map((sample, m) => ({
        document: modelDocument({
          hidden: [units],
          activation: settings.activation,
          epochs: settings.epochs,
          title: `Bagging: member ${m + 1} of ${members}`,
          data: dataPart(settings),
        }),
        arrays: {
          [ARRAYS.fitX]: sample.x,
          [ARRAYS.fitY]: sample.y,
          [ARRAYS.trainX]: data.trainX,
          [ARRAYS.trainY]: data.trainY,
          [ARRAYS.testX]: data.testX,
          [ARRAYS.testY]: data.testY,
        },
      })),
    );
  }

  function reset() {
    token += 1;
    waiting = false;
    plan = null;
    render();
  }

  const percent = (/** @type {number} */ v) => `${(100 * v).toFixed(1)}%`;

  /** The average of the finished members: its grid and its test accuracy, or null. */
  function ensemble() {
    const done = queue.results.filter((r) => r?.grid && r.probabilities);
    if (!plan || done.length < 2) return null;
    const probabilities = averageArrays(done.map((r) => /** @type {Float32Array} */ (r?.probabilities)));
    return {
      count: done.length,
      grid: averageArrays(done.map((r) => /** @type {Float32Array} */ (r?.grid))),
      resolution: /** @type {any} */ (done[0]).resolution,
      testAccuracy: accuracyOf(probabilities, plan.data.testY),
      meanMember: done.reduce((sum, r) => sum + /** @type {any} */ (r).testAccuracy, 0) / done.length,
    };
  }

  /** The status line alone (cheap: it follows every epoch). */
  function renderStatus() {
    const state = queue.state;
    const members = plan?.members ?? 0;
    frame.status.textContent = waiting
      ? t('gen.readingData')
      : state === 'failed'
        ? t('gen.failed', { message: queue.failure })
        : state === 'idle'
          ? t('gen.bagging.ready')
          : state === 'done'
            ? t('gen.bagging.done', { count: members })
            : t(state === 'paused' ? 'gen.bagging.paused' : 'gen.bagging.training', {
                model: queue.index + 1,
                count: members,
                epoch: queue.epoch,
                epochs: plan?.settings.epochs ?? 0,
              });
  }

  function render() {
    frame.render();
    const state = queue.state;
    const members = plan?.members ?? 0;
    renderStatus();
    for (let m = 0; m < members; m += 1) {
      const result = queue.results[m];
      const sample = /** @type {any} */ (plan).samples[m];
      frame.tile(m)?.update({
        values: result?.grid ?? null,
        resolution: result?.resolution ?? 0,
        points: { x: sample.x, y: sample.y },
        caption: result
          ? t('gen.bagging.tile', {
              member: m + 1,
              test: percent(result.testAccuracy),
              distinct: sample.distinct,
              n: sample.y.length,
            })
          : t('gen.bagging.tilePending', { member: m + 1, distinct: sample.distinct, n: sample.y.length }),
        busy: state === 'running' && m === queue.index,
      });
    }
    const average = ensemble();
    if (plan) {
      frame.tile(members)?.update({
        values: average?.grid ?? null,
        resolution: average?.resolution ?? 0,
        points: { x: plan.data.trainX, y: plan.data.trainY },
        caption: average
          ? t('gen.bagging.average', { count: average.count, test: percent(average.testAccuracy) })
          : t('gen.bagging.averagePending'),
      });
    }
    verdict.textContent = average
      ? t('gen.bagging.verdict', {
          count: average.count,
          mean: percent(average.meanMember),
          ensemble: percent(average.testAccuracy),
        })
      : '';
    publishTestHook('generalization', {
      bagging: {
        state,
        members,
        finished: queue.results.filter(Boolean).length,
        memberTiles: queue.results.filter((r) => r?.grid).length,
        memberAccuracy: queue.results.map((r) => (r ? r.testAccuracy : null)),
        averageDrawn: Boolean(average),
        averageCount: average?.count ?? 0,
        ensembleAccuracy: average?.testAccuracy ?? null,
        distinct: plan?.samples.map((s) => s.distinct) ?? [],
      },
    });
  }

  render();
  return {
    render,
    stale() {
      queue.reset();
      frame.setTiles(0);
      reset();
    },
    unmount() {
      queue.dispose();
      frame.dispose();
    },
  };
}
