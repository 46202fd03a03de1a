// NetworkView: the MLP lab's network editor, TF Playground style. Columns of nodes (input
// features, each hidden Dense layer's neurons, the output units), each node with a thumbnail of
// its value over the plane; links between columns on one canvas behind them, coloured by the
// weight's sign (orange negative, blue positive) and as wide as |w|. Hovering a link or a neuron
// shows its weight or bias (a neuron's map enlarged with it); clicking opens a small editor. The
// DOM is rebuilt only by setShape; update() repaints thumbnails and links from a snapshot.
//
// It scales to 16 layers × 64 neurons by drawing in a fixed number of canvases whatever the
// size: the links on one canvas behind the nodes, every neuron's thumbnail on one canvas above
// them (painted into one atlas bitmap, then copied tile by tile), the input features' seven
// fixed thumbnails, and the hover card's map. Nodes are plain boxes for layout and hit-testing;
// the compositor pays for each canvas, so none is made per neuron.
import { paintDiverging } from './heatmap-view.mjs';
import { LinkLayer } from './network-links.mjs';

const THUMB_STRIDE = 2; // feature thumbnails sample every 2nd point: 25×25 from a 50×50 map
const THUMB_SIDE = 25; // neuron thumbnails: about 25×25, every grid point of a coarse grid
const ATLAS_ROW = 32; // atlas tiles per row

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
    this.columns = []; // per column its node elements; inputs = the active features only
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
            (_, j) => `<div class="net-node net-neuron" data-layer="${i}" data-unit="${j}"></div>`,
          ).join('') +
          '</div>',
      )
      .join('');
    const outputColumn =
      `<div class="net-col net-outputs"><div class="net-col-head">${t('net.output')}</div>` +
      Array.from(
        { length: outputs },
        (_, j) => `<div class="net-node net-output" data-unit="${j}"></div>`,
      ).join('') +
      '</div>';
    this.el.innerHTML = `${head}<div class="net-body"><canvas class="net-links"></canvas>
      <div class="net-columns">${inputColumn}${hidden}${outputColumn}</div>
      <canvas class="net-thumbs neuron-thumb"></canvas>
      <div class="net-card" hidden><span class="net-card-text"></span><canvas class="net-card-map"
        width="50" height="50" hidden></canvas></div></div>
      <p class="net-caption" hidden></p>`;

    const inputs = [...this.el.querySelectorAll('.net-input')].map((node) => {
      const canvas = node.querySelector('canvas');
      const context = canvas.getContext('2d');
      return { node, canvas, context, image: context.createImageData(canvas.width, canvas.height) };
    });
    inputs.forEach((entry, i) => this.paintFeature(entry, features[i]));
    this.columns = [
      inputs.filter((_, i) => features[i].active).map((e) => e.node),
      ...[...this.el.querySelectorAll('.net-hidden')].map((col) => [...col.querySelectorAll('.net-neuron')]),
      [...this.el.querySelectorAll('.net-output')],
    ];
    const body = this.el.querySelector('.net-body');
    const widest = Math.max(outputs, ...layers.map((l) => l.units));
    body.classList.toggle('compact', widest > 8);
    body.classList.toggle('dense', widest > 24);
    this.thumbs = new ThumbLayer(body.querySelector('.net-thumbs'), this.columns.slice(1));
    this.links = new LinkLayer(body, this.columns, {
      t,
      caption: this.el.querySelector('.net-caption'),
      onEdit: (index, value) => this.opts.onWeightEdit?.(index, value),
      cardMap: (c, j, canvas) => this.paintCardMap(c, j, canvas),
      onMeasure: (positions, width, height) => this.thumbs.measure(positions.slice(1), width, height),
    });
    this.resizeObserver.observe(body);
    if (this.lastData) this.update(this.lastData);
  }

  /** Paints node j of column c's map at full resolution on the hover card's canvas; false when
   *  there is none (no snapshot yet, or an input column). */
  paintCardMap(c, j, canvas) {
    const data = this.lastData;
    const offset = data?.maps?.[c - 1]?.[j];
    if (!data?.grid || offset === undefined || offset === null) return false;
    const n = data.grid.resolution;
    if (canvas.width !== n) canvas.width = canvas.height = n;
    const context = canvas.getContext('2d');
    const image = context.createImageData(n, n);
    const unit = c === this.columns.length - 1 && data.unitOutputs;
    paintDiverging(image.data, data.grid.values, offset, n, { unit });
    context.putImageData(image, 0, 0);
    return true;
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
    if (!data.grid || !this.thumbs) return 0;
    return this.thumbs.update(data.grid, data.maps ?? [], data.unitOutputs);
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
    this.thumbs?.clear();
    this.links?.clear();
  }

  destroy() {
    this.resizeObserver.disconnect();
    this.links?.destroy();
  }
}

