// Small helpers for labs reading their session's answers: the engine answers come back in the
// order of the requests the lab gave (setup or snapshot), and the arrays they name travel
// beside them, keyed by name.

/** {op: answer} of `requests` and their `answers` (same order; a later op of the same name wins). */
export function answersByOp(requests, answers) {
  const out = {};
  requests.forEach((request, i) => {
    if (answers?.[i]) out[request.op] = answers[i];
  });
  return out;
}

/** The array called `name` in a snapshot or configured event ({answers, arrays}), or null. */
export function arrayNamed(event, name) {
  return (typeof name === 'string' && event?.arrays?.[name]) || null;
}

/** The weights of a get_weights answer in `event`: {weights: Float32Array, weightLayout}, or
 *  null when the event has none. */
export function weightsOf(event, answer) {
  const weights = arrayNamed(event, answer?.array);
  return weights ? { weights, weightLayout: answer.weights ?? [] } : null;
}

/** The Float32Array of weights to hand `call({op: 'set_weights', array})`: {request, arrays}. */
export function setWeightsCall(weights, name = 'set_weights') {
  return { request: { op: 'set_weights', array: name }, arrays: { [name]: Float32Array.from(weights) } };
}
