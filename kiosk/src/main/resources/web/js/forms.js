// Renders a form definition (config/forms/*.json) as inputs, collects what the person typed and shows errors.
// Chip values are read-only and marked "từ chip". Nothing here is kept after the session: the form element is
// emptied when the session is cleared.

import { t, pick } from './i18n.js';
import * as address from './address.js';

let current = null; // { def, prefill }

function el(tag, attrs = {}, children = []) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'text') e.textContent = v;
    else if (k === 'className') e.className = v;
    else if (v === true) e.setAttribute(k, '');
    else e.setAttribute(k, v);
  }
  for (const c of children) {
    if (c) e.appendChild(c);
  }
  return e;
}

function labelText(f) {
  return (f.number ? f.number + '. ' : '') + pick(f.label);
}

function inputFor(f, value, readOnly, describedBy) {
  const common = { id: 'f-' + f.id, name: f.id, 'aria-describedby': describedBy, autocomplete: 'off', spellcheck: 'false' };
  if (readOnly) {
    return el('input', { ...common, type: 'text', value: value || '', readonly: true, 'data-source': 'chip' });
  }
  switch (f.type) {
    case 'textarea':
      return (() => { const a = el('textarea', { ...common, maxlength: f.maxLength || 1000 }); a.value = value || ''; return a; })();
    case 'date':
      return el('input', { ...common, type: 'text', inputmode: 'numeric', placeholder: 'dd/mm/yyyy', maxlength: 10, value: value || '' });
    case 'idNumber':
      return el('input', { ...common, type: 'text', inputmode: 'numeric', maxlength: 12, value: value || '' });
    case 'phone':
      return el('input', { ...common, type: 'text', inputmode: 'tel', maxlength: 15, value: value || '' });
    case 'number':
      return el('input', { ...common, type: 'text', inputmode: 'numeric', maxlength: f.maxLength || 9, value: value || '' });
    case 'email':
      return el('input', { ...common, type: 'text', inputmode: 'email', maxlength: f.maxLength || 100, value: value || '' });
    default:
      return el('input', { ...common, type: 'text', maxlength: f.maxLength || 200, value: value || '' });
  }
}

function choices(f, value, describedBy) {
  const set = el('fieldset', { className: 'choices', id: 'f-' + f.id, 'aria-describedby': describedBy });
  set.appendChild(el('legend', { text: labelText(f) + (f.required ? ' *' : '') }));
  for (const o of f.options) {
    const radio = el('input', { type: 'radio', name: f.id, value: o.value, checked: o.value === value });
    set.appendChild(el('label', { className: 'choice' }, [radio, el('span', { text: pick(o.label) })]));
  }
  return set;
}

function tableField(f, describedBy) {
  const wrap = el('div', { className: 'field', id: 'wrap-' + f.id });
  wrap.appendChild(el('div', { className: 'label', id: 'lbl-' + f.id, text: labelText(f) + (f.required ? ' *' : '') }));
  const table = el('table', { className: 'rows', id: 'f-' + f.id, 'aria-labelledby': 'lbl-' + f.id, 'aria-describedby': describedBy });
  const head = el('tr', {}, [el('th', { text: 'TT', scope: 'col' })]);
  for (const c of f.columns) head.appendChild(el('th', { scope: 'col', text: pick(c.label) }));
  head.appendChild(el('th', { scope: 'col', text: '' }));
  table.appendChild(el('thead', {}, [head]));
  const body = el('tbody');
  table.appendChild(body);
  const addRow = () => {
    const i = body.children.length;
    if (i >= (f.maxRows || 10)) return;
    const tr = el('tr');
    tr.appendChild(el('td', { className: 'tt', text: String(i + 1) }));
    for (const c of f.columns) {
      const input = el('input', {
        type: 'text', 'data-col': c.id, 'aria-label': t('row') + ' ' + (i + 1) + ': ' + pick(c.label),
        inputmode: c.type === 'date' || c.type === 'idNumber' ? 'numeric' : null,
        placeholder: c.type === 'date' ? 'dd/mm/yyyy' : null, maxlength: c.maxLength || 200, autocomplete: 'off',
      });
      tr.appendChild(el('td', {}, [input]));
    }
    const rm = el('button', { type: 'button', className: 'secondary', text: '✖', 'aria-label': t('removeRow') + ' ' + (i + 1) });
    rm.addEventListener('click', () => {
      tr.remove();
      [...body.children].forEach((r, k) => { r.firstChild.textContent = String(k + 1); });
    });
    tr.appendChild(el('td', {}, [rm]));
    body.appendChild(tr);
  };
  wrap.appendChild(table);
  const add = el('button', { type: 'button', className: 'secondary', text: '+ ' + t('addRow'), id: 'add-' + f.id });
  add.addEventListener('click', addRow);
  wrap.appendChild(el('div', { className: 'actions' }, [add]));
  wrap.appendChild(el('p', { className: 'error', id: describedBy, hidden: true }));
  if (f.required) addRow();
  return wrap;
}

