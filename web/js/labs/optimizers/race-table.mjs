// @ts-check
// What the race's table says: for each racer, the first epoch whose loss reached the target and
// the engine time spent until the end of that epoch, and the last loss.

/**
 * The first epoch (1-based) whose loss is at or below `target`, with the time summed over the
 * epochs up to it; null when no epoch reached it.
 * @param {ArrayLike<number>} losses the loss of each epoch
 * @param {ArrayLike<number>} ms the engine's milliseconds of each epoch (same length)
 * @param {number} target
 * @returns {{epoch: number, ms: number} | null}
 */
export function timeToTarget(losses, ms, target) {
  let spent = 0;
  for (let i = 0; i < losses.length; i += 1) {
    spent += ms[i] ?? 0;
    if (Number.isFinite(losses[i]) && losses[i] <= target) return { epoch: i + 1, ms: spent };
  }
  return null;
}

/**
 * The table's rows, in race order: {id, name, lr, epochs, ms, finalLoss, reached}. `epochs`
 * and `ms` are null for a racer that has not reached the target; finalLoss null before its
 * first epoch.
 * @param {{id: string, name: string, lr: number, losses: number[], ms: number[]}[]} runs
 * @param {number} target
 */
export function raceRows(runs, target) {
  return runs.map(({ id, name, lr, losses, ms }) => {
    const hit = timeToTarget(losses, ms, target);
    return {
      id,
      name,
      lr,
      epochs: hit?.epoch ?? null,
      ms: hit?.ms ?? null,
      finalLoss: losses.length > 0 ? losses[losses.length - 1] : null,
      reached: hit !== null,
    };
  });
}

/**
 * Whether float32 weight lists are bit-identical (same count, same values, compared exactly).
 * @param {ArrayLike<number>[]} lists
 */
export function identicalWeights(lists) {
  if (lists.length === 0 || lists.some((w) => !w)) return false;
  const [first] = lists;
  return lists.every(
    (w) => w.length === first.length && Array.prototype.every.call(w, (v, i) => Object.is(v, first[i])),
  );
}
