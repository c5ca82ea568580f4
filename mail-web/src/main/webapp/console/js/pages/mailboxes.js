// SPDX-License-Identifier: Apache-2.0
// The messages of an account: date, sender, subject, size; the headers and the text part, or the
// whole message source, shown as text only; download as .eml; delete. Everything here comes
// from strangers' mail: it reaches the page through textContent and nothing else.
import {api, apiUrl, rawMessage} from '../api.js';
import {attempt, dangerButton, h, notice, section, table} from '../dom.js';
import {bytes, segment, time} from '../format.js';

/** The most of a message's source shown in the page; the download has all of it. */
const SOURCE_LIMIT = 256 * 1024;

export async function render(view, params) {
    const status = h('div');
    const list = h('div');
    const detail = h('div', {id: 'message-detail'});
    const account = h('select', {id: 'mailbox-account'}, h('option', {value: '', text: 'Choose an account'}));
    account.addEventListener('change', () => {
        history.replaceState(null, '', `#mailboxes?account=${segment(account.value)}`);
        load();
    });
    view.append(h('h1', {text: 'Mailboxes'}), status, h('p', {}, h('label', {}, 'Account ', account)), list, detail);

    const accounts = await attempt(status, () => api('GET', 'accounts')) || [];
    for (const a of accounts) {
        account.append(h('option', {value: a.address, text: a.address}));
    }
    account.value = params.get('account') || '';

    function base() {
        return `accounts/${segment(account.value)}/messages`;
    }

    async function load() {
        detail.replaceChildren();
        if (!account.value) {
            list.replaceChildren();
            return;
        }
        const messages = await attempt(status, () => api('GET', base()));
        if (!messages) {
            return;
        }
        view.dataset.count = messages.length;
        list.replaceChildren(messages.length === 0 ? h('p', {text: 'The mailbox is empty.'}) : table(['Date', 'From', 'Subject', 'Size', ''],
            messages.map(m => h('tr', {'data-message': m.id},
                h('td', {text: time(m.date || m.delivered)}),
                h('td', {class: 'from', text: m.from ?? ''}),
                h('td', {class: 'subject', text: m.subject ?? ''}),
                h('td', {class: 'size', text: bytes(m.size)}),
                h('td', {class: 'actions'},
                    h('button', {type: 'button', 'data-action': 'open', text: 'Open', on: {click: () => open(m)}}),
                    h('a', {href: apiUrl(`${base()}/${m.id}`), download: `message-${m.id}.eml`, text: 'Download .eml'}),
                    dangerButton('Delete', () => remove(m)))))));
    }

    async function remove(message) {
        if (await attempt(status, () => api('DELETE', `${base()}/${message.id}`), `Message ${message.id} deleted.`) !== undefined) {
            await load();
        }
    }

    async function open(message) {
        const summary = h('div', {id: 'message-summary'});
        const source = h('div', {id: 'message-source'});
        const showSource = h('button', {type: 'button', id: 'show-source', text: 'Show the whole message source', on: {click: async () => {
            const text = await attempt(source, () => rawMessage(`${base()}/${message.id}`));
            if (text !== undefined) {
                const shown = text.length > SOURCE_LIMIT ? `${text.slice(0, SOURCE_LIMIT)}\n[… ${text.length - SOURCE_LIMIT} more characters: download the .eml]` : text;
                source.replaceChildren(h('pre', {class: 'message-text', text: shown}));
            }
        }}});
        detail.replaceChildren(section(`Message ${message.id}`, summary, h('p', {}, showSource), source));
        const found = await attempt(summary, () => api('GET', `${base()}/${message.id}/summary`));
        if (found) {
            const parts = [
                table(['Header', 'Value'], found.headers.map(header => [header.name, h('span', {class: 'header-value', text: header.value})]), {class: 'headers'}),
                found.text === null ? h('p', {class: 'hint', text: 'The message has no text part.'}) : h('pre', {class: 'message-text', text: found.text}),
            ];
            if (found.textTruncated) {
                parts.push(h('p', {class: 'hint', text: 'The text is cut short here: download the .eml for all of it.'}));
            }
            summary.replaceChildren(...parts);
        }
        detail.scrollIntoView({block: 'nearest'});
    }

    if (!account.value) {
        notice(status, 'Choose an account to see its messages.');
    }
    await load();
}
