// Lodging mode: the staff desk (PIN login, the guests of a night, the notification reminder, CSV/XLSX exports,
// check-out, delete) and the stay screen shown after a guest's card is read. The staff token and the list live in
// this page's memory only; the list is emptied on logout.

import { api, ApiError, setStaffToken } from './api.js';
import { t } from './i18n.js';
import { errorText } from './errors.js';

const $ = (id) => document.getElementById(id);
// the reasons offered; the register keeps the Vietnamese word whatever the UI language
const REASONS = [['tourism', 'Du lịch'], ['business', 'Công tác'], ['family', 'Thăm thân'], ['medical', 'Khám chữa bệnh'],
  ['study', 'Học tập']];
const REFRESH_MS = 60000;

const desk = {
  ctx: null,
  token: null,
  night: null,
  timer: null,
  card: null,
  armedDelete: null,
};

function pad(n) {
  return String(n).padStart(2, '0');
}

function localDate(d) {
  return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
}

function localMinute(d) {
  return localDate(d) + 'T' + pad(d.getHours()) + ':' + pad(d.getMinutes());
}

/** The night an arrival ('YYYY-MM-DDTHH:MM') begins, as the server counts: before 06:00 the previous day's. */
function nightOfArrival(arrival) {
  const d = new Date(arrival.slice(0, 10) + 'T00:00');
  if (Number(arrival.slice(11, 13)) < 6) d.setDate(d.getDate() - 1);
  return localDate(d);
}

/** The night that is "tonight": before 06:00 it is the one that began yesterday (as the server counts). */
function tonight() {
  const now = new Date();
  if (now.getHours() < 6) now.setDate(now.getDate() - 1);
  return localDate(now);
}

function dmyTime(isoMinute) {
  if (!isoMinute) return '';
  const [d, time] = isoMinute.split('T');
  return desk.ctx.isoToDmy(d) + (time ? ' ' + time : '');
}

function fieldError(id, text) {
  const p = $(id + '-err');
  p.textContent = text || '';
  p.hidden = !text;
  $(id).setAttribute('aria-invalid', text ? 'true' : 'false');
}

// ---------------------------------------------------------------------------------------------- login

function loggedOut(message) {
  desk.token = null;
  setStaffToken(null);
  clearInterval(desk.timer);
  desk.timer = null;
  $('lodging-rows').replaceChildren();
  $('lodging-banner').hidden = true;
  $('lodging-desk').hidden = true;
  $('staff-login').hidden = false;
  $('staff-pin').value = '';
  fieldError('staff-pin', message || '');
}

async function login(ev) {
  ev.preventDefault();
  const pin = $('staff-pin').value.trim();
  $('staff-pin').value = '';
  try {
    const r = await api.post('/api/operator/login', { pin });
    desk.token = r.token;
    setStaffToken(r.token);
    fieldError('staff-pin', '');
    await onDesk();
  } catch (e) {
    fieldError('staff-pin', errorText(e));
    $('staff-pin').focus();
  }
}

async function logout() {
  try {
    await api.post('/api/operator/logout');
  } catch (e) {
    // the token is dropped either way
  }
  loggedOut(null);
  $('staff-pin').focus();
}

/** Runs a staff call; an expired login shows the login form again. */
async function staff(fn) {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      loggedOut(errorText(e));
      desk.ctx.show('lodging');
      return undefined;
    }
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------- the desk

/** Called each time the desk screen is shown. */
export async function onDesk() {
  const c = desk.ctx.config;
  $('lodging-place').textContent = [c.lodging && c.lodging.establishment, c.lodging && c.lodging.address]
    .filter(Boolean).join(' · ');
  if (!desk.token) {
    loggedOut(null);
    return;
  }
  $('staff-login').hidden = true;
  $('lodging-desk').hidden = false;
  if (!desk.night) desk.night = tonight();
  $('lodging-date').value = desk.night;
  await refresh();
  clearInterval(desk.timer);
  // the page's own refresh does not keep the login alive: a desk left alone logs out (server idle timeout)
  desk.timer = setInterval(() => { if (desk.ctx.screen() === 'lodging') refresh(true); }, REFRESH_MS);
}

