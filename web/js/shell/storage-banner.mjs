// The storage banner (#storage-full, role=status): when the browser refuses to save (a full
// quota), the page says so without blocking anything: the latest changes are kept in this tab
// only; free space, or copy the link / export the points. It hides again once a save succeeds.

export class StorageBanner {
  /** root: the document; store: the Store (its saveFailed and 'storage' notifications); t and
   *  onLangChange: i18n's. */
  constructor(root, { store, t, onLangChange }) {
    this.store = store;
    this.t = t;
    this.dismissed = false;
    this.el = root.createElement('div');
    this.el.id = 'storage-full';
    this.el.className = 'banner diverged-banner storage-banner';
    this.el.setAttribute('role', 'status');
    this.el.hidden = true;
    this.text = root.createElement('span');
    this.button = root.createElement('button');
    this.button.type = 'button';
    this.button.className = 'ghost';
    this.button.addEventListener('click', () => {
      this.dismissed = true;
      this.el.hidden = true;
    });
    this.el.append(this.text, ' ', this.button);
    const anchor = root.getElementById('error');
    if (anchor) anchor.after(this.el);
    else root.body.prepend(this.el);
    this.render();
    onLangChange?.(() => this.render());
    store.subscribe((keys) => {
      if (!keys.has('storage')) return;
      if (!store.saveFailed) this.dismissed = false;
      this.el.hidden = !store.saveFailed || this.dismissed;
    });
  }

  render() {
    this.text.textContent = this.t('storage.full');
    this.button.textContent = this.t('storage.dismiss');
  }
}
