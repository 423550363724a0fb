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

async function call(method, path, body, blob) {
  const init = { method, headers: {}, cache: 'no-store', credentials: 'same-origin' };
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

export const api = {
  get: (path) => call('GET', path),
  post: (path, body = {}) => call('POST', path, body),
  // an image (a camera frame or an upload), sent with its own media type
  postImage: (path, blob) => call('POST', path, undefined, blob),
  del: (path) => call('DELETE', path),
};
