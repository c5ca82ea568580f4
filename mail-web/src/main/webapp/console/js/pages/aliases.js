// SPDX-License-Identifier: Apache-2.0
// Aliases: an address of one of our domains that forwards to accounts or other addresses.
import {api} from '../api.js';
import {attempt, dangerButton, h, section, table} from '../dom.js';
import {segment} from '../format.js';

export async function render(view) {
    const status = h('div');
    const list = h('div');
    const address = h('input', {name: 'address', id: 'alias-address', required: true, placeholder: 'sales@example.org'});
    const targets = h('input', {name: 'targets', id: 'alias-targets', required: true, placeholder: 'alice@example.org, bob@partner.example'});
    const form = h('form', {class: 'inline', id: 'alias-form'},
        h('label', {}, 'Alias ', address), h('label', {}, 'Targets ', targets), h('button', {type: 'submit', text: 'Create alias'}));
    form.addEventListener('submit', async event => {
        event.preventDefault();
        const request = {address: address.value.trim(), targets: targets.value.split(/[\s,;]+/).filter(Boolean)};
        if (await attempt(status, () => api('POST', 'aliases', request), `Alias ${request.address} created.`)) {
            address.value = '';
            targets.value = '';
            await load();
        }
    });
    view.append(h('h1', {text: 'Aliases'}), status, section('New alias', form), section('Aliases', list));

    async function load() {
        const aliases = await attempt(status, () => api('GET', 'aliases'));
        if (!aliases) {
            return;
        }
        list.replaceChildren(aliases.length === 0 ? h('p', {text: 'No alias yet.'}) : table(['Alias', 'Targets', ''],
            aliases.map(a => h('tr', {},
                h('td', {text: a.address}),
                h('td', {}, h('ul', {class: 'plain'}, a.targets.map(t => h('li', {text: t})))),
                h('td', {class: 'actions'}, dangerButton('Delete', async () => {
                    if (await attempt(status, () => api('DELETE', `aliases/${segment(a.address)}`), `Alias ${a.address} deleted.`) !== undefined) {
                        await load();
                    }
                }))))));
    }
    await load();
}
