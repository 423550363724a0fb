// The camera view: frames from getUserMedia are posted to the kiosk (POST /api/qr?frame=1) until one holds a CCCD
// QR code. Nothing leaves this machine and no frame is kept: each one is a JPEG in memory, sent to 127.0.0.1 and
// dropped. The loop is bounded: it stops after a code is read, on stop(), or after MAX_MILLIS.

import { api } from './api.js';

const FRAME_EVERY_MILLIS = 350;
const MAX_MILLIS = 90000;
const MAX_WIDTH = 1280;

export class QrCamera {
  /**
   * @param video the <video> element that shows the picture
   * @param handlers onFound(qrJson), onProblem(code) for a code that is not a usable CCCD one, onEnd(reason)
   *        with 'timeout' or 'no-camera'
   */
  constructor(video, handlers) {
    this.video = video;
    this.handlers = handlers;
    this.stream = null;
    this.timer = null;
    this.started = 0;
    this.busy = false;
    this.canvas = document.createElement('canvas');
  }

  get running() {
    return this.stream !== null;
  }

  async start() {
    if (this.running) return;
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      this.handlers.onEnd('no-camera');
      return;
    }
    try {
      this.stream = await navigator.mediaDevices.getUserMedia({
        audio: false,
        video: { facingMode: 'environment', width: { ideal: 1280 }, height: { ideal: 720 } },
      });
    } catch (e) {
      this.stream = null;
      this.handlers.onEnd('no-camera');
      return;
    }
    this.video.srcObject = this.stream;
    try {
      await this.video.play();
    } catch (e) {
      // autoplay of a muted stream is allowed; a refusal here still leaves frames to grab
    }
    this.started = Date.now();
    this.timer = setInterval(() => this.tick(), FRAME_EVERY_MILLIS);
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.stream) this.stream.getTracks().forEach((track) => track.stop());
    this.stream = null;
    this.video.srcObject = null;
    this.busy = false;
  }

  async tick() {
    if (!this.running || this.busy) return;
    if (Date.now() - this.started > MAX_MILLIS) {
      this.stop();
      this.handlers.onEnd('timeout');
      return;
    }
    const w = this.video.videoWidth;
    const h = this.video.videoHeight;
    if (!w || !h) return;
    this.busy = true;
    try {
      const scale = Math.min(1, MAX_WIDTH / w);
      this.canvas.width = Math.round(w * scale);
      this.canvas.height = Math.round(h * scale);
      this.canvas.getContext('2d').drawImage(this.video, 0, 0, this.canvas.width, this.canvas.height);
      const blob = await new Promise((resolve) => this.canvas.toBlob(resolve, 'image/jpeg', 0.85));
      if (!blob || !this.running) return;
      const qr = await api.postImage('/api/qr?frame=1', blob);
      if (!this.running) return;
      this.stop();
      this.handlers.onFound(qr);
    } catch (e) {
      // NO_QR is the normal answer while the card is not yet in view; the rest is worth telling
      if (e.code && e.code !== 'NO_QR' && this.handlers.onProblem) this.handlers.onProblem(e.code);
    } finally {
      this.busy = false;
    }
  }
}
