// The surfaces lab: optimizers' paths on 2-D loss surfaces and the batch-size comparison, each
// section asking the engine's `surface` op: the paths in the lab's own session, the batch
// comparison in one of its own (nothing here builds a network).
import strings from './strings.mjs';
import { PATHS_MARKUP, mountPaths } from './paths-section.mjs';
import { BATCH_MARKUP, mountBatch } from './batch-section.mjs';
import { fillText } from '../../kit/lab-dom.mjs';
import { Disposer } from '../../kit/lab-kit.mjs';

function mount(el, ctx) {
  const t = (key, params) => fillText(ctx.t(key, params), params);
  el.innerHTML = `<div class="surf-lab">${PATHS_MARKUP}${BATCH_MARKUP}</div>`;
  ctx.apply(el);
  const paths = mountPaths(el, { t, session: ctx.session, store: ctx.store });
  const batch = mountBatch(el, { t, relay: ctx.relay, store: ctx.store });
  const disposer = new Disposer().add(() => paths.unmount()).add(() => batch.unmount());
  disposer.add(
    ctx.onLangChange?.(() => {
      ctx.apply(el);
      paths.render();
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

export default { id: 'surfaces', strings, mount };
