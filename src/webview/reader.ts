// The Khabar Reader's webview: a right-to-left article page with the editor's marks, a popover
// with each mark's explanation (on hover and on keyboard focus), a keyboard-first claim card and a
// review queue. Runs in the browser: no vscode, no Node. Every string from the article or the
// sidecar goes into the DOM as text (textContent / text nodes), never as HTML.
//
// This file wires the page and takes the host's messages; the parts live beside it:
//   state.ts      the shared state, post(), t(), h()        dom.ts        the page's fixed parts
//   render.ts     the article and its marks                  popover.ts    a mark's explanation
//   markActions.ts what each offered action does (pure)      navigation.ts focus and moving between marks
//   keys.ts       the keyboard                               queue.ts      the review queue
//   card.ts, cardFields.ts, combo.ts  the claim card
import type { HostMessage } from '../core/reader/protocol';
import { buildSkeleton, buildToolbar, setStatus } from './dom';
import { onKeydown } from './keys';
import { wireArticle } from './navigation';
import { wirePopover } from './popover';
import { applyRender, scrollToOffset } from './render';
import { api, post, st } from './state';

buildSkeleton();
wirePopover();
wireArticle();
document.addEventListener('keydown', onKeydown);

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const m = event.data;
  if (!m || typeof m !== 'object') return;
  switch (m.type) {
    case 'init':
      st.init = m;
      st.strings = m.strings;
      api.setState({ uri: m.uri });
      buildToolbar();
      break;
    case 'render':
      st.receivedAt = Date.now();
      applyRender(m);
      break;
    case 'cursor':
      scrollToOffset(m.offset);
      break;
    case 'status':
      setStatus(m.text, m.error);
      break;
  }
});

post({ type: 'ready' });
