// From a trainer snapshot to what the network view draws: the Dense kernels and biases in the
// weight array (Keras layout: kernel [in, units] row-major, in layer order) and, per column
// after the inputs, the grid offset of each node's map (hidden Dense neurons, then outputs).

/**
 * weightLayout: [{name: 'dense_1/kernel', shape, offset}] -> {kernels: [{offset, rows, cols}],
 * biases: [{offset} | null]}, one entry per Dense layer (hidden layers first, output last).
 */
export function denseWeights(weightLayout = []) {
  const dense = [];
  const byLayer = new Map();
  for (const entry of weightLayout) {
    const cut = entry.name.lastIndexOf('/');
    const layer = entry.name.slice(0, cut);
    const part = entry.name.slice(cut + 1);
    if (part === 'kernel' && entry.shape.length === 2) {
      const item = {
        layer,
        kernel: { offset: entry.offset, rows: entry.shape[0], cols: entry.shape[1] },
        bias: null,
      };
      dense.push(item);
      byLayer.set(layer, item);
    } else if (part === 'bias' && byLayer.has(layer)) {
      byLayer.get(layer).bias = { offset: entry.offset };
    }
  }
  return { kernels: dense.map((d) => d.kernel), biases: dense.map((d) => d.bias) };
}

/**
 * grid.maps: [{layer, unit, offset}] with the output units first, then each hidden Dense
 * neuron in layer order -> per column after the inputs: [offset per node]
 * (hidden layer 1, ..., hidden layer L, outputs).
 */
export function columnMaps(maps = []) {
  if (maps.length === 0) return [];
  const groups = [];
  let current = null;
  for (const map of maps) {
    if (!current || current.layer !== map.layer) {
      current = { layer: map.layer, offsets: [] };
      groups.push(current);
    }
    current.offsets[map.unit] = map.offset;
  }
  const [outputs, ...hidden] = groups;
  return [...hidden.map((g) => g.offsets), outputs.offsets];
}

/** The network view's update() data for a snapshot (its maps from snapshot.neurons, the
 *  coarser grid of every neuron, else from snapshot.grid); unitOutputs: outputs are
 *  probabilities. */
export function networkData(snapshot, { unitOutputs }) {
  const { kernels, biases } = denseWeights(snapshot.weightLayout);
  const grid = snapshot.neurons ?? snapshot.grid ?? null;
  return {
    weights: snapshot.weights,
    kernels,
    biases,
    grid,
    maps: columnMaps(grid?.maps),
    unitOutputs,
  };
}
