// The kiosk flow: attract -> consent -> key -> place card (live progress) -> verified identity -> procedure ->
// pre-filled form -> review -> PDF / print / done. The server holds the session; this page keeps what it shows in
// memory only (no localStorage, no sessionStorage, no cookies) and empties every screen when the session ends.

import { api, ApiError } from './api.js';
import { t, has, pick, setLang, currentLang, apply } from './i18n.js';
import { errorText, errorBoth } from './errors.js';
import * as forms from './forms.js';
import { QrCamera } from './qrcamera.js';
import * as hospital from './hospital.js';
import * as lodging from './lodging.js';

const CONSENT_VERSION = '2026-11-v1';
const $ = (id) => document.getElementById(id);

const ui = {
  config: null,
  forms: [],
  defs: new Map(),
  screen: 'attract',
  scale: 1,
  demoPersonas: [],
  lastPersona: null,
  // --- personal, wiped with the session ---
  keyMode: 'first',
  formId: null,
  roles: null,
  document: null,
  session: null,
  files: {},
  cardsSeen: 0,
  chipPartial: false, // the last card read had a file the reader could not understand
  idleTimer: null,
  lastKeepAlive: 0,
  active: false,
  qrBusy: false,
  camera: null,
};

// ---------------------------------------------------------------------------------------------- screens

/** The screen between sessions: the attract screen, or the staff desk in lodging mode. */
function home() {
  return lodgingMode() ? 'lodging' : 'attract';
}

function lodgingMode() {
  return Boolean(ui.config && ui.config.mode === 'lodging');
}

function show(name) {
  if (name !== 'key') stopCamera();
  ui.screen = name;
  document.querySelectorAll('.screen').forEach((s) => { s.hidden = s.dataset.screen !== name; });
  const h = document.querySelector('[data-screen="' + name + '"] h1');
  if (h) {
    h.setAttribute('tabindex', '-1');
    h.focus({ preventScroll: true });
  }
  window.scrollTo(0, 0);
  if (name === 'lodging') lodging.onDesk();
}

function announce(text) {
  const live = $('live');
  live.textContent = '';
  // a fresh text node so that screen readers announce repeated messages too
  setTimeout(() => { live.textContent = text; }, 30);
}

function alertMessage(text) {
  const a = $('alert');
  if (!text) {
    a.hidden = true;
    a.textContent = '';
    return;
  }
  a.textContent = text;
  a.hidden = false;
}

/** The API refused this browser (a UI secret is set and it was not opened by the kiosk launcher). */
function locked(e) {
  if (!(e instanceof ApiError && e.status === 401 && e.code === 'UI_LOCKED')) return false;
  document.body.dataset.locked = 'true';
  alertMessage(errorBoth(e));
  return true;
}

function fail(e) {
  if (locked(e)) return;
  if (e instanceof ApiError && e.code === 'NO_SESSION') {
    wipeUi(null);
    alertMessage(errorText(e));
    return;
  }
  alertMessage(errorText(e));
}

// ---------------------------------------------------------------------------------------------- wiping

