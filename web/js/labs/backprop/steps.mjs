// The step list of one pass, pure: the forward pass neuron by neuron, the loss, the backward pass
// one neuron at a time from the outputs back, and the SGD update. Every value shown as the
// engine's comes from the pass (readPass); the page computes the written-out sums and products
// from the engine's factors and checks each against the engine's own result.
import { layerSizes, neuronId, neuronName, weightList } from './network.mjs';

/** How close a product written out on the page must be to the engine's (float32 sums). */
export const TOLERANCE = 1e-6;

/** {page, engine, ok}: the page's value against the engine's, within TOLERANCE (relative
 *  beyond 1). */
export function check(page, engine) {
  const ok =
    Number.isFinite(page) && Number.isFinite(engine)
      ? Math.abs(page - engine) <= TOLERANCE * Math.max(1, Math.abs(engine))
      : false;
  return { page, engine, ok };
}

/** f(z) of an activation (the forward pass written out). */
export function activate(name, z) {
  if (name === 'sigmoid') return 1 / (1 + Math.exp(-z));
  if (name === 'tanh') return Math.tanh(z);
  if (name === 'relu') return Math.max(0, z);
  return z;
}

/** The local derivative ∂a/∂z from the engine's a and z, as the page writes it. */
export function localDerivative(name, a, z) {
  if (name === 'sigmoid') return a * (1 - a);
  if (name === 'tanh') return 1 - a * a;
  if (name === 'relu') return z > 0 ? 1 : 0;
  return 1;
}

/** ∂E/∂o of one output under the compiled loss (Keras's mean over the n outputs). */
export function lossGradient(loss, o, t, n) {
  if (loss === 'binary_crossentropy') return (o - t) / (o * (1 - o)) / n;
  return (2 * (o - t)) / n;
}

/** E of the outputs under the compiled loss: Keras's mse or binary cross-entropy (mean). */
export function lossValue(loss, outputs, targets) {
  const n = outputs.length;
  let sum = 0;
  for (let k = 0; k < n; k += 1) {
    const o = outputs[k];
    const t = targets[k];
    sum += loss === 'binary_crossentropy' ? -(t * Math.log(o) + (1 - t) * Math.log(1 - o)) : (t - o) ** 2;
  }
  return sum / n;
}

/**
 * The steps of one pass: forward (one per neuron, layer by layer), loss, backward (one per
 * neuron, output layer first), update. Each step has `kind`, `node` (the diagram's id, or
 * 'loss', or null for the update) and what it writes out.
 * @param {import('./pass.mjs').Pass} pass
 * @param {{inputs: number, layers: {units: number, activation: string}[]}} shape
 * @param {{loss: string, lr: number, targets: number[]}} settings
 */
