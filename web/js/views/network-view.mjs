// NetworkView: the MLP lab's network editor, TF Playground style. Columns of nodes (input
// features, each hidden Dense layer's neurons, the output units), each node with a thumbnail of
// its value over the plane; links between columns on one canvas behind them, coloured by the
// weight's sign (orange negative, blue positive) and as wide as |w|. Hovering a link or a neuron
// shows its weight or bias; clicking opens a small editor. The DOM is rebuilt only by setShape;
// update() repaints thumbnails and links from a snapshot.
import { paintDiverging } from './heatmap-view.mjs';
import { LinkLayer } from './network-links.mjs';

const THUMB_STRIDE = 2; // thumbnails sample every 2nd grid point: 25×25 from a 50×50 grid

export class NetworkView {
  /**
   * el: an empty container. opts: {t(key) -> text, activations: [names], maxLayers, maxUnits,
   * onAddLayer(), onRemoveLayer(), onAddNeuron(layer), onRemoveNeuron(layer),
   * onActivation(layer, name), onToggleFeature(key), onWeightEdit(index, value)}.
   */
  constructor(el, opts) {
    this.el = el;
    this.opts = opts;
    this.shapeKey = '';
    this.columns = []; // per column: [{node, canvas, context, image}], inputs = active features only
    el.classList.add('network');
    el.addEventListener('click', (event) => this.onClick(event));
    el.addEventListener('change', (event) => {
      const select = event.target.closest('select.layer-activation');
      if (select) this.opts.onActivation?.(Number(select.dataset.layer), select.value);
    });
    this.resizeObserver = new ResizeObserver(() => this.links?.measure());
  }

  /**
   * shape: {features: [{key, label, active, map: Float32Array(n*n), resolution}], layers:
   * [{units, activation}], outputs: number of output units}. Rebuilds the DOM when it changed
   * (or when force, e.g. after a language change).
   */
  setShape(shape, { force = false } = {}) {
    const key = JSON.stringify({
      f: shape.features.map((f) => [f.key, f.active]),
      l: shape.layers,
      o: shape.outputs,
    });
    if (key === this.shapeKey && !force) return;
    this.shapeKey = key;
    this.shape = shape;
    this.build();
  }

  build() {
    const { t, activations = [], maxLayers = 16, maxUnits = 64 } = this.opts;
    const { features, layers, outputs } = this.shape;
    this.links?.destroy();
    this.resizeObserver.disconnect();
    const layerCount = t(layers.length === 1 ? 'net.oneLayer' : 'net.layers').replace('{n}', layers.length);
    const head = `<div class="net-toolbar"><button type="button" id="add-layer" class="net-round"
      ${layers.length >= maxLayers ? 'disabled' : ''} aria-label="${t('net.addLayer')}" title="${t('net.addLayer')}">+</button>
      <button type="button" id="remove-layer" class="net-round" ${layers.length === 0 ? 'disabled' : ''}
      aria-label="${t('net.removeLayer')}" title="${t('net.removeLayer')}">−</button>
      <span class="net-count">${layerCount}</span></div>`;
    const inputColumn =
      `<div class="net-col net-inputs"><div class="net-col-head">${t('net.features')}</div>` +
      features
        .map(
          (f) => `<button type="button" class="net-node net-input${f.active ? ' active' : ''}"
        data-feature="${f.key}" aria-pressed="${f.active}" title="${f.label}"><canvas class="feature-thumb"
        width="25" height="25"></canvas><span class="net-label">${f.label}</span></button>`,
        )
        .join('') +
      '</div>';
    const options = (selected) =>
      activations
        .map((a) => `<option value="${a}"${a === selected ? ' selected' : ''}>${t(`act.${a}`)}</option>`)
        .join('');
    const hidden = layers
      .map(
        (layer, i) =>
          `<div class="net-col net-hidden" data-layer="${i}">
      <div class="net-col-head"><div class="net-unit-buttons">
      <button type="button" class="add-neuron net-round small" data-layer="${i}" ${layer.units >= maxUnits ? 'disabled' : ''}
        aria-label="${t('net.addNeuron')}" title="${t('net.addNeuron')}">+</button>
      <button type="button" class="remove-neuron net-round small" data-layer="${i}" ${layer.units <= 1 ? 'disabled' : ''}
        aria-label="${t('net.removeNeuron')}" title="${t('net.removeNeuron')}">−</button></div>
      <span class="net-units">${t(layer.units === 1 ? 'net.oneNeuron' : 'net.neurons').replace('{n}', layer.units)}</span>
      <select class="layer-activation" data-layer="${i}" aria-label="${t('net.activation')}">${options(layer.activation)}</select></div>` +
          Array.from(
            { length: layer.units },
            (_, j) => `<div class="net-node net-neuron" data-layer="${i}" data-unit="${j}">
        <canvas class="neuron-thumb" width="25" height="25"></canvas></div>`,
          ).join('') +
          '</div>',
      )
      .join('');
    const outputColumn =
      `<div class="net-col net-outputs"><div class="net-col-head">${t('net.output')}</div>` +
      Array.from(
        { length: outputs },
        (_, j) => `<div class="net-node net-output" data-unit="${j}">
        <canvas class="output-thumb" width="25" height="25"></canvas></div>`,
      ).join('') +
      '</div>';
    this.el.innerHTML = `${head}<div class="net-body"><canvas class="net-links"></canvas>
      <div class="net-columns">${inputColumn}${hidden}${outputColumn}</div>
      <div class="net-card" hidden></div></div>`;

    const thumb = (node) => {
      const canvas = node.querySelector('canvas');
      const context = canvas.getContext('2d');
      return { node, canvas, context, image: context.createImageData(canvas.width, canvas.height) };
    };
    const inputs = [...this.el.querySelectorAll('.net-input')].map(thumb);
    inputs.forEach((entry, i) => this.paintFeature(entry, features[i]));
    this.columns = [
      inputs.filter((_, i) => features[i].active),
      ...[...this.el.querySelectorAll('.net-hidden')].map((col) =>
        [...col.querySelectorAll('.net-neuron')].map(thumb),
      ),
      [...this.el.querySelectorAll('.net-output')].map(thumb),
    ];
    const body = this.el.querySelector('.net-body');
    body.classList.toggle('compact', Math.max(outputs, ...layers.map((l) => l.units)) > 8);
    this.links = new LinkLayer(
      body,
      this.columns.map((col) => col.map((e) => e.node)),
      {
        t,
        onEdit: (index, value) => this.opts.onWeightEdit?.(index, value),
      },
    );
    this.resizeObserver.observe(body);
    if (this.lastData) this.update(this.lastData);
  }

