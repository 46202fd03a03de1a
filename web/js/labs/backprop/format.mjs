// The step list written out, pure: numbers with nine significant digits and each step as
// markup (formulas with the engine's numbers, a ✓ where the page's product equals the engine's
// to TOLERANCE, a ✗ with both values where not). `t(key, params)` gives the lab's strings.

/** The shortest text of a float32 value that reads back as the same float32 (≤ 9 digits):
 *  the engine's 0.4 is 0.400000006 in double and shows as 0.4. */
function float32Text(x) {
  for (let digits = 1; digits < 9; digits += 1) {
    const text = x.toPrecision(digits);
    if (Math.fround(Number(text)) === x) return String(Number(text));
  }
  return String(Number(x.toPrecision(9)));
}

/** An engine (float32) value as the shortest double that reads back as the same float32, for
 *  the state and its links (0.4, not 0.4000000059604645). */
export const shortFloat32 = (x) => (Number.isFinite(x) ? Number(float32Text(Math.fround(x))) : x);

/** x for the page: an engine value (a float32) as its shortest float32 text, a value the page
 *  computed in double with nine significant digits; a true minus sign. */
export function num(x) {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  if (x === 0) return '0';
  const text = Math.fround(x) === x ? float32Text(x) : String(Number(x.toPrecision(9)));
  return text.replace('-', '−');
}

/** A factor in a product: negative numbers in brackets. */
const factor = (x) => (x < 0 ? `(${num(x)})` : num(x));

/** The math names the page writes (subscripted neuron names). */
const sub = (name) => `<sub>${name}</sub>`;

/** The result of a check: the engine's value with ✓, or the page's ✗ and the engine's. */
export function result(checked, t) {
  if (checked.ok) {
    return `<b class="bp-value">${num(checked.engine)}</b> <span class="bp-check ok" data-check="ok" title="${t('bp.checkOk')}">✓</span>`;
  }
  return `<b class="bp-value">${num(checked.page)}</b> <span class="bp-check bad" data-check="bad">✗ ${t('bp.checkBad', { engine: num(checked.engine) })}</span>`;
}

const line = (html) => `<p class="bp-line">${html}</p>`;

const ACTIVATION_SYMBOL = { sigmoid: 'σ', tanh: 'tanh', relu: 'relu', linear: 'linear' };

const LOCAL_FORMULA = {
  sigmoid: (s) => `a(1 − a) = ${factor(s.a)} × (1 − ${factor(s.a)})`,
  tanh: (s) => `1 − a² = 1 − ${factor(s.a)}²`,
  relu: (s) => `(z > 0 ? 1 : 0), z = ${num(s.z)}`,
  linear: () => '1',
};

function forwardHtml(step, t) {
  const sums = step.terms.map((term) => `${term.weight}·a${sub(term.from)}`).join(' + ');
  const numbers = step.terms.map((term) => `${factor(term.w)} × ${factor(term.a)}`).join(' + ');
  const f = ACTIVATION_SYMBOL[step.activation];
  return [
    line(`z${sub(step.name)} = ${sums} + ${step.bias.weight}`),
    line(`= ${numbers} + ${factor(step.bias.value)} = ${result(step.z, t)}`),
    line(
      `a${sub(step.name)} = ${f}(z${sub(step.name)}) = ${f}(${num(step.z.engine)}) = ${result(step.a, t)}`,
    ),
  ].join('');
}

function lossHtml(step, t) {
  const n = step.terms.length;
  if (step.loss === 'binary_crossentropy') {
    const parts = step.terms.map((k) => `${num(k.t)}·ln ${num(k.o)} + (1 − ${num(k.t)})·ln(1 − ${num(k.o)})`);
    return [
      line(`E = −(1/${n}) Σ [t·ln o + (1 − t)·ln(1 − o)]`),
      line(`= −(${parts.join(' + ')}) / ${n} = ${result(step.value, t)}`),
      `<p class="bp-note">${t('bp.bceNote')}</p>`,
    ].join('');
  }
  const parts = step.terms.map((k) => `(${num(k.t)} − ${num(k.o)})²`).join(' + ');
  return [
    line(`E = (1/${n}) Σ (t − o)²`),
    line(`= (${parts}) / ${n} = ${result(step.value, t)}`),
    `<p class="bp-note">${t(n === 2 ? 'bp.mseNoteTwo' : 'bp.mseNote')}</p>`,
  ].join('');
}

