// SPDX-License-Identifier: Apache-2.0
// The message trail: what became of a message, found by Message-ID, sender or recipient, step by
// step (received, stored, queued, each attempt with the remote reply, relayed or bounced).
import {api} from '../api.js';
import {attempt, h, section, table} from '../dom.js';
import {bytes, time} from '../format.js';

const KEYS = [['messageId', 'Message-ID'], ['sender', 'Sender'], ['recipient', 'Recipient']];

export async function render(view, params) {
    const status = h('div');
    const results = h('div', {id: 'trail-results'});
    const key = h('select', {id: 'trail-key'}, KEYS.map(([value, label]) => h('option', {value, text: label})));
    const value = h('input', {id: 'trail-value', required: true, placeholder: '<id@host> or an address'});
    const form = h('form', {class: 'inline', id: 'trail-form'}, h('label', {}, 'Search by ', key), value, h('button', {type: 'submit', text: 'Search'}));
    form.addEventListener('submit', event => {
        event.preventDefault();
        history.replaceState(null, '', `#trail?${new URLSearchParams({[key.value]: value.value.trim()})}`);
        search();
    });
    view.append(h('h1', {text: 'Message trail'}), status, form, results);

    const given = KEYS.find(([name]) => params.get(name));
    if (given) {
        key.value = given[0];
        value.value = params.get(given[0]);
    }

    async function search() {
        results.replaceChildren();
        if (!value.value.trim()) {
            return;
        }
        const found = await attempt(status, () => api('GET', `trail?${new URLSearchParams({[key.value]: value.value.trim()})}`));
        if (!found) {
            return;
        }
        status.replaceChildren();
        view.dataset.count = found.length;
        results.replaceChildren(...(found.length === 0 ? [h('p', {text: 'No message found.'})] : found.map(message =>
            section(message.messageId || `message ${message.storedMessageId}`,
                h('p', {}, `From <${message.sender ?? ''}>, ${bytes(message.size)}, received ${time(message.received)}`),
                table(['When', 'Step', 'Recipient', 'Detail'], message.steps.map(step => h('tr', {'data-kind': step.kind},
                    h('td', {text: time(step.at)}), h('td', {}, h('span', {class: `state ${step.kind}`, text: step.kind})),
                    h('td', {text: step.recipient ?? ''}), h('td', {}, h('code', {text: step.detail ?? ''})))))))));
    }
    await search();
}
