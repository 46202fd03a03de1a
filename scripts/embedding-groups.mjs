// Prints the `hide` group table of docs/embedding.md, made from the lab registry
// (web/js/embed/group-table.mjs). Paste it over the table in the docs when labs change; a Node
// test (tests/web/registry.test.mjs) fails while the two differ.
import { groupTableMarkdown } from '../web/js/embed/group-table.mjs';

console.log(groupTableMarkdown());
