// Screen 3: the key that opens the chip: the ID number and date of birth (the issue date optional), or the card's
// QR code (screens/qr.js); in lodging mode a foreign guest's passport number, birth and expiry dates. For a second
// card of a form, the second person's consent first. Nothing typed here is kept.

import { api } from '../api.js';
import { dmyToIso } from '../dates.js';
import { errorText } from '../errors.js';
import { t } from '../i18n.js';
import { state, update, subscribe } from '../state.js';
import { $, show, open, opener, alertMessage } from '../ui.js';
import { fail } from '../session.js';
import * as qr from './qr.js';

const FIELDS = ['key-id', 'key-dob', 'key-issue', 'key-qr', 'key-docno', 'key-expiry'];

function openKey(mode) {
  update({ keyMode: mode });
  alertMessage(null);
  FIELDS.forEach((id) => { $(id).value = ''; });
  qr.reset();
  setPassportKey(false);
  document.querySelectorAll('#key-form .error').forEach((p) => { p.hidden = true; });
  const second = mode === 'second';
  $('second-consent').hidden = !second;
  $('second-consent-check').checked = false;
  relabel();
  show('key');
}

function relabel() {
  $('key-title').textContent = t(state.keyMode === 'second' ? 'keyTitleSecond' : 'keyTitle');
}

function keyError(id, text) {
  const p = $(id + '-err');
  p.textContent = text;
  p.hidden = !text;
  $(id).setAttribute('aria-invalid', text ? 'true' : 'false');
}

/** Lodging mode: a foreign guest's passport opens with its number, birth and expiry dates (not a CCCD number). */
export function setPassportKey(on) {
  $('key-passport').checked = on;
  document.querySelectorAll('#key-form .passport-only').forEach((el) => { el.hidden = !on; });
  document.querySelectorAll('#key-form .cccd-only').forEach((el) => { el.hidden = on; });
  if (on) $('qr-camera-field').hidden = true;
}

function focusFirstInvalid() {
  const bad = document.querySelector('#key-form [aria-invalid="true"]');
  if (bad) bad.focus();
}

async function submitPassportKey() {
  const docNo = $('key-docno').value.replace(/\s+/g, '').toUpperCase();
  const dob = dmyToIso($('key-dob').value);
  const expiry = dmyToIso($('key-expiry').value);
  keyError('key-docno', /^[0-9A-Z<]{1,20}$/.test(docNo) ? '' : t('errDocNo'));
  keyError('key-dob', dob ? '' : t('errDate'));
  keyError('key-expiry', expiry ? '' : t('errDate'));
  if (!/^[0-9A-Z<]{1,20}$/.test(docNo) || !dob || !expiry) {
    focusFirstInvalid();
    return;
  }
  await sendKey({ documentNumber: docNo, dateOfBirth: dob, expiryDate: expiry });
}

async function submitKey(ev) {
  ev.preventDefault();
  alertMessage(null);
  if ($('key-passport').checked) {
    await submitPassportKey();
    return;
  }
  const id = $('key-id').value.replace(/\s+/g, '');
  const dob = dmyToIso($('key-dob').value);
  const issueText = $('key-issue').value.trim();
  const issue = issueText ? dmyToIso(issueText) : null;
  keyError('key-id', /^\d{12}$/.test(id) ? '' : t('errIdNumber'));
  keyError('key-dob', dob ? '' : t('errDate'));
  keyError('key-issue', issueText && !issue ? t('errDate') : '');
  if (!/^\d{12}$/.test(id) || !dob || (issueText && !issue)) {
    focusFirstInvalid();
    return;
  }
  const body = { idNumber: id, dateOfBirth: dob };
  if (issue) body.issueDate = issue;
  await sendKey(body);
}

/** The key (typed, or a QR code's payload) to the server, then the card screen. */
async function sendKey(body) {
  try {
    if (state.keyMode === 'second') {
      if (!$('second-consent-check').checked) {
        alertMessage(t('secondConsentNeeded'));
        $('second-consent-check').focus();
        return;
      }
      await api.post('/api/session/second-card', { ...body, consent: true });
    } else {
      await api.post('/api/session/key', body);
    }
    open('card');
  } catch (e) {
    if (e.code === 'INVALID_KEY') {
      keyError('key-id', errorText(e));
      $('key-id').focus();
    } else {
      fail(e);
    }
  }
}

function wipe() {
  $('second-consent-check').checked = false;
  FIELDS.forEach((id) => { $(id).value = ''; });
  setPassportKey(false);
  document.querySelectorAll('#key-form .error').forEach((p) => { p.hidden = true; p.textContent = ''; });
}

export function setUp() {
  opener('key', openKey);
  qr.setUp(sendKey);
  $('key-form').addEventListener('submit', submitKey);
  $('key-back').addEventListener('click', () => (state.keyMode === 'second' ? open('form', state.formId) : show('consent')));
  $('key-passport').addEventListener('change', () => setPassportKey($('key-passport').checked));
  subscribe((keys) => {
    if (keys.includes('wiped')) wipe();
    if (keys.includes('lang') && state.screen === 'key') relabel();
  });
}
