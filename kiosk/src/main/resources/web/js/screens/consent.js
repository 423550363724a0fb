// Screens 1 and 2: the attract screen's Start, and the consent to reading the card (what is read, what for, how
// long it is kept), with the forms that use the data.

import { api } from '../api.js';
import { t, pick, currentLang } from '../i18n.js';
import { state, update, subscribe } from '../state.js';
import { $, show, open, alertMessage, isHospital, lodgingMode } from '../ui.js';
import { fail, wipeUi } from '../session.js';
import * as hospital from '../hospital.js';

const CONSENT_VERSION = '2026-11-v1';

/** Starts a session (the attract screen's button, or the lodging desk's "new guest"). */
export async function start() {
  alertMessage(null);
  $('cleared-notice').hidden = true;
  try {
    await api.post('/api/session/start');
    update({ active: true, lastKeepAlive: Date.now() });
    renderConsentForms();
    show('consent');
  } catch (e) {
    fail(e);
  }
}

function renderConsentForms() {
  const list = $('consent-forms');
  list.replaceChildren();
  for (const f of state.forms) {
    const li = document.createElement('li');
    const b = document.createElement('strong');
    b.textContent = pick(f.titles);
    li.appendChild(b);
    if (f.readsData) {
      li.appendChild(document.createTextNode(' — ' + t('consentUses') + ': ' + pick(f.readsData)));
    }
    list.appendChild(li);
  }
}

async function accept() {
  if (!$('consent-check').checked) return;
  try {
    const purpose = isHospital() ? hospital.PURPOSE : lodgingMode() ? 'lodging-register' : 'prefill-forms';
    await api.post('/api/session/consent', { accepted: true, textVersion: CONSENT_VERSION, lang: currentLang(), purpose });
    open('key', 'first');
  } catch (e) {
    fail(e);
  }
}

async function decline() {
  try {
    await api.post('/api/session/consent', { accepted: false });
  } catch (e) {
    // the session ends either way
  }
  wipeUi('declined');
}

export function setUp() {
  $('start').addEventListener('click', start);
  $('consent-check').addEventListener('change', () => { $('consent-accept').disabled = !$('consent-check').checked; });
  $('consent-accept').addEventListener('click', accept);
  $('consent-decline').addEventListener('click', decline);
  subscribe((keys) => {
    if (keys.includes('wiped')) {
      $('consent-check').checked = false;
      $('consent-accept').disabled = true;
    }
    if (keys.includes('lang')) renderConsentForms();
  });
}
