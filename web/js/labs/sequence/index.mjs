// @ts-check
// The sequence lab: SimpleRNN, LSTM and GRU trained live on waves, long-memory problems and
// parity, with their hidden states, cell states and gates per step and the gradient through
// time in view. The lab itself (lab.mjs) loads when its tab is first shown.
import strings from './strings.mjs';
import { SEQUENCE_FIELDS, WAVES, WINDOWED } from './fields.mjs';
import { KIT_PANELS, OPTIMIZER_PARAM_DEFAULTS } from '../../state/kit-fields.mjs';

/** The served presets' common training (docs/presets/adding-*.json, lstm-sine.json). */
const SERVED = { optimizer: 'adam', lr: 0.01, batch: 32, units: 32, speed: 3 };
const ADDING = { ...SERVED, task: 'adding', seqLength: 20, sequences: 1000, epochs: 30 };

/** @type {import('../registry.mjs').LabDeclaration} */
export default {
  id: 'sequence',
  title: { en: 'Sequences (RNN, LSTM)', ko: '시퀀스 (RNN, LSTM)' },
  kit: {
    lr: 0.01,
    batch: 32,
    epochs: 0, // no limit: training goes on until paused
    optimizer: 'adam',
    ...OPTIMIZER_PARAM_DEFAULTS,
    init: 'glorot_uniform',
    seed: 0,
  },
  fields: SEQUENCE_FIELDS,
  panels: [
    ['task', ['task', 'window', 'seqLength', 'waveNoise', 'sequences']],
    ['recurrent', ['cell', 'units', 'depth', 'bidirectional', 'init', 'clipnorm', 'truncate']],
    ['training', ['lr', 'batch', 'epochs', 'seed']],
    ['optimizer', KIT_PANELS.optimizer],
  ],
  relevant(name, state) {
    if (name === 'window') return WINDOWED.includes(state.task);
    if (name === 'waveNoise') return WAVES.includes(state.task);
    if (name === 'seqLength') return !WINDOWED.includes(state.task);
    if (name === 'sequences') return state.task !== 'text';
    return true;
  },
  groups: {
    task: { en: 'Task', ko: '과제', hides: 'the task, sequence length and data controls' },
    recurrent: {
      en: 'Recurrent layers',
      ko: '순환층',
      hides: 'the cell, units, layers, Bidirectional, initializer, clipnorm and truncate_bptt controls',
    },
    summary: { en: 'Model summary', ko: '모델 요약', hides: 'the per-layer parameter table' },
    states: { en: 'States and gates', ko: '상태와 게이트', hides: 'the heat maps of h, c and the gates' },
    gradients: { en: 'Gradient through time', ko: '시간에 따른 기울기', hides: 'the ‖dL/dh_t‖ chart' },
    text: { en: 'Text', ko: '텍스트', hides: "the text task's text box and sampled text" },
    compare: {
      en: 'SimpleRNN against LSTM',
      ko: 'SimpleRNN 대 LSTM',
      hides: 'the side-by-side run on the adding problem',
    },
  },
  presets: {
    'seq-sine': {
      title: { en: 'Sine wave (LSTM)', ko: '사인파 (LSTM)' },
      state: { task: 'sine', cell: 'lstm', units: 16 },
    },
    'lstm-sine': {
      title: { en: 'Sine wave, LSTM(32)', ko: '사인파, LSTM(32)' },
      state: { ...SERVED, task: 'sine', cell: 'lstm', window: 20, sequences: 500, epochs: 20 },
    },
    'seq-sawtooth': {
      title: { en: 'Sawtooth with noise (GRU)', ko: '잡음 섞인 톱니파 (GRU)' },
      state: { task: 'sawtooth', cell: 'gru', units: 16, waveNoise: 10 },
    },
    'seq-square': {
      title: { en: 'Square wave (SimpleRNN)', ko: '사각파 (SimpleRNN)' },
      state: { task: 'square', cell: 'simple_rnn', units: 16 },
    },
    'adding-simple-rnn': {
      title: { en: 'SimpleRNN forgets', ko: 'SimpleRNN은 잊는다' },
      state: { ...ADDING, cell: 'simple_rnn' },
    },
    'adding-lstm': {
      title: { en: 'LSTM remembers', ko: 'LSTM은 기억한다' },
      state: { ...ADDING, cell: 'lstm' },
    },
    'seq-copy': {
      title: { en: 'Copy memory (LSTM)', ko: '복사 기억 (LSTM)' },
      state: { task: 'copy_memory', cell: 'lstm', units: 32, seqLength: 10, sequences: 1000 },
    },
    'seq-text': {
      title: { en: 'Next character (LSTM)', ko: '다음 글자 (LSTM)' },
      state: { task: 'text', cell: 'lstm', units: 64, window: 24, batch: 64 },
    },
    'seq-parity': {
      title: { en: 'Parity of 4 bits (GRU)', ko: '4비트 패리티 (GRU)' },
      state: { task: 'parity', cell: 'gru', units: 16, seqLength: 4, sequences: 1000, lr: 0.03 },
    },
  },
  stylesheet: new URL('./sequence.css', import.meta.url).href,
  strings,
  load: () => import('./lab.mjs'),
};
