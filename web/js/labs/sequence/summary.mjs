// The model summary as Keras's `summary()` prints it, one row per layer: "name (Type)", the
// output shape with None for the batch, the parameter count, and whether a recurrent layer
// returns its whole sequence (the shape's time axis says the same). The note under it names
// how the cell's parameter count compares with a SimpleRNN's (LSTM 4×, GRU 3× plus a bias row).

/** "(None, 20, 32)" for [20, 32]. @param {number[]} shape */
export const shapeText = (shape) => `(None, ${shape.join(', ')})`;

/**
 * {rows: [[layer, shape, params, return_sequences]], total, note} of a modelInfo (configure.mjs)
 * for lab state `state`; t is the lab's text function.
 * @param {{params: number, layers: {name: string, type: string, outputShape: number[], params: number,
 *   recurrent: boolean}[]}} model
 * @param {Record<string, any>} state
 * @param {(key: string, params?: object) => string} t
 */
export function summaryRows(model, state, t) {
  const rows = model.layers.map((layer) => [
    `${layer.name} (${layer.type})`,
    shapeText(layer.outputShape),
    layer.params.toLocaleString('en-US'),
    layer.recurrent ? (layer.outputShape.length === 2 ? 'True' : 'False') : '',
  ]);
  const total = t('seq.totalParams', { n: model.params.toLocaleString('en-US') });
  const note =
    state.cell === 'simple_rnn'
      ? t('seq.paramNoteSimple')
      : t('seq.paramNote', {
          cell: state.cell === 'lstm' ? 'LSTM' : 'GRU',
          k: state.cell === 'lstm' ? 4 : 3,
        });
  return { rows, total, note };
}
