// Screens 6 and 7: the procedure picker and the pre-filled form, with the panel of the cards read for a form that
// takes several (the role each card plays, the second card to read).

import { api } from '../api.js';
import * as forms from '../forms.js';
import { t, pick } from '../i18n.js';
import { state, update, subscribe } from '../state.js';
import { $, show, open, opener, alertMessage } from '../ui.js';
import { fail } from '../session.js';
import { badgeText } from './verdict.js';

// form definitions by id (not personal: the same for everyone)
const defs = new Map();

function renderProcedures() {
  const list = $('procedures');
  list.replaceChildren();
  for (const f of state.forms) {
    const li = document.createElement('li');
    const b = document.createElement('button');
    b.type = 'button';
    b.id = 'proc-' + f.id;
    const title = document.createElement('span');
    title.className = 't';
    title.textContent = pick(f.titles);
    const d = document.createElement('span');
    d.className = 'd';
    d.textContent = pick(f.purpose);
    b.append(title, d);
    b.addEventListener('click', () => openForm(f.id));
    li.appendChild(b);
    list.appendChild(li);
  }
}

async function definition(id) {
  if (!defs.has(id)) {
    defs.set(id, await api.get('/api/forms/' + encodeURIComponent(id)));
  }
  return defs.get(id);
}

/** Draws the form pre-filled from the cards; keep: values typed before (a language or role change). */
async function openForm(id, keep) {
  alertMessage(null);
  try {
    const def = await definition(id);
    const query = state.roles ? '?roles=' + encodeURIComponent(state.roles.join(',')) : '';
    const prefill = await api.get('/api/forms/' + encodeURIComponent(id) + '/prefill' + query);
    update({ formId: id });
    $('form-title').textContent = pick(def.title);
    forms.render($('form'), def, prefill);
    $('form-partial').hidden = !(state.chipPartial && prefill.missing && prefill.missing.length > 0);
    if (keep) {
      restore(keep, prefill);
    }
    await renderCardsPanel(def, prefill);
    show('form');
    const firstEmpty = [...$('form').querySelectorAll('input:not([readonly]), textarea')].find((i) => !i.value);
    if (firstEmpty) firstEmpty.focus();
  } catch (e) {
    fail(e);
  }
}

/** Puts typed values back after the form was drawn again (language or role change). */
function restore(typed, prefill) {
  const ro = new Set(prefill.readOnly);
  for (const [id, v] of Object.entries(typed.fields || {})) {
    if (ro.has(id)) continue;
    const radios = $('form').querySelectorAll('input[name="' + id + '"][type="radio"]');
    if (radios.length) {
      radios.forEach((r) => { r.checked = r.value === v; });
      continue;
    }
    const input = $('f-' + id);
    if (input && v) input.value = v;
  }
}

async function renderCardsPanel(def, prefill) {
  const panel = $('cards-panel');
  panel.replaceChildren();
  if (!def.cardRoles || !def.cardRoles.length) {
    panel.hidden = true;
    return;
  }
  panel.hidden = false;
  const h = document.createElement('h2');
  h.textContent = t('cardsTitle');
  panel.appendChild(h);
  const session = await api.get('/api/session/state');
  const list = document.createElement('ul');
  const assigned = {};
  for (const [role, index] of Object.entries(prefill.cards || {})) assigned[index] = role;
  for (const c of session.cards || []) {
    const card = await api.get('/api/session/cards/' + c.index);
    const li = document.createElement('li');
    const name = document.createElement('strong');
    name.textContent = t('cardN', { n: c.index + 1 }) + ': ' + ((card.person && card.person.fullName) || '');
    const verdict = document.createElement('span');
    const v = card.verification;
    const copy = v && ['activeAuthentication', 'chipAuthentication'].some((k) => v[k] && v[k].status === 'FAILED');
    verdict.className = 'badge ' + (copy || (v && v.overall === 'NOT_AUTHENTIC') ? 'bad' : v && v.overall === 'AUTHENTIC' ? 'ok' : 'warn');
    verdict.textContent = copy ? t('badgeCopy') : badgeText(v);
    const group = document.createElement('fieldset');
    group.className = 'choices';
    const legend = document.createElement('legend');
    legend.textContent = t('useAs');
    group.appendChild(legend);
    const options = [...def.cardRoles.map((r) => ({ id: r.id, label: pick(r.label) })), { id: '-', label: t('roleNone') }];
    for (const o of options) {
      const label = document.createElement('label');
      label.className = 'choice';
      const radio = document.createElement('input');
      radio.type = 'radio';
      radio.name = 'role-' + c.index;
      radio.value = o.id;
      radio.id = 'role-' + c.index + '-' + o.id;
      radio.checked = (assigned[c.index] || '-') === o.id;
      radio.addEventListener('change', () => changeRole(c.index, o.id, session.cards.length));
      const span = document.createElement('span');
      span.textContent = o.label;
      label.append(radio, span);
      group.appendChild(label);
    }
    li.append(name, verdict, group);
    list.appendChild(li);
  }
  panel.appendChild(list);
  const read = (session.cards || []).length;
  if (read < def.cardRoles.length && read < (state.config.maxCards || 2)) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'secondary';
    b.id = 'read-second';
    b.textContent = t('readSecond');
    b.addEventListener('click', () => open('key', 'second'));
    panel.appendChild(b);
  }
}

async function changeRole(index, role, count) {
  const current = [];
  for (let i = 0; i < count; i++) {
    const checked = document.querySelector('input[name="role-' + i + '"]:checked');
    current.push(checked ? checked.value : '-');
  }
  current[index] = role;
  // one card per role: a role taken from another card leaves that card as requester only
  for (let i = 0; i < count; i++) {
    if (i !== index && role !== '-' && current[i] === role) current[i] = '-';
  }
  update({ roles: current });
  const typed = forms.collect($('form'));
  await openForm(state.formId, typed);
}

/** What the person typed, with the cards' roles: the body of validate and documents. */
export function input() {
  const data = forms.collect($('form'));
  if (state.roles) data.roles = state.roles;
  return data;
}

function wipe() {
  $('form-title').textContent = '';
  forms.reset($('form'));
  $('cards-panel').replaceChildren();
  $('cards-panel').hidden = true;
}

export function setUp() {
  opener('form', openForm);
  renderProcedures();
  $('picker-back').addEventListener('click', () => show('identity'));
  $('form-back').addEventListener('click', () => show('picker'));
  subscribe((keys) => {
    if (keys.includes('wiped')) wipe();
    if (keys.includes('lang')) {
      renderProcedures();
      if (state.screen === 'form' && state.formId) {
        const typed = forms.currentForm() ? forms.collect($('form')) : null;
        openForm(state.formId, typed);
      }
    }
  });
}
