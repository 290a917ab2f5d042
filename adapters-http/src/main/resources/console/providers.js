// Providers: when each last got through, its run of refused deliveries, what it sent per
// minute over the last hour, and the banners that matter before a provider gives up.
import { call } from './api.js';
import { el, svg, age, time } from './dom.js';

const NAMES = { titancard: 'TitanCard', titanx: 'TitanX' };
const WARN_AT = 3;

export function render(main, context) {
  let stopped = false;
  let timer = null;
  const holder = el('div', { id: 'providers', class: 'cards' });
  main.replaceChildren(el('h2', {}, 'Providers'),
    el('p', { class: 'lede' }, 'Refreshed every 5 seconds. Ages are measured from this service\'s clock.'), holder);

  async function refresh() {
    try {
      const body = await call('/api/providers');
      if (!stopped) {
        holder.replaceChildren(...body.providers.map(card));
      }
    } catch (error) {
      context.failed(error, holder);
    }
    if (!stopped) {
      timer = setTimeout(refresh, 5000);
    }
  }
  refresh();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

/** The banners shown on every page: 3 refused in a row, or silent longer than the quiet time. */
export function banners(providers) {
  const shown = [];
  providers.forEach((provider) => {
    const name = NAMES[provider.source] || provider.source;
    if (provider.consecutive_failures >= WARN_AT) {
      const giveUp = provider.disabled_at_failures
        ? ' ' + name + ' disables the webhook at ' + provider.disabled_at_failures + '.' : '';
      shown.push(el('p', { class: 'banner banner-failing', role: 'alert', 'data-banner': 'failures-' + provider.source },
        name + ': ' + provider.consecutive_failures + ' deliveries refused in a row.' + giveUp
        + ' These were authentic deliveries this service could not take: see the logs and /health/ready.'));
    }
    if (provider.quiet) {
      shown.push(el('p', { class: 'banner banner-quiet', role: 'status', 'data-banner': 'quiet-' + provider.source },
        name + ' has been quiet for more than ' + provider.quiet_after_minutes + ' minutes (last accepted '
        + age(provider.last_accepted_at) + '). A webhook switched off at the provider looks exactly like this.'));
    }
  });
  return shown;
}

function card(provider) {
  const name = NAMES[provider.source] || provider.source;
  const total = provider.accepted_per_minute.reduce((sum, n) => sum + n, 0);
  return el('section', { class: 'panel provider', 'data-provider': provider.source, 'aria-labelledby': 'provider-' + provider.source },
    el('h3', { id: 'provider-' + provider.source }, name),
    el('dl', { class: 'facts' },
      el('dt', {}, 'Last accepted'),
      el('dd', {}, provider.last_accepted_at ? [age(provider.last_accepted_at), ' (', time(provider.last_accepted_at), ')'] : 'never'),
      el('dt', {}, 'Refused in a row'),
      el('dd', { class: provider.consecutive_failures >= WARN_AT ? 'error' : '' }, String(provider.consecutive_failures),
        provider.disabled_at_failures ? ' (' + name + ' disables the webhook at ' + provider.disabled_at_failures + ')' : ''),
      el('dt', {}, 'Accepted, last hour'),
      el('dd', {}, String(total))),
    chart(provider.accepted_per_minute, name));
}

/** One bar per minute, oldest on the left; an inline SVG, so nothing is fetched to draw it. */
function chart(perMinute, name) {
  const width = 300;
  const height = 60;
  const peak = Math.max(0, ...perMinute);
  const highest = Math.max(1, peak);
  const step = width / perMinute.length;
  const bars = perMinute.map((count, i) => {
    const h = count === 0 ? 0 : Math.max(2, Math.round((count / highest) * (height - 4)));
    return svg('rect', { x: (i * step).toFixed(1), y: String(height - h), width: Math.max(1, step - 1).toFixed(1), height: String(h), class: 'bar' },
      svg('title', {}, (perMinute.length - 1 - i) + ' min ago: ' + count));
  });
  const label = name + ': deliveries accepted per minute over the last hour, highest ' + peak + ' per minute';
  return el('figure', { class: 'chart' },
    svg('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-label': label, preserveAspectRatio: 'none' },
      svg('line', { x1: '0', y1: String(height - 0.5), x2: String(width), y2: String(height - 0.5), class: 'axis' }), bars),
    el('figcaption', {}, 'Accepted per minute, last 60 minutes (peak ' + peak + ')'));
}
