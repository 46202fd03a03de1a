// The activations lab: every activation of the course with its derivative (explorer.mjs), and
// the vanishing-gradients experiment, a deep sigmoid/tanh tower against a ReLU tower trained
// live with per-layer gradient norms (vanishing.mjs). Training is driven by the shell toolbar.
import strings from './strings.mjs';
import { EXPLORER_MARKUP, mountExplorer } from './explorer.mjs';
import { VANISHING_MARKUP, mountVanishing } from './vanishing.mjs';

function mount(el, ctx) {
  el.innerHTML = `<div class="activations-lab">${EXPLORER_MARKUP}${VANISHING_MARKUP}</div>`;
  ctx.apply(el);
  const explorer = mountExplorer(el, ctx.t);
  const vanishing = mountVanishing(el, ctx);
  const offLang = ctx.onLangChange?.(() => {
    ctx.apply(el);
    explorer.render();
    vanishing.render();
  });
  return {
    unmount() {
      vanishing.unmount();
      if (typeof offLang === 'function') offLang();
      el.innerHTML = '';
    },
  };
}

export default { id: 'activations', strings, mount };
