// The lab registry drives the page: the `lab` field, presets per lab, the control panels, the
// hide groups, the interface strings and the embedding docs' group table all come from the
// labs' declarations, and no shell module names a lab.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { DEFAULT_LAB, LAB, LABS, LAB_IDS, registryStrings } from '../../web/js/labs/registry.mjs';
import { FIELD, FIELDS, GROUPS, fullKey } from '../../web/js/state/schema.mjs';
import { LAB_PRESETS, PRESETS, presetPatch } from '../../web/js/state/presets.mjs';
import { groupTableMarkdown } from '../../web/js/embed/group-table.mjs';
import shellStrings from '../../web/js/i18n/shell-strings.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

test('registry: every lab declares what the shell needs', () => {
  assert.deepEqual(
    LABS.map((lab) => lab.id),
    [...LAB_IDS],
  );
  assert.ok(LAB[DEFAULT_LAB]);
  for (const lab of LABS) {
    assert.ok(lab.title.en && lab.title.ko, `${lab.id} title`);
    assert.equal(typeof lab.load, 'function', `${lab.id} load`);
    assert.ok(fs.existsSync(fileURLToPath(lab.stylesheet)), `${lab.id} stylesheet`);
    assert.ok(Object.keys(lab.presets).length > 0, `${lab.id} has a preset`);
    for (const [group, text] of Object.entries(lab.groups)) {
      assert.ok(text.en && text.ko && text.hides, `${lab.id} group ${group}`);
    }
  }
});

test('registry: the lab field, fields and presets come from the declarations', () => {
  assert.deepEqual(FIELD.lab.options, [...LAB_IDS]);
  for (const lab of LABS) {
    const names = [...Object.keys(lab.kit), ...lab.fields.map((f) => f.name)];
    const keys = FIELDS.filter((f) => f.lab === lab.id).map((f) => f.name);
    assert.deepEqual(keys.sort(), names.sort(), `${lab.id}: its fields, namespaced`);
    assert.equal(LAB_PRESETS[lab.id], Object.keys(lab.presets)[0]);
    for (const name of Object.keys(lab.presets)) {
      assert.equal(PRESETS[name].lab, lab.id);
      const patch = presetPatch(name);
      assert.equal(patch.lab, lab.id);
      for (const key of Object.keys(patch)) {
        assert.ok(FIELD[key].lab === null || FIELD[key].lab === lab.id, `${name} sets only its lab: ${key}`);
      }
    }
  }
});

test('registry: panels name fields of their lab, and every group can be hidden', () => {
  for (const lab of LABS) {
    for (const [group, names] of lab.panels) {
      assert.ok(GROUPS.includes(group), `${lab.id}: group ${group}`);
      for (const name of names) assert.ok(fullKey(name, lab.id), `${lab.id} panel ${group}: ${name}`);
    }
    for (const group of Object.keys(lab.groups)) assert.ok(GROUPS.includes(group));
  }
});

test('registry: every tab, group and control has English and Korean text', () => {
  const strings = registryStrings();
  const en = { ...shellStrings.en, ...strings.en };
  const ko = { ...shellStrings.ko, ...strings.ko };
  for (const key of [...LAB_IDS.map((id) => `tab.${id}`), ...GROUPS.map((g) => `group.${g}`)]) {
    assert.ok(en[key] && ko[key], key);
  }
  for (const lab of LABS) {
    for (const [, names] of lab.panels) {
      for (const name of names) assert.ok(en[`field.${name}`] && ko[`field.${name}`], `field.${name}`);
    }
  }
});

test('registry: docs/embedding.md holds the group table made from the registry', () => {
  const docs = fs.readFileSync(path.join(root, 'docs', 'embedding.md'), 'utf8');
  assert.ok(
    docs.includes(groupTableMarkdown()),
    'docs/embedding.md: run `node scripts/embedding-groups.mjs --write`',
  );
});

test('registry: no shell module, stylesheet or the page names a lab', () => {
  const files = [
    'web/index.html',
    'web/js/app.mjs',
    ...['web/js/shell', 'web/js/state', 'web/js/embed', 'web/js/i18n', 'web/css'].flatMap((dir) =>
      fs.readdirSync(path.join(root, dir)).map((f) => `${dir}/${f}`),
    ),
  ];
  for (const file of files) {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    for (const id of LAB_IDS) {
      assert.ok(!new RegExp(`['"\`=]${id}['"\`\\]]`).test(text), `${file} names the ${id} lab`);
    }
  }
});
