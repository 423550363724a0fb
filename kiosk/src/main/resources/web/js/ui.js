// The page's shell: which screen shows, the live region and the alert, the mode, and the openers of the screens
// (a screen opens another by name: the flow runs in a circle, key -> card -> form -> key, and ES modules that
// import each other in a circle are fragile).

import { ApiError } from './api.js';
import { errorBoth } from './errors.js';
import { state, update } from './state.js';

export const $ = (id) => document.getElementById(id);

export function lodgingMode() {
  return Boolean(state.config && state.config.mode === 'lodging');
}

export function isHospital() {
  return Boolean(state.config && state.config.mode === 'hospital');
}

/** The screen between sessions: the attract screen, or the staff desk in lodging mode. */
export function home() {
  return lodgingMode() ? 'lodging' : 'attract';
}

export function show(name) {
  update({ screen: name });
  document.querySelectorAll('.screen').forEach((s) => { s.hidden = s.dataset.screen !== name; });
  const h = document.querySelector('[data-screen="' + name + '"] h1');
  if (h) {
    h.setAttribute('tabindex', '-1');
    h.focus({ preventScroll: true });
  }
  window.scrollTo(0, 0);
}

export function announce(text) {
  const live = $('live');
  live.textContent = '';
  // a fresh text node so that screen readers announce repeated messages too
  setTimeout(() => { live.textContent = text; }, 30);
}

export function alertMessage(text) {
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
export function locked(e) {
  if (!(e instanceof ApiError && e.status === 401 && e.code === 'UI_LOCKED')) return false;
  document.body.dataset.locked = 'true';
  alertMessage(errorBoth(e));
  return true;
}

const openers = new Map();

/** A screen's opener, for open(name, ...args). */
export function opener(name, fn) {
  openers.set(name, fn);
}

/** Opens a screen through its module's opener (the key, card, identity and form screens). */
export function open(name, ...args) {
  return openers.get(name)(...args);
}
