// The images lab's views, wired: the confusion matrix (a cell opens its images in the image
// viewer), accuracy per class, the sample grid, the first layer's weight images and the drawing
// pad. The view modules are loaded when the lab mounts; one that fails to load leaves a note in
// its box and the rest of the lab working. Every string reaches the views through their labels.
// A language change builds the views again (their labels are fixed at construction) and
// redraws the last data.

import { OUTPUT_LAYER } from './document.mjs';

/** The module of each view, by its box in the layout. */
const MODULES = {
  confusion: './views/confusion-view.mjs',
  classAccuracy: './views/class-accuracy-view.mjs',
  samples: './views/sample-grid.mjs',
  weights: './views/weight-images.mjs',
  draw: './views/draw-pad.mjs',
  viewer: './views/image-viewer.mjs',
};

/** A share 0..1 as "87.5%". @param {number} share */
const percentText = (share) => (Number.isFinite(share) ? `${(share * 100).toFixed(1)}%` : '–');

/**
 * Mounts the views into the layout's boxes.
 * @param {Record<string, HTMLElement>} ui the layout's parts
 * @param {{t: (key: string, params?: Record<string, unknown>) => string, classNames: () => string[],
 *   images: () => any, evaluation: () => any, onDrawing: (pixels: Float32Array) => void,
 *   onClear: () => void, centreDrawing: () => boolean}} options
 *   images: the ImageSet in use; evaluation: the last evaluateTest (evaluation.mjs); onDrawing:
 *   the drawing changed (784 values 0..1); onClear: the pad was cleared; centreDrawing: whether
 *   the pad centres drawings by their mass (the digits)
 */
