// @ts-check
// The parts every experiment section has, found by its name's convention
// (data-role=<name>-intro/-progress/-result, #img-exp-<name>-run and -chart), with its
// accuracy chart (0..1).
import { LineChart } from '../../sequence/line-chart.mjs';

/**
 * @param {HTMLElement} root
 * @param {string} name  e.g. 'kfold'
 */
export function sectionParts(root, name) {
  const $ = (/** @type {string} */ s) => /** @type {HTMLElement} */ (root.querySelector(s));
  const ui = {
    intro: $(`[data-role=${name}-intro]`),
    run: /** @type {HTMLButtonElement} */ ($(`#img-exp-${name}-run`)),
    progress: $(`[data-role=${name}-progress]`),
    chartBox: $(`#img-exp-${name}-chart`),
    result: $(`[data-role=${name}-result]`),
  };
  const chart = new LineChart(ui.chartBox, { height: 190, yRange: [0, 1] });
  return { $, ui, chart };
}
