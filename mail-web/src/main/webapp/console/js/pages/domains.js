// SPDX-License-Identifier: Apache-2.0
// Domains: create, list, delete, and the DNS records to publish for each.
import {api} from '../api.js';
import {attempt, dangerButton, h, notice, section, table} from '../dom.js';
import {segment, time} from '../format.js';

export async function render(view) {
    const status = h('div');
    const list = h('div');
    const records = h('div', {id: 'dns-records'});
    const name = h('input', {name: 'name', id: 'domain-name', required: true, placeholder: 'example.org'});
    const form = h('form', {class: 'inline', id: 'domain-form'},
        h('label', {}, 'Domain ', name), h('button', {type: 'submit', text: 'Create domain'}));
    form.addEventListener('submit', async event => {
        event.preventDefault();
        const created = await attempt(status, () => api('POST', 'domains', {name: name.value.trim()}), `Domain ${name.value.trim()} created.`);
        if (created) {
            name.value = '';
            await load();
        }
    });
    view.append(h('h1', {text: 'Domains'}), status, section('New domain', form), section('Domains', list), records);

    async function showRecords(domain) {
        const found = await attempt(status, () => api('GET', `domains/${segment(domain)}/dns-records`));
        if (!found) {
            return;
        }
        const zone = found.map(r => `${r.name.padEnd(32)} ${r.type.padEnd(5)} ${r.value}`).join('\n');
        records.replaceChildren(section(`DNS records to publish for ${domain}`,
            table(['Name', 'Type', 'Value', 'Purpose'], found.map(r => [r.name, r.type, r.value, r.purpose])),
            h('p', {class: 'hint', text: 'In zone-file form:'}),
            h('pre', {class: 'zone', text: zone})));
    }

    async function load() {
        const domains = await attempt(status, () => api('GET', 'domains'));
        if (!domains) {
            return;
        }
        list.replaceChildren(domains.length === 0 ? h('p', {text: 'No domain yet.'}) : table(['Domain', 'Created', ''],
            domains.map(d => h('tr', {'data-domain': d.name},
                h('td', {text: d.name}), h('td', {text: time(d.created)}),
                h('td', {class: 'actions'},
                    h('button', {type: 'button', text: 'DNS records', on: {click: () => showRecords(d.name)}}),
                    h('a', {href: `#accounts?domain=${segment(d.name)}`, text: 'Accounts'}),
                    dangerButton('Delete', async () => {
                        if (await attempt(status, () => api('DELETE', `domains/${segment(d.name)}`), `Domain ${d.name} deleted.`) !== undefined) {
                            records.replaceChildren();
                            await load();
                        }
                    }))))));
    }
    notice(status, 'Loading…');
    await load();
    if (status.textContent === 'Loading…') {
        status.replaceChildren();
    }
}
