// Addresses after the July 2025 reform: the card's old three-level address beside the two-level one the kiosk
// proposes. The person confirms it, picks the new commune when the old one was split, or edits it. Also shows both
// on the identity screen and under the address on the review screen.

import { pick } from './i18n.js';
import { api } from './api.js';

const TEXT = {
  onCard: { vi: 'Trên thẻ', en: 'On the card' },
  proposed: { vi: 'Theo đơn vị hành chính mới', en: 'With the current units' },
  converted: { vi: 'Địa chỉ trên thẻ ghi theo đơn vị hành chính trước 01/7/2025. Kiểm tra địa chỉ mới rồi xác nhận, hoặc sửa.',
    en: 'The card gives the address with the units before 1 July 2025. Check the new address and confirm it, or edit it.' },
  split: { vi: 'Xã/phường cũ nay thuộc nhiều xã/phường mới. Chọn nơi bạn ở:',
    en: 'The old commune is now part of several new ones. Choose where you live:' },
  current: { vi: 'Địa chỉ trên thẻ đã theo đơn vị hành chính mới.', en: 'The card already gives the current units.' },
  notConverted: { vi: 'Không tìm thấy trong bảng đơn vị hành chính: giữ như trên thẻ. Hãy kiểm tra và sửa nếu cần.',
    en: 'Not found in the table of administrative units: kept as on the card. Check it and edit it if needed.' },
  confirm: { vi: 'Tôi xác nhận địa chỉ này', en: 'I confirm this address' },
  confirmFirst: { vi: 'Hãy xác nhận địa chỉ mới (hoặc sửa lại).', en: 'Please confirm the new address (or edit it).' },
  residence: { vi: 'Nơi cư trú', en: 'Residence' },
};

function el(tag, attrs = {}, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Whether the person must confirm this proposal before the review. */
function needsConfirmation(p) {
  return p.status === 'CONVERTED' || p.status === 'CHOICE_NEEDED';
}

/** The box under an address field: the card's text, the proposal (or the choices) and the confirmation. */
export function panel(f, p, input) {
  const box = el('div', { class: 'address-box', id: 'addr-' + f.id, 'data-status': p.status });
  const pair = el('div', { class: 'address-pair' });
  const card = el('div', { class: 'address-old' });
  card.append(el('span', { class: 'address-tag' }, pick(TEXT.onCard)), el('span', { id: 'addr-' + f.id + '-original' }, p.original));
  const now = el('div', { class: 'address-new' });
  now.append(el('span', { class: 'address-tag' }, pick(TEXT.proposed)),
    el('span', { id: 'addr-' + f.id + '-proposed' }, p.value || '…'));
  pair.append(card, now);
  const status = {
    CONVERTED: TEXT.converted, CHOICE_NEEDED: TEXT.split, ALREADY_CURRENT: TEXT.current, NOT_CONVERTED: TEXT.notConverted,
  }[p.status];
  box.append(el('p', { class: 'address-status' }, pick(status)), pair);
  if (p.status === 'CHOICE_NEEDED') {
    const set = el('fieldset', { class: 'choices', id: 'addr-' + f.id + '-choices' });
    set.appendChild(el('legend', {}, pick(TEXT.split)));
    p.choices.forEach((c, i) => {
      const radio = el('input', { type: 'radio', name: 'addr-' + f.id, value: String(i), id: 'addr-' + f.id + '-choice-' + i });
      radio.addEventListener('change', () => {
        input.value = c.value;
        now.lastChild.textContent = c.value;
      });
      const label = el('label', { class: 'choice', for: radio.id });
      label.append(radio, el('span', {}, c.communeName + ', ' + c.provinceName));
      set.appendChild(label);
    });
    box.appendChild(set);
  }
  if (needsConfirmation(p)) {
    const tick = el('input', { type: 'checkbox', id: 'addr-' + f.id + '-confirm' });
    const label = el('label', { class: 'choice address-confirm', for: tick.id });
    label.append(tick, el('span', {}, pick(TEXT.confirm)));
    box.appendChild(label);
    input.addEventListener('input', () => { tick.checked = false; });
  }
  box.dataset.values = JSON.stringify([p.value, ...p.choices.map((c) => c.value)].filter(Boolean));
  return box;
}

/**
 * The first address field still showing a proposal the person has not confirmed (edited text needs none:
 * the person wrote it), or null.
 */
export function firstUnconfirmed(container) {
  for (const box of container.querySelectorAll('.address-box')) {
    const tick = box.querySelector('input[type=checkbox]');
    if (!tick || tick.checked) continue;
    const id = box.id.slice('addr-'.length);
    const input = container.querySelector('#f-' + id);
    const proposals = JSON.parse(box.dataset.values || '[]');
    if (input && proposals.includes(input.value)) return { id, tick };
  }
  return null;
}

/** The card's original under a reviewed address value, when the kiosk converted it. */
export function reviewOriginal(p) {
  if (!p || p.status === 'ALREADY_CURRENT') return null;
  return pick(TEXT.onCard) + ': ' + p.original;
}

// the review button waits for the confirmation (capture phase: before the flow's own handler)
document.addEventListener('click', (ev) => {
  if (!(ev.target instanceof Element) || !ev.target.closest('#form-review')) return;
  const form = document.getElementById('form');
  const pending = form && firstUnconfirmed(form);
  if (!pending) return;
  ev.stopImmediatePropagation();
  ev.preventDefault();
  const err = document.getElementById('err-' + pending.id);
  if (err) {
    err.textContent = pick(TEXT.confirmFirst);
    err.hidden = false;
  }
  pending.tick.focus();
}, true);

// identity screen: the card's residence and the current-units address side by side
async function showOnIdentity() {
  const facts = document.querySelector('#screen-identity dl.facts');
  if (!facts) return;
  facts.querySelectorAll('.id-address').forEach((n) => n.remove());
  let c;
  try {
    c = await api.get('/api/session/cards/0/address');
  } catch (e) {
    return; // no card or no residence on it: nothing to show
  }
  const dt = el('dt', { class: 'id-address' }, pick(TEXT.residence));
  const dd = el('dd', { class: 'id-address', id: 'id-address' });
  const old = el('div', { class: 'address-old' });
  old.append(el('span', { class: 'address-tag' }, pick(TEXT.onCard)), el('span', { id: 'id-address-original' }, c.original));
  dd.appendChild(old);
  if (c.status === 'CONVERTED' || c.status === 'CHOICE_NEEDED') {
    const now = el('div', { class: 'address-new' });
    const text = c.status === 'CONVERTED' ? c.address : c.candidates.map((k) => k.commune.name + ', ' + k.commune.province.name).join(' / ');
    now.append(el('span', { class: 'address-tag' }, pick(TEXT.proposed)), el('span', { id: 'id-address-new' }, text));
    dd.appendChild(now);
  }
  facts.append(dt, dd);
}

const identity = document.getElementById('screen-identity');
if (identity) {
  new MutationObserver(() => { if (!identity.hidden) showOnIdentity(); })
    .observe(identity, { attributes: true, attributeFilter: ['hidden'] });
}
