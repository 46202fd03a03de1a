// The MLP lab's data tools: the class (or value) a click on the heat map adds, "clear points",
// and CSV paste/upload. The learner's own points ("your points", dataset 'custom') are kept
// apart in the store (store.own): every success replaces them and shows them (dataset
// 'custom'); a bad CSV lists its errors per row and changes nothing. A click never destroys
// them: it adds to them (switching to them) when they exist, and otherwise starts them from
// the points shown.
import { formatCsvError, parsePointsCsv, pointsToCsv } from '../../data/csv.mjs';
import { classColours, divergingColour } from '../../views/heatmap-view.mjs';

const MAX_CLASSES = 8;
const VALUES = [-1, -0.5, 0, 0.5, 1];
const MAX_POINTS = 2000;

export class DataTools {
  /**
   * ui: layout elements; store: the state store; t: i18n; currentPoints(): the points shown now
   * ([[x1, x2, label]]: store points for custom data, else the configured train + test points);
   * task(): {task: 'classification'|'regression', classes}.
   */
  constructor(ui, { store, t, currentPoints, task }) {
    this.ui = ui;
    this.store = store;
    this.t = t;
    this.currentPoints = currentPoints;
    this.task = task;
    this.optionsKey = '';
    ui.clearPoints.addEventListener('click', () => this.usePoints([]));
    ui.csvApply.addEventListener('click', () => this.applyCsv(ui.csvInput.value));
    ui.csvFile.addEventListener('change', () => this.readFile());
    ui.pointClass.addEventListener('change', () => this.paintSelect());
    ui.csvCurrent.addEventListener('click', () => { ui.csvInput.value = pointsToCsv(this.currentPoints()); });
    this.refresh();
  }

  /** Rebuilds #point-class when the task or class count changed (or force: new language). */
  refresh(force = false) {
    const { task, classes } = this.task();
    const regression = task === 'regression';
    const count = Math.min(MAX_CLASSES, Math.max(2, classes + (classes < MAX_CLASSES ? 1 : 0)));
    const key = regression ? 'values' : `classes:${classes}`;
    if (key === this.optionsKey && !force) return;
    this.optionsKey = key;
    const select = this.ui.pointClass;
    const previous = select.value;
    select.innerHTML = '';
    if (regression) {
      for (const v of VALUES) select.add(new Option(this.t('mlp.value', { n: v }).replace('{n}', v), String(v)));
      select.value = previous !== '' && VALUES.includes(Number(previous)) ? previous : '1';
    } else {
      // The current classes keep their heat-map colours; a new class takes its Tableau colour.
      const current = classColours(classes);
      const colours = Array.from({ length: count }, (_, c) => current[c] ?? classColours(MAX_CLASSES)[c]);
      this.colours = colours;
      for (let c = 0; c < count; c += 1) {
        const option = new Option(`● ${this.t('mlp.class', { n: c }).replace('{n}', c)}`, String(c));
        option.style.color = `rgb(${colours[c].join(',')})`;
        select.add(option);
      }
      select.value = previous !== '' && Number(previous) < count ? previous : '0';
    }
    this.paintSelect();
  }

  paintSelect() {
    const v = Number(this.ui.pointClass.value);
    const regression = this.optionsKey === 'values';
    const colour = regression ? divergingColour(v) : this.colours?.[v];
    this.ui.pointClass.style.borderLeft = `6px solid rgb(${(colour ?? [128, 128, 128]).join(',')})`;
  }

  /** A click on the heat map at (x1, x2): one point more in the learner's own points (the
   *  points shown start them when there are none yet). */
  addPoint(x1, x2) {
    const points = (this.store.own('points') ?? this.currentPoints()).slice(-(MAX_POINTS - 1));
    const label = Number(this.ui.pointClass.value);
    points.push([Math.round(x1 * 100) / 100, Math.round(x2 * 100) / 100, Number.isFinite(label) ? label : 0]);
    this.usePoints(points);
  }

  /** Makes `points` the learner's own points and shows them. */
  usePoints(points) {
    if (this.store.setOwn('points', points).ok) this.store.patch({ dataset: 'custom', points });
  }

  /** Parses CSV text as the current task's kind; on success replaces the data. */
  applyCsv(text) {
    const kind = this.task().task === 'regression' ? 'values' : 'classes';
    const { points, errors } = parsePointsCsv(text, { kind });
    const { csvErrors, csvStatus } = this.ui;
    csvErrors.innerHTML = '';
    if (errors.length > 0) {
      const template = (code) => this.t(`csv.${code}`);
      for (const error of errors.slice(0, 50)) {
        const item = document.createElement('li');
        item.textContent = formatCsvError(error, template);
        csvErrors.append(item);
      }
      if (errors.length > 50) csvErrors.append(Object.assign(document.createElement('li'), { textContent: '…' }));
      csvErrors.hidden = false;
      csvStatus.textContent = '';
      return false;
    }
    csvErrors.hidden = true;
    csvStatus.textContent = this.t('mlp.csvApplied', { n: points.length }).replace('{n}', points.length);
    this.usePoints(points);
    return true;
  }

  async readFile() {
    const file = this.ui.csvFile.files?.[0];
    if (!file) return;
    const text = await file.text();
    this.ui.csvInput.value = text;
    this.applyCsv(text);
    this.ui.csvFile.value = '';
  }
}
