// The playground's entry: builds the store (state ⇄ URL hash ⇄ localStorage), the language,
// the shell (header, tabs, toolbar, control panels, banners, embed dialog, host API), starts
// the engine worker through the relay (download progress in the lab area, a clear message in
// #error and to a host page when it fails), mounts the active lab, and exposes window.nnplay
// test hooks (relay, session: the active lab's session, events: its events).
import * as i18n from './i18n/i18n.mjs';
import shellStrings from './i18n/shell-strings.mjs';
import stateStrings from './i18n/state-strings.mjs';
import { LABS, registryStrings } from './labs/registry.mjs';
import { Store } from './state/store.mjs';
import { EngineRelay } from './shell/engine-relay.mjs';
import { WorkbenchHandoff } from './shell/workbench-handoff.mjs';
import { ActiveSession } from './shell/active-session.mjs';
import { Header } from './shell/header.mjs';
import { Toolbar } from './shell/toolbar.mjs';
import { ControlPanels } from './shell/controls.mjs';
import { DivergedBanner, ErrorBanner, LimitBanner } from './shell/banners.mjs';
import { StorageBanner } from './shell/storage-banner.mjs';
import { HintBanner } from './shell/hint-banner.mjs';
import { LabHost } from './shell/lab-host.mjs';
import { HideFlags } from './embed/flags.mjs';
import { EmbedDialog } from './embed/dialog.mjs';
import { HostApi } from './embed/host-api.mjs';

const MAX_EVENTS = 200;

/** An active-session event as kept in window.nnplay.events (no big arrays). */
function eventRecord(type, e) {
  switch (type) {
    case 'progress': {
      const a = e.answer;
      return {
        type,
        epoch: a.epoch,
        iterations: a.iterations,
        logs: a.logs,
        epoch_logs: a.epoch_logs,
        finished: a.finished,
        diverged: a.diverged,
        early_stopping: a.early_stopping,
      };
    }
    case 'snapshot':
      return { type, answers: e.answers.length, arrays: Object.keys(e.arrays) };
    case 'configured':
      return { type, answers: e.answers.length, arrays: Object.keys(e.arrays) };
    default:
      return { type, ...e };
  }
}

/** Shows the module download's progress in place of the lab's "Loading the engine…" text. */
function showLoading({ loaded, total }) {
  const text = document.querySelector('#lab [data-i18n="status.loading"]');
  if (!text) return;
  text.textContent =
    total > 0
      ? i18n.t('status.loadingPercent', { percent: Math.min(100, Math.floor((100 * loaded) / total)) })
      : i18n.t('status.loadingBytes', { kb: Math.round(loaded / 1024) });
}

async function boot() {
  const hooks = {
    ready: false,
    store: null,
    relay: null,
    session: null,
    lab: null,
    events: [],
    errors: [],
    firstGridAt: null,
    gridDraws: 0,
    thumbDraws: 0,
  };
  window.nnplay = hooks;
  i18n.register(shellStrings);
  i18n.register(stateStrings);
  i18n.register(registryStrings());
  for (const lab of LABS) {
    // every lab's stylesheet up front: a tab switch never restyles late
    const link = document.createElement('link');
    Object.assign(link, { rel: 'stylesheet', href: lab.stylesheet });
    link.dataset.lab = lab.id;
    document.head.append(link);
  }
  const store = new Store();
  hooks.store = store;
  window.addEventListener('pagehide', () => store.flush({ leaving: true }));
  i18n.setLang(store.get('lang'));

  const relay = new EngineRelay();
  const active = new ActiveSession(relay);
  hooks.relay = relay;
  hooks.session = active;
  for (const type of ['configured', 'progress', 'snapshot', 'paused', 'diverged', 'running', 'error']) {
    active.on(type, (e) => {
      hooks.events.push(eventRecord(type, e));
      if (hooks.events.length > MAX_EVENTS) hooks.events.splice(0, hooks.events.length - MAX_EVENTS);
    });
  }

  const ctx = {
    store,
    relay,
    active,
    t: i18n.t,
    onLangChange: i18n.onLangChange,
    register: i18n.register,
    apply: i18n.apply,
  };
  const errors = new ErrorBanner(document, { errors: hooks.errors });
  active.on('error', (e) => errors.show(e));
  relay.on('loading', showLoading);
  relay.on('restarted', () => errors.show(i18n.t('error.restarted')));
  relay.on('error', (e) => errors.show(e.fatal ? i18n.t('error.engine', { message: e.message }) : e));
  new DivergedBanner(document, ctx);
  new StorageBanner(document, ctx);
  const hints = new HintBanner(document, ctx);
  // A lab's figures for its hints (a stall's baseline, dead units, gradient norms).
  ctx.reportHints = (signals) => hints.report(signals);
  new Header(document, { store, t: i18n.t, lang: i18n.lang, onLangChange: i18n.onLangChange });
  const limit = new LimitBanner(document, ctx);
  new Toolbar(document, { ...ctx, offerContinue: () => limit.offer() });
  const panels = new ControlPanels(document.getElementById('control-panels'), {
    store,
    apply: i18n.apply,
    t: i18n.t,
  });
  const hide = new HideFlags(document);
  hide.apply(store.flags.hide);
  const dialog = new EmbedDialog(document.getElementById('embed-dialog'), ctx);
  new WorkbenchHandoff(document, ctx);
  document.getElementById('embed').addEventListener('click', () => dialog.open());
  const toggle = document.getElementById('controls-toggle');
  toggle.addEventListener('click', () => {
    const open = document.getElementById('controls').classList.toggle('open');
    toggle.setAttribute('aria-expanded', String(open));
  });
  const host = new HostApi(window, { store, session: active });
  i18n.apply(document);

  const labs = new LabHost(document.getElementById('lab'), ctx, {
    onMounted: (id) => {
      hooks.lab = id;
      panels.placeInto(document.getElementById('lab'));
      hide.refresh();
    },
  });
  store.subscribe((keys) => {
    if (keys.has('lang')) i18n.setLang(store.get('lang'));
    if (keys.has('flag:hide')) hide.apply(store.flags.hide);
    if (keys.has('lab') && hooks.ready) labs.mount(store.get('lab'));
  });

  try {
    await relay.start();
  } catch (error) {
    const message = i18n.t('error.engine', { message: error?.message ?? String(error) });
    errors.show(message);
    host.post('error', { path: '', message });
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