/** Empties every screen: nothing of the person stays in the page. */
function wipeUi(reason) {
  stopCamera();
  ui.active = false;
  ui.keyMode = 'first';
  ui.formId = null;
  ui.roles = null;
  ui.document = null;
  ui.session = null;
  ui.files = {};
  ui.cardsSeen = 0;
  ui.chipPartial = false;
  hideIdle();
  alertMessage(null);
  $('consent-check').checked = false;
  $('consent-accept').disabled = true;
  $('second-consent-check').checked = false;
  ['key-id', 'key-dob', 'key-issue', 'key-qr', 'key-docno', 'key-expiry'].forEach((id) => { $(id).value = ''; });
  setPassportKey(false);
  document.querySelectorAll('#key-form .error').forEach((p) => { p.hidden = true; p.textContent = ''; });
  if (lodgingMode()) lodging.wipeStay();
  $('read-progress').value = 0;
  $('read-file').textContent = '';
  $('card-status').textContent = t('cardWaiting');
  $('card-error').hidden = true;
  const face = $('id-face');
  face.removeAttribute('src');
  face.alt = '';
  ['id-name', 'id-number', 'id-dob', 'id-sex'].forEach((id) => { $(id).textContent = ''; });
  $('id-badges').replaceChildren();
  $('id-problems').replaceChildren();
  $('form-title').textContent = '';
  forms.reset($('form'));
  $('cards-panel').replaceChildren();
  $('cards-panel').hidden = true;
  $('review').replaceChildren();
  $('doc-preview').replaceChildren();
  $('doc-reference').textContent = '';
  ['done-pdf', 'done-json'].forEach((id) => $(id).removeAttribute('href'));
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

// ---------------------------------------------------------------------------------------------- idle

function showIdle(seconds) {
  let left = seconds;
  const text = $('idle-text');
  const tick = () => {
    text.textContent = t('idleText', { s: left });
    left = Math.max(0, left - 1);
  };
  tick();
  clearInterval(ui.idleTimer);
  ui.idleTimer = setInterval(tick, 1000);
  $('idle').hidden = false;
  $('idle-continue').focus();
}

function hideIdle() {
  clearInterval(ui.idleTimer);
  ui.idleTimer = null;
  $('idle').hidden = true;
}

async function keepAlive() {
  ui.lastKeepAlive = Date.now();
  try {
    await api.post('/api/session/keepalive');
  } catch (e) {
    if (e.code === 'NO_SESSION') wipeUi(null);
  }
}

function onActivity() {
  if (ui.active && Date.now() - ui.lastKeepAlive > 5000) {
    keepAlive();
  }
}

// ---------------------------------------------------------------------------------------------- events

// The stream is reopened whenever it closes for good (an answer other than 200, e.g. a kiosk restarting behind a
// proxy): 1 s, 2 s, 4 s ... up to 30 s between tries, back to 1 s once it is open. The browser's own retry covers a
// stream that simply ended. On every (re)connection the server first sends the readers and the session state,
// which re-syncs the screen with what happened meanwhile (onSessionState).
let eventBackoffMs = 1000;

function connectEvents() {
  const es = new EventSource('/api/events');
  es.addEventListener('open', () => { eventBackoffMs = 1000; });
  const on = (name, fn) => es.addEventListener(name, (ev) => {
    let data = null;
    try { data = JSON.parse(ev.data); } catch (e) { return; }
    fn(data);
  });
  on('reader', (d) => showReaders(d.readers || []));
  on('card-inserted', () => {
    if (ui.screen === 'attract') {
      const n = $('cleared-notice');
      n.textContent = t('cardInsertedEarly');
      n.hidden = false;
    } else if (ui.screen === 'card') {
      $('card-status').textContent = t('cardReading');
    }
  });
  on('read-progress', onProgress);
  on('read-complete', onReadComplete);
  on('read-failed', onReadFailed);
  on('session-cleared', (d) => wipeUi(d.reason));
  on('idle-warning', (d) => showIdle(d.secondsLeft));
  on('session-state', onSessionState);
  es.addEventListener('error', () => {
    $('reader-status').textContent = t('reconnecting');
    if (es.readyState === EventSource.CLOSED) {
      const wait = eventBackoffMs;
      eventBackoffMs = Math.min(30000, eventBackoffMs * 2);
      setTimeout(connectEvents, wait);
    }
  });
}

/** The state the server sends on every change and on (re)connection: catches up with events missed meanwhile. */
function onSessionState(d) {
  ui.session = d;
  if (!d.active) {
    if (ui.active) wipeUi(null);
    return;
  }
  const n = (d.cards || []).length;
  if (ui.screen === 'card' && d.phase === 'READY' && n > ui.cardsSeen) {
    onReadComplete({ card: n - 1 });
  }
}

function showReaders(readers) {
  const s = $('reader-status');
  if (!readers.length) {
    s.textContent = t('noReader');
    return;
  }
  s.textContent = t('readers', { n: readers.length }) + (readers.some((r) => r.cardPresent) ? ' · ' + t('readerCard') : '');
}


function onProgress(p) {
  if (ui.screen !== 'card') return;
  $('card-error').hidden = true;
  const first = !ui.files[p.file];
  ui.files[p.file] = p;
  const files = Object.values(ui.files);
  let done = 0;
  let total = 0;
  for (const f of files) {
    if (f.total > 0) {
      done += Math.min(f.done, f.total);
      total += f.total;
    }
  }
  // the files still to come count as unknown: show steps rather than a false 100 %
  const steps = Math.max(files.length, 5);
  const pct = total > 0 ? Math.round((done / total) * (files.length / steps) * 100) : 0;
  $('read-progress').value = Math.min(99, pct);
  const name = has('files.' + p.file) ? t('files.' + p.file) : p.file;
  const label = t('cardReadingFile', { file: name + (p.total > 0 ? ' ' + Math.round(100 * p.done / p.total) + '%' : '') });
  $('read-file').textContent = label;
  $('card-status').textContent = t('cardReading');
  if (first) {
    announce(t('cardReadingFile', { file: name }));
  }
}

async function onReadComplete(d) {
  const n = d && typeof d.card === 'number' ? d.card + 1 : ui.cardsSeen + 1;
  if (n <= ui.cardsSeen) return; // already shown (the event and the state both announce it)
  ui.cardsSeen = n;
  $('read-progress').value = 100;
  $('card-status').textContent = t('cardDone');
  announce(t('cardDone'));
  if (ui.keyMode === 'second') {
    ui.keyMode = 'first';
    ui.roles = null;
    await openForm(ui.formId);
    return;
  }
  await showIdentity();
}

function onReadFailed(f) {
  if (ui.screen !== 'card') return;
  const text = errorText(f);
  $('card-error-text').textContent = text;
  $('card-error').hidden = false;
  $('card-retry').hidden = f.code === 'ACCESS_DENIED' || f.code === 'CARD_REMOVED';
  $('card-rekey').classList.toggle('primary', f.code === 'ACCESS_DENIED');
  $('card-rekey').classList.toggle('secondary', f.code !== 'ACCESS_DENIED');
  $('read-progress').value = 0;
  $('read-file').textContent = '';
  ui.files = {};
  alertMessage(text);
}

// ---------------------------------------------------------------------------------------------- dates

function isoToDmy(iso) {
  if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso || '';
  const [y, m, d] = iso.split('-');
  return d + '/' + m + '/' + y;
}

/** dd/mm/yyyy (also d/m/yyyy, or digits only ddmmyyyy) to ISO, or null when not a real date. */
function dmyToIso(text) {
  const s = (text || '').trim();
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s) || /^(\d{2})(\d{2})(\d{4})$/.exec(s);
  if (!m) return null;
  const d = Number(m[1]);
  const mo = Number(m[2]);
  const y = Number(m[3]);
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return y + '-' + String(mo).padStart(2, '0') + '-' + String(d).padStart(2, '0');
}