export function buildSteps(pass, shape, { loss, lr, targets }) {
  const sizes = layerSizes(shape);
  const weights = weightList(shape);
  // kernel[layer][from][to] and bias[layer][to]: indices into the get_weights array
  const kernelAt = (layer, from, to) =>
    weights.find((w) => w.layer === layer && w.kind === 'kernel' && w.from === from && w.to === to);
  const biasAt = (layer, to) => weights.find((w) => w.layer === layer && w.kind === 'bias' && w.to === to);
  const value = (w) => pass.weights[w.index];
  const steps = [];
  const last = shape.layers.length;

  for (let layer = 1; layer <= last; layer += 1) {
    const { activation } = shape.layers[layer - 1];
    const p = pass.layers[layer - 1];
    for (let to = 0; to < sizes[layer]; to += 1) {
      const terms = [];
      let z = 0;
      for (let from = 0; from < sizes[layer - 1]; from += 1) {
        const w = kernelAt(layer, from, to);
        const a = p.input[from];
        terms.push({
          weight: w.name,
          index: w.index,
          w: value(w),
          a,
          from: neuronName(shape, layer - 1, from),
        });
        z += value(w) * a;
      }
      const b = biasAt(layer, to);
      z += value(b);
      steps.push({
        kind: 'forward',
        node: neuronId(layer, to),
        name: neuronName(shape, layer, to),
        layer,
        unit: to,
        activation,
        terms,
        bias: { weight: b.name, index: b.index, value: value(b) },
        z: check(z, p.z[to]),
        a: check(activate(activation, p.z[to]), p.a[to]),
      });
    }
  }

  const out = pass.layers[last - 1];
  const n = sizes[last];
  steps.push({
    kind: 'loss',
    node: 'loss',
    loss,
    terms: Array.from({ length: n }, (_, k) => ({
      name: neuronName(shape, last, k),
      o: out.a[k],
      t: targets[k],
    })),
    value: check(lossValue(loss, Array.from(out.a), targets), pass.loss),
  });

  for (let layer = last; layer >= 1; layer -= 1) {
    const { activation } = shape.layers[layer - 1];
    const p = pass.layers[layer - 1];
    for (let unit = 0; unit < sizes[layer]; unit += 1) {
      const a = p.a[unit];
      /** ∂E/∂a: the loss's gradient (outputs) or the sum over the next layer's δ·w (hidden). */
      let upstream;
      if (layer === last) {
        upstream = {
          kind: 'loss',
          o: a,
          t: targets[unit],
          n,
          value: check(lossGradient(loss, a, targets[unit], n), p.dEda[unit]),
        };
      } else {
        const next = pass.layers[layer];
        const terms = [];
        let sum = 0;
        for (let k = 0; k < sizes[layer + 1]; k += 1) {
          const w = kernelAt(layer + 1, unit, k);
          terms.push({
            to: neuronName(shape, layer + 1, k),
            delta: next.dEdz[k],
            weight: w.name,
            w: value(w),
          });
          sum += next.dEdz[k] * value(w);
        }
        upstream = { kind: 'sum', terms, value: check(sum, p.dEda[unit]) };
      }
      const local = localDerivative(activation, a, p.z[unit]);
      const delta = check(p.dEda[unit] * local, p.dEdz[unit]);
      const grads = [];
      for (let from = 0; from < sizes[layer - 1]; from += 1) {
        const w = kernelAt(layer, from, unit);
        grads.push({
          weight: w.name,
          index: w.index,
          from: neuronName(shape, layer - 1, from),
          delta: p.dEdz[unit],
          a: p.input[from],
          value: check(p.dEdz[unit] * p.input[from], pass.grads[w.index]),
        });
      }
      const b = biasAt(layer, unit);
      grads.push({
        weight: b.name,
        index: b.index,
        from: null,
        delta: p.dEdz[unit],
        a: 1,
        value: check(p.dEdz[unit], pass.grads[b.index]),
      });
      steps.push({
        kind: 'backward',
        node: neuronId(layer, unit),
        name: neuronName(shape, layer, unit),
        layer,
        unit,
        output: layer === last,
        loss,
        activation,
        a,
        z: p.z[unit],
        upstream,
        local,
        // a fused cross-entropy gradient (sigmoid + binary cross-entropy) is the engine's δ
        delta,
        grads,
      });
    }
  }

  steps.push({
    kind: 'update',
    node: null,
    lr,
    // by layer, then per target neuron (w1, w2 into h1, then w3, w4 into h2), biases last
    rows: [...weights]
      .sort(
        (a, b) =>
          a.layer - b.layer ||
          (a.kind === b.kind ? a.to - b.to || a.from - b.from : a.kind === 'bias' ? 1 : -1),
      )
      .map((w) => ({
        weight: w.name,
        index: w.index,
        old: pass.weights[w.index],
        grad: pass.grads[w.index],
        next: pass.weights[w.index] - lr * pass.grads[w.index],
      })),
  });
  return steps;
}

/** Every check of a step list (forward z and a, the loss, ∂E/∂a, δ, each ∂E/∂w). */
export function allChecks(steps) {
  const checks = [];
  for (const step of steps) {
    if (step.kind === 'forward') checks.push(step.z, step.a);
    if (step.kind === 'loss') checks.push(step.value);
    if (step.kind === 'backward')
      checks.push(step.upstream.value, step.delta, ...step.grads.map((g) => g.value));
  }
  return checks;
}

/**
 * The engine's update against the page's: the largest |new − (old − η·∂E/∂w)| over the weights,
 * and whether it is within TOLERANCE. `before`: the pass the step started from; `after`: the
 * weights the engine has now.
 * @param {import('./pass.mjs').Pass} before @param {ArrayLike<number>} after @param {number} lr
 */
export function updateAgreement(before, after, lr) {
  let worst = 0;
  for (let i = 0; i < before.weights.length; i += 1) {
    worst = Math.max(worst, Math.abs(after[i] - (before.weights[i] - lr * before.grads[i])));
  }
  return { worst, ok: worst <= TOLERANCE };
}
