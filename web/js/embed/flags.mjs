// The `hide` URL flag (#...&hide=header,data): every element with data-group="<group>" of a
// named group gets the `hidden` attribute, now and (through a generated style rule) when labs
// create such elements later. Groups are schema.mjs GROUPS; unknown names warn and are ignored.
import { GROUPS } from '../state/schema.mjs';

/** The valid group names of a hide list. */
export function validHide(list) {
  const valid = [];
  for (const name of list ?? []) {
    if (GROUPS.includes(name)) {
      if (!valid.includes(name)) valid.push(name);
    } else {
      console.warn(`nnplay: ignoring unknown hide group '${name}'`);
    }
  }
  return valid;
}

export class HideFlags {
  constructor(root = document) {
    this.root = root;
    this.hidden = [];
    this.style = root.createElement('style');
    this.style.id = 'nnplay-hide';
    root.head.append(this.style);
  }

  /** Hides exactly the groups in `list` (and shows the ones hidden before that are not in it). */
  apply(list) {
    const next = validHide(list);
    for (const group of this.hidden.filter((g) => !next.includes(g))) {
      for (const el of this.root.querySelectorAll(`[data-group="${group}"]`)) el.hidden = false;
    }
    this.hidden = next;
    this.refresh();
    this.style.textContent =
      next.map((g) => `[data-group="${g}"]`).join(',') + (next.length ? '{display:none !important}' : '');
    this.root.body.dataset.hide = next.join(' ');
  }

  /** Sets `hidden` on the elements of the hidden groups (call after new DOM appears). */
  refresh() {
    for (const group of this.hidden) {
      for (const el of this.root.querySelectorAll(`[data-group="${group}"]`)) el.hidden = true;
    }
  }
}
