// The verdict on a card as people read it: genuine, not verified, not authentic, or a possible copy, and why.

import { t } from '../i18n.js';
import { $ } from '../ui.js';

/** The verdict in words (also on the form's cards panel). */
export function badgeText(v) {
  if (!v) return t('badgeUnverified');
  if (v.overall === 'AUTHENTIC') return t('badgeAuthentic');
  if (v.overall === 'NOT_AUTHENTIC') return t('badgeNotAuthentic');
  return t('badgeUnverified');
}

/** The badges of the verdict, and below them what stopped the check. */
export function renderVerdict(v) {
  const box = $('id-badges');
  box.replaceChildren();
  const problems = $('id-problems');
  problems.replaceChildren();
  const add = (cls, text) => {
    const b = document.createElement('p');
    b.className = 'badge ' + cls;
    b.textContent = text;
    box.appendChild(b);
  };
  const overall = v ? v.overall : 'UNVERIFIED';
  const failed = (c) => c && c.status === 'FAILED';
  const copy = v && (failed(v.activeAuthentication) || failed(v.chipAuthentication));
  const dataInvalid = v && v.passiveAuthentication && v.passiveAuthentication.status === 'INVALID';
  // a copied chip carries genuine data: say "copy", not "invalid data", unless the data is invalid too
  if (!copy || dataInvalid) {
    add(overall === 'AUTHENTIC' ? 'ok' : overall === 'NOT_AUTHENTIC' ? 'bad' : 'warn', badgeText(v));
  }
  if (copy) {
    add('bad', t('badgeCopy'));
  }
  if (overall === 'UNVERIFIED') {
    const li = document.createElement('li');
    li.textContent = t('unverifiedHelp');
    problems.appendChild(li);
  }
  const pa = v && v.passiveAuthentication;
  for (const reason of (pa && pa.problems) || []) {
    const li = document.createElement('li');
    li.lang = 'en';
    li.textContent = reason;
    problems.appendChild(li);
  }
}
