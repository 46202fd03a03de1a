// @ts-check
// Where an engine error belongs in what the learner sees: the engine names the field by a JSON
// pointer into its request (`/spec/model/layers/2/units`); without the request's prefix that
// is a pointer into the learner's document or file, which gives the layer row, the diagram box
// and the line of their text.
import { locatePointer } from './json-locate.mjs';

/**
 * @param {{path: string}} error the engine's error
 * @param {any} doc the document the error is about (for the layer's name), or null
 * @param {string} text the learner's text of it (for the line), or ''
 * @param {string} prefix the request field holding it: '/spec', '/keras' or '/file'
 * @returns {{pointer: string, layerIndex: number, layerName: string | null, line: number | null,
 *   offset: number | null, length: number, where: string}}
 */
export function errorPlace(error, doc, text, prefix) {
  const path = String(error?.path ?? '');
  const pointer = path === prefix || path.startsWith(`${prefix}/`) ? path.slice(prefix.length) : path;
  const layer = /^\/model\/layers\/(\d+)/.exec(pointer);
  const layerIndex = layer ? Number(layer[1]) : -1;
  const layerName = layerIndex >= 0 ? (doc?.model?.layers?.[layerIndex]?.name ?? null) : null;
  const spot = text && pointer ? locatePointer(text, pointer) : null;
  const line = spot ? spot.line : null;
  const offset = spot ? spot.offset : null;
  const length = spot ? spot.length : 0;
  const where = [layerName ? `${layerName}` : '', line ? `line ${line}` : '', pointer || '']
    .filter(Boolean)
    .join(', ');
  return { pointer, layerIndex, layerName, line, offset, length, where };
}
