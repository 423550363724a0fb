// Screens 8 and 9: the review of the form as the server checked it, and the document made from it (preview, PDF,
// JSON, print).

import { api } from '../api.js';
import { errorText } from '../errors.js';
import * as forms from '../forms.js';
import { t } from '../i18n.js';
import { state, update, subscribe } from '../state.js';
import { $, show, announce, alertMessage } from '../ui.js';
import { fail, finish } from '../session.js';
import { input } from './form.js';

/** The server's field errors on the form screen, the first one focused. */
function showFormErrors(e) {
  const first = forms.showErrors($('form'), e.errors);
  alertMessage(t('formErrors', { n: Object.keys(e.errors || {}).length }));
  if (first) first.focus();
}

async function review() {
  alertMessage(null);
  forms.clearErrors($('form'));
  try {
    const res = await api.post('/api/forms/' + encodeURIComponent(state.formId) + '/validate', input());
    $('review').replaceChildren(forms.reviewList(res.values, res.tables));
    show('review');
  } catch (e) {
    if (e.code === 'INVALID_FORM') {
      showFormErrors(e);
    } else {
      fail(e);
    }
  }
}

async function makeDocument() {
  alertMessage(null);
  try {
    const doc = await api.post('/api/forms/' + encodeURIComponent(state.formId) + '/documents', input());
    update({ document: doc });
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
      showFormErrors(e);
    } else {
      fail(e);
    }
  }
}

async function printDocument() {
  if (!state.document || !state.document.print) return;
  try {
    await api.post(state.document.print);
    announce(t('printed'));
    alertMessage(null);
  } catch (e) {
    alertMessage(errorText(e));
  }
}

function wipe() {
  $('review').replaceChildren();
  $('doc-preview').replaceChildren();
  $('doc-reference').textContent = '';
  ['done-pdf', 'done-json'].forEach((id) => $(id).removeAttribute('href'));
}

export function setUp() {
  $('form-review').addEventListener('click', review);
  $('review-edit').addEventListener('click', () => show('form'));
  $('review-make').addEventListener('click', makeDocument);
  $('done-print').addEventListener('click', printDocument);
  $('done-another').addEventListener('click', () => show('picker'));
  $('done-finish').addEventListener('click', finish);
  subscribe((keys) => {
    if (keys.includes('wiped')) wipe();
  });
}
