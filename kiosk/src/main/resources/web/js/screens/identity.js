// Screen 5: what the card says (name, masked ID number, date of birth, sex, the portrait shown only) and whether the
// chip is genuine (the verdict: screens/verdict.js).

import { api } from '../api.js';
import { isoToDmy } from '../dates.js';
import { t } from '../i18n.js';
import { state, update, subscribe } from '../state.js';
import { $, show, opener, announce, isHospital, lodgingMode } from '../ui.js';
import { fail, finish } from '../session.js';
import * as hospital from '../hospital.js';
import * as lodging from '../lodging.js';
import { badgeText, renderVerdict } from './verdict.js';

function masked(id) {
  if (!id) return '';
  return '••• ••• ••• ' + id.slice(-3);
}

async function showIdentity() {
  try {
    const card = await api.get('/api/session');
    const p = card.person || {};
    $('id-name').textContent = p.fullName || '';
    $('id-number').textContent = masked(p.idNumber || (card.document && card.document.documentNumber));
    $('id-dob').textContent = isoToDmy(p.dateOfBirth);
    $('id-sex').textContent = p.sex || '';
    const face = $('id-face');
    if (card.face) {
      face.src = '/api/session/cards/0/face';
      face.alt = p.fullName ? p.fullName : '';
    } else {
      face.removeAttribute('src');
    }
    renderVerdict(card.verification);
    // a file the reader could not understand (card.problems): say so; the form asks for what is missing
    update({ chipPartial: Array.isArray(card.problems) && card.problems.length > 0 });
    if (state.chipPartial) {
      const li = document.createElement('li');
      li.id = 'id-partial';
      li.textContent = t('chipPartial');
      $('id-problems').appendChild(li);
    }
    show('identity');
    announce(t('identityTitle') + ': ' + badgeText(card.verification));
  } catch (e) {
    fail(e);
  }
}

function wipe() {
  const face = $('id-face');
  face.removeAttribute('src');
  face.alt = '';
  ['id-name', 'id-number', 'id-dob', 'id-sex'].forEach((id) => { $(id).textContent = ''; });
  $('id-badges').replaceChildren();
  $('id-problems').replaceChildren();
  $('id-notes').replaceChildren();
  $('id-notes').hidden = true;
  // the residence address.js adds beside the facts
  document.querySelectorAll('#screen-identity .id-address').forEach((n) => n.remove());
}

export function setUp() {
  opener('identity', showIdentity);
  $('identity-next').addEventListener('click', () => {
    if (isHospital()) hospital.open();
    else if (lodgingMode()) lodging.openStay();
    else show('picker');
  });
  $('identity-done').addEventListener('click', finish);
  subscribe((keys) => {
    if (keys.includes('wiped')) wipe();
    if (keys.includes('lang') && state.screen === 'identity') showIdentity();
  });
}
