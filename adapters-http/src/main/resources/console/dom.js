// Building the page from data: text goes in as text, never as markup.
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => {
    if (value === undefined || value === null || value === false) {
      return;
    }
    if (name === 'class') {
      node.className = value;
    } else if (name.startsWith('on')) {
      node.addEventListener(name.substring(2), value);
    } else {
      node.setAttribute(name, value === true ? '' : value);
    }
  });
  children.flat().forEach((child) => {
    if (child !== undefined && child !== null && child !== false) {
      node.append(child instanceof Node ? child : String(child));
    }
  });
  return node;
}

export function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
  children.flat().forEach((child) => node.append(child instanceof Node ? child : String(child)));
  return node;
}

export function statusBadge(status) {
  return el('span', { class: 'status status-' + status, 'data-status': status }, status);
}

/** "12 s ago", "5 min ago", "3 h ago". */
export function age(iso, now = Date.now()) {
  if (!iso) {
    return 'never';
  }
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 90) {
    return seconds + ' s ago';
  }
  if (seconds < 90 * 60) {
    return Math.round(seconds / 60) + ' min ago';
  }
  if (seconds < 48 * 3600) {
    return Math.round(seconds / 3600) + ' h ago';
  }
  return Math.round(seconds / 86400) + ' days ago';
}

export function time(iso) {
  if (!iso) {
    return '—';
  }
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) {
    // a time the browser cannot read is shown as it came, never an error that hides the page
    return el('time', { title: iso }, String(iso));
  }
  return el('time', { datetime: iso, title: iso }, at.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z'));
}

export function eventLink(id, text) {
  return id ? el('a', { href: '#/events/' + encodeURIComponent(id), 'data-event-id': id }, text || shortId(id)) : '—';
}

export function aggregateLink(type, id) {
  return el('a', { href: '#/aggregates/' + encodeURIComponent(type) + '/' + encodeURIComponent(id) }, type + ' ' + id);
}

/** Event ids are time-ordered: ids of the same moment share their start, so their end tells them apart. */
export function shortId(id) {
  return id.length > 13 ? '…' + id.substring(id.length - 8) : id;
}

export function table(caption, headings, rows, attributes = {}) {
  return el('div', { class: 'scroll' },
    el('table', attributes,
      el('caption', {}, caption),
      el('thead', {}, el('tr', {}, headings.map((heading) => el('th', { scope: 'col' }, heading)))),
      el('tbody', {}, rows)));
}

export function message(text, kind = 'note') {
  return el('p', { class: kind, role: kind === 'error' ? 'alert' : null }, text);
}
