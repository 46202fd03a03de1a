// @ts-check
// A learner's CSV table (table-csv.mjs) as a workbench model's training data: the first columns
// fill the inputs in order, each input taking as many columns as it holds values per sample (an
// input of shape (4,) takes 4, one of (2, 3) takes 6, row-major as Keras's reshape reads them);
// the remaining columns are the targets, output by output: an output trained with
// sparse_categorical_crossentropy takes one column of class ids (per position before its class
// axis), categorical_crossentropy the same class-id columns turned into one-hot rows (as
// keras.utils.to_categorical would), any other loss one column per output value.
import { targetKind } from './synthetic-data.mjs';

/**
 * @typedef {import('../../data/table-csv.mjs').Table} Table
 * @typedef {{kind: 'csv', name: string, bytes: number, table: Table, text: string}} CsvSource
 * @typedef {import('./image-data.mjs').Port} Port
 * @typedef {import('./image-data.mjs').Output} Output
 * @typedef {import('./image-data.mjs').DataError} DataError
 * @typedef {{name: string, columns: number, size: number, classes: number,
 *   kind: 'class_ids' | 'one_hot' | 'values'}} Slot
 */

/** @param {number[]} shape */
const sizeOf = (shape) => shape.reduce((a, b) => a * b, 1);

/**
 * Which columns each input and output takes, in order.
 * @param {Port[]} inputs @param {Output[]} outputs
 * @returns {{inputs: Slot[], outputs: Slot[], need: number}}
 */
export function csvColumns(inputs, outputs) {
  const inputSlots = inputs.map((input) => {
    const size = sizeOf(input.shape);
    return { name: input.name, columns: size, size, classes: 0, kind: /** @type {const} */ ('values') };
  });
  const outputSlots = outputs.map((output) => {
    const size = sizeOf(output.shape);
    const kind = targetKind(output.loss);
    const classes = output.shape.at(-1) ?? 1;
    if ((kind === 'class_ids' || kind === 'one_hot') && output.shape.length > 0) {
      return { name: output.name, columns: size / classes, size, classes, kind };
    }
    return { name: output.name, columns: size, size, classes: 0, kind: /** @type {const} */ ('values') };
  });
  const need = [...inputSlots, ...outputSlots].reduce((n, slot) => n + slot.columns, 0);
  return { inputs: inputSlots, outputs: outputSlots, need };
}

/** How the columns are counted, e.g. "'x' 4 + 'y' 1 class id": names and numbers only, so the
 *  message around it can be in any language. @param {Slot[]} slots */
const counting = (slots) =>
  slots
    .map((s) => `'${s.name}' ${s.columns}${s.kind === 'values' ? '' : ' (0..' + (s.classes - 1) + ')'}`)
    .join(' + ');

/**
 * The error that keeps `table` from training a model of `inputs` and `outputs` (each output with
 * its loss name), or null when it fits: a column count that is not the model's ('csvColumns',
 * saying how it counts), a class id that is not a whole number in 0..units-1 ('csvClass').
 * @param {Table} table @param {Port[]} inputs @param {Output[]} outputs
 * @returns {DataError | null}
 */
export function csvFitError(table, inputs, outputs) {
  const plan = csvColumns(inputs, outputs);
  const slots = [...plan.inputs, ...plan.outputs];
  if (plan.need !== table.columns) {
    return { code: 'csvColumns', have: table.columns, need: plan.need, counting: counting(slots) };
  }
  let column = plan.inputs.reduce((n, s) => n + s.columns, 0);
  for (const slot of plan.outputs) {
    if (slot.kind !== 'values') {
      for (let c = column; c < column + slot.columns; c += 1) {
        for (let r = 0; r < table.rows; r += 1) {
          const value = table.values[r * table.columns + c];
          if (Number.isInteger(value) && value >= 0 && value < slot.classes) continue;
          return {
            code: 'csvClass',
            row: table.firstRow + r,
            column: table.names[c],
            value,
            output: slot.name,
            max: slot.classes - 1,
          };
        }
      }
    }
    column += slot.columns;
  }
  return null;
}

/**
 * The training arrays of `table` for a model it fits (csvFitError null): one Float32Array per
 * input [rows · size] and per output (class ids [rows · positions], one-hot rows or values
 * [rows · size]).
 * @param {Table} table @param {Port[]} inputs @param {Output[]} outputs
 * @returns {{x: Float32Array[], y: Float32Array[], samples: number}}
 */
export function csvTrainingArrays(table, inputs, outputs) {
  const plan = csvColumns(inputs, outputs);
  const n = table.rows;
  let first = 0;
  /** @param {Slot} slot */
  const take = (slot) => {
    const out = new Float32Array(n * (slot.kind === 'one_hot' ? slot.size : slot.columns));
    for (let r = 0; r < n; r += 1) {
      for (let c = 0; c < slot.columns; c += 1) {
        const value = table.values[r * table.columns + first + c];
        if (slot.kind === 'one_hot') out[(r * slot.columns + c) * slot.classes + value] = 1;
        else out[r * slot.columns + c] = value;
      }
    }
    first += slot.columns;
    return out;
  };
  const x = plan.inputs.map(take);
  const y = plan.outputs.map(take);
  return { x, y, samples: n };
}
