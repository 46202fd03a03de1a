// @ts-check
// The table of `hide` groups for docs/embedding.md, made from the registry so the docs cannot
// drift from the page: each group, the labs that show it and what it hides. A Node test checks
// that the docs hold exactly this table; `node scripts/embedding-groups.mjs` prints it.
import shellStrings from '../i18n/shell-strings.mjs';
import { LABS } from '../labs/registry.mjs';
import { GROUPS, FIELD, fullKey } from '../state/schema.mjs';
import { SHELL_GROUP_HIDES } from '../state/kit-fields.mjs';

/** @typedef {{group: string, labs: string[], hides: string}} GroupRow */

/** English label of a control (field.<name>), or its name. @param {string} name */
const label = (name) => /** @type {Record<string, string>} */ (shellStrings.en)[`field.${name}`] ?? name;

/**
 * One row per group, in GROUPS order.
 * @returns {GroupRow[]}
 */
export function groupRows() {
  return GROUPS.map((group) => {
    if (Object.hasOwn(SHELL_GROUP_HIDES, group)) {
      return {
        group,
        labs: ['all'],
        hides: /** @type {Record<string, string>} */ (SHELL_GROUP_HIDES)[group],
      };
    }
    const labs = [];
    const controls = new Set();
    const own = new Set();
    for (const lab of LABS) {
      const panel = lab.panels.find(([name]) => name === group);
      if (!panel && !lab.groups[group]) continue;
      labs.push(lab.id);
      for (const name of panel?.[1] ?? []) if (FIELD[fullKey(name, lab.id) ?? '']) controls.add(label(name));
      if (lab.groups[group]) own.add(lab.groups[group].hides);
    }
    const parts = controls.size ? [`controls: ${[...controls].join(', ').toLowerCase()}`, ...own] : [...own];
    return { group, labs, hides: parts.join('; ') };
  });
}

/** The Markdown table of groupRows(). */
export function groupTableMarkdown() {
  const lines = ['| group | labs | what it hides |', '|---|---|---|'];
  for (const row of groupRows()) {
    lines.push(`| \`${row.group}\` | ${row.labs.join(', ')} | ${row.hides} |`);
  }
  return lines.join('\n');
}