export function mountImageViews(
  ui,
  { t, classNames, images, evaluation, onDrawing, onClear, centreDrawing },
) {
  /** @type {Record<string, any>} the loaded modules by key */
  const modules = {};
  /** @type {Record<string, any>} the views by key */
  const views = {};
  /** the last data of each view, drawn again after a rebuild */
  const last = {
    test: /** @type {any} */ (null),
    samples: /** @type {any[] | null} */ (null),
    kernel: null,
    outputKernel: false, // whether the kernel drawn is the output layer's (a unit per class)
    pad: null,
  };
  let destroyed = false;

  const labels = {
    confusion: () => ({
      trueAxis: t('img.trueClass'),
      predictedAxis: t('img.predictedClass'),
      right: t('img.right'),
      wrong: t('img.wrong'),
      scale: t('img.confusionScale'),
      cell: (/** @type {string} */ trueName, /** @type {string} */ predicted, /** @type {number} */ n) =>
        t('img.cellTitle', { true: trueName, predicted, n }),
    }),
    classAccuracy: () => ({ title: t('img.perClass'), none: '–', weakest: t('img.weakest') }),
    samples: () => ({
      title: t('img.samples'),
      right: t('img.right'),
      wrong: t('img.wrong'),
      predicted: (/** @type {string} */ name, /** @type {number} */ confidence) =>
        t('img.predictedLine', { name, p: percentText(confidence) }),
      truth: (/** @type {string} */ name) => t('img.trueLabel', { name }),
    }),
    weights: () => ({
      title: t('img.weights'),
      legend: t('img.weightLegend'),
      // A unit of the output layer (no hidden layer) is one class: its name says so.
      unit: (/** @type {number} */ u) =>
        last.outputKernel
          ? t('img.unitClass', { n: u + 1, name: classNames()[u] ?? '' })
          : t('img.unit', { n: u + 1 }),
      empty: t('img.weightsEmpty'),
    }),
    draw: () => ({
      clear: t('img.clear'),
      empty: t('img.emptyPad'),
      pad: t('img.padLabel'),
      bars: t('img.probability'),
    }),
    viewer: () => ({
      close: t('img.close'),
      more: (/** @type {number} */ n) => t('img.more', { n }),
      empty: t('img.viewerEmpty'),
      wrong: t('img.wrong'),
    }),
  };

  /** Opens the images of one confusion cell in the viewer. */
  function openCell(/** @type {number} */ trueClass, /** @type {number} */ predicted) {
    const result = evaluation();
    const set = images();
    if (!result || !set || !views.viewer) return;
    const k = result.matrix.classes;
    const indices = result.matrix.cells[trueClass * k + predicted] ?? [];
    const names = classNames();
    views.viewer.open({
      title: t('img.cellTitle', { true: names[trueClass], predicted: names[predicted], n: indices.length }),
      images: indices.map((/** @type {number} */ index) => ({
        pixels: set.test.pixels.subarray(index * 784, (index + 1) * 784),
        caption: t('img.viewerCaption', {
          true: names[trueClass],
          predicted: names[predicted],
          p: percentText(result.confidence[index]),
        }),
        wrong: trueClass !== predicted,
      })),
    });
  }

  /** Puts sample `index` of the grid's last images on the drawing pad. @param {number} index */
  function pickSample(index) {
    const sample = last.samples?.[index];
    if (!sample || !views.draw) return;
    views.draw.update({ pixels: sample.pixels, max: 255 });
    ui.draw.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }

  /** Builds view `key` (again) from its loaded module. @param {string} key */
  function build(key) {
    const module = modules[key];
    if (!module || destroyed) return;
    views[key]?.destroy?.();
    const el = ui[key];
    el.replaceChildren();
    const common = { classNames: classNames(), labels: labels[key]() };
    switch (key) {
      case 'confusion':
        views[key] = new module.ConfusionView(el, { ...common, onCell: openCell });
        break;
      case 'classAccuracy':
        views[key] = new module.ClassAccuracyView(el, common);
        break;
      case 'samples':
        // A picked test image goes onto the drawing pad, to be edited and predicted again.
        views[key] = new module.SampleGrid(el, { ...common, onPick: pickSample });
        break;
      case 'weights':
        views[key] = new module.WeightImages(el, { labels: common.labels });
        break;
      case 'draw':
        views[key] = new module.DrawPad(el, {
          labels: common.labels,
          // MNIST's digits are centred by their centre of mass: a drawing is moved the same way.
          centre: centreDrawing(),
          onChange: onDrawing,
          onClear: () => {
            last.pad = null;
            onClear();
          },
        });
        break;
      case 'viewer':
        views[key] = new module.ImageViewer(el, { labels: common.labels });
        break;
      default:
    }
    redraw(key);
  }

  /** Draws the last data into view `key`. @param {string} key */
  function redraw(key) {
    const view = views[key];
    if (!view) return;
    if (key === 'confusion' && last.test)
      view.update({ counts: last.test.matrix.counts, classes: last.test.matrix.classes });
    if (key === 'classAccuracy' && last.test) view.update(last.test.perClass);
    if (key === 'samples' && last.samples) view.update({ images: last.samples });
    if (key === 'weights' && last.kernel) view.update(last.kernel);
    if (key === 'draw' && last.pad)
      view.showPrediction({ classNames: classNames(), probabilities: last.pad });
  }

  for (const [key, path] of Object.entries(MODULES)) {
    import(path).then(
      (module) => {
        modules[key] = module;
        build(key);
      },
      (error) => {
        console.warn(`nnplay: the images lab's ${key} view could not be loaded`, error);
        if (!destroyed && ui[key]) {
          ui[key].replaceChildren(
            Object.assign(document.createElement('p'), {
              className: 'img-note',
              textContent: t('img.missingViews'),
            }),
          );
        }
      },
    );
  }

  return {
    /** The test part's evaluation and the sample grid's images. */
    showTest(/** @type {any} */ result, /** @type {any[]} */ samples) {
      last.test = result;
      last.samples = samples;
      for (const key of ['confusion', 'classAccuracy', 'samples']) redraw(key);
    },
    /** The first Dense kernel {values, units}. */
    showWeights(/** @type {any} */ kernel) {
      last.kernel = { kernel: kernel.values, units: kernel.units };
      last.outputKernel = kernel.layer === OUTPUT_LAYER;
      redraw('weights');
    },
    /** The drawing's class probabilities [10]. */
    showDrawing(/** @type {Float32Array} */ probabilities) {
      last.pad = probabilities;
      redraw('draw');
    },
    /** A new model: its pictures come with its first snapshot. */
    reset() {
      last.test = null;
      last.samples = null;
      last.kernel = null;
      for (const key of ['confusion', 'classAccuracy', 'samples', 'weights']) views[key]?.reset?.();
    },
    /** The labels and class names of the language and dataset now (the views keep their
     *  state, the drawing included unless `dataset` changed), and the last data drawn again. */
    rebuild({ dataset = false } = {}) {
      for (const [key, view] of Object.entries(views)) {
        // Another dataset: the pad is built again, centring (digits) or not, and empty.
        if (typeof view?.setLabels !== 'function' || (dataset && key === 'draw')) {
          build(key);
          continue;
        }
        view.setLabels({ labels: labels[key](), classNames: classNames() });
        redraw(key);
      }
    },
    destroy() {
      destroyed = true;
      for (const view of Object.values(views)) view?.destroy?.();
    },
  };
}
