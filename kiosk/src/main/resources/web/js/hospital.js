// Hospital reception (kiosk.mode=hospital): after the card read the patient chooses the department, may give the
// BHYT card code, confirms, and gets the queue number with the ticket to print. Texts are Vietnamese first.
// Nothing is kept in the page after the session: reset() empties these screens with the rest.

import { api } from './api.js';
import { t, extend, currentLang, apply } from './i18n.js';
import { errorText } from './errors.js';

extend('vi', {
  hospital: {
    attractTitle: 'Đăng ký khám bệnh bằng thẻ căn cước',
    attractLead: 'Không cần thẻ BHYT giấy. Đọc thẻ căn cước, chọn khoa khám và nhận số thứ tự.',
    step4: 'Chọn khoa khám, nhận số thứ tự',
    consentWhy: 'Để đăng ký khám: kiosk lưu họ tên, số định danh, ngày sinh, giới tính, quốc tịch và nơi cư trú cùng khoa khám và mã thẻ BHYT (nếu bạn nhập), rồi gửi sang hệ thống thông tin của bệnh viện. Kiosk không lưu ảnh, dân tộc hay tôn giáo.',
    consentKeep: 'Dữ liệu đăng ký khám được mã hoá và tự động xoá sau thời hạn bệnh viện quy định; bạn có thể yêu cầu xem hoặc xoá tại quầy tiếp đón. Ảnh chân dung chỉ hiển thị trên màn hình và không được lưu. Bạn có thể không đồng ý và đăng ký tại quầy.',
    next: 'Đăng ký khám',
    title: 'Đăng ký khám bệnh',
    lead: 'Chọn khoa bạn muốn khám. Mã thẻ BHYT không bắt buộc; quầy tiếp đón sẽ tra cứu thẻ BHYT theo số định danh.',
    department: 'Khoa khám',
    chooseDepartment: 'Hãy chọn một khoa khám.',
    bhyt: 'Mã thẻ BHYT (không bắt buộc)',
    bhytHint: '15 ký tự, ví dụ HS 4 01 0120878811, hoặc mã số BHXH gồm 10 chữ số.',
    bhytFormat: 'Mã thẻ BHYT gồm 15 ký tự (2 chữ cái, mức hưởng 1–5, mã tỉnh 2 số, mã số BHXH 10 số) hoặc mã số BHXH 10 chữ số.',
    confirm: 'Xác nhận đăng ký',
    doneTitle: 'Đã đăng ký khám',
    number: 'Số thứ tự của bạn',
    at: 'Thời gian đăng ký: {time}',
    print: 'In phiếu số thứ tự',
    ticket: 'Tải phiếu (PDF)',
    ticketImage: 'Phiếu số thứ tự {n}, {department}',
    printed: 'Đang in phiếu. Mời bạn lấy phiếu và chờ gọi số.',
    printFailed: 'Không in được phiếu. Hãy ghi nhớ số thứ tự hoặc báo quầy tiếp đón.',
    doneNote: 'Mời bạn chờ gọi số tại khoa khám. Hãy lấy lại thẻ căn cước.',
    another: 'Đăng ký thêm khoa khác',
    lastNumber: 'Số thứ tự của bạn: {n} ({department}).',
    footer: 'Thông tin đăng ký khám được lưu mã hoá, gửi sang hệ thống của bệnh viện và tự động xoá sau thời hạn lưu giữ; ảnh chân dung không được lưu.',
  },
});

extend('en', {
  hospital: {
    attractTitle: 'Check in for your hospital visit with your ID card',
    attractLead: 'No paper health-insurance card needed. Read your ID card, choose the department, get your queue number.',
    step4: 'Choose the department, get your queue number',
    consentWhy: 'To check you in: the kiosk keeps your name, ID number, date of birth, sex, nationality and residence with the department and your BHYT code (if you give it), and sends them to the hospital\'s information system. No portrait, ethnicity or religion is kept.',
    consentKeep: 'Check-in data is encrypted and deleted automatically after the period the hospital sets; you may ask to see or delete it at reception. Your portrait is only shown on screen and never kept. You may refuse and check in at the counter.',
    next: 'Check in',
    title: 'Hospital check-in',
    lead: 'Choose the department you need. The BHYT code is optional; reception looks up your health insurance by ID number.',
    department: 'Department',
    chooseDepartment: 'Please choose a department.',
    bhyt: 'BHYT card code (optional)',
    bhytHint: '15 characters, e.g. HS 4 01 0120878811, or the 10-digit social-insurance number.',
    bhytFormat: 'A BHYT code has 15 characters (2 letters, benefit level 1–5, 2-digit province, 10-digit social-insurance number), or give the 10-digit number alone.',
    confirm: 'Confirm check-in',
    doneTitle: 'You are checked in',
    number: 'Your queue number',
    at: 'Checked in at {time}',
    print: 'Print the queue ticket',
    ticket: 'Download the ticket (PDF)',
    ticketImage: 'Queue ticket number {n}, {department}',
    printed: 'Printing your ticket. Please take it and wait for your number.',
    printFailed: 'The ticket could not be printed. Please remember your number or tell reception.',
    doneNote: 'Please wait at the department until your number is called. Take your ID card with you.',
    another: 'Check in for another department',
    lastNumber: 'Your queue number: {n} ({department}).',
    footer: 'Check-ins are kept encrypted, sent to the hospital\'s system and deleted automatically after the retention period; portraits are never kept.',
  },
});

