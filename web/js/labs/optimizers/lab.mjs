// The optimizers lab: the race and the batch-size comparison, each with sessions of its own
// (Lockstep); the lab's own session only builds the race's network (its parameter count).
import strings from './strings.mjs';
import { RACE_MARKUP, mountRace } from './race-section.mjs';
import { BATCH_MARKUP, mountBatch } from './batch-section.mjs';
import { fillText } from '../../kit/lab-dom.mjs';
import { Disposer } from '../../kit/lab-kit.mjs';

function mount(el, ctx) {
  const t = (key, params) => fillText(ctx.t(key, params), params);
  el.innerHTML = `<div class="opt-lab">${RACE_MARKUP}${BATCH_MARKUP}</div>`;
  ctx.apply(el);
  const race = mountRace(el, { t, relay: ctx.relay, session: ctx.session, store: ctx.store });
  const batch = mountBatch(el, { t, relay: ctx.relay, store: ctx.store });
  const disposer = new Disposer().add(() => race.unmount()).add(() => batch.unmount());
  disposer.add(
    ctx.onLangChange?.(() => {
      ctx.apply(el);
      race.render();
      batch.render();
    }),
  );
  return {
    unmount() {
      disposer.dispose();
      el.innerHTML = '';
    },
  };
}

export default { id: 'optimizers', strings, mount };
