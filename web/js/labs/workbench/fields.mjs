// @ts-check
// The workbench's own state: the preset the "Start from" menu shows and the editor tab open.
// The model itself is not a state field (it is a whole document with weights): the lab keeps
// it in storage of its own (model-keeper.mjs), so a link carries only these two.
import { field } from '../../state/field.mjs';
import { FIRST_PRESET, WORKBENCH_PRESETS } from './presets.mjs';

export const WORKBENCH_FIELDS = Object.freeze([
  field('wbPreset', 'enum', FIRST_PRESET, { options: Object.keys(WORKBENCH_PRESETS), keepsModel: true }),
  field('wbTab', 'enum', 'layers', { options: ['layers', 'json', 'python'], keepsModel: true }),
]);
