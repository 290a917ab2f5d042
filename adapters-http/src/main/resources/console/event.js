// One event: its stored headers (a signature is never stored, and never shown), its body
// pretty-printed, what the domain reads in it, its attempts and last error, and Replay.
import { call } from './api.js';
import { el, statusBadge, time, aggregateLink, table, message } from './dom.js';

const REPLAYABLE = new Set(['parked', 'failed', 'ignored']);
const SETTLING = new Set(['received']);

export function render(main, id, context) {
  let stopped = false;
  let timer = null;
  const heading = el('h2', {}, 'Event ', el('code', {}, id));
  const holder = el('div', { id: 'event' }, message('Loading…'));
  main.replaceChildren(el('p', {}, el('a', { href: '#/inbox' }, '← Inbox')), heading, holder);

  async function load() {
    try {
      const event = await call('/api/events/' + encodeURIComponent(id));
      if (!stopped) {
        show(event);
      }
      return event;
    } catch (error) {
      context.failed(error, holder);
      return null;
    }
  }

  function show(event) {
    const replay = el('button', { type: 'button', id: 'replay', disabled: !REPLAYABLE.has(event.status) }, 'Replay');
    replay.addEventListener('click', () => confirmReplay(event));
    const headers = Object.entries(event.headers || {})
      .filter(([name]) => !/signature/i.test(name))
      .sort(([a], [b]) => a.localeCompare(b));
    holder.replaceChildren(
      el('dl', { class: 'facts' },
        fact('Status', el('span', { id: 'event-status' }, statusBadge(event.status))),
        fact('Source', event.source),
        fact('Type', event.type || '(unreadable)'),
        fact('Occurred (provider)', time(event.occurred_at)),
        fact('Received', time(event.received_at)),
        fact('Attempts', String(event.attempts)),
        fact('Last error', event.last_error ? el('span', { class: 'error', id: 'last-error' }, event.last_error) : '—'),
        fact('Idempotency key', event.idempotency_key ? el('code', {}, event.idempotency_key) : '—'),
        fact('Changed', event.decoded ? aggregateLink(event.decoded.aggregate, event.decoded.aggregate_id) : '—')),
      el('div', { class: 'actions' }, replay,
        el('span', { id: 'replay-state', class: 'note', 'aria-live': 'polite' },
          REPLAYABLE.has(event.status) ? '' : 'Replay applies parked, failed or ignored events.')),
      el('h3', {}, 'Headers'),
      headers.length === 0 ? message('No headers kept (blanked by retention, or none sent).')
        : table('Stored headers (the signature is never stored)', ['Header', 'Value'],
          headers.map(([name, value]) => el('tr', {}, el('td', {}, el('code', {}, name)), el('td', {}, value))),
          { id: 'headers' }),
      el('h3', {}, 'Body'),
      el('pre', { id: 'body', tabindex: '0', 'aria-label': 'Raw body, pretty-printed' }, pretty(event.raw_payload)),
      el('h3', {}, 'Decoded'),
      decoded(event.decoded));
  }

  function confirmReplay(event) {
    const dialog = document.getElementById('confirm');
    document.getElementById('confirm-text').textContent = 'Event ' + event.id + ' (' + (event.type || 'unreadable')
      + ', now ' + event.status + ') is applied again by the worker. Per-field last-writer-wins makes this safe.';
    dialog.returnValue = '';
    dialog.addEventListener('close', async () => {
      if (dialog.returnValue !== 'replay') {
        document.getElementById('replay').focus();
        return;
      }
      const state = document.getElementById('replay-state');
      try {
        await call('/api/events/' + encodeURIComponent(event.id) + '/replay', 'POST');
        state.textContent = 'Replay queued; waiting for the worker…';
        follow(0);
      } catch (error) {
        state.textContent = 'Replay refused: ' + error.message;
      }
    }, { once: true });
    dialog.showModal();
    document.getElementById('confirm-cancel').focus();
  }

  /** Re-reads the event until the worker has settled it again, then shows its new status. */
  async function follow(round) {
    const event = await load();
    if (!event || stopped) {
      return;
    }
    const state = document.getElementById('replay-state');
    if (SETTLING.has(event.status) && round < 40) {
      state.textContent = 'Replay queued; status is ' + event.status + '…';
      timer = setTimeout(() => follow(round + 1), 500);
    } else {
      state.textContent = 'Replayed: the event is now ' + event.status + '.';
      document.getElementById('replay').focus();
    }
  }

  load();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

function fact(name, value) {
  return [el('dt', {}, name), el('dd', {}, value)];
}

function pretty(raw) {
  if (!raw) {
    return '(blank: the body was removed by retention)';
  }
  try {
    return JSON.stringify(JSON.parse(raw), null, 2);
  } catch (notJson) {
    return raw;
  }
}

function decoded(event) {
  if (!event) {
    return message('The domain reads nothing in this event (no handler for its type, or not decodable).');
  }
  const fields = Object.entries(event.fields);
  return el('div', { id: 'decoded' },
    el('p', {}, event.change.replace(/_/g, ' ') + ' of ', aggregateLink(event.aggregate, event.aggregate_id),
      ' at ', time(event.occurred_at), ' (the provider\'s time, which decides each field).'),
    fields.length === 0 ? message('It carries no fields.')
      : table('Fields it carries (empty clears a field)', ['Field', 'Value'],
        fields.map(([name, value]) => el('tr', {}, el('td', {}, el('code', {}, name)),
          el('td', {}, value === null ? el('em', {}, 'cleared') : value)))));
}
