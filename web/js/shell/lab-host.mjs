// Mounts the lab named by the store's `lab` into <section id="lab">: loads it through its
// registry declaration (load() -> default export {mount(el, ctx) -> {unmount()}}) and gives it
// a context whose store is the lab's own view (its field names, unprefixed) and whose session
// is its own engine session (named after the lab; closed on unmount). A lab that is
// missing or fails to load shows a placeholder message (console.warn, never an error).
import { LAB } from '../labs/registry.mjs';

export class LabHost {
  /** el: the lab section; ctx: {store, relay, active (ActiveSession), t, onLangChange, register,
   *  apply, reportHints (the lab's figures for its hints)};
   *  onMounted(id): called after each mount (test hooks, hide flags). */
  constructor(el, ctx, { onMounted = () => {} } = {}) {
    this.el = el;
    this.ctx = ctx;
    this.onMounted = onMounted;
    this.current = null; // {id, handle}
    this.token = 0;
  }

  /** Unmounts the current lab and mounts `id`. */
  async mount(id) {
    this.token += 1;
    const token = this.token;
    this.unmount();
    document.body.dataset.lab = id;
    let lab;
    try {
      if (!Object.hasOwn(LAB, id)) throw new Error('no such lab in the registry');
      lab = (await LAB[id].load()).default;
      if (!lab || typeof lab.mount !== 'function') throw new Error('the module has no default {mount}');
    } catch (error) {
      if (token !== this.token) return;
      console.warn(`nnplay: the ${id} lab could not be loaded (${error.message})`);
      this.placeholder();
      this.onMounted(id);
      return;
    }
    if (token !== this.token) return;
    this.el.replaceChildren();
    this.el.dataset.lab = id;
    try {
      const session = this.ctx.relay.session(id);
      this.ctx.active.use(id);
      const handle = await lab.mount(this.el, { ...this.ctx, store: this.ctx.store.scope(id), session });
      if (token !== this.token) {
        handle?.unmount?.();
        return;
      }
      this.current = { id, handle, session };
    } catch (error) {
      console.warn(`nnplay: the ${id} lab failed to start`, error);
      this.placeholder();
    }
    this.ctx.apply(this.el);
    this.onMounted(id);
  }

  unmount() {
    const current = this.current;
    this.current = null;
    if (!current) return;
    try {
      current.handle?.unmount?.();
    } catch (error) {
      console.warn(`nnplay: the ${current.id} lab failed to unmount`, error);
    }
    current.session?.close();
  }

  placeholder() {
    const p = document.createElement('p');
    p.className = 'placeholder';
    p.dataset.i18n = 'status.placeholder';
    p.textContent = this.ctx.t('status.placeholder');
    this.el.replaceChildren(p);
  }
}
