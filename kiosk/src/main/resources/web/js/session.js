// The person's session as the page sees it: its end (wipe, finish), errors that end it, and the idle warning. The
// server holds the session; the page empties every screen when it ends (each screen module subscribes to 'wiped').

import { api, ApiError } from './api.js';
import { errorText } from './errors.js';
import { t, has } from './i18n.js';
import { state, update, wipe } from './state.js';
import { $, show, home, announce, alertMessage, locked } from './ui.js';
import * as hospital from './hospital.js';

let idleTimer = null;

/** Shows an error of the API (or of the page) in the alert; a session the server no longer has empties the page. */
export function fail(e) {
  if (locked(e)) return;
  if (e instanceof ApiError && e.code === 'NO_SESSION') {
    wipeUi(null);
  }
  alertMessage(errorText(e));
}

/** Empties every screen: nothing of the person stays in the page. */
export function wipeUi(reason) {
  wipe();
  hideIdle();
  alertMessage(null);
  // the queue number is not personal: it stays on the start screen a minute after the card is taken
  const queue = hospital.reset();
  const notice = $('cleared-notice');
  if (reason && has('cleared.' + reason)) {
    notice.textContent = t('cleared.' + reason) + (queue ? ' ' + queue : '');
    notice.hidden = false;
  } else {
    notice.hidden = true;
  }
  show(home());
  if (reason && has('cleared.' + reason)) {
    announce(t('cleared.' + reason));
  }
}

/** The person is done: the server forgets the session, the page empties. */
export async function finish() {
  try {
    await api.del('/api/session');
  } catch (e) {
    // wiped either way
  }
  wipeUi('done');
}

// ---------------------------------------------------------------------------------------------- idle

export function showIdle(seconds) {
  let left = seconds;
  const text = $('idle-text');
  const tick = () => {
    text.textContent = t('idleText', { s: left });
    left = Math.max(0, left - 1);
  };
  tick();
  clearInterval(idleTimer);
  idleTimer = setInterval(tick, 1000);
  $('idle').hidden = false;
  $('idle-continue').focus();
}

function hideIdle() {
  clearInterval(idleTimer);
  idleTimer = null;
  $('idle').hidden = true;
}

async function keepAlive() {
  update({ lastKeepAlive: Date.now() });
  try {
    await api.post('/api/session/keepalive');
  } catch (e) {
    if (e.code === 'NO_SESSION') wipeUi(null);
  }
}

function onActivity() {
  if (state.active && Date.now() - state.lastKeepAlive > 5000) {
    keepAlive();
  }
}

/** Activity keeps the session alive; the idle dialog's button too. */
export function setUp() {
  $('idle-continue').addEventListener('click', async () => { hideIdle(); await keepAlive(); });
  document.addEventListener('pointerdown', onActivity, { passive: true });
  document.addEventListener('keydown', onActivity);
}