async function refresh(background) {
  if (!desk.token) return;
  try {
    const path = '/api/lodging/nights/' + encodeURIComponent(desk.night);
    const night = await staff(() => (background ? api.getInBackground(path) : api.get(path)));
    if (night) render(night);
  } catch (e) {
    desk.ctx.fail(e);
  }
}

function render(night) {
  const d = desk.ctx.isoToDmy(night.date);
  $('lodging-count').textContent = night.guests.length ? t('lodgingCount', { n: night.guests.length, d }) : t('lodgingNone', { d });
  renderBanner(night.reminder);
  renderPolice(night.police);
  const rows = $('lodging-rows');
  rows.replaceChildren();
  for (const g of night.guests) {
    const tr = document.createElement('tr');
    tr.dataset.guest = g.id;
    const cell = (text) => {
      const td = document.createElement('td');
      td.textContent = text || '';
      tr.appendChild(td);
      return td;
    };
    cell(g.room);
    cell(g.fullName).className = 'guest-name';
    cell((g.documentType === 'CCCD' ? 'CCCD ' : t('keyDocNo') + ' ') + g.documentNumber);
    const nat = cell(g.nationality);
    if (g.na17Required) {
      const b = document.createElement('span');
      b.className = 'badge warn';
      b.textContent = t('na17');
      nat.append(' ', b);
    }
    cell(dmyTime(g.arrival) + ' → ' + (g.checkedOutAt ? dmyTime(g.checkedOutAt) : desk.ctx.isoToDmy(g.departure)));
    cell(g.reason);
    const status = cell(g.notifiedAt ? t('notified') : t('notNotified'));
    status.className = g.notifiedAt ? 'ok' : 'pending';
    const actions = document.createElement('td');
    if (!g.checkedOutAt) {
      actions.appendChild(button(t('checkout'), 'checkout-' + g.id, () => checkout(g.id)));
    } else {
      actions.append(t('checkedOut'), ' ');
    }
    actions.appendChild(button(t('deleteGuest'), 'delete-' + g.id, (b) => remove(g.id, b)));
    tr.appendChild(actions);
    rows.appendChild(tr);
  }
}

function button(text, id, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'secondary small-button';
  b.id = id;
  b.textContent = text;
  b.addEventListener('click', () => onClick(b));
  return b;
}

function renderBanner(r) {
  const banner = $('lodging-banner');
  if (!r || !r.notNotified) {
    banner.hidden = true;
    banner.textContent = '';
    return;
  }
  const vars = { n: r.notNotified, d: desk.ctx.isoToDmy(r.night), deadline: dmyTime(r.deadline) };
  banner.textContent = t(r.overdue ? 'lodgingOverdue' : 'lodgingReminder', vars)
    + (r.foreignNotNotified ? ' ' + t('lodgingForeign', { n: r.foreignNotNotified }) : '');
  banner.classList.toggle('overdue', Boolean(r.overdue));
  banner.hidden = false;
}

// The direct submission to the police API (docs/LODGING.md), when configured: one line per night, and a resend
// button when the night is not sent or failed. Texts Vietnamese first, English second.
function renderPolice(p) {
  let line = $('lodging-police');
  if (!line) {
    line = document.createElement('p');
    line.id = 'lodging-police';
    line.setAttribute('role', 'status');
    $('lodging-count').after(line);
  }
  line.replaceChildren();
  line.hidden = !p || !p.enabled;
  if (line.hidden) return;
  const at = p.at ? new Date(p.at) : null;
  const time = at ? desk.ctx.isoToDmy(localDate(at)) + ' ' + pad(at.getHours()) + ':' + pad(at.getMinutes()) : '';
  const why = p.problem ? ': ' + p.problem : '';
  const text = {
    NOT_SENT: 'Công an (API): chưa gửi / Police API: not sent',
    SENDING: 'Công an (API): đang gửi, lần thử ' + (p.attempts || 0) + ' / Police API: sending, attempt '
      + (p.attempts || 0) + why,
    NOTIFIED: 'Công an (API): đã thông báo lúc ' + time + ' / Police API: notified at ' + time,
    FAILED: 'Công an (API): không thành công / Police API: failed' + why,
  }[p.state] || p.state;
  line.className = p.state === 'NOTIFIED' ? 'ok' : p.state === 'FAILED' ? 'overdue' : 'pending';
  // a notice being sent settles within seconds: look again soon rather than at the minute's refresh
  clearTimeout(desk.policeTimer);
  if (p.state === 'SENDING') desk.policeTimer = setTimeout(() => refresh(true), 3000);
  line.append(text);
  if (p.state === 'FAILED' || p.state === 'NOT_SENT') {
    line.append(' ', button('Gửi lại / Resend', 'lodging-police-send', () => staff(() => api.post('/api/lodging/nights/'
      + encodeURIComponent(desk.night) + '/police')).then(() => refresh(false)).catch((e) => desk.ctx.fail(e))));
  }
}

