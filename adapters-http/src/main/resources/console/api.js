// The console's only way in: the service's public HTTP API, with the token as a header.
const KEY = 'titan-webhooks.api-token';

export class Unauthorized extends Error {
  constructor() {
    super('the API token was refused');
  }
}

export class ApiError extends Error {
  constructor(status, body) {
    super(body && body.detail ? body.detail : (body && body.error) || ('HTTP ' + status));
    this.status = status;
  }
}

/** The token for this tab only: sessionStorage ends with the tab, and it is never put in a URL. */
export const token = {
  get: () => sessionStorage.getItem(KEY),
  set: (value) => sessionStorage.setItem(KEY, value),
  clear: () => sessionStorage.removeItem(KEY),
};

export async function call(path, method = 'GET') {
  const response = await fetch(path, {
    method,
    cache: 'no-store',
    credentials: 'omit',
    headers: { Authorization: 'Bearer ' + (token.get() || ''), Accept: 'application/json' },
  });
  if (response.status === 401) {
    throw new Unauthorized();
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(response.status, body);
  }
  return body;
}

/** A query string from the non-empty entries of {@code params}. */
export function query(params) {
  const search = new URLSearchParams();
  Object.entries(params).forEach(([name, value]) => {
    if (value !== undefined && value !== null && value !== '') {
      search.set(name, value);
    }
  });
  const text = search.toString();
  return text ? '?' + text : '';
}