const $ = (id) => document.getElementById(id);

/** Static texts that read differently at a hospital (element id or selector -> hospital text key). */
const HOSPITAL_TEXTS = [
  ['[data-screen="attract"] h1', 'hospital.attractTitle'],
  ['[data-screen="attract"] .lead', 'hospital.attractLead'],
  ['.steps li:nth-child(4)', 'hospital.step4'],
  ['#consent-text p[data-i18n="consentWhy"]', 'hospital.consentWhy'],
  ['#consent-text p[data-i18n="consentKeep"]', 'hospital.consentKeep'],
  ['#identity-next', 'hospital.next'],
  ['#footer-text', 'hospital.footer'],
];

const state = { departments: [], checkin: null, deps: null, busy: false, noticeTimer: null };

/**
 * Turns the kiosk into hospital reception. {@code deps}: show(screen), alertMessage(text), fail(error),
 * announce(text), finish(), config.
 */
export async function setUp(deps) {
  state.deps = deps;
  for (const [selector, key] of HOSPITAL_TEXTS) {
    const el = document.querySelector(selector);
    if (el) el.dataset.i18n = key;
  }
  $('consent-forms').hidden = true;
  apply(document);
  state.departments = await api.get('/api/hospital/departments');
  renderDepartments();
  $('hospital-back').addEventListener('click', () => deps.show('identity'));
  $('hospital-confirm').addEventListener('click', confirm);
  $('hospital-bhyt').addEventListener('blur', (ev) => {
    // not when leaving for the confirm button: the message would move the button away from under the finger,
    // and confirming shows the server's precise reason anyway
    if (ev.relatedTarget && ev.relatedTarget.id === 'hospital-confirm') return;
    bhytError(localBhytProblem($('hospital-bhyt').value));
  });
  $('hospital-bhyt').addEventListener('input', () => bhytError(''));
  $('hospital-print').addEventListener('click', print);
  $('hospital-finish').addEventListener('click', () => deps.finish());
  $('hospital-another').addEventListener('click', another);
}

/** The consent purpose recorded in the processing log. */
export const PURPOSE = 'hospital-checkin';

/** After the card read: the department screen. */
export function open() {
  state.deps.alertMessage(null);
  state.deps.show('hospital');
}

function renderDepartments() {
  const box = $('hospital-departments');
  const chosen = (box.querySelector('input:checked') || {}).value;
  box.querySelectorAll('label').forEach((l) => l.remove());
  for (const d of state.departments) {
    const label = document.createElement('label');
    label.className = 'choice department';
    const radio = document.createElement('input');
    radio.type = 'radio';
    radio.name = 'department';
    radio.value = d.code;
    radio.id = 'dept-' + d.code;
    radio.checked = d.code === chosen;
    radio.addEventListener('change', () => departmentError(''));
    const span = document.createElement('span');
    span.textContent = currentLang() === 'en' ? d.en : d.vi;
    if (currentLang() === 'en' && d.en !== d.vi) {
      span.lang = 'en';
    }
    label.append(radio, span);
    box.appendChild(label);
  }
}

/** The same format rules as the server (BhytCode), for a hint as soon as the field is left. */
function localBhytProblem(text) {
  const s = (text || '').replace(/[\s-]/g, '').toUpperCase();
  if (!s || /^\d{10}$/.test(s)) return '';
  return /^[A-Z]{2}[1-5](0[1-9]|[1-9]\d)\d{10}$/.test(s) ? '' : t('hospital.bhytFormat');
}

function bhytError(text) {
  const p = $('hospital-bhyt-err');
  p.textContent = text;
  p.hidden = !text;
  $('hospital-bhyt').setAttribute('aria-invalid', text ? 'true' : 'false');
}

