// The page's state: what the kiosk shows and, while a session runs, the little it knows of it (in memory only: no
// localStorage, no sessionStorage, no cookies). It changes in one place, update() (and wipe() at a session's end);
// modules read it through `state`, which refuses writes, and subscribe to the keys they show.

/** The session's part, back to this at every wipe. */
function fresh() {
  return {
    active: false, // a session runs (started, not yet wiped)
    keyMode: 'first', // 'second' while a second card is added to a form
    formId: null,
    roles: null, // the role each card plays in the form (chosen on the form screen), or null
    document: null, // the document made from the form
    session: null, // the server's last session-state event
    files: {}, // file name -> read progress of the read under way
    cardsSeen: 0,
    chipPartial: false, // the last card read had a file the reader could not understand
    lastKeepAlive: 0,
  };
}

const data = {
  config: null, // GET /api/config
  forms: [], // GET /api/forms
  screen: 'attract',
  lang: 'vi',
  scale: 1,
  demoPersonas: [],
  lastPersona: null,
  ...fresh(),
};

const subscribers = [];

/** The state, read-only: a change goes through update(). */
export const state = new Proxy(data, {
  set(target, key) {
    throw new TypeError('state.' + String(key) + ' changes through update()');
  },
  deleteProperty(target, key) {
    throw new TypeError('state.' + String(key) + ' changes through update()');
  },
});

function notify(keys) {
  for (const fn of subscribers) fn(keys, state);
}

/** Changes some keys, then tells every subscriber which keys were set (set again to the same value counts). */
export function update(changes) {
  for (const key of Object.keys(changes)) {
    if (!(key in data)) throw new TypeError('no state.' + key);
  }
  Object.assign(data, changes);
  notify(Object.keys(changes));
}

/** The session ended: its part goes back to the start, and subscribers get the key 'wiped' to empty their screens. */
export function wipe() {
  Object.assign(data, fresh());
  notify(['wiped', ...Object.keys(fresh())]);
}

/** fn(keys, state) after every change; keys lists the keys set ('wiped' after a wipe). */
export function subscribe(fn) {
  subscribers.push(fn);
}
