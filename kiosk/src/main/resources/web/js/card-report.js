// Staff page: the card report of `cccd-reader diagnose` for the card on the reader, downloaded as a file. The staff
// token and the key typed stay in this page's memory; the report is made in the server's memory and sent, never
// stored there. Vietnamese first, English second.

import { api, ApiError } from './api.js';
import { errorText } from './errors.js';

let token = null;

const $ = (id) => document.getElementById(id);

function say(vi, en) {
  $('cr-status').textContent = en ? vi + ' / ' + en : vi;
}

async function login(ev) {
  ev.preventDefault();
  const pin = $('cr-pin').value.trim();
  $('cr-pin').value = '';
  try {
    const r = await api.post('/api/operator/login', { pin });
    token = r.token;
    $('cr-login').hidden = true;
    $('cr-form').hidden = false;
    say('Đã đăng nhập.', 'Logged in.');
    $('cr-id').focus();
  } catch (e) {
    say('Không đăng nhập được: ' + errorText(e, 'vi'), 'Login failed: ' + errorText(e, 'en'));
  }
}

/** POSTs the key and returns the report file the server answers (a JSON error becomes an ApiError). */
async function postForFile(path, body) {
  const res = await fetch(path, {
    method: 'POST', cache: 'no-store', credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + token },
    body: JSON.stringify(body),
  });
  if (!res.ok) {
    const type = res.headers.get('Content-Type') || '';
    throw new ApiError(res.status, type.startsWith('application/json') ? await res.json() : null);
  }
  const m = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') || '');
  return { blob: await res.blob(), name: m ? m[1] : 'cccd-card-report.json' };
}

async function download(ev) {
  ev.preventDefault();
  const body = { idNumber: $('cr-id').value.trim(), dateOfBirth: $('cr-dob').value, expiryDate: $('cr-expiry').value,
    can: $('cr-can').value.trim() };
  say('Đang đọc thẻ, đừng lấy thẻ ra…', 'Reading the card, keep it on the reader…');
  $('cr-download').disabled = true;
  try {
    const res = await postForFile('/api/operator/card-report', body);
    const url = URL.createObjectURL(res.blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = res.name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    say('Đã tải báo cáo (' + res.name + '). Hãy xem lại trước khi gửi.', 'Report downloaded. Review it before sending.');
  } catch (e) {
    say('Không tạo được báo cáo: ' + errorText(e, 'vi') + ' (' + e.code + ')', 'No report: ' + errorText(e, 'en'));
  } finally {
    $('cr-download').disabled = false;
    $('cr-can').value = '';
  }
}

$('cr-login').addEventListener('submit', login);
$('cr-form').addEventListener('submit', download);
$('cr-pin').focus();
