// SPDX-License-Identifier: Apache-2.0
// Accounts: create, disable or enable, reset the password, set the quota (with the mailbox's
// usage), show the settings a user types into a mail client, delete.
import {api} from '../api.js';
import {attempt, dangerButton, h, notice, section, table} from '../dom.js';
import {bytes, segment, time} from '../format.js';

const MIB = 1024 * 1024;

function usage(account) {
    if (account.used === undefined || account.used === null) {
        return h('span', {class: 'hint', text: account.quota > 0 ? `quota ${bytes(account.quota)}` : 'no quota'});
    }
    if (!account.quota) {
        return h('span', {text: `${bytes(account.used)} (no quota)`});
    }
    return h('span', {class: 'usage'},
        h('meter', {min: 0, max: account.quota, value: Math.min(account.used, account.quota), high: account.quota * 0.9,
            title: `${bytes(account.used)} of ${bytes(account.quota)}`}),
        ` ${bytes(account.used)} of ${bytes(account.quota)}`);
}

export async function render(view, params) {
    const status = h('div');
    const list = h('div');
    const detail = h('div', {id: 'account-detail'});
    const domainFilter = h('select', {id: 'account-domain'}, h('option', {value: '', text: 'All domains'}));
    const address = h('input', {name: 'address', id: 'account-address', required: true, placeholder: 'alice@example.org'});
    const password = h('input', {name: 'password', id: 'account-password', type: 'password', required: true, autocomplete: 'new-password'});
    const quota = h('input', {name: 'quota', id: 'account-quota', type: 'number', min: 0, step: 1, placeholder: 'default'});
    const form = h('form', {class: 'inline', id: 'account-form'},
        h('label', {}, 'Address ', address), h('label', {}, 'Password ', password), h('label', {}, 'Quota (MiB) ', quota),
        h('button', {type: 'submit', text: 'Create account'}));
    form.addEventListener('submit', async event => {
        event.preventDefault();
        const request = {address: address.value.trim(), password: password.value};
        if (quota.value !== '') {
            request.quota = Math.round(Number(quota.value) * MIB);
        }
        if (await attempt(status, () => api('POST', 'accounts', request), `Account ${request.address} created.`)) {
            address.value = '';
            password.value = '';
            quota.value = '';
            await load();
        }
    });
    domainFilter.addEventListener('change', () => load());
    view.append(h('h1', {text: 'Accounts'}), status, section('New account', form),
        section('Accounts', h('p', {}, h('label', {}, 'Show ', domainFilter)), list), detail);

    const domains = await attempt(status, () => api('GET', 'domains')) || [];
    for (const d of domains) {
        domainFilter.append(h('option', {value: d.name, text: d.name}));
    }
    domainFilter.value = params.get('domain') || '';

    async function load() {
        const query = domainFilter.value ? `?domain=${segment(domainFilter.value)}` : '';
        const accounts = await attempt(status, () => api('GET', `accounts${query}`));
        if (!accounts) {
            return;
        }
        list.replaceChildren(accounts.length === 0 ? h('p', {text: 'No account yet.'}) : table(['Address', 'State', 'Mailbox', 'Created', ''],
            accounts.map(a => h('tr', {'data-account': a.address},
                h('td', {text: a.address}),
                h('td', {}, h('span', {class: a.enabled ? 'state ok' : 'state bad', text: a.enabled ? 'enabled' : 'disabled'})),
                h('td', {}, usage(a)),
                h('td', {text: time(a.created)}),
                h('td', {class: 'actions'},
                    h('button', {type: 'button', text: 'Manage', on: {click: () => manage(a.address)}}),
                    h('a', {href: `#mailboxes?account=${segment(a.address)}`, text: 'Mailbox'}))))));
    }

    /** Shows an account's forms; done, the outcome of the change that drew them again, stays in view. */
    async function manage(account, done) {
        const a = await attempt(status, () => api('GET', `accounts/${segment(account)}`));
        if (!a) {
            return;
        }
        const path = `accounts/${segment(account)}`;
        const local = h('div');
        if (done) {
            notice(local, done);
        }
        const newPassword = h('input', {type: 'password', id: 'reset-password', required: true, autocomplete: 'new-password'});
        const reset = h('form', {class: 'inline'}, h('label', {}, 'New password ', newPassword), h('button', {type: 'submit', text: 'Reset password'}));
        reset.addEventListener('submit', async event => {
            event.preventDefault();
            if (await attempt(local, () => api('PUT', `${path}/password`, {password: newPassword.value}), 'Password changed.') !== undefined) {
                newPassword.value = '';
            }
        });
        const newQuota = h('input', {type: 'number', id: 'set-quota', min: 0, step: 1, value: a.quota ? String(a.quota / MIB) : '0'});
        const setQuota = h('form', {class: 'inline'}, h('label', {}, 'Quota (MiB, 0 = none) ', newQuota), h('button', {type: 'submit', text: 'Set quota'}));
        setQuota.addEventListener('submit', async event => {
            event.preventDefault();
            if (await attempt(local, () => api('PUT', `${path}/quota`, {quota: Math.round(Number(newQuota.value) * MIB)}), 'Quota set.') !== undefined) {
                await load();
            }
        });
        const toggle = h('button', {type: 'button', id: 'toggle-enabled', text: a.enabled ? 'Disable account' : 'Enable account', on: {click: async () => {
            if (await attempt(local, () => api('PUT', `${path}/enabled`, {enabled: !a.enabled})) !== undefined) {
                await load();
                await manage(account, a.enabled ? 'Account disabled.' : 'Account enabled.');
            }
        }}});
        const settings = h('div');
        detail.replaceChildren(section(`Account ${a.address}`, local,
            h('p', {}, usage(a)),
            h('div', {class: 'forms'}, reset, setQuota, h('p', {}, toggle)),
            h('h3', {text: 'Mail client settings'}), settings,
            h('p', {}, dangerButton('Delete account', async () => {
                if (await attempt(status, () => api('DELETE', path), `Account ${a.address} deleted.`) !== undefined) {
                    detail.replaceChildren();
                    await load();
                }
            }))));
        const client = await attempt(settings, () => api('GET', `${path}/client-settings`));
        if (client) {
            const rows = [...client.incoming, ...client.outgoing].map(s => [s.protocol.toUpperCase(), s.hostname, String(s.port), s.security, s.username, s.authentication]);
            settings.replaceChildren(table(['Protocol', 'Server', 'Port', 'Security', 'User name', 'Authentication'], rows));
        }
        detail.scrollIntoView({block: 'nearest'});
    }
    notice(status, 'Loading…');
    await load();
    if (status.textContent === 'Loading…') {
        status.replaceChildren();
    }
}
