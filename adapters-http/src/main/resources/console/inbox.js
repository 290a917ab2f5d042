// The live inbox: what arrives, as it arrives. It polls the events API every second for new
// events and for the new status of those still in flight, and the counts per status.
import { call, query } from './api.js';
import { el, statusBadge, time, eventLink, aggregateLink, table } from './dom.js';

const STATUSES = ['received', 'processed', 'ignored', 'failed', 'parked', 'malformed'];
const UNSETTLED = new Set(['received', 'failed']);
const WINDOWS = [['15', 'last 15 minutes'], ['60', 'last hour'], ['1440', 'last 24 hours'], ['10080', 'last 7 days']];
const SHOWN = 500;
const filters = { source: '', type: '', status: '', minutes: '60' };

export function render(main, context) {
  const rows = new Map();
  let since = null;
  let drawn = null;
  let timer = null;
  let busy = false;
  let stopped = false;

  const counts = el('ul', { class: 'counts', id: 'counts', 'aria-label': 'Events per status' });
  const body = el('tbody', { id: 'inbox-rows' });
  const state = el('p', { class: 'note', id: 'inbox-state', 'aria-live': 'polite' }, 'Loading…');
  const form = el('form', { class: 'filters', id: 'inbox-filters' },
    field('Source', select('filter-source', [['', 'any'], ['titancard', 'TitanCard'], ['titanx', 'TitanX']], filters.source)),
    field('Type', el('input', { id: 'filter-type', type: 'text', value: filters.type, placeholder: 'e.g. connection.updated' })),
    field('Status', select('filter-status', [['', 'any'], ...STATUSES.map((s) => [s, s])], filters.status)),
    field('Received', select('filter-minutes', WINDOWS, filters.minutes)),
    el('button', { type: 'submit' }, 'Apply'));
  form.addEventListener('submit', (submitted) => {
    submitted.preventDefault();
    filters.source = form.querySelector('#filter-source').value;
    filters.type = form.querySelector('#filter-type').value.trim();
    filters.status = form.querySelector('#filter-status').value;
    filters.minutes = form.querySelector('#filter-minutes').value;
    restart();
  });
  form.querySelectorAll('select').forEach((box) => box.addEventListener('change', () => form.requestSubmit()));

  main.replaceChildren(
    el('h2', {}, 'Inbox'),
    el('p', { class: 'lede' }, 'Every verified delivery, newest first, as it arrives. Parked and failed events stand out.'),
    form, counts, state,
    el('div', { class: 'scroll' },
      el('table', { id: 'inbox' },
        el('caption', { class: 'visually-hidden' }, 'Events received'),
        el('thead', {}, el('tr', {}, ['Received', 'Source', 'Type', 'Status', 'Aggregate', 'Event']
          .map((heading) => el('th', { scope: 'col' }, heading)))),
        body)));

  function criteria() {
    return { source: filters.source, type: filters.type, status: filters.status, since };
  }

  function restart() {
    rows.clear();
    drawn = null;
    body.replaceChildren();
    since = new Date(Date.now() - Number(filters.minutes) * 60000).toISOString();
    state.textContent = 'Loading…';
    tick();
  }

  async function tick() {
    clearTimeout(timer);
    if (stopped) {
      return;
    }
    if (!busy) {
      busy = true;
      try {
        await readNew();
        await readCounts();
        draw();
      } catch (error) {
        context.failed(error, state);
        if (!state.isConnected) {
          stopped = true;
        }
      } finally {
        busy = false;
      }
    }
    if (!stopped) {
      timer = setTimeout(tick, 1000);
    }
  }

  /**
   * Reads from the oldest event still in flight (its status may have moved on) or else the newest
   * one seen (same-millisecond neighbours are read again, not missed): new ones and new statuses.
   */
  async function readNew() {
    const open = [...rows.values()].filter((row) => UNSETTLED.has(row.status)).map((row) => row.received_at);
    const newest = [...rows.values()].map((row) => row.received_at).sort().pop();
    const from = open.length > 0 ? open.sort()[0] : (newest || since);
    let cursor = null;
    for (let page = 0; page < 10; page++) {
      const answer = await call('/api/events' + query({ ...criteria(), since: from, cursor, limit: 500 }));
      answer.items.forEach((item) => rows.set(item.id, item));
      cursor = answer.next_cursor;
      if (!cursor) {
        return;
      }
    }
  }

  /** The count buttons are made once and updated in place, so that one holding the focus keeps it. */
  async function readCounts() {
    const answer = await call('/api/events/counts' + query({ source: filters.source, type: filters.type, since }));
    if (counts.children.length === 0) {
      counts.append(...STATUSES.map((status) => el('li', { class: 'count count-' + status },
        el('button', {
          type: 'button', class: 'count-button', 'data-count': status,
          onclick: () => {
            filters.status = filters.status === status ? '' : status;
            form.querySelector('#filter-status').value = filters.status;
            restart();
          },
        }, statusBadge(status), ' ', el('strong', {}, '')))));
    }
    STATUSES.forEach((status) => {
      const button = counts.querySelector('[data-count="' + status + '"]');
      button.setAttribute('aria-pressed', String(filters.status === status));
      button.querySelector('strong').textContent = String(answer.counts[status]);
    });
  }

  /**
   * Redraws the rows only when something changed, and keeps the keyboard focus on the same link:
   * a live table must not pull the focus from under someone tabbing through it.
   */
  function draw() {
    const newest = [...rows.values()].sort((a, b) => (a.received_at < b.received_at ? 1 : a.received_at > b.received_at ? -1 : (a.id < b.id ? 1 : -1))).slice(0, SHOWN);
    const signature = newest.map((row) => row.id + ':' + row.status).join(',');
    if (signature !== drawn) {
      drawn = signature;
      const focused = body.contains(document.activeElement) ? document.activeElement : null;
      const row = focused ? focused.closest('tr') : null;
      const spot = row ? [row.dataset.eventId, [...row.querySelectorAll('a')].indexOf(focused)] : null;
      drawRows(newest);
      if (spot) {
        const again = body.querySelector('tr[data-event-id="' + CSS.escape(spot[0]) + '"]');
        const link = again ? again.querySelectorAll('a')[spot[1]] : null;
        if (link) {
          link.focus();
        }
      }
    }
    state.textContent = rows.size === 0 ? 'Nothing received in this window yet; new deliveries appear here as they arrive.'
      : 'Showing ' + Math.min(rows.size, SHOWN) + ' of ' + rows.size + ' events; updated ' + new Date().toLocaleTimeString() + '.';
  }

  function drawRows(newest) {
    body.replaceChildren(...newest.map((row) => el('tr', { class: 'row-' + row.status, 'data-event-id': row.id },
      el('td', { 'data-label': 'Received' }, time(row.received_at)),
      el('td', { 'data-label': 'Source' }, row.source),
      el('td', { 'data-label': 'Type' }, row.type || '(unreadable)'),
      el('td', { 'data-label': 'Status' }, statusBadge(row.status)),
      el('td', { 'data-label': 'Aggregate' }, row.aggregate ? aggregateLink(row.aggregate.type, row.aggregate.id) : '—'),
      el('td', { 'data-label': 'Event' }, eventLink(row.id, 'Details')))));
  }

  restart();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

function field(label, control) {
  return el('label', { class: 'field' }, el('span', {}, label), control);
}

function select(id, options, current) {
  return el('select', { id }, options.map(([value, text]) => el('option', { value, selected: value === current }, text)));
}
