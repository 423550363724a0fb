// Demo mode (kiosk --demo): the mock reader's simulated cards (invented people) to place and take away, and a
// button that types the last placed card's key.

import { api } from './api.js';
import { isoToDmy } from './dates.js';
import { errorText } from './errors.js';
import { t } from './i18n.js';
import { state, update, subscribe } from './state.js';
import { $, alertMessage, lodgingMode } from './ui.js';
import { fail } from './session.js';
import { setPassportKey } from './screens/key.js';

async function demoInsert(p) {
  update({ lastPersona: p });
  $('demo-details').open = false; // keep the kiosk's own buttons free
  try {
    await api.post('/api/demo/insert', { persona: p.name });
  } catch (e) {
    alertMessage(errorText(e));
  }
}

async function demoRemove() {
  $('demo-details').open = false;
  try {
    await api.post('/api/demo/remove');
  } catch (e) {
    fail(e);
  }
}

function demoFillKey() {
  const p = state.lastPersona || state.demoPersonas.find((x) => x.idNumber);
  if (!p) return;
  if (p.documentType !== 'CCCD' && p.documentNumber && lodgingMode()) {
    setPassportKey(true);
    $('key-docno').value = p.documentNumber;
    $('key-dob').value = isoToDmy(p.dateOfBirth);
    $('key-expiry').value = isoToDmy(p.expiryDate);
    return;
  }
  setPassportKey(false);
  $('key-id').value = p.idNumber || '';
  $('key-dob').value = isoToDmy(p.dateOfBirth);
  $('key-issue').value = isoToDmy(p.issueDate);
}

/** Shows the demo panel and its cards when the kiosk runs in demo mode. */
export async function setUp() {
  $('key-demo').addEventListener('click', demoFillKey);
  $('demo-remove').addEventListener('click', demoRemove);
  subscribe((keys) => {
    if (keys.includes('lang')) {
      document.querySelectorAll('#personas button').forEach((b) => { b.textContent = t('demoPlace'); });
    }
  });
  if (!state.config.demo) return;
  $('demo').hidden = false;
  $('key-demo').hidden = false;
  try {
    update({ demoPersonas: await api.get('/api/demo/personas') });
  } catch (e) {
    update({ demoPersonas: [] });
  }
  const list = $('personas');
  list.replaceChildren();
  for (const p of state.demoPersonas) {
    const li = document.createElement('li');
    const span = document.createElement('span');
    span.textContent = p.fullName + (p.idNumber ? ' · ' + p.idNumber : '') + ' · ' + isoToDmy(p.dateOfBirth);
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'secondary';
    b.id = 'demo-insert-' + p.name;
    b.textContent = t('demoPlace');
    b.addEventListener('click', () => demoInsert(p));
    li.append(span, b);
    list.appendChild(li);
  }
}
