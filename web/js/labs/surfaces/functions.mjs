// @ts-check
// The six functions of the engine's `surface` op and what the page starts each with: a start
// point off the minimum where the function's character shows, a number of steps, and learning
// rates chosen so that every optimizer visibly moves in those steps. Keras's defaults (Adam
// 0.001, RMSprop 0.001, SGD 0.01) are tuned for networks of thousands of weights; on these 2-D
// functions most of them would hardly leave the start, and SGD at 0.01 diverges on Rosenbrock.
// The functions themselves, their view and their minimum come from the engine's answer.

/** @typedef {{id: string, data: boolean, start: [number, number], steps: number,
 *   lr: Record<string, number>}} SurfaceFunction  data: a network slice trained on samples */

/** @type {readonly SurfaceFunction[]} */
export const FUNCTIONS = Object.freeze([
  {
    id: 'quadratic',
    data: false,
    start: [-3.5, 2.5],
    steps: 100,
    lr: { sgd: 0.18, momentum: 0.015, nesterov: 0.015, adagrad: 0.8, rmsprop: 0.05, adam: 0.2, adamw: 0.2 },
  },
  {
    id: 'saddle',
    data: false,
    start: [-1.8, 0.02],
    steps: 60,
    lr: { sgd: 0.05, momentum: 0.02, nesterov: 0.02, adagrad: 0.2, rmsprop: 0.02, adam: 0.05, adamw: 0.05 },
  },
  {
    id: 'rosenbrock',
    data: false,
    start: [-1.5, 2],
    steps: 1000,
    lr: {
      sgd: 0.001,
      momentum: 0.0005,
      nesterov: 0.0005,
      adagrad: 0.3,
      rmsprop: 0.01,
      adam: 0.05,
      adamw: 0.05,
    },
  },
  {
    id: 'beale',
    data: false,
    start: [1, 1.5],
    steps: 300,
    lr: {
      sgd: 0.001,
      momentum: 0.0005,
      nesterov: 0.0005,
      adagrad: 0.1,
      rmsprop: 0.01,
      adam: 0.05,
      adamw: 0.05,
    },
  },
  {
    id: 'neuron',
    data: true,
    start: [-3, 5],
    steps: 200,
    lr: { sgd: 1, momentum: 0.3, nesterov: 0.3, adagrad: 1, rmsprop: 0.05, adam: 0.1, adamw: 0.1 },
  },
  {
    id: 'line',
    data: true,
    start: [5, 2],
    steps: 100,
    lr: { sgd: 0.5, momentum: 0.1, nesterov: 0.1, adagrad: 1, rmsprop: 0.05, adam: 0.1, adamw: 0.1 },
  },
]);

/** @type {Readonly<Record<string, SurfaceFunction>>} */
export const FUNCTION = Object.freeze(Object.fromEntries(FUNCTIONS.map((f) => [f.id, f])));

/** The functions the batch-size section offers: the data ones. */
export const DATA_FUNCTIONS = Object.freeze(FUNCTIONS.filter((f) => f.data).map((f) => f.id));

/** Points every data function samples (the engine's default). */
export const SAMPLES = 64;
