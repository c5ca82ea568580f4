// SPDX-License-Identifier: Apache-2.0
// Listeners, live counters and the last hour, refreshed every few seconds without reloading.
import {api} from '../api.js';
import {lineChart} from '../chart.js';
import {h, notice, section, table} from '../dom.js';
import {count} from '../format.js';

const REFRESH_MS = 3000;
const COUNTERS = [
    ['smtp_open', 'Open SMTP sessions'],
    ['pop3_open', 'Open POP3 sessions'],
    ['message_accepted', 'Accepted'],
    ['message_rejected', 'Rejected'],
    ['delivered_locally', 'Delivered locally'],
    ['relayed', 'Relayed'],
    ['deferred', 'Deferred'],
    ['bounced', 'Bounced'],
    ['queue_depth', 'Queue depth'],
];
const WAITING = ['queued', 'in_delivery', 'deferred', 'held'];

export async function render(view) {
    const status = h('div');
    const cards = new Map(COUNTERS.map(([key]) => [key, h('span', {class: 'value', id: `counter-${key}`, text: '…'})]));
    const listeners = h('div');
    const traffic = lineChart('Messages per minute', [
        {key: 'message_accepted', label: 'accepted'},
        {key: 'delivered_locally', label: 'delivered locally'},
        {key: 'relayed', label: 'relayed'},
    ]);
    const trouble = lineChart('Problems per minute', [
        {key: 'message_rejected', label: 'rejected'},
        {key: 'deferred', label: 'deferred'},
        {key: 'bounced', label: 'bounced'},
    ]);
    traffic.element.id = 'chart-traffic';
    trouble.element.id = 'chart-trouble';
    view.append(
        h('h1', {text: 'Dashboard'}),
        status,
        h('div', {class: 'cards'}, COUNTERS.map(([key, label]) => h('div', {class: 'card'}, cards.get(key), h('span', {class: 'label', text: label})))),
        h('div', {class: 'charts'}, traffic.element, trouble.element),
        section('Listeners', listeners),
        h('p', {class: 'hint', text: 'Counters are this server\'s since it started; the queue depth covers every server sharing the database.'}));

    let timer = null;
    let stopped = false;
    async function refresh() {
        try {
            const stats = await api('GET', 'stats');
            const open = protocol => stats.listeners.filter(l => l.protocol === protocol).reduce((sum, l) => sum + l.sessions, 0);
            const values = {
                ...stats.totals,
                smtp_open: open('SMTP'),
                pop3_open: open('POP3'),
                queue_depth: WAITING.reduce((sum, state) => sum + (stats.queue[state] ?? 0), 0),
            };
            for (const [key, element] of cards) {
                element.textContent = count(values[key]);
                element.dataset.value = values[key] ?? 0;
            }
            traffic.update(stats.lastHour);
            trouble.update(stats.lastHour);
            listeners.replaceChildren(table(['Listener', 'Protocol', 'Address', 'TLS', 'State', 'Sessions'],
                stats.listeners.map(l => [l.name, l.protocol, `${l.address}:${l.port}`, l.tls,
                    h('span', {class: l.open ? 'state ok' : 'state bad', text: l.open ? 'open' : 'closed'}), String(l.sessions)])));
            status.replaceChildren();
            view.dataset.updated = new Date().toISOString();
        } catch (error) {
            notice(status, error.message, 'error');
        }
        if (!stopped) {
            timer = setTimeout(refresh, REFRESH_MS);
        }
    }
    await refresh();
    return () => {
        stopped = true;
        clearTimeout(timer);
    };
}