async function exportNight(format) {
  try {
    const file = await staff(() => api.download('/api/lodging/guests/export?date=' + encodeURIComponent(desk.night)
      + '&format=' + format));
    if (!file) return;
    const url = URL.createObjectURL(file.blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = file.name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    await refresh();
  } catch (e) {
    desk.ctx.fail(e);
  }
}

async function markNotified() {
  try {
    await staff(() => api.post('/api/lodging/nights/' + encodeURIComponent(desk.night) + '/notified'));
    await refresh();
  } catch (e) {
    desk.ctx.fail(e);
  }
}

async function checkout(id) {
  try {
    await staff(() => api.post('/api/lodging/guests/' + encodeURIComponent(id) + '/checkout'));
    await refresh();
  } catch (e) {
    desk.ctx.fail(e);
  }
}

/** Deleting takes two presses on the same button (no modal dialog on a kiosk). */
async function remove(id, b) {
  if (desk.armedDelete !== id) {
    desk.armedDelete = id;
    b.textContent = t('deleteConfirm');
    return;
  }
  desk.armedDelete = null;
  try {
    await staff(() => api.del('/api/lodging/guests/' + encodeURIComponent(id)));
    await refresh();
  } catch (e) {
    desk.ctx.fail(e);
  }
}

// ---------------------------------------------------------------------------------------------- the stay

/** After the guest's card is read: who it is (the face only shown), and the stay to fill in. */
export async function openStay() {
  try {
    const card = await api.get('/api/session');
    desk.card = card;
    const p = card.person || {};
    const doc = card.document || {};
    $('stay-name').textContent = p.fullName || '';
    $('stay-doc').textContent = (doc.type === 'CCCD' ? 'CCCD ' + (p.idNumber || doc.documentNumber || '')
      : t('keyDocNo') + ' ' + (doc.documentNumber || '') + ' · ' + (p.nationality || doc.issuingState || ''))
      + ' · ' + desk.ctx.isoToDmy(p.dateOfBirth);
    const face = $('stay-face');
    if (card.face) {
      face.src = '/api/session/cards/0/face';
      face.alt = p.fullName || '';
    } else {
      face.removeAttribute('src');
    }
    const vietnamese = doc.type === 'CCCD' || doc.issuingState === 'VNM';
    $('stay-na17').hidden = vietnamese;
    const now = new Date();
    const tomorrow = new Date(now);
    tomorrow.setDate(tomorrow.getDate() + (now.getHours() < 6 ? 0 : 1));
    $('stay-room').value = '';
    $('stay-reason').value = '';
    $('stay-arrival').value = localMinute(now);
    $('stay-departure').value = localDate(tomorrow);
    ['stay-room', 'stay-reason', 'stay-arrival', 'stay-departure'].forEach((id) => fieldError(id, ''));
    fillReasons();
    desk.ctx.show('stay');
    $('stay-room').focus();
  } catch (e) {
    desk.ctx.fail(e);
  }
}

function fillReasons() {
  const list = $('stay-reasons');
  list.replaceChildren();
  for (const [key, vi] of REASONS) {
    const o = document.createElement('option');
    o.value = vi;
    o.label = t('reasons.' + key);
    list.appendChild(o);
  }
}

async function saveStay(ev) {
  ev.preventDefault();
  desk.ctx.alertMessage(null);
  const body = {
    room: $('stay-room').value.trim(),
    reason: $('stay-reason').value.trim(),
    arrival: $('stay-arrival').value,
    departure: $('stay-departure').value,
  };
  fieldError('stay-room', body.room ? '' : t('stayErrRoom'));
  fieldError('stay-reason', body.reason ? '' : t('stayErrReason'));
  fieldError('stay-arrival', body.arrival ? '' : t('stayErrArrival'));
  fieldError('stay-departure', body.departure && body.arrival && body.departure > nightOfArrival(body.arrival) ? ''
    : t('stayErrDeparture'));
  const bad = document.querySelector('#stay-form [aria-invalid="true"]');
  if (bad) {
    bad.focus();
    return;
  }
  try {
    const r = await staff(() => api.post('/api/lodging/guests', body));
    if (!r) return;
    desk.card = null;
    desk.night = tonight();
    // the guest is on disk: end the card session (wipes this screen), back to the desk
    await desk.ctx.finish();
    desk.ctx.announce(t('staySaved'));
  } catch (e) {
    // the field the server's code is about, if any; the text is the code's
    const field = { NOT_OVERNIGHT: 'stay-departure', INVALID_DEPARTURE: 'stay-departure', INVALID_ROOM: 'stay-room',
      INVALID_REASON: 'stay-reason', INVALID_ARRIVAL: 'stay-arrival' }[e.code];
    if (field) fieldError(field, errorText(e));
    else desk.ctx.fail(e);
  }
}

/** Empties the stay screen (the session ended). */
export function wipeStay() {
  desk.card = null;
  ['stay-name', 'stay-doc'].forEach((id) => { $(id).textContent = ''; });
  $('stay-face').removeAttribute('src');
  $('stay-face').alt = '';
  ['stay-room', 'stay-reason', 'stay-arrival', 'stay-departure'].forEach((id) => { $(id).value = ''; });
}

// ---------------------------------------------------------------------------------------------- set-up

/**
 * @param ctx the flow's functions: show(name), screen(), start(), finish(), fail(e), alertMessage(text),
 *   announce(text), isoToDmy(iso), config
 */
export function setUp(ctx) {
  desk.ctx = ctx;
  document.body.classList.add('mode-lodging');
  $('key-passport-wrap').hidden = false;
  $('staff-demo-pin').hidden = !ctx.config.demo;
  $('consent-keep').dataset.i18n = 'consentKeepLodging';
  $('consent-why').dataset.i18n = 'consentWhyLodging';
  $('consent-keep').textContent = t('consentKeepLodging');
  $('consent-why').textContent = t('consentWhyLodging');
  $('footer-text').dataset.i18n = 'footerLodging';
  $('footer-text').textContent = t('footerLodging');
  $('identity-next').dataset.i18n = 'registerStay';
  $('identity-next').textContent = t('registerStay');
  $('staff-login').addEventListener('submit', login);
  $('lodging-logout').addEventListener('click', logout);
  $('lodging-new').addEventListener('click', () => ctx.start());
  $('lodging-date').addEventListener('change', () => {
    if ($('lodging-date').value) {
      desk.night = $('lodging-date').value;
      refresh();
    }
  });
  $('lodging-export-csv').addEventListener('click', () => exportNight('csv'));
  $('lodging-export-xlsx').addEventListener('click', () => exportNight('xlsx'));
  $('lodging-export-kbtt').addEventListener('click', () => exportNight('kbtt'));
  $('lodging-export-kbtt-foreign').addEventListener('click', () => exportNight('kbtt-foreign'));
  $('lodging-notified').addEventListener('click', markNotified);
  $('stay-form').addEventListener('submit', saveStay);
  $('stay-cancel').addEventListener('click', () => ctx.finish());
}

/** Re-renders the texts of the desk in a new language. */
export function relabel() {
  if (desk.ctx && desk.ctx.screen() === 'lodging') refresh();
  fillReasons();
}
