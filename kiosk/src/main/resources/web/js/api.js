// Calls to the kiosk API. Errors carry the API's code, message and (for forms) per-field errors.

export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.message) || ('HTTP ' + status));
    this.status = status;
    this.code = (body && body.code) || 'HTTP_' + status;
    this.errors = (body && body.errors) || null;
    this.body = body;
  }
}

// the staff token of the lodging/hospital desk, in memory only (gone on reload)
let staffToken = null;

export function setStaffToken(token) {
  staffToken = token || null;
}

async function call(method, path, body, blob, headers) {
  const init = { method, headers: { ...(headers || {}) }, cache: 'no-store', credentials: 'same-origin' };
  if (staffToken) {
    init.headers.Authorization = 'Bearer ' + staffToken;
  }
  if (blob !== undefined) {
    init.headers['Content-Type'] = blob.type;
    init.body = blob;
  } else if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let res;
  try {
    res = await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, { code: 'NETWORK', message: String(e) });
  }
  if (res.status === 204) {
    return null;
  }
  const type = res.headers.get('Content-Type') || '';
  const data = type.startsWith('application/json') ? await res.json() : null;
  if (!res.ok) {
    throw new ApiError(res.status, data);
  }
  return data;
}

/** A file download for staff (an export): the bytes and the file name the server gives. */
async function download(path) {
  const init = { method: 'GET', headers: {}, cache: 'no-store', credentials: 'same-origin' };
  if (staffToken) {
    init.headers.Authorization = 'Bearer ' + staffToken;
  }
  const res = await fetch(path, init);
  if (!res.ok) {
    const type = res.headers.get('Content-Type') || '';
    throw new ApiError(res.status, type.startsWith('application/json') ? await res.json() : null);
  }
  const disposition = res.headers.get('Content-Disposition') || '';
  const m = /filename="([^"]+)"/.exec(disposition);
  return { blob: await res.blob(), name: m ? m[1] : 'export' };
}

export const api = {
  download,
  get: (path) => call('GET', path),
  // a request the page makes by itself (a timer): it does not count as staff activity
  getInBackground: (path) => call('GET', path, undefined, undefined, { 'X-Staff-Background': '1' }),
  post: (path, body = {}) => call('POST', path, body),
  // an image (a camera frame or an upload), sent with its own media type
  postImage: (path, blob) => call('POST', path, undefined, blob),
  del: (path) => call('DELETE', path),
};
