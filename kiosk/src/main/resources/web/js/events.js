// The server's event stream (GET /api/events): readers, card insertions, read progress, session changes.
//
// The stream is reopened whenever it closes for good (an answer other than 200, e.g. a kiosk restarting behind a
// proxy): 1 s, 2 s, 4 s ... up to 30 s between tries, back to 1 s once it is open. The browser's own retry covers a
// stream that simply ended. On every (re)connection the server first sends the readers and the session state,
// which re-syncs the screen with what happened meanwhile.

import { t } from './i18n.js';
import { $ } from './ui.js';

let backoffMs = 1000;

/** The reader status in the top bar. */
export function showReaders(readers) {
  const s = $('reader-status');
  if (!readers.length) {
    s.textContent = t('noReader');
    return;
  }
  s.textContent = t('readers', { n: readers.length }) + (readers.some((r) => r.cardPresent) ? ' · ' + t('readerCard') : '');
}

/** @param handlers event name -> fn(data), for the events the page follows */
export function connectEvents(handlers) {
  const es = new EventSource('/api/events');
  es.addEventListener('open', () => { backoffMs = 1000; });
  for (const [name, fn] of Object.entries(handlers)) {
    es.addEventListener(name, (ev) => {
      let data = null;
      try { data = JSON.parse(ev.data); } catch (e) { return; }
      fn(data);
    });
  }
  es.addEventListener('error', () => {
    $('reader-status').textContent = t('reconnecting');
    if (es.readyState === EventSource.CLOSED) {
      const wait = backoffMs;
      backoffMs = Math.min(30000, backoffMs * 2);
      setTimeout(() => connectEvents(handlers), wait);
    }
  });
}
