// The console's shell: sign-in, the provider banners on every page, and a router on the
// location's fragment (#/inbox, #/events/<id>, ...), which never reaches the server.
import { call, token, Unauthorized } from './api.js';
import { el } from './dom.js';
import * as inbox from './inbox.js';
import * as event from './event.js';
import * as providers from './providers.js';
import * as aggregate from './aggregate.js';

const main = document.getElementById('main');
const signIn = document.getElementById('sign-in');
const signInError = document.getElementById('sign-in-error');
const nav = document.getElementById('nav');
const banners = document.getElementById('banners');
let leave = () => {};
let bannerTimer = null;

const routes = [
  [/^#\/inbox$/, (m) => inbox.render(main, context)],
  [/^#\/events\/([^/]+)$/, (m) => event.render(main, decodeURIComponent(m[1]), context)],
  [/^#\/providers$/, (m) => providers.render(main, context)],
  [/^#\/aggregates\/([^/]+)\/(.+)$/, (m) => aggregate.render(main, decodeURIComponent(m[1]), decodeURIComponent(m[2]), context)],
  [/^#\/aggregate$/, (m) => aggregate.render(main, 'connection', '', context)],
];

const context = {
  /** Every view hands failures here: a refused token sends the operator back to sign in. */
  failed(error, where) {
    if (error instanceof Unauthorized) {
      signOut('The API token was refused (401). Sign in again with the API_TOKEN the service runs with.');
      return;
    }
    where.replaceChildren(el('p', { class: 'error', role: 'alert' }, 'Could not load: ' + error.message));
  },
};

function route() {
  leave();
  leave = () => {};
  if (!token.get()) {
    showSignIn();
    return;
  }
  const hash = location.hash || '#/inbox';
  for (const [pattern, view] of routes) {
    const match = hash.match(pattern);
    if (match) {
      markCurrent(hash);
      leave = view(match) || (() => {});
      return;
    }
  }
  location.hash = '#/inbox';
}

function markCurrent(hash) {
  nav.querySelectorAll('a').forEach((link) => {
    const current = hash.startsWith(link.getAttribute('href'))
      || (link.getAttribute('href') === '#/inbox' && hash.startsWith('#/events/'))
      || (link.getAttribute('href') === '#/aggregate' && hash.startsWith('#/aggregates/'));
    if (current) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  });
}

function showSignIn(problem) {
  nav.hidden = true;
  main.replaceChildren();
  banners.replaceChildren();
  clearInterval(bannerTimer);
  signIn.hidden = false;
  signInError.textContent = problem || '';
  document.getElementById('token').focus();
}

function signOut(problem) {
  token.clear();
  leave();
  leave = () => {};
  showSignIn(problem);
}

async function submitSignIn(submitted) {
  submitted.preventDefault();
  const input = document.getElementById('token');
  const typed = input.value.trim();
  if (!typed) {
    signInError.textContent = 'Type the API token.';
    return;
  }
  token.set(typed);
  input.value = '';
  try {
    await call('/api/events/counts');
  } catch (error) {
    token.clear();
    signInError.textContent = error instanceof Unauthorized
      ? 'That token was refused (401 unauthorized). Check the API_TOKEN the service runs with.'
      : 'The service did not answer: ' + error.message;
    input.focus();
    return;
  }
  signedIn();
}

function signedIn() {
  signIn.hidden = true;
  signInError.textContent = '';
  nav.hidden = false;
  refreshBanners();
  clearInterval(bannerTimer);
  bannerTimer = setInterval(refreshBanners, 10000);
  route();
  main.focus();
}

/** The two warnings that matter on every page: a run of refused deliveries, and silence. */
async function refreshBanners() {
  try {
    const body = await call('/api/providers');
    if (token.get()) {
      // signed out while the answer was on its way: the sign-in page shows no data
      banners.replaceChildren(...providers.banners(body.providers));
    }
  } catch (error) {
    if (error instanceof Unauthorized) {
      signOut('The API token was refused (401). Sign in again.');
    }
  }
}

document.getElementById('sign-in-form').addEventListener('submit', submitSignIn);
document.getElementById('sign-out').addEventListener('click', () => signOut('Signed out.'));
window.addEventListener('hashchange', () => {
  route();
  main.focus();
});
if (token.get()) {
  signedIn();
} else {
  showSignIn();
}
