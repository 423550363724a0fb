// Screen 4: place the card; the read's live progress, its failure (re-enter the key, or read again), and its end,
// which opens the identity screen (or, for a form's second card, the form again).

import { api } from '../api.js';
import { errorText } from '../errors.js';
import { t, has } from '../i18n.js';
import { state, update, subscribe } from '../state.js';
import { $, show, open, opener, announce, alertMessage } from '../ui.js';
import { fail, finish, wipeUi } from '../session.js';

function title() {
  return t(state.keyMode === 'second' ? 'cardTitleSecond' : 'cardTitle');
}

function openCard() {
  update({ files: {} });
  $('read-progress').value = 0;
  $('read-file').textContent = '';
  $('card-error').hidden = true;
  $('card-title').textContent = title();
  $('card-status').textContent = t('cardWaiting');
  show('card');
  announce(title());
}

/** A card was put on a reader (event card-inserted). */
export function onCardInserted() {
  if (state.screen === 'attract') {
    const n = $('cleared-notice');
    n.textContent = t('cardInsertedEarly');
    n.hidden = false;
  } else if (state.screen === 'card') {
    $('card-status').textContent = t('cardReading');
  }
}

/** Event read-progress: { file, done, total }. */
export function onProgress(p) {
  if (state.screen !== 'card') return;
  $('card-error').hidden = true;
  const first = !state.files[p.file];
  update({ files: { ...state.files, [p.file]: p } });
  const files = Object.values(state.files);
  let done = 0;
  let total = 0;
  for (const f of files) {
    if (f.total > 0) {
      done += Math.min(f.done, f.total);
      total += f.total;
    }
  }
  // the files still to come count as unknown: show steps rather than a false 100 %
  const steps = Math.max(files.length, 5);
  const pct = total > 0 ? Math.round((done / total) * (files.length / steps) * 100) : 0;
  $('read-progress').value = Math.min(99, pct);
  const name = has('files.' + p.file) ? t('files.' + p.file) : p.file;
  const label = t('cardReadingFile', { file: name + (p.total > 0 ? ' ' + Math.round(100 * p.done / p.total) + '%' : '') });
  $('read-file').textContent = label;
  $('card-status').textContent = t('cardReading');
  if (first) {
    announce(t('cardReadingFile', { file: name }));
  }
}

/** Event read-complete: { card } (its index). */
export async function onReadComplete(d) {
  const n = d && typeof d.card === 'number' ? d.card + 1 : state.cardsSeen + 1;
  if (n <= state.cardsSeen) return; // already shown (the event and the state both announce it)
  update({ cardsSeen: n });
  $('read-progress').value = 100;
  $('card-status').textContent = t('cardDone');
  announce(t('cardDone'));
  if (state.keyMode === 'second') {
    update({ keyMode: 'first', roles: null });
    await open('form', state.formId);
    return;
  }
  await open('identity');
}

/** Event read-failed: { code, message }. */
export function onReadFailed(f) {
  if (state.screen !== 'card') return;
  const text = errorText(f);
  $('card-error-text').textContent = text;
  $('card-error').hidden = false;
  $('card-retry').hidden = f.code === 'ACCESS_DENIED' || f.code === 'CARD_REMOVED';
  $('card-rekey').classList.toggle('primary', f.code === 'ACCESS_DENIED');
  $('card-rekey').classList.toggle('secondary', f.code !== 'ACCESS_DENIED');
  $('read-progress').value = 0;
  $('read-file').textContent = '';
  update({ files: {} });
  alertMessage(text);
}

/** The state the server sends on every change and on (re)connection: catches up with events missed meanwhile. */
export function onSessionState(d) {
  update({ session: d });
  if (!d.active) {
    if (state.active) wipeUi(null);
    return;
  }
  const n = (d.cards || []).length;
  if (state.screen === 'card' && d.phase === 'READY' && n > state.cardsSeen) {
    onReadComplete({ card: n - 1 });
  }
}

function wipe() {
  $('read-progress').value = 0;
  $('read-file').textContent = '';
  $('card-status').textContent = t('cardWaiting');
  $('card-error').hidden = true;
}

export function setUp() {
  opener('card', openCard);
  $('card-cancel').addEventListener('click', () => (state.keyMode === 'second' ? open('form', state.formId) : finish()));
  $('card-rekey').addEventListener('click', () => open('key', state.keyMode));
  $('card-retry').addEventListener('click', async () => {
    $('card-error').hidden = true;
    alertMessage(null);
    try { await api.post('/api/session/retry'); } catch (e) { fail(e); }
  });
  subscribe((keys) => {
    if (keys.includes('wiped')) wipe();
    if (keys.includes('lang') && state.screen === 'card') $('card-title').textContent = title();
  });
}
