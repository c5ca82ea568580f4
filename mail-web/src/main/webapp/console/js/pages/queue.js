// SPDX-License-Identifier: Apache-2.0
// The queue, one entry per recipient: filters, the attempts of an entry with the remote replies,
// the actions on one entry and on everything a filter selects (postqueue and postsuper).
import {api} from '../api.js';
import {attempt, dangerButton, h, notice, section, table} from '../dom.js';
import {bytes, segment, time} from '../format.js';

const STATES = ['queued', 'in_delivery', 'deferred', 'held', 'delivered', 'bounced'];
const AGES = [['', 'any age'], ['PT5M', 'older than 5 minutes'], ['PT1H', 'older than an hour'], ['PT4H', 'older than 4 hours'], ['P1D', 'older than a day']];
/** The actions an entry in each state allows (an attempt in progress decides alone). */
const ACTIONS = {
    queued: ['retry', 'hold', 'bounce', 'delete'],
    deferred: ['retry', 'hold', 'bounce', 'delete'],
    held: ['retry', 'release', 'bounce', 'delete'],
    in_delivery: [],
    delivered: ['delete'],
    bounced: ['delete'],
};
const LABELS = {retry: 'Retry now', hold: 'Hold', release: 'Release', bounce: 'Bounce', delete: 'Delete'};

export async function render(view, params) {
    const status = h('div');
    const list = h('div');
    const detail = h('div', {id: 'queue-detail'});
    const state = h('select', {id: 'queue-state'}, h('option', {value: '', text: 'any state'}), STATES.map(s => h('option', {value: s, text: s})));
    const domain = h('input', {id: 'queue-domain', placeholder: 'recipient domain'});
    const sender = h('input', {id: 'queue-sender', placeholder: 'sender'});
    const age = h('select', {id: 'queue-age'}, AGES.map(([value, label]) => h('option', {value, text: label})));
    state.value = params.get('state') || '';
    domain.value = params.get('domain') || '';
    sender.value = params.get('sender') || '';
    const filters = h('form', {class: 'inline', id: 'queue-filter'},
        h('label', {}, 'State ', state), h('label', {}, 'Domain ', domain), h('label', {}, 'Sender ', sender), h('label', {}, 'Age ', age),
        h('button', {type: 'submit', text: 'Show'}));
    filters.addEventListener('submit', event => {
        event.preventDefault();
        load();
    });
    const bulk = h('p', {class: 'actions', id: 'queue-bulk'}, 'On everything the filter selects: ',
        ['retry', 'hold', 'release', 'bounce', 'delete'].map(action => dangerButton(LABELS[action], async () => {
            const done = await attempt(status, () => api('POST', `queue/actions/${action}${query()}`));
            if (done) {
                notice(status, `${LABELS[action]}: ${done.entries} entries changed.`);
                await load();
            }
        })));
    view.append(h('h1', {text: 'Queue'}), status, section('Filter', filters, bulk), section('Entries', list), detail);

    function query() {
        const q = new URLSearchParams();
        for (const [key, input] of [['state', state], ['domain', domain], ['sender', sender], ['older-than', age]]) {
            if (input.value.trim()) {
                q.set(key, input.value.trim());
            }
        }
        const text = q.toString();
        return text ? `?${text}` : '';
    }

    async function act(entry, action) {
        const path = action === 'delete' ? `queue/${entry.id}` : `queue/${entry.id}/${action}`;
        if (await attempt(status, () => api(action === 'delete' ? 'DELETE' : 'POST', path), `${LABELS[action]}: entry ${entry.id} (${entry.recipient}).`) !== undefined) {
            await load();
        }
    }

    function button(entry, action) {
        const run = () => act(entry, action);
        const element = action === 'delete' || action === 'bounce' ? dangerButton(LABELS[action], run)
            : h('button', {type: 'button', text: LABELS[action], on: {click: run}});
        element.dataset.action = action;
        return element;
    }

    async function attempts(entry) {
        const area = h('div');
        detail.replaceChildren(section(`Attempts for ${entry.recipient} (entry ${entry.id})`,
            h('p', {}, 'Message ', h('a', {href: `#trail?messageId=${segment(entry.messageId || '')}`, text: entry.messageId || `stored ${entry.storedMessageId}`}),
                ` from <${entry.sender}>, ${bytes(entry.size)}, last reply: `, h('code', {text: entry.lastReply || 'none'})),
            area));
        const found = await attempt(area, () => api('GET', `queue/${entry.id}/attempts`));
        if (found) {
            area.replaceChildren(found.length === 0 ? h('p', {text: 'Not tried yet.'}) : table(['When', 'Remote host', 'Outcome', 'Reply'],
                found.map(a => [time(a.at), a.remoteHost || '', a.outcome, h('code', {text: a.reply || ''})])));
        }
    }

    async function load() {
        try {
            await show();
        } finally {
            // Counts the lists drawn, so that a test can tell a fresh list from the one before.
            view.dataset.loads = String(Number(view.dataset.loads || 0) + 1);
        }
    }

    async function show() {
        const entries = await attempt(status, () => api('GET', `queue${query()}`));
        if (!entries) {
            return;
        }
        view.dataset.count = entries.length;
        list.replaceChildren(entries.length === 0 ? h('p', {text: 'Nothing in the queue matches.'}) : table(
            ['Recipient', 'Sender', 'State', 'Attempts', 'Queued', 'Next attempt', 'Last reply', 'Size', ''],
            entries.map(e => h('tr', {'data-entry': e.id, 'data-recipient': e.recipient, 'data-state': e.state, 'data-attempts': e.attempts},
                h('td', {text: e.recipient}), h('td', {text: e.sender || '<>'}),
                h('td', {}, h('span', {class: `state ${e.state}`, text: e.state})),
                h('td', {text: String(e.attempts)}), h('td', {text: time(e.created)}), h('td', {text: time(e.nextAttempt)}),
                h('td', {}, h('code', {text: e.lastReply || ''})), h('td', {class: 'size', text: bytes(e.size)}),
                h('td', {class: 'actions'},
                    h('button', {type: 'button', 'data-action': 'attempts', text: 'Attempts', on: {click: () => attempts(e)}}),
                    (ACTIONS[e.state] || []).map(action => button(e, action)))))));
    }
    await load();
}
