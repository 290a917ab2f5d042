// An aggregate and why it looks as it does: each field with the event that set it, the values
// that arrived late and lost to a newer one, its tombstone, and its history from the change feed.
import { call, query } from './api.js';
import { el, time, eventLink, table, message } from './dom.js';

const ROUTES = { connection: 'connections', card: 'cards', reminder: 'reminders', contact: 'contacts' };

export function render(main, type, id, context) {
  let stopped = false;
  const form = el('form', { class: 'filters', id: 'aggregate-form' },
    el('label', { class: 'field' }, el('span', {}, 'Kind'),
      el('select', { id: 'aggregate-type' }, Object.keys(ROUTES).map((name) => el('option', { value: name, selected: name === type }, name)))),
    el('label', { class: 'field grow' }, el('span', {}, 'Id (a contact\'s key)'),
      el('input', { id: 'aggregate-id', type: 'text', value: id, required: true })),
    el('button', { type: 'submit' }, 'Show'));
  form.addEventListener('submit', (submitted) => {
    submitted.preventDefault();
    const chosen = form.querySelector('#aggregate-id').value.trim();
    if (chosen) {
      location.hash = '#/aggregates/' + encodeURIComponent(form.querySelector('#aggregate-type').value) + '/'
        + encodeURIComponent(chosen);
    }
  });
  const holder = el('div', { id: 'aggregate' });
  main.replaceChildren(el('h2', {}, id ? type + ' ' + id : 'Aggregate'), form, holder);
  if (!id) {
    holder.append(message('Type an id, or follow an aggregate link from the inbox or an event.'));
    return () => {};
  }
  if (!ROUTES[type]) {
    holder.append(message('No such kind of aggregate: ' + type, 'error'));
    return () => {};
  }
  holder.append(message('Loading…'));

  (async () => {
    try {
      const state = await call('/api/' + ROUTES[type] + '/' + encodeURIComponent(id) + '?provenance=true');
      const history = await changes(type, id);
      if (!stopped) {
        holder.replaceChildren(...view(state.provenance, history));
      }
    } catch (error) {
      if (error.status === 404) {
        holder.replaceChildren(message('No ' + type + ' with id ' + id + ' is stored.', 'error'));
      } else {
        context.failed(error, holder);
      }
    }
  })();
  return () => {
    stopped = true;
  };
}

async function changes(type, id) {
  const found = [];
  let after = null;
  for (let page = 0; page < 10; page++) {
    const answer = await call('/api/changes' + query({ aggregate: type, aggregate_id: id, after, limit: 1000 }));
    found.push(...answer.changes);
    if (answer.changes.length < 1000) {
      break;
    }
    after = answer.next_cursor;
  }
  return found;
}

function view(provenance, history) {
  const life = provenance.lifecycle;
  const fields = Object.entries(provenance.fields);
  return [
    el('p', { id: 'tombstone', class: life.deleted ? 'banner banner-quiet' : 'note' },
      life.deleted ? ['Deleted: a tombstone set by ', eventLink(life.deleted_by.event_id), ' at ', time(life.deleted_by.occurred_at),
        ', later than its latest creation. An older event cannot bring it back; a newer creation would.']
        : life.created_by ? ['Live; created by ', eventLink(life.created_by.event_id), ' at ', time(life.created_by.occurred_at), '.']
          : 'Live.'),
    el('h3', {}, 'Fields and the events that set them'),
    fields.length === 0 ? message('No field has been set.') : table(
      'Each field holds the value of the event with the latest provider time (last writer wins, per field)',
      ['Field', 'Value', 'Set by event', 'Its provider time'],
      fields.map(([name, field]) => el('tr', { 'data-field': name },
        el('td', {}, el('code', {}, name)),
        el('td', {}, field.value === null ? el('em', {}, 'cleared') : field.value),
        el('td', { class: 'set-by' }, field.set_by.event_id ? eventLink(field.set_by.event_id)
          : el('span', { title: 'idempotency key ' + field.set_by.idempotency_key }, 'not in the inbox any more')),
        el('td', {}, time(field.set_by.occurred_at)))),
      { id: 'fields' }),
    el('h3', {}, 'Values that lost'),
    provenance.lost.length === 0 ? message('None: no event arrived after a newer one for the same field.', 'note')
      : table('Values that arrived after a newer one and lost to it', ['Field', 'Value it carried', 'Event', 'Its provider time', 'Lost to', 'Newer provider time'],
        provenance.lost.map((lost) => el('tr', { 'data-lost-field': lost.field },
          el('td', {}, el('code', {}, lost.field)),
          el('td', {}, lost.value === null ? el('em', {}, 'cleared') : lost.value),
          el('td', {}, eventLink(lost.event_id)),
          el('td', {}, time(lost.occurred_at)),
          el('td', {}, eventLink(lost.lost_to.event_id)),
          el('td', {}, time(lost.lost_to.occurred_at)))),
        { id: 'lost' }),
    el('h3', {}, 'Events about it, in arrival order'),
    provenance.events.length === 0 ? message('None found in the inbox (bodies blanked by retention are not searched).')
      : table(provenance.events_complete ? 'Every event found' : 'The first events found (there are more)',
        ['Received', 'Provider time', 'Type', 'Status', 'Event'],
        provenance.events.map((event) => el('tr', {},
          el('td', {}, time(event.received_at)), el('td', {}, time(event.occurred_at)), el('td', {}, event.type),
          el('td', {}, event.status), el('td', {}, eventLink(event.id)))),
        { id: 'events' }),
    el('h3', {}, 'History (change feed)'),
    history.length === 0 ? message('No change of it is in the feed (changes are kept for CHANGE_RETENTION_DAYS).')
      : table('Committed changes, oldest first', ['Committed', 'Kind', 'Fields changed', 'Event'],
        history.map((change) => el('tr', {},
          el('td', {}, time(change.committed_at)), el('td', {}, change.kind),
          el('td', {}, change.changed.join(', ') || '—'), el('td', {}, eventLink(change.event_id)))),
        { id: 'history' }),
  ];
}
