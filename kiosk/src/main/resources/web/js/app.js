// The kiosk flow: attract -> consent -> key -> place card (live progress) -> verified identity -> procedure ->
// pre-filled form -> review -> PDF / print / done. The server holds the session; this page keeps what it shows in
// memory only (no localStorage, no sessionStorage, no cookies) and empties every screen when the session ends.
//
// This module starts the page: it loads the configuration, sets up each screen's module (screens/*.js, each wires
// its own buttons and empties itself on a wipe), the modes (hospital.js, lodging.js), demo mode, and the events.
// The state lives in state.js, error texts in errors.js, other texts in i18n.js.

import { api } from './api.js';
import { isoToDmy } from './dates.js';
import { errorText } from './errors.js';
import { setLang, apply } from './i18n.js';
import { state, update, subscribe } from './state.js';
import { $, show, home, announce, alertMessage, locked, lodgingMode, isHospital } from './ui.js';
import * as session from './session.js';
import { connectEvents, showReaders } from './events.js';
import * as demo from './demo.js';
import * as hospital from './hospital.js';
import * as lodging from './lodging.js';
import * as consent from './screens/consent.js';
import * as key from './screens/key.js';
import * as card from './screens/card.js';
import * as identity from './screens/identity.js';
import * as form from './screens/form.js';
import * as documentScreen from './screens/document.js';

function switchLang(l) {
  setLang(l);
  $('lang-vi').setAttribute('aria-pressed', String(l === 'vi'));
  $('lang-en').setAttribute('aria-pressed', String(l === 'en'));
  // each screen draws its texts again (subscribers of 'lang'); the modes too
  update({ lang: l });
  hospital.relabel();
  if (lodgingMode()) lodging.relabel();
}

function textSize(step) {
  update({ scale: Math.min(1.5, Math.max(0.85, Math.round((state.scale + step) * 100) / 100)) });
  document.documentElement.style.setProperty('--scale', String(state.scale));
}

/** The modes' own screens follow the session too. */
function followModes() {
  subscribe((keys) => {
    if (keys.includes('wiped') && lodgingMode()) lodging.wipeStay();
    if (keys.includes('screen') && state.screen === 'lodging') lodging.onDesk();
  });
}

async function init() {
  apply(document);
  update({ config: await api.get('/api/config') });
  const config = state.config;
  $('station').textContent = config.station ? ' · ' + config.station : '';
  if (!config.languages.includes('en')) $('lang-en').hidden = true;
  if (!config.languages.includes('vi')) $('lang-vi').hidden = true;
  update({ forms: await api.get('/api/forms') });
  session.setUp();
  consent.setUp();
  key.setUp();
  card.setUp();
  identity.setUp();
  form.setUp();
  documentScreen.setUp();
  followModes();
  if (config.languages[0] !== 'vi') switchLang(config.languages[0]);
  const current = await api.get('/api/session/state');
  if (current.active) {
    // a reload in the middle of someone's session: start clean rather than show their data again
    await api.del('/api/session');
  }
  const health = await api.get('/api/health');
  showReaders(health.readers || []);

  $('lang-vi').addEventListener('click', () => switchLang('vi'));
  $('lang-en').addEventListener('click', () => switchLang('en'));
  $('text-smaller').addEventListener('click', () => textSize(-0.1));
  $('text-larger').addEventListener('click', () => textSize(0.1));
  document.addEventListener('contextmenu', (e) => { if (!e.target.matches('input, textarea')) e.preventDefault(); });
  if (isHospital()) {
    await hospital.setUp({ show, alertMessage, fail: session.fail, announce, finish: session.finish, config });
  }
  await demo.setUp();
  if (lodgingMode()) {
    lodging.setUp({
      config, show, screen: () => state.screen, start: consent.start, finish: session.finish, fail: session.fail,
      alertMessage, announce, isoToDmy,
    });
  }
  connectEvents({
    reader: (d) => showReaders(d.readers || []),
    'card-inserted': card.onCardInserted,
    'read-progress': card.onProgress,
    'read-complete': card.onReadComplete,
    'read-failed': card.onReadFailed,
    'session-cleared': (d) => session.wipeUi(d.reason),
    'idle-warning': (d) => session.showIdle(d.secondsLeft),
    'session-state': card.onSessionState,
  });
  show(home());
  document.body.dataset.ready = 'true';
}

init().catch((e) => {
  if (locked(e)) return;
  alertMessage(errorText('NETWORK'));
  console.error(e);
});
