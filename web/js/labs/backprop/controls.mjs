// The backprop lab's own controls: the sample (inputs, targets), the layers, activations, loss
// and η, one weight's value and the random weights. Each value is checked before it is stored;
// a refused one is said beside its control (en/ko) and the model keeps what it had.
import { VALUE_LIMIT } from './index.mjs';
import {
  ACTIVATION_OPTIONS,
  MAX_HIDDEN_LAYERS,
  MAX_INPUTS,
  MAX_OUTPUTS,
  MAX_UNITS,
  weightList,
} from './network.mjs';
import { num, shortFloat32 } from './format.mjs';
import { hiddenLayersText, parseHiddenLayers, parseNumberList } from './parse.mjs';
import { clearFieldMessage, refusalText, showFieldMessage } from '../../kit/field-message.mjs';
import { FIELD } from '../../state/schema.mjs';

/**
 * Wires the controls in `ui` to the lab's store. `lab` is the lab's live record ({shape, pass}:
 * the network and the engine's pass on screen). Returns what the lab calls when those change:
 * {fillWeightPick, showWeightValue, showControls}.
 */
export function wireControls(ui, { store, ctx, t, lab }) {
  const fieldOf = (input) => input.closest('.bp-field');
  function fillWeightPick() {
    const list = lab.shape ? weightList(lab.shape) : [];
    const was = ui.weightPick.value;
    ui.weightPick.replaceChildren(...list.map((w) => new Option(w.name, String(w.index))));
    if (list.some((w) => String(w.index) === was)) ui.weightPick.value = was;
    showWeightValue();
  }

  function showWeightValue() {
    const index = Number(ui.weightPick.value);
    const value = lab.pass?.weights[index];
    if (document.activeElement !== ui.weightValue)
      ui.weightValue.value = value === undefined ? '' : num(value).replace('−', '-');
  }

  function showControls() {
    const state = store.state();
    const write = (input, text) => {
      if (document.activeElement !== input) input.value = text;
    };
    write(ui.inputs, state.inputValues.join(', '));
    write(ui.targets, state.targetValues.join(', '));
    write(ui.hidden, hiddenLayersText(state.hiddenLayers));
    const activations = new Set(state.hiddenLayers.map((l) => l.activation));
    ui.hiddenActivation.value =
      activations.size > 1 ? 'mixed' : (state.hiddenLayers[0]?.activation ?? 'sigmoid');
    ui.outputActivation.value = state.outputActivation;
    ui.loss.value = state.lossFunction;
    write(ui.lr, String(state.lr));
    write(ui.seed, String(state.seed));
  }

  /** Says why `input`'s value is refused (beside it) and puts the stored value back later. */
  const refuse = (input, text) => showFieldMessage(fieldOf(input), text, input);
  const accept = (input) => clearFieldMessage(fieldOf(input), [input]);
  const label = (key) => ctx.t(key);

  const onListChange = (input, name, key, count) => () => {
    const values = parseNumberList(input.value, { min: 1, max: count, limit: VALUE_LIMIT });
    if (!values) {
      refuse(input, t('bp.badList', { field: label(key), min: 1, max: count, limit: VALUE_LIMIT }));
      return;
    }
    accept(input);
    store.set(name, values);
  };
  ui.inputs.addEventListener('change', onListChange(ui.inputs, 'inputValues', 'bp.inputs', MAX_INPUTS));
  ui.targets.addEventListener('change', onListChange(ui.targets, 'targetValues', 'bp.targets', MAX_OUTPUTS));
  ui.hidden.addEventListener('change', () => {
    const layers = parseHiddenLayers(ui.hidden.value, {
      layers: MAX_HIDDEN_LAYERS,
      units: MAX_UNITS,
      activations: ACTIVATION_OPTIONS,
      fallback: ui.hiddenActivation.value === 'mixed' ? 'sigmoid' : ui.hiddenActivation.value,
    });
    if (!layers) {
      refuse(ui.hidden, t('bp.badHidden', { field: label('bp.hidden') }));
      return;
    }
    accept(ui.hidden);
    store.set('hiddenLayers', layers);
  });
  ui.hiddenActivation.addEventListener('change', () =>
    store.set(
      'hiddenLayers',
      store.get('hiddenLayers').map((l) => ({ units: l.units, activation: ui.hiddenActivation.value })),
    ),
  );
  ui.outputActivation.addEventListener('change', () => {
    if (ui.outputActivation.value !== 'sigmoid' && store.get('lossFunction') === 'binary_crossentropy') {
      refuse(ui.outputActivation, t('bp.badOutput'));
      ui.outputActivation.value = store.get('outputActivation');
      return;
    }
    accept(ui.outputActivation);
    store.set('outputActivation', ui.outputActivation.value);
  });
  ui.loss.addEventListener('change', () => {
    if (ui.loss.value === 'binary_crossentropy' && store.get('outputActivation') !== 'sigmoid') {
      refuse(ui.loss, t('bp.badBce'));
      ui.loss.value = store.get('lossFunction');
      return;
    }
    accept(ui.loss);
    store.set('lossFunction', ui.loss.value);
  });
  ui.lr.addEventListener('change', () => {
    const lr = ui.lr.value.trim() === '' ? NaN : Number(ui.lr.value);
    const checked = store.validate('lr', lr);
    if (!checked.ok) {
      const code = Number.isNaN(lr) ? { code: 'number' } : checked;
      refuse(ui.lr, refusalText(ctx.t, FIELD['backprop.lr'], code, label('bp.lr')));
      return;
    }
    accept(ui.lr);
    store.set('lr', lr);
  });
  ui.weightPick.addEventListener('change', () => showWeightValue());
  ui.weightValue.addEventListener('change', () => {
    const value = ui.weightValue.value.trim() === '' ? NaN : Number(ui.weightValue.value);
    const name = ui.weightPick.selectedOptions[0]?.textContent ?? '';
    if (!Number.isFinite(value) || Math.abs(value) > VALUE_LIMIT) {
      refuse(ui.weightValue, t('bp.badWeight', { field: name, limit: VALUE_LIMIT }));
      return;
    }
    accept(ui.weightValue);
    if (!lab.pass) return;
    const weights = Array.from(lab.pass.weights, shortFloat32);
    weights[Number(ui.weightPick.value)] = value;
    store.set('weights', weights);
  });
  ui.random.addEventListener('click', () => {
    const seed = ui.seed.value.trim() === '' ? NaN : Number(ui.seed.value);
    const checked = store.validate('seed', seed);
    if (!checked.ok) {
      const code = Number.isNaN(seed) ? { code: 'number' } : checked;
      refuse(ui.seed, refusalText(ctx.t, FIELD['backprop.seed'], code, label('bp.seed')));
      return;
    }
    accept(ui.seed);
    store.patch({ seed, weights: [] });
  });

  return { fillWeightPick, showWeightValue, showControls };
}
