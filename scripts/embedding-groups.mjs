// Prints the `hide` group table of docs/embedding.md, made from the lab registry
// (web/js/embed/group-table.mjs); with --write it replaces the table in the docs. A Node test
// (tests/web/registry.test.mjs) fails while the two differ.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { groupTableMarkdown } from '../web/js/embed/group-table.mjs';

const table = groupTableMarkdown();
if (!process.argv.includes('--write')) {
  console.log(table);
} else {
  const docs = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'embedding.md');
  const text = fs.readFileSync(docs, 'utf8');
  const start = text.indexOf('| group | labs | what it hides |');
  if (start < 0) throw new Error('docs/embedding.md: no group table header found');
  let end = text.indexOf('\n', start);
  while (end >= 0 && text[end + 1] === '|') end = text.indexOf('\n', end + 1);
  fs.writeFileSync(docs, text.slice(0, start) + table + (end < 0 ? '\n' : text.slice(end)));
  console.log('updated the group table in docs/embedding.md');
}
