// What the backprop lab's diagram shows at a position of the step list, pure: the neurons per
// column with the numbers reached so far (z and a once the forward pass passed them, δ once the
// backward pass did), the edges with their weights, the current node and the visited ones.
import { isTwoTwoTwo, layerSizes, neuronId, neuronName, weightList } from './network.mjs';
import { num } from './format.mjs';

/** A short form of a number for the diagram (four significant digits). */
export const short = (x) =>
  Number.isFinite(x) ? String(Number(x.toPrecision(4))).replace('-', '−') : num(x);

/**
 * The diagram's data (NetworkDiagram.update) for `steps` at `position` (-1: none visited).
 * @param {{inputs: number, layers: {units: number}[]}} shape
 * @param {import('./pass.mjs').Pass | null} pass
 * @param {any[]} steps @param {number} position
 * @param {(key: string, params?: object) => string} t
 */
export function diagramData(shape, pass, steps, position, t) {
  const visited = new Set();
  const lines = new Map(); // node id -> {z, a, delta}
  for (let k = 0; k <= position && k < steps.length; k += 1) {
    const step = steps[k];
    if (step.node) visited.add(step.node);
    if (step.kind === 'forward')
      lines.set(step.node, { ...lines.get(step.node), z: step.z.engine, a: step.a.engine });
    if (step.kind === 'backward') lines.set(step.node, { ...lines.get(step.node), delta: step.delta.engine });
  }
  const current = steps[position]?.node ?? null;
  const sizes = layerSizes(shape);
  const columns = sizes.map((units, layer) =>
    Array.from({ length: units }, (_, unit) => {
      const id = neuronId(layer, unit);
      const seen = lines.get(id) ?? {};
      const text = [];
      if (layer === 0 && pass) text.push(`a ${short(pass.layers[0].input[unit])}`);
      if (seen.z !== undefined) text.push(`z ${short(seen.z)}`, `a ${short(seen.a)}`);
      if (seen.delta !== undefined) text.push(`δ ${short(seen.delta)}`);
      return { id, name: neuronName(shape, layer, unit), lines: text };
    }),
  );
  const named = isTwoTwoTwo(shape);
  const edges = weightList(shape)
    .filter((w) => w.kind === 'kernel')
    .map((w) => {
      const value = pass ? pass.weights[w.index] : NaN;
      return {
        from: neuronId(w.layer - 1, w.from),
        to: neuronId(w.layer, w.to),
        index: w.index,
        // the worked example's short names fit beside the value; w[i1→h1] only in the tooltip
        label: !pass ? w.name : named ? `${w.name} ${short(value)}` : short(value),
        title: t('bp.weightTitle', { name: w.name, value: num(value) }),
      };
    });
  const lossStep = steps.findIndex((s) => s.kind === 'loss');
  const lossLines = lossStep >= 0 && position >= lossStep ? [`E ${short(steps[lossStep].value.engine)}`] : [];
  if (lossStep >= 0 && position >= lossStep) visited.add('loss');
  return { columns, edges, current, visited, lossLines };
}
