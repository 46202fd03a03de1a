// The MLP lab's data tools: the class (or value) a click on the heat map adds, "clear points",
// and CSV paste/upload. The learner's own points ("your points", dataset 'custom') are kept
// apart in the store (store.own): every success replaces them and shows them (dataset
// 'custom'); a bad CSV lists its errors per row and changes nothing. A click never destroys
// them: it adds to them (switching to them) when they exist, and otherwise starts them from
// the points shown. CSV is read in a worker (csv-reader.mjs), so a huge or binary file or
// paste is refused without freezing the page.
import { formatCsvError, pointsToCsv, sizeError } from '../../data/csv.mjs';
import { readPointsCsv } from '../../data/csv-reader.mjs';
import { classColours, divergingColour } from '../../views/heatmap-view.mjs';

const MAX_CLASSES = 8;
const VALUES = [-1, -0.5, 0, 0.5, 1];
const MAX_POINTS = 2000;
// Pastes at least this long are put into the CSV box by setRangeText instead of the browser's
// editing command, which blocked the page for 0.19 s on 100 KB and 0.85 s on 1 MB (undo history,
// text node splitting); setRangeText takes a few ms. Shorter pastes keep the browser's undo.
const LARGE_PASTE = 10000;

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
    this.csvReads = 0; // reads started; only the latest one's answer is shown
    ui.clearPoints.addEventListener('click', () => this.usePoints([]));
    ui.csvApply.addEventListener('click', () => this.applyCsv(ui.csvInput.value));
    ui.csvInput.addEventListener('paste', (event) => this.paste(event));
    ui.csvFile.addEventListener('change', () => this.readFile());
    ui.pointClass.addEventListener('change', () => this.paintSelect());
    ui.csvCurrent.addEventListener('click', () => {
      ui.csvInput.value = pointsToCsv(this.currentPoints());
    });
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
      for (const v of VALUES)
        select.add(new Option(this.t('mlp.value', { n: v }).replace('{n}', v), String(v)));
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
    const wasCustom = this.store.get('dataset') === 'custom';
    this.usePoints(points);
    if (!wasCustom) this.sayAdded();
  }

  /** A click turned a dataset into the learner's own points: says so for a few seconds. */
  sayAdded() {
    const note = this.ui.pointsAdded;
    if (!note) return;
    note.hidden = false;
    clearTimeout(this.addedTimer);
    this.addedTimer = setTimeout(() => {
      note.hidden = true;
    }, 8000);
  }

  /** Makes `points` the learner's own points and shows them. */
  usePoints(points) {
    if (this.store.setOwn('points', points).ok) this.store.patch({ dataset: 'custom', points });
  }

  /** Reads CSV text (a paste) or a File as the current task's kind; on success replaces the
   *  data, else lists the errors and keeps the data. Resolves to {ok, text} (text: a file's text
   *  for the CSV box, or null); a read overtaken by a later one resolves to {ok: false, text: null}
   *  and shows nothing. #csv-status carries data-state="reading" until the answer is shown. */
  async loadCsv(source) {
    const kind = this.task().task === 'regression' ? 'values' : 'classes';
    const read = this.startRead();
    this.ui.csvStatus.textContent = this.t('mlp.csvReading');
    const { points, errors, text } = await readPointsCsv(source, { kind });
    if (read !== this.csvReads) return { ok: false, text: null };
    return { ok: this.showCsv(points, errors), text };
  }

  /** A new read: earlier reads still running are ignored when they answer. */
  startRead() {
    this.csvReads += 1;
    this.ui.csvStatus.dataset.state = 'reading';
    return this.csvReads;
  }

  /** Shows a read's answer: its errors (the data stays), or the points as the new data. */
  showCsv(points, errors) {
    const { csvErrors, csvStatus } = this.ui;
    csvStatus.dataset.state = 'done';
    csvErrors.innerHTML = '';
    if (errors.length > 0) {
      const template = (code) => this.t(`csv.${code}`);
      for (const error of errors.slice(0, 50)) {
        const item = document.createElement('li');
        item.textContent = formatCsvError(error, template);
        csvErrors.append(item);
      }
      if (errors.length > 50)
        csvErrors.append(Object.assign(document.createElement('li'), { textContent: '…' }));
      csvErrors.hidden = false;
      csvStatus.textContent = '';
      return false;
    }
    csvErrors.hidden = true;
    csvStatus.textContent = this.t('mlp.csvApplied', { n: points.length }).replace('{n}', points.length);
    this.usePoints(points);
    return true;
  }

  /** The text in the CSV box as data; resolves to true when it was used. */
  async applyCsv(text) {
    return (await this.loadCsv(text)).ok;
  }

  /** The picked file as data; its text goes into the CSV box when it is text of a sensible size. */
  async readFile() {
    const file = this.ui.csvFile.files?.[0];
    if (!file) return;
    this.ui.csvFile.value = '';
    const { text } = await this.loadCsv(file);
    if (text !== null) this.ui.csvInput.value = text;
  }

  /** A paste into the CSV box: one over the byte limit is refused at once (the box keeps its
   *  text), a large one is inserted cheaply, a small one is left to the browser. */
  paste(event) {
    const text = event.clipboardData?.getData('text/plain') ?? '';
    if (text.length < LARGE_PASTE) return;
    event.preventDefault();
    const tooBig = sizeError(text.length);
    if (tooBig) {
      this.startRead();
      this.showCsv([], [tooBig]);
      return;
    }
    const box = this.ui.csvInput;
    box.setRangeText(text, box.selectionStart, box.selectionEnd, 'end');
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }
}
