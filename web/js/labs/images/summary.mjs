// @ts-check
// The model summary as Keras's `summary()` prints it, one row per layer: "name (Type)", the
// output shape with None for the batch and the parameter count; then the totals, trainable and
// not (BatchNormalization's moving mean and variance are weights no gradient changes).

/** "(None, 784)" for [784]. @param {number[]} shape */
export const shapeText = (shape) => `(None, ${shape.join(', ')})`;

/** 79,510 for 79510 (Keras's thousands separators, in either language). @param {number} n */
export const countText = (n) => n.toLocaleString('en-US');

/**
 * {rows: [[layer, shape, params]], totals: [total, trainable, non-trainable]} of a modelInfo
 * (configure.mjs); t is the lab's text function.
 * @param {{params: number, trainable: number, layers: {name: string, type: string,
 *   outputShape: number[], params: number}[]}} model
 * @param {(key: string, params?: Record<string, unknown>) => string} t
 */
export function summaryRows(model, t) {
  const rows = model.layers.map((layer) => [
    `${layer.name} (${layer.type})`,
    shapeText(layer.outputShape),
    countText(layer.params),
  ]);
  const totals = [
    t('img.totalParams', { n: countText(model.params) }),
    t('img.trainableParams', { n: countText(model.trainable) }),
    t('img.nonTrainableParams', { n: countText(model.params - model.trainable) }),
  ];
  return { rows, totals };
}
