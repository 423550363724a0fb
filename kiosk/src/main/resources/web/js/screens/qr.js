// The key screen's QR code: a keyboard-wedge scanner types the card's code into a field, or the camera view reads
// it. Either way the code goes to the server as the key (sendKey); the field's note says what went wrong.

import { api } from '../api.js';
import { errorText } from '../errors.js';
import { t } from '../i18n.js';
import { QrCamera } from '../qrcamera.js';
import { state, subscribe } from '../state.js';
import { $, announce } from '../ui.js';

// the problems the camera view names while it keeps looking (others: it just keeps looking)
const QR_PROBLEMS = ['NOT_CCCD', 'INVALID_CCCD_QR', 'SEVERAL_QR'];

let sendKey = null;
let busy = false;
let camera = null;

function qrNote(text, isError) {
  const note = $('key-qr-note');
  note.textContent = text;
  note.classList.toggle('error', Boolean(isError));
}

/** The QR parts of the key screen as it opens: the camera offered when the kiosk reads QR codes and has one. */
export function reset() {
  $('qr-camera-field').hidden = !(state.config.qr && navigator.mediaDevices && navigator.mediaDevices.getUserMedia);
  $('qr-camera').hidden = true;
  $('qr-camera-start').hidden = false;
  $('qr-camera-status').textContent = '';
  relabel();
  $('key-qr').disabled = !state.config.qr;
}

function relabel() {
  $('key-qr-note').textContent = state.config.qr ? t('qrReady') : t('qrUnavailable');
}

/** The keyboard-wedge field: the scanner types the code and ends with Enter (or Tab, which fires change). */
async function submitQr() {
  const payload = $('key-qr').value.trim();
  if (!payload || !state.config.qr || busy) return;
  busy = true;
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
    busy = false;
  }
}

function startCamera() {
  if (!camera) {
    camera = new QrCamera($('qr-video'), {
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
  camera.start();
}

function stopCamera() {
  if (camera) camera.stop();
  $('qr-camera').hidden = true;
  $('qr-camera-start').hidden = false;
}

/** @param send the key screen's sendKey(body) */
export function setUp(send) {
  sendKey = send;
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
  subscribe((keys) => {
    // the camera runs only while the key screen shows
    if (keys.includes('wiped') || (keys.includes('screen') && state.screen !== 'key')) stopCamera();
    if (keys.includes('lang') && state.screen === 'key') relabel();
  });
}