// ---------------------------------------------------------------------------------------------- steps

async function start() {
  alertMessage(null);
  $('cleared-notice').hidden = true;
  try {
    await api.post('/api/session/start');
    ui.active = true;
    ui.lastKeepAlive = Date.now();
    renderConsentForms();
    show('consent');
  } catch (e) {
    fail(e);
  }
}

function renderConsentForms() {
  const list = $('consent-forms');
  list.replaceChildren();
  for (const f of ui.forms) {
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
    openKey('first');
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

function openKey(mode) {
  ui.keyMode = mode;
  alertMessage(null);
  ['key-id', 'key-dob', 'key-issue', 'key-qr', 'key-docno', 'key-expiry'].forEach((id) => { $(id).value = ''; });
  setPassportKey(false);
  $('qr-camera-field').hidden = !(ui.config.qr && navigator.mediaDevices && navigator.mediaDevices.getUserMedia);
  $('qr-camera').hidden = true;
  $('qr-camera-start').hidden = false;
  $('qr-camera-status').textContent = '';
  document.querySelectorAll('#key-form .error').forEach((p) => { p.hidden = true; });
  const second = mode === 'second';
  $('second-consent').hidden = !second;
  $('second-consent-check').checked = false;
  $('key-title').textContent = t(second ? 'keyTitleSecond' : 'keyTitle');
  $('key-qr-note').textContent = ui.config.qr ? t('qrReady') : t('qrUnavailable');
  $('key-qr').disabled = !ui.config.qr;
  show('key');
}

function keyError(id, text) {
  const p = $(id + '-err');
  p.textContent = text;
  p.hidden = !text;
  $(id).setAttribute('aria-invalid', text ? 'true' : 'false');
}

/** Lodging mode: a foreign guest's passport opens with its number, birth and expiry dates (not a CCCD number). */
function setPassportKey(on) {
  $('key-passport').checked = on;
  document.querySelectorAll('#key-form .passport-only').forEach((el) => { el.hidden = !on; });
  document.querySelectorAll('#key-form .cccd-only').forEach((el) => { el.hidden = on; });
  if (on) $('qr-camera-field').hidden = true;
}

async function submitPassportKey() {
  const docNo = $('key-docno').value.replace(/\s+/g, '').toUpperCase();
  const dob = dmyToIso($('key-dob').value);
  const expiry = dmyToIso($('key-expiry').value);
  keyError('key-docno', /^[0-9A-Z<]{1,20}$/.test(docNo) ? '' : t('errDocNo'));
  keyError('key-dob', dob ? '' : t('errDate'));
  keyError('key-expiry', expiry ? '' : t('errDate'));
  if (!/^[0-9A-Z<]{1,20}$/.test(docNo) || !dob || !expiry) {
    const bad = document.querySelector('#key-form [aria-invalid="true"]');
    if (bad) bad.focus();
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
    const bad = document.querySelector('#key-form [aria-invalid="true"]');
    if (bad) bad.focus();
    return;
  }
  const body = { idNumber: id, dateOfBirth: dob };
  if (issue) body.issueDate = issue;
  await sendKey(body);
}

async function sendKey(body) {
  try {
    if (ui.keyMode === 'second') {
      if (!$('second-consent-check').checked) {
        alertMessage(t('secondConsentNeeded'));
        $('second-consent-check').focus();
        return;
      }
      await api.post('/api/session/second-card', { ...body, consent: true });
    } else {
      await api.post('/api/session/key', body);
    }
    openCard();
  } catch (e) {
    if (e.code === 'INVALID_KEY') {
      keyError('key-id', errorText(e));
      $('key-id').focus();
    } else {
      fail(e);
    }
  }
}

// ---------------------------------------------------------------------------------------------- QR code

// the problems the camera view names while it keeps looking (others: it just keeps looking)
const QR_PROBLEMS = ['NOT_CCCD', 'INVALID_CCCD_QR', 'SEVERAL_QR'];

function qrNote(text, isError) {
  const note = $('key-qr-note');
  note.textContent = text;
  note.classList.toggle('error', Boolean(isError));
}

/** The keyboard-wedge field: the scanner types the code and ends with Enter (or Tab, which fires change). */
async function submitQr() {
  const payload = $('key-qr').value.trim();
  if (!payload || !ui.config.qr || ui.qrBusy) return;
  ui.qrBusy = true;
  qrNote(t('qrChecking'), false);
  try {
    const qr = await api.post('/api/qr/text', { payload });
    // only damaged letters concern the person; a field in an unexpected place is for the JSON (UNEXPECTED_FIELD)
    const garbled = (w) => w.code === 'TEXT_UNCERTAIN' || w.code === 'DIACRITICS_MISSING';
    qrNote(qr.warnings && qr.warnings.some(garbled) ? t('qrUncertain') : '', false);
    await sendKey({ qrPayload: payload });
  } catch (e) {
    qrNote(errorText(e), true);
    $('key-qr').select();
  } finally {
    ui.qrBusy = false;
  }
}

function startCamera() {
  if (!ui.camera) {
    ui.camera = new QrCamera($('qr-video'), {
      onFound: async (qr) => {
        $('qr-camera').hidden = true;
        $('qr-camera-start').hidden = false;
        $('qr-camera-status').textContent = t('qrCameraFound');
        announce(t('qrCameraFound'));
        await sendKey({ qrPayload: qr.payload });
      },
      onProblem: (code) => {
        $('qr-camera-status').textContent = QR_PROBLEMS.includes(code) ? errorText(code) : t('qrCameraLooking');
      },
      onEnd: (reason) => {
        $('qr-camera').hidden = true;
        $('qr-camera-start').hidden = false;
        qrNote(t(reason === 'timeout' ? 'qrCameraTimeout' : 'qrCameraNoCamera'), true);
      },
    });
  }
  $('qr-camera').hidden = false;
  $('qr-camera-start').hidden = true;
  $('qr-camera-status').textContent = t('qrCameraLooking');
  ui.camera.start();
}

function stopCamera() {
  if (ui.camera) ui.camera.stop();
  if ($('qr-camera')) {
    $('qr-camera').hidden = true;
    $('qr-camera-start').hidden = false;
  }
}

function openCard() {
  ui.files = {};
  $('read-progress').value = 0;
  $('read-file').textContent = '';
  $('card-error').hidden = true;
  $('card-title').textContent = t(ui.keyMode === 'second' ? 'cardTitleSecond' : 'cardTitle');
  $('card-status').textContent = t('cardWaiting');
  show('card');
  announce(t(ui.keyMode === 'second' ? 'cardTitleSecond' : 'cardTitle'));
}

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
    renderBadges(card.verification);
    // a file the reader could not understand (card.problems): say so; the form asks for what is missing
    ui.chipPartial = Array.isArray(card.problems) && card.problems.length > 0;
    if (ui.chipPartial) {
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

function badgeText(v) {
  if (!v) return t('badgeUnverified');
  if (v.overall === 'AUTHENTIC') return t('badgeAuthentic');
  if (v.overall === 'NOT_AUTHENTIC') return t('badgeNotAuthentic');
  return t('badgeUnverified');
}

function renderBadges(v) {
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

function renderProcedures() {
  const list = $('procedures');
  list.replaceChildren();
  for (const f of ui.forms) {
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
  if (!ui.defs.has(id)) {
    ui.defs.set(id, await api.get('/api/forms/' + encodeURIComponent(id)));
  }
  return ui.defs.get(id);
}

async function openForm(id, keep) {
  alertMessage(null);
  try {
    const def = await definition(id);
    const query = ui.roles ? '?roles=' + encodeURIComponent(ui.roles.join(',')) : '';
    const prefill = await api.get('/api/forms/' + encodeURIComponent(id) + '/prefill' + query);
    ui.formId = id;
    $('form-title').textContent = pick(def.title);
    forms.render($('form'), def, prefill);
    $('form-partial').hidden = !(ui.chipPartial && prefill.missing && prefill.missing.length > 0);
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
  const state = await api.get('/api/session/state');
  const list = document.createElement('ul');
  const assigned = {};
  for (const [role, index] of Object.entries(prefill.cards || {})) assigned[index] = role;
  for (const c of state.cards || []) {
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
      radio.addEventListener('change', () => changeRole(c.index, o.id, state.cards.length));
      const span = document.createElement('span');
      span.textContent = o.label;
      label.append(radio, span);
      group.appendChild(label);
    }
    li.append(name, verdict, group);
    list.appendChild(li);
  }
  panel.appendChild(list);
  if ((state.cards || []).length < def.cardRoles.length && (state.cards || []).length < (ui.config.maxCards || 2)) {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'secondary';
    b.id = 'read-second';
    b.textContent = t('readSecond');
    b.addEventListener('click', () => openKey('second'));
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
  ui.roles = current;
  const typed = forms.collect($('form'));
  await openForm(ui.formId, typed);
}

function input() {
  const data = forms.collect($('form'));
  if (ui.roles) data.roles = ui.roles;
  return data;
}

async function review() {
  alertMessage(null);
  forms.clearErrors($('form'));
  try {
    const res = await api.post('/api/forms/' + encodeURIComponent(ui.formId) + '/validate', input());
    $('review').replaceChildren(forms.reviewList(res.values, res.tables));
    show('review');
  } catch (e) {
    if (e.code === 'INVALID_FORM') {
      const first = forms.showErrors($('form'), e.errors);
      alertMessage(t('formErrors', { n: Object.keys(e.errors || {}).length }));
      if (first) first.focus();
    } else {
      fail(e);
    }
  }
}

async function makeDocument() {
  alertMessage(null);
  try {
    const doc = await api.post('/api/forms/' + encodeURIComponent(ui.formId) + '/documents', input());
    ui.document = doc;
    $('doc-reference').textContent = doc.reference;
    const preview = $('doc-preview');
    preview.replaceChildren();
    for (let i = 1; i <= doc.pages; i++) {
      const img = document.createElement('img');
      img.src = doc.preview + '/' + i;
      img.alt = t('pageOf', { n: i, total: doc.pages });
      preview.appendChild(img);
    }
    $('done-pdf').href = doc.pdf;
    $('done-pdf').setAttribute('download', doc.reference + '.pdf');
    $('done-json').href = doc.json;
    $('done-json').setAttribute('download', doc.reference + '.json');
    $('done-print').hidden = !doc.print;
    show('done');
    announce(t('doneTitle'));
  } catch (e) {
    if (e.code === 'INVALID_FORM') {
      show('form');
      const first = forms.showErrors($('form'), e.errors);
      alertMessage(t('formErrors', { n: Object.keys(e.errors || {}).length }));
      if (first) first.focus();
    } else {
      fail(e);
    }
  }
}

async function printDocument() {
  if (!ui.document || !ui.document.print) return;
  try {
    await api.post(ui.document.print);
    announce(t('printed'));
    alertMessage(null);
  } catch (e) {
    alertMessage(errorText(e));
  }
}

async function finish() {
  try {
    await api.del('/api/session');
  } catch (e) {
    // wiped either way
  }
  wipeUi('done');
}

// ---------------------------------------------------------------------------------------------- demo

async function setUpDemo() {
  if (!ui.config.demo) return;
  $('demo').hidden = false;
  $('key-demo').hidden = false;
  try {
    ui.demoPersonas = await api.get('/api/demo/personas');
  } catch (e) {
    ui.demoPersonas = [];
  }
  const list = $('personas');
  list.replaceChildren();
  for (const p of ui.demoPersonas) {
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

async function demoInsert(p) {
  ui.lastPersona = p;
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
  const p = ui.lastPersona || ui.demoPersonas.find((x) => x.idNumber);
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

// ---------------------------------------------------------------------------------------------- language, text size

function isHospital() {
  return ui.config && ui.config.mode === 'hospital';
}

function switchLang(l) {
  const typed = ui.screen === 'form' && forms.currentForm() ? forms.collect($('form')) : null;
  setLang(l);
  $('lang-vi').setAttribute('aria-pressed', String(l === 'vi'));
  $('lang-en').setAttribute('aria-pressed', String(l === 'en'));
  renderConsentForms();
  renderProcedures();
  hospital.relabel();
  setUpDemoTexts();
  if (lodgingMode()) lodging.relabel();
  if (ui.screen === 'key') {
    $('key-title').textContent = t(ui.keyMode === 'second' ? 'keyTitleSecond' : 'keyTitle');
    $('key-qr-note').textContent = ui.config.qr ? t('qrReady') : t('qrUnavailable');
  }
  if (ui.screen === 'card') {
    $('card-title').textContent = t(ui.keyMode === 'second' ? 'cardTitleSecond' : 'cardTitle');
  }
  if (ui.screen === 'identity') showIdentity();
  if (ui.screen === 'form' && ui.formId) openForm(ui.formId, typed);
}

function setUpDemoTexts() {
  document.querySelectorAll('#personas button').forEach((b) => { b.textContent = t('demoPlace'); });
}

function textSize(step) {
  ui.scale = Math.min(1.5, Math.max(0.85, Math.round((ui.scale + step) * 100) / 100));
  document.documentElement.style.setProperty('--scale', String(ui.scale));
}

// ---------------------------------------------------------------------------------------------- start-up

async function init() {
  apply(document);
  ui.config = await api.get('/api/config');
  $('station').textContent = ui.config.station ? ' · ' + ui.config.station : '';
  if (!ui.config.languages.includes('en')) $('lang-en').hidden = true;
  if (!ui.config.languages.includes('vi')) $('lang-vi').hidden = true;
  if (ui.config.languages[0] !== 'vi') switchLang(ui.config.languages[0]);
  ui.forms = await api.get('/api/forms');
  renderProcedures();
  const state = await api.get('/api/session/state');
  if (state.active) {
    // a reload in the middle of someone's session: start clean rather than show their data again
    await api.del('/api/session');
  }
  const health = await api.get('/api/health');
  showReaders(health.readers || []);

  $('start').addEventListener('click', start);
  $('consent-check').addEventListener('change', () => { $('consent-accept').disabled = !$('consent-check').checked; });
  $('consent-accept').addEventListener('click', accept);
  $('consent-decline').addEventListener('click', decline);
  $('key-form').addEventListener('submit', submitKey);
  $('key-back').addEventListener('click', () => (ui.keyMode === 'second' ? openForm(ui.formId) : show('consent')));
  $('key-demo').addEventListener('click', demoFillKey);
  $('key-qr').addEventListener('change', submitQr);
  $('key-qr').addEventListener('keydown', (ev) => {
    // the scanner's Enter: take the code, do not submit the typed-key form
    if (ev.key === 'Enter') {
      ev.preventDefault();
      submitQr();
    }
  });
  $('qr-camera-start').addEventListener('click', startCamera);
  $('qr-camera-stop').addEventListener('click', stopCamera);
  $('card-cancel').addEventListener('click', () => (ui.keyMode === 'second' ? openForm(ui.formId) : finish()));
  $('card-rekey').addEventListener('click', () => openKey(ui.keyMode));
  $('card-retry').addEventListener('click', async () => {
    $('card-error').hidden = true;
    alertMessage(null);
    try { await api.post('/api/session/retry'); } catch (e) { fail(e); }
  });
  $('identity-next').addEventListener('click', () => {
    if (isHospital()) hospital.open();
    else if (lodgingMode()) lodging.openStay();
    else show('picker');
  });
  $('key-passport').addEventListener('change', () => setPassportKey($('key-passport').checked));
  $('identity-done').addEventListener('click', finish);
  $('picker-back').addEventListener('click', () => show('identity'));
  $('form-back').addEventListener('click', () => show('picker'));
  $('form-review').addEventListener('click', review);
  $('review-edit').addEventListener('click', () => show('form'));
  $('review-make').addEventListener('click', makeDocument);
  $('done-print').addEventListener('click', printDocument);
  $('done-another').addEventListener('click', () => show('picker'));
  $('done-finish').addEventListener('click', finish);
  $('idle-continue').addEventListener('click', async () => { hideIdle(); await keepAlive(); });
  $('lang-vi').addEventListener('click', () => switchLang('vi'));
  $('lang-en').addEventListener('click', () => switchLang('en'));
  $('text-smaller').addEventListener('click', () => textSize(-0.1));
  $('text-larger').addEventListener('click', () => textSize(0.1));
  $('demo-remove').addEventListener('click', demoRemove);
  document.addEventListener('pointerdown', onActivity, { passive: true });
  document.addEventListener('keydown', onActivity);
  document.addEventListener('contextmenu', (e) => { if (!e.target.matches('input, textarea')) e.preventDefault(); });
  if (isHospital()) {
    await hospital.setUp({ show, alertMessage, fail, announce, finish, config: ui.config });
  }
  await setUpDemo();
  if (lodgingMode()) {
    lodging.setUp({
      config: ui.config, show, screen: () => ui.screen, start, finish, fail, alertMessage, announce, isoToDmy,
    });
  }
  connectEvents();
  show(home());
  document.body.dataset.ready = 'true';
}

init().catch((e) => {
  if (locked(e)) return;
  alertMessage(errorText('NETWORK'));
  console.error(e);
});