/** Builds the form inside `container`. */
export function render(container, def, prefill) {
  current = { def, prefill };
  container.replaceChildren();
  const readOnly = new Set(prefill.readOnly);
  for (const s of def.sections) {
    const fs = el('fieldset', { className: 'section' });
    if (s.title) fs.appendChild(el('legend', { text: pick(s.title) }));
    let pair = null;
    for (const f of s.fields) {
      const err = 'err-' + f.id;
      if (f.type === 'table') {
        fs.appendChild(tableField(f, err));
        pair = null;
        continue;
      }
      const value = prefill.fields[f.id];
      const ro = readOnly.has(f.id);
      const wrap = el('div', { className: 'field', id: 'wrap-' + f.id });
      if (f.type === 'select' && !ro) {
        wrap.appendChild(choices(f, value, err));
      } else {
        const lab = el('label', { for: 'f-' + f.id }, [el('span', { text: labelText(f) + (f.required && !ro ? ' *' : '') })]);
        if (ro) lab.appendChild(el('span', { className: 'from-chip', text: t('fromChip') }));
        wrap.appendChild(lab);
        const input = inputFor(f, value, ro, err);
        wrap.appendChild(input);
        const proposal = prefill.addresses && prefill.addresses[f.id];
        if (proposal) wrap.appendChild(address.panel(f, proposal, input));
      }
      if (f.hint && !ro) wrap.appendChild(el('p', { className: 'hint', text: pick(f.hint) }));
      wrap.appendChild(el('p', { className: 'error', id: err, hidden: true }));
      if (f.layout === 'half') {
        if (pair) {
          pair.appendChild(wrap);
          pair = null;
        } else {
          pair = el('div', { className: 'row2' }, [wrap]);
          fs.appendChild(pair);
        }
      } else {
        pair = null;
        fs.appendChild(wrap);
      }
    }
    container.appendChild(fs);
  }
}

/** What the person entered: {fields, tables} for the API (chip values included; the server checks them). */
export function collect(container) {
  const fields = {};
  const tables = {};
  for (const f of current.def.sections.flatMap((s) => s.fields)) {
    if (f.type === 'table') {
      const rows = [];
      container.querySelectorAll('#f-' + f.id + ' tbody tr').forEach((tr) => {
        const row = {};
        tr.querySelectorAll('input[data-col]').forEach((i) => { if (i.value.trim()) row[i.dataset.col] = i.value.normalize('NFC'); });
        if (Object.keys(row).length) rows.push(row);
      });
      tables[f.id] = rows;
    } else if (f.type === 'select' && container.querySelector('fieldset#f-' + f.id)) {
      const checked = container.querySelector('input[name="' + f.id + '"]:checked');
      fields[f.id] = checked ? checked.value : '';
    } else {
      const input = container.querySelector('#f-' + f.id);
      if (input) fields[f.id] = input.value.normalize('NFC');
    }
  }
  return { fields, tables };
}

/** Shows the server's per-field errors ({id or table.row.col: {vi, en}}); returns the first element to focus. */
export function showErrors(container, errors) {
  clearErrors(container);
  let first = null;
  for (const [key, msg] of Object.entries(errors || {})) {
    const id = key.split('.')[0];
    const p = container.querySelector('#err-' + id);
    if (!p) continue;
    const text = pick(msg);
    p.textContent = p.hidden ? text : p.textContent + ' ' + text;
    p.hidden = false;
    const wrap = container.querySelector('#wrap-' + id);
    if (wrap) wrap.classList.add('invalid');
    let target = container.querySelector('#f-' + id);
    const parts = key.split('.');
    if (parts.length === 3) {
      const row = container.querySelectorAll('#f-' + id + ' tbody tr')[Number(parts[1])];
      const cell = row && row.querySelector('input[data-col="' + parts[2] + '"]');
      if (cell) {
        cell.setAttribute('aria-invalid', 'true');
        target = cell;
      }
    } else if (target) {
      target.setAttribute('aria-invalid', 'true');
    }
    if (!first && target) first = target.matches('fieldset') ? target.querySelector('input') : target;
  }
  return first;
}

export function clearErrors(container) {
  container.querySelectorAll('.error').forEach((p) => { p.hidden = true; p.textContent = ''; });
  container.querySelectorAll('.invalid').forEach((w) => w.classList.remove('invalid'));
  container.querySelectorAll('[aria-invalid]').forEach((i) => i.removeAttribute('aria-invalid'));
}

/** The review list: label and value of every field, in order. */
export function reviewList(values, tables) {
  const dl = el('dl');
  for (const f of current.def.sections.flatMap((s) => s.fields)) {
    if (f.type === 'table') {
      const rows = (tables && tables[f.id]) || [];
      const text = rows.map((r, i) => (i + 1) + '. ' + f.columns.map((c) => r[c.id] || '').filter(Boolean).join(' · ')).join('\n');
      dl.appendChild(el('dt', { text: labelText(f) }));
      dl.appendChild(el('dd', { text: text || '—' }));
      continue;
    }
    dl.appendChild(el('dt', { text: labelText(f) }));
    dl.appendChild(el('dd', { text: values[f.id] || '—', id: 'rv-' + f.id }));
    const original = address.reviewOriginal(current.prefill.addresses && current.prefill.addresses[f.id]);
    if (original) dl.appendChild(el('dd', { className: 'address-old', text: original, id: 'rv-' + f.id + '-original' }));
  }
  return dl;
}

export function currentForm() {
  return current;
}

export function reset(container) {
  current = null;
  container.replaceChildren();
}