function backwardHtml(step, t) {
  const s = step.name;
  const up = step.upstream;
  const lines = [];
  if (up.kind === 'loss') {
    const formula =
      step.loss === 'binary_crossentropy'
        ? `(o − t) / (o(1 − o)·${up.n}) = (${num(up.o)} − ${num(up.t)}) / (${num(up.o)} × (1 − ${num(up.o)}) × ${up.n})`
        : `2(o − t)/${up.n} = 2 × (${num(up.o)} − ${num(up.t)}) / ${up.n}`;
    lines.push(line(`∂E/∂a${sub(s)} = ${formula} = ${result(up.value, t)}`));
  } else {
    const symbols = up.terms.map((k) => `δ${sub(k.to)}·${k.weight}`).join(' + ');
    const numbers = up.terms.map((k) => `${factor(k.delta)} × ${factor(k.w)}`).join(' + ');
    lines.push(line(`∂E/∂a${sub(s)} = Σ δ·w = ${symbols}`));
    lines.push(line(`= ${numbers} = ${result(up.value, t)}`));
  }
  lines.push(
    line(
      `∂a${sub(s)}/∂z${sub(s)} = ${LOCAL_FORMULA[step.activation](step)} = <b class="bp-value">${num(step.local)}</b>`,
    ),
  );
  lines.push(
    line(
      `δ${sub(s)} = ∂E/∂z${sub(s)} = ∂E/∂a · ∂a/∂z = ${factor(up.value.engine)} × ${factor(step.local)} = ${result(step.delta, t)}`,
    ),
  );
  for (const g of step.grads) {
    const rhs = g.from === null ? `δ${sub(s)} · 1` : `δ${sub(s)} · a${sub(g.from)}`;
    const numbers = g.from === null ? `${factor(g.delta)} × 1` : `${factor(g.delta)} × ${factor(g.a)}`;
    lines.push(
      `<p class="bp-line bp-grad" data-weight="${g.weight}">∂E/∂${g.weight} = ${rhs} = ${numbers} = ${result(g.value, t)}</p>`,
    );
  }
  return lines.join('');
}

function updateHtml(step, t) {
  const rows = step.rows
    .map(
      (r) =>
        `<tr data-weight="${r.weight}"><th scope="row">${r.weight}</th><td>${num(r.old)}</td><td>${num(r.grad)}</td><td><b>${num(r.next)}</b></td></tr>`,
    )
    .join('');
  return [
    line(t('bp.updateRule', { lr: num(step.lr) })),
    `<div class="bp-table-wrap"><table class="bp-update"><thead><tr><th scope="col">${t('bp.weight')}</th><th scope="col">${t('bp.old')}</th><th scope="col">∂E/∂w</th><th scope="col">${t('bp.new')}</th></tr></thead><tbody>${rows}</tbody></table></div>`,
    `<p class="bp-note">${t('bp.updateNote')}</p>`,
  ].join('');
}

/** The step's heading (translated): "Forward: h1", "Loss", "Backward: o1", "Update". */
export function stepTitle(step, t) {
  if (step.kind === 'forward') return t('bp.stepForward', { name: step.name });
  if (step.kind === 'backward') return t('bp.stepBackward', { name: step.name });
  if (step.kind === 'loss') return t('bp.stepLoss');
  return t('bp.stepUpdate');
}

/** The step's body: formulas with numbers and checks. */
export function stepHtml(step, t) {
  if (step.kind === 'forward') return forwardHtml(step, t);
  if (step.kind === 'loss') return lossHtml(step, t);
  if (step.kind === 'backward') return backwardHtml(step, t);
  return updateHtml(step, t);
}
