// What the sequence lab hands its engine session. setup: build the document, generate the
// task's data (set_data). snapshot: the probes of one sample (h, c and the gates per step, and
// with its target ‖dL/dh_t‖ per step), the losses of the weights on screen (evaluate on the
// validation part) and, for the waves, the one-step predictions over a stretch of the wave.
import { sequenceDocument } from './document.mjs';
import { probeSample, waveStretch } from './samples.mjs';
import { PROBE_SAMPLES, WAVES } from './fields.mjs';
import { textData } from './text-source.mjs';
import { answersByOp, arrayNamed } from '../../kit/session-answers.mjs';

/** Array names the lab sets in the session. */
export const ARRAYS = Object.freeze({ probeX: 'probe_x', probeY: 'probe_y', stretch: 'stretch_x' });

/**
 * Probe sample `pick` of a text: the window `pick` eighths into the training windows {x: ids
 * [window], y: [next id], steps, features: 1, marks: []}.
 * @param {{train: {x: Float32Array, y: Float32Array, n: number}}} data @param {number} window @param {number} pick
 */
export function textSample(data, window, pick) {
  const b = Math.floor((pick * (data.train.n - 1)) / PROBE_SAMPLES);
  return {
    x: data.train.x.slice(b * window, (b + 1) * window),
    y: data.train.y.slice(b, b + 1),
    steps: window,
    features: 1,
    marks: [],
  };
}

/**
 * The text task's request: the text's windows go with set_data (training and validation), the
 * snapshot evaluates a fixed subset of the validation windows and reads the weights (the
 * sampler's copy). `prepared`: prepareText's accepted answer.
 * @param {Record<string, any>} state @param {{text: string, vocab: string[]}} prepared
 */
function textRequest(state, prepared) {
  const window = state.window;
  const document = sequenceDocument(state, prepared.vocab.length);
  const data = textData(prepared, window);
  const sample = textSample(data, window, state.sample);
  const arrays = {
    text_x: data.train.x,
    text_y: data.train.y,
    text_val_x: data.validation.x,
    text_val_y: data.validation.y,
    eval_x: data.evaluate.x,
    eval_y: data.evaluate.y,
    [ARRAYS.probeX]: sample.x,
    [ARRAYS.probeY]: sample.y,
  };
  const setup = [
    { op: 'build', spec: document },
    {
      op: 'set_data',
      train: { x: ['text_x'], y: ['text_y'] },
      validation: { x: ['text_val_x'], y: ['text_val_y'] },
    },
  ];
  const snapshot = [
    { op: 'probes', x: [ARRAYS.probeX], y: [ARRAYS.probeY], out: 'probe' },
    { op: 'evaluate', x: ['eval_x'], y: ['eval_y'] },
    { op: 'get_weights', out: 'weights' },
  ];
  return { setup, snapshot, arrays, document, sample, stretch: null, text: { ...prepared, data } };
}

/** {setup, snapshot, arrays, document, sample, stretch, text} for session.configure; the text
 *  task needs its prepared text. */
export function configureRequest(state, prepared = null) {
  if (state.task === 'text') return textRequest(state, /** @type {any} */ (prepared));
  const document = sequenceDocument(state);
  const sample = probeSample(state, state.sample);
  const arrays = { [ARRAYS.probeX]: sample.x, [ARRAYS.probeY]: sample.y };
  const snapshot = [
    { op: 'probes', x: [ARRAYS.probeX], y: [ARRAYS.probeY], out: 'probe' },
    { op: 'evaluate' },
  ];
  let stretch = null;
  if (WAVES.includes(state.task)) {
    stretch = waveStretch(state.task, state.window);
    arrays[ARRAYS.stretch] = stretch.x;
    snapshot.push({ op: 'predict', x: [ARRAYS.stretch], out: 'stretch' });
  }
  return {
    setup: [{ op: 'build', spec: document }, { op: 'set_data' }],
    snapshot,
    arrays,
    document,
    sample,
    stretch,
  };
}

/** The probe arrays for another pick of the sample: {request, arrays} for session.call.
 *  `text`: the configured request's text ({data}) for the text task. */
export function sampleCall(state, pick, text = null) {
  const sample = text ? textSample(text.data, state.window, pick) : probeSample(state, pick);
  return {
    sample,
    request: { op: 'probes', x: [ARRAYS.probeX], y: [ARRAYS.probeY], out: 'probe' },
    arrays: { [ARRAYS.probeX]: sample.x, [ARRAYS.probeY]: sample.y },
  };
}

/** Recurrent layer types as the engine's build answer names them (Keras class names). */
const RECURRENT = new Set(['SimpleRNN', 'LSTM', 'GRU', 'Bidirectional']);

/**
 * The model as the summary shows it, from a configured event: {name, params, layers: [{name,
 * type, outputShape, params, recurrent}]}, or null.
 * @param {object[]} setup @param {{answers: object[]}} event
 */
export function modelInfo(setup, event) {
  const model = answersByOp(setup, event.answers).build?.model;
  if (!model) return null;
  return {
    name: model.name,
    params: model.params,
    layers: model.layers.map((layer) => ({
      name: layer.name,
      type: layer.type,
      outputShape: layer.output_shape,
      params: layer.params,
      recurrent: RECURRENT.has(layer.type),
    })),
  };
}

/**
 * One probe source: a recurrent layer, or one direction of a Bidirectional one: {name (the
 * layer, with '/forward' or '/backward'), maps: {probe: {values, steps, units}}, dhNorm:
 * Float32Array [steps] | null}.
 * @typedef {{name: string, maps: Record<string, {values: Float32Array, steps: number, units: number}>,
 *   dhNorm: Float32Array | null}} ProbeSource
 */

/**
 * The views' reading of a snapshot: {sources: ProbeSource[], output: Float32Array | null (the
 * model's output for the probe sample), losses: evaluate logs | null, stretch: Float32Array |
 * null (one prediction per window)}.
 * @param {object[]} snapshotRequests @param {{answers: any[], arrays: Record<string, Float32Array>}} event
 */
export function snapshotInfo(snapshotRequests, event) {
  const { probes, evaluate, predict, get_weights: weights } = answersByOp(snapshotRequests, event.answers);
  /** @type {ProbeSource[]} */
  const sources = [];
  let output = null;
  for (const layer of probes?.layers ?? []) {
    /** @type {Map<string, ProbeSource>} */
    const byPrefix = new Map();
    for (const probe of layer.probes) {
      const values = arrayNamed(event, probe.name);
      if (!values) continue;
      if (probe.probe === 'output') {
        output = values; // the last layer's output is the model's
        continue;
      }
      const parts = probe.probe.split('/');
      const kind = parts.pop();
      const name = [layer.name, ...parts].join('/');
      if (!byPrefix.has(name)) byPrefix.set(name, { name, maps: {}, dhNorm: null });
      const source = /** @type {ProbeSource} */ (byPrefix.get(name));
      if (kind === 'dh_norm') source.dhNorm = values;
      else source.maps[kind] = { values, steps: probe.shape[0], units: probe.shape[1] };
    }
    sources.push(...[...byPrefix.values()].filter((s) => Object.keys(s.maps).length > 0));
  }
  return {
    sources,
    output,
    losses: evaluate?.logs ?? null,
    stretch: predict ? arrayNamed(event, predict.arrays?.[0]?.name) : null,
    weights: weights ? arrayNamed(event, weights.array) : null,
  };
}
