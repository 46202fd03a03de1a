// The playground's entry: builds the store (state ⇄ URL hash ⇄ localStorage), the language,
// the shell (header, tabs, toolbar, control panels, banners, embed dialog, host API), starts
// the engine worker through the trainer (a clear message in #error when it fails within 5 s),
// mounts the active lab, and exposes window.nnplay test hooks.
import * as i18n from './i18n/i18n.mjs';
import shellStrings from './i18n/shell-strings.mjs';
import stateStrings from './i18n/state-strings.mjs';
import { LABS, registryStrings } from './labs/registry.mjs';
import { Store } from './state/store.mjs';
import { Trainer } from './shell/trainer.mjs';
import { Header } from './shell/header.mjs';
import { Toolbar } from './shell/toolbar.mjs';
import { ControlPanels } from './shell/controls.mjs';
import { DivergedBanner, ErrorBanner } from './shell/banners.mjs';
import { StorageBanner } from './shell/storage-banner.mjs';
import { LabHost } from './shell/lab-host.mjs';
import { HideFlags } from './embed/flags.mjs';
import { EmbedDialog } from './embed/dialog.mjs';
import { HostApi } from './embed/host-api.mjs';

const MAX_EVENTS = 200;

/** The trainer event as kept in window.nnplay.events (no big arrays). */
function eventRecord(type, e) {
  switch (type) {
    case 'progress': return { type, epoch: e.epoch, iterations: e.iterations, logs: e.logs,
      epochLogs: e.epochLogs, finished: e.finished, earlyStopping: e.earlyStopping };
    case 'snapshot': return { type, hasGrid: Boolean(e.grid), hasProbes: Boolean(e.probes) };
    case 'configured': return { type, samples: e.samples, validationSamples: e.validationSamples,
      hasGrid: e.hasGrid, hasPoints: Boolean(e.points) };
    default: return { type, ...e };
  }
}

async function boot() {
  const hooks = { ready: false, store: null, trainer: null, lab: null, events: [], errors: [],
    firstGridAt: null, gridDraws: 0, thumbDraws: 0 };
  window.nnplay = hooks;
  i18n.register(shellStrings);
  i18n.register(stateStrings);
  i18n.register(registryStrings());
  for (const lab of LABS) {  // every lab's stylesheet up front: a tab switch never restyles late
    const link = document.createElement('link');
    Object.assign(link, { rel: 'stylesheet', href: lab.stylesheet });
    link.dataset.lab = lab.id;
    document.head.append(link);
  }
  const store = new Store();
  hooks.store = store;
  window.addEventListener('pagehide', () => store.flush());
  i18n.setLang(store.get('lang'));

  const trainer = new Trainer();
  hooks.trainer = trainer;
  for (const type of ['configured', 'progress', 'snapshot', 'paused', 'diverged', 'running', 'error']) {
    trainer.on(type, (e) => {
      hooks.events.push(eventRecord(type, e));
      if (hooks.events.length > MAX_EVENTS) hooks.events.splice(0, hooks.events.length - MAX_EVENTS);
    });
  }

  const ctx = { store, trainer, t: i18n.t, onLangChange: i18n.onLangChange,
    register: i18n.register, apply: i18n.apply };
  const errors = new ErrorBanner(document, { errors: hooks.errors });
  trainer.on('error', (e) => errors.show(e));
  new DivergedBanner(document, ctx);
  new StorageBanner(document, ctx);
  new Header(document, { store, t: i18n.t, lang: i18n.lang, onLangChange: i18n.onLangChange });
  new Toolbar(document, ctx);
  new ControlPanels(document.getElementById('control-panels'), { store, apply: i18n.apply, t: i18n.t });
  const hide = new HideFlags(document);
  hide.apply(store.flags.hide);
  const dialog = new EmbedDialog(document.getElementById('embed-dialog'), ctx);
  document.getElementById('embed').addEventListener('click', () => dialog.open());
  const toggle = document.getElementById('controls-toggle');
  toggle.addEventListener('click', () => {
    const open = document.getElementById('controls').classList.toggle('open');
    toggle.setAttribute('aria-expanded', String(open));
  });
  const host = new HostApi(window, { store, trainer });
  i18n.apply(document);

  const labs = new LabHost(document.getElementById('lab'), ctx, {
    onMounted: (id) => {
      hooks.lab = id;
      hide.refresh();
    },
  });
  store.subscribe((keys) => {
    if (keys.has('lang')) i18n.setLang(store.get('lang'));
    if (keys.has('flag:hide')) hide.apply(store.flags.hide);
    if (keys.has('lab') && hooks.ready) labs.mount(store.get('lab'));
  });

  try {
    await trainer.start();
  } catch (error) {
    errors.show(i18n.t('error.engine', { message: error.message }));
    document.getElementById('lab').replaceChildren();
    return;
  }
  await labs.mount(store.get('lab'));
  hooks.ready = true;
  host.ready();
}

boot().catch((error) => {
  console.warn('nnplay: the page failed to start', error);
  const banner = document.getElementById('error');
  if (banner) {
    document.getElementById('error-text').textContent = String(error?.message ?? error);
    banner.hidden = false;
    window.nnplay?.errors?.push(String(error?.message ?? error));
  }
});
