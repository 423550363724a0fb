// The verdict on a card as people read it: genuine, not verified, not authentic, or a possible copy, and why; and
// the notes of the signature check, which are no problem (a Document Signer expired since it signed a valid card).

import { isoToDmy } from '../dates.js';
import { t, tIn } from '../i18n.js';
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
  renderNotes((pa && pa.notes) || []);
}

/**
 * Passive Authentication's notes, Vietnamese first, then the reader's own English note. A note the page knows (the
 * Document Signer expired since it signed) is said in full in Vietnamese; any other gets a Vietnamese label.
 */
function renderNotes(notes) {
  const list = $('id-notes');
  list.replaceChildren();
  for (const note of notes) {
    const li = document.createElement('li');
    const vi = document.createElement('span');
    vi.lang = 'vi';
    const expired = /^The Document Signer certificate expired on (\d{4}-\d{2}-\d{2})/.exec(note);
    vi.textContent = expired ? tIn('vi', 'paNoteDsExpired', { date: isoToDmy(expired[1]) }) : tIn('vi', 'paNote');
    const en = document.createElement('span');
    en.lang = 'en';
    en.textContent = note;
    li.append(vi, ' ', en);
    list.appendChild(li);
  }
  list.hidden = notes.length === 0;
}