/**
 * Every neuron's and output's thumbnail on one canvas above the nodes. update() paints each
 * node's map (about 25×25: every grid point of a 25×25 grid, every 2nd of a 50×50 one) into one
 * atlas bitmap (a canvas never shown: one putImageData), then copies each tile to its node's
 * box (one drawImage per node).
 */
class ThumbLayer {
  /** canvas: the shared canvas over the body; columns: the node lists after the inputs. */
  constructor(canvas, columns) {
    this.canvas = canvas;
    this.context = canvas.getContext('2d');
    this.columns = columns;
    this.count = columns.reduce((sum, col) => sum + col.length, 0);
    this.boxes = []; // per column: [{x, y, size}] (CSS px, inside the node's border)
    this.atlas = document.createElement('canvas');
    this.atlasContext = this.atlas.getContext('2d');
    this.image = null;
    this.drawn = false;
  }

  /** positions: per column (after the inputs) [{left, right, top, bottom}] in body CSS px. */
  measure(positions, width, height) {
    this.boxes = positions.map((col) =>
      col.map((p) => ({ x: p.left + 1, y: p.top + 1, size: Math.max(1, p.right - p.left - 2) })),
    );
    const dpr = window.devicePixelRatio || 1;
    this.width = width;
    this.height = height;
    this.canvas.width = Math.round(width * dpr);
    this.canvas.height = Math.round(height * dpr);
    this.context.setTransform(dpr, 0, 0, dpr, 0, 0);
    if (this.drawn) this.blit();
  }

  /** grid: {values, resolution}; maps: per column the grid offset of each node's map. Returns
   *  the number of thumbnails drawn. */
  update(grid, maps, unitOutputs) {
    const n = grid.resolution;
    const stride = Math.max(1, Math.round(n / THUMB_SIDE));
    const side = Math.ceil(n / stride);
    const rows = Math.ceil(this.count / ATLAS_ROW);
    if (!this.image || this.side !== side) {
      this.side = side;
      this.atlas.width = side * Math.min(ATLAS_ROW, this.count || 1);
      this.atlas.height = side * Math.max(rows, 1);
      this.image = this.atlasContext.createImageData(this.atlas.width, this.atlas.height);
      this.tile = new Uint8ClampedArray(side * side * 4);
    }
    const { data } = this.image;
    const rowBytes = this.atlas.width * 4;
    this.painted = [];
    let k = 0;
    let drawn = 0;
    for (let c = 0; c < this.columns.length; c += 1) {
      const offsets = maps[c] ?? [];
      const unit = c === this.columns.length - 1 && unitOutputs;
      for (let j = 0; j < this.columns[c].length; j += 1, k += 1) {
        if (offsets[j] === undefined || offsets[j] === null) continue;
        paintDiverging(this.tile, grid.values, offsets[j], n, { stride, unit });
        // The tile's rows into the atlas at tile k's place.
        const x0 = (k % ATLAS_ROW) * side * 4;
        const y0 = Math.floor(k / ATLAS_ROW) * side;
        for (let r = 0; r < side; r += 1) {
          data.set(this.tile.subarray(r * side * 4, (r + 1) * side * 4), (y0 + r) * rowBytes + x0);
        }
        this.painted.push([c, j, k]);
        drawn += 1;
      }
    }
    this.atlasContext.putImageData(this.image, 0, 0);
    this.drawn = true;
    this.blit();
    return drawn;
  }

  /** Copies each painted atlas tile to its node's box. */
  blit() {
    const ctx = this.context;
    ctx.clearRect(0, 0, this.width ?? 0, this.height ?? 0);
    const side = this.side;
    for (const [c, j, k] of this.painted ?? []) {
      const box = this.boxes[c]?.[j];
      if (!box) continue;
      const sx = (k % ATLAS_ROW) * side;
      const sy = Math.floor(k / ATLAS_ROW) * side;
      ctx.drawImage(this.atlas, sx, sy, side, side, box.x, box.y, box.size, box.size);
    }
  }

  clear() {
    this.drawn = false;
    this.painted = [];
    this.context.clearRect(0, 0, this.width ?? 0, this.height ?? 0);
  }
}