function departmentError(text) {
  const p = $('hospital-department-err');
  p.textContent = text;
  p.hidden = !text;
}

async function confirm() {
  if (state.busy) return;
  const deps = state.deps;
  deps.alertMessage(null);
  const checked = $('hospital-departments').querySelector('input:checked');
  departmentError(checked ? '' : t('hospital.chooseDepartment'));
  bhytError('');
  if (!checked) {
    $('hospital-departments').querySelector('input').focus();
    return;
  }
  // the code's format is checked by the server, which says which part is wrong
  const body = { department: checked.value };
  const bhyt = $('hospital-bhyt').value.trim();
  if (bhyt) body.bhytCode = bhyt;
  state.busy = true;
  try {
    state.checkin = await api.post('/api/hospital/checkins', body);
    showDone();
  } catch (e) {
    if (e.code === 'INVALID_BHYT_CODE') {
      // the server names the wrong part of the code in both languages; the table's text when it does not
      bhytError((e.body && e.body[currentLang()]) || errorText(e));
      $('hospital-bhyt').focus();
    } else {
      deps.fail(e);
    }
  } finally {
    state.busy = false;
  }
}

function showDone() {
  const c = state.checkin;
  if (!c) return;
  $('hospital-queue').textContent = String(c.queueNumber);
  $('hospital-done-department').textContent = currentLang() === 'en' ? c.department.en : c.department.vi;
  const time = new Date(c.createdAt);
  const pad = (n) => String(n).padStart(2, '0');
  $('hospital-done-time').textContent = t('hospital.at', {
    time: pad(time.getHours()) + ':' + pad(time.getMinutes()) + ' ' + pad(time.getDate()) + '/'
      + pad(time.getMonth() + 1) + '/' + time.getFullYear(),
  });
  $('hospital-ticket').href = c.ticket;
  $('hospital-ticket').setAttribute('download', 'phieu-so-' + c.queueNumber + '.pdf');
  const img = $('hospital-ticket-image');
  if (img.getAttribute('src') !== c.ticketImage) img.src = c.ticketImage;
  img.alt = t('hospital.ticketImage', { n: c.queueNumber, department: c.department.vi });
  img.hidden = false;
  $('hospital-print').hidden = !c.print;
  state.deps.show('hospital-done');
  state.deps.announce(t('hospital.number') + ' ' + c.queueNumber);
}

async function print() {
  const c = state.checkin;
  if (!c || !c.print) return;
  try {
    await api.post(c.print);
    state.deps.alertMessage(null);
    state.deps.announce(t('hospital.printed'));
    $('hospital-print-note').textContent = t('hospital.printed');
    $('hospital-print-note').hidden = false;
  } catch (e) {
    state.deps.alertMessage(t('hospital.printFailed'));
  }
}

/** The language changed: names of departments follow it. */
export function relabel() {
  if (!state.deps) return;
  renderDepartments();
  if (state.checkin) showDone();
}

/** A second department for the same patient (the card is still on the reader). */
function another() {
  $('hospital-departments').querySelectorAll('input').forEach((r) => { r.checked = false; });
  departmentError('');
  bhytError('');
  open();
}

/**
 * The session ended: nothing of the patient stays in the page. Returns the last queue number as a sentence (not
 * personal data: department and number only), or '' when there was no check-in.
 */
export function reset() {
  const c = state.checkin;
  state.checkin = null;
  state.busy = false;
  if (!state.deps) return '';
  const queue = c ? t('hospital.lastNumber', { n: c.queueNumber, department: currentLang() === 'en' ? c.department.en
    : c.department.vi }) : '';
  $('hospital-bhyt').value = '';
  bhytError('');
  departmentError('');
  $('hospital-departments').querySelectorAll('input').forEach((r) => { r.checked = false; });
  $('hospital-queue').textContent = '';
  $('hospital-done-department').textContent = '';
  $('hospital-done-time').textContent = '';
  $('hospital-print-note').textContent = '';
  $('hospital-print-note').hidden = true;
  $('hospital-ticket').removeAttribute('href');
  const img = $('hospital-ticket-image');
  img.removeAttribute('src');
  img.alt = '';
  img.hidden = true;
  clearTimeout(state.noticeTimer);
  if (queue) {
    state.noticeTimer = setTimeout(() => {
      const n = $('cleared-notice');
      if (n.textContent.includes(queue)) n.hidden = true;
    }, 60000);
  }
  return queue;
}
