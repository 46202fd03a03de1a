// @ts-check
// The sequence lab's own state: the task and its data, the recurrent stack (cell, units,
// layers, Bidirectional), gradient clipping and truncated BPTT, and the probed sample, with the
// limits its controls allow. The limits keep one training slice short enough for the page to
// stay responsive (LSTM(64) × 3 layers × 100 steps is about the most a 2-core laptop trains
// live).
import { field } from '../../state/field.mjs';

export const WAVES = ['sine', 'sawtooth', 'square'];
export const MEMORY_TASKS = ['adding', 'copy_memory', 'parity'];
export const TASKS = [...WAVES, ...MEMORY_TASKS, 'text'];
/** Tasks that read a window (the waves, and the text's characters). */
export const WINDOWED = [...WAVES, 'text'];
export const CELLS = ['simple_rnn', 'lstm', 'gru'];
/** The probe set: samples the learner can pick for the state maps. */
export const PROBE_SAMPLES = 8;

export const LIMITS = Object.freeze({ maxUnits: 64, maxDepth: 3, maxSteps: 100, maxSequences: 4000 });

export const SEQUENCE_FIELDS = Object.freeze([
  field('task', 'enum', 'sine', { options: TASKS }),
  field('window', 'int', 20, { min: 2, max: LIMITS.maxSteps }),
  field('seqLength', 'int', 20, { min: 2, max: LIMITS.maxSteps }),
  field('waveNoise', 'int', 0, { min: 0, max: 50 }),
  field('sequences', 'int', 500, { min: 50, max: LIMITS.maxSequences }),
  field('cell', 'enum', 'lstm', { options: CELLS }),
  field('units', 'int', 16, { min: 1, max: LIMITS.maxUnits }),
  field('depth', 'int', 1, { min: 1, max: LIMITS.maxDepth }),
  field('bidirectional', 'bool', false),
  field('clipnorm', 'number', 0, { min: 0, max: 100 }),
  field('truncate', 'int', 0, { min: 0, max: LIMITS.maxSteps }),
  // Which probe sample the state maps show: changing it never rebuilds the model.
  field('sample', 'int', 0, { min: 0, max: PROBE_SAMPLES - 1, keepsModel: true }),
  // How the text task samples (0: always the likeliest character): never rebuilds either.
  field('temperature', 'number', 0.8, { min: 0, max: 2, keepsModel: true }),
]);