  paintFeature(entry, feature) {
    if (!feature.map) return;
    const n = feature.resolution;
    paintDiverging(entry.image.data, feature.map, 0, n, { stride: THUMB_STRIDE });
    entry.context.putImageData(entry.image, 0, 0);
  }

  /**
   * data: {weights: Float32Array, kernels: [{offset, rows, cols}] one per column pair, biases:
   * [{offset} | null] per kernel, grid: {values, resolution} | null, maps: per column after the
   * inputs, the grid offset of each node's map (null if none), unitOutputs: output maps are
   * probabilities}. Returns the number of thumbnails drawn.
   */
  update(data) {
    this.lastData = data;
    this.links?.update(data.weights, data.kernels, data.biases);
    if (!data.grid) return 0;
    let drawn = 0;
    const n = data.grid.resolution;
    if (this.columns[0]?.[0] && this.columns[0][0].image.width !== Math.ceil(n / THUMB_STRIDE)) return 0;
    for (let c = 1; c < this.columns.length; c += 1) {
      const offsets = data.maps?.[c - 1] ?? [];
      const unit = c === this.columns.length - 1 && data.unitOutputs;
      this.columns[c].forEach((entry, j) => {
        if (offsets[j] === undefined || offsets[j] === null) return;
        paintDiverging(entry.image.data, data.grid.values, offsets[j], n, { stride: THUMB_STRIDE, unit });
        entry.context.putImageData(entry.image, 0, 0);
        drawn += 1;
      });
    }
    return drawn;
  }

  onClick(event) {
    const button = event.target.closest('button');
    if (!button || !this.el.contains(button) || button.disabled) return;
    const layer = Number(button.dataset.layer);
    if (button.id === 'add-layer') this.opts.onAddLayer?.();
    else if (button.id === 'remove-layer') this.opts.onRemoveLayer?.();
    else if (button.classList.contains('add-neuron')) this.opts.onAddNeuron?.(layer);
    else if (button.classList.contains('remove-neuron')) this.opts.onRemoveNeuron?.(layer);
    else if (button.dataset.feature) this.opts.onToggleFeature?.(button.dataset.feature);
  }

  reset() {
    this.lastData = null;
    for (const column of this.columns) {
      for (const entry of column) {
        if (!entry.node.classList.contains('net-input'))
          entry.context.clearRect(0, 0, entry.canvas.width, entry.canvas.height);
      }
    }
    this.links?.clear();
  }

  destroy() {
    this.resizeObserver.disconnect();
    this.links?.destroy();
  }
}
