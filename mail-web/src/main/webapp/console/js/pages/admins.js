// SPDX-License-Identifier: Apache-2.0
// Administrators: who may use the console and the API; add one, change a password, remove one
// (never the last).
import {api, currentSession} from '../api.js';
import {attempt, dangerButton, h, section, table} from '../dom.js';
import {segment, time} from '../format.js';

export async function render(view) {
    const status = h('div');
    const list = h('div');
    const username = h('input', {id: 'admin-username', required: true, autocomplete: 'off'});
    const password = h('input', {id: 'admin-password', type: 'password', required: true, autocomplete: 'new-password'});
    const form = h('form', {class: 'inline', id: 'admin-form'},
        h('label', {}, 'User name ', username), h('label', {}, 'Password ', password), h('button', {type: 'submit', text: 'Add administrator'}));
    form.addEventListener('submit', async event => {
        event.preventDefault();
        const request = {username: username.value.trim(), password: password.value};
        if (await attempt(status, () => api('POST', 'admins', request), `Administrator ${request.username} added.`) !== undefined) {
            username.value = '';
            password.value = '';
            await load();
        }
    });
    view.append(h('h1', {text: 'Administrators'}), status, section('New administrator', form), section('Administrators', list));
    const me = (await currentSession()).user;

    function passwordForm(admin) {
        const input = h('input', {type: 'password', required: true, autocomplete: 'new-password', 'aria-label': `New password for ${admin}`});
        const change = h('form', {class: 'inline'}, input, h('button', {type: 'submit', text: 'Change password'}));
        change.addEventListener('submit', async event => {
            event.preventDefault();
            if (await attempt(status, () => api('PUT', `admins/${segment(admin)}/password`, {password: input.value}), `Password of ${admin} changed.`) !== undefined) {
                input.value = '';
            }
        });
        return change;
    }

    async function load() {
        const admins = await attempt(status, () => api('GET', 'admins'));
        if (!admins) {
            return;
        }
        list.replaceChildren(table(['User name', 'Created', 'Password', ''], admins.map(a => {
            const name = typeof a === 'string' ? a : a.username;
            return h('tr', {'data-admin': name},
                h('td', {}, name, name === me ? ' (you)' : ''), h('td', {text: time(a.created)}),
                h('td', {}, passwordForm(name)),
                h('td', {class: 'actions'}, dangerButton('Remove', async () => {
                    if (await attempt(status, () => api('DELETE', `admins/${segment(name)}`), `Administrator ${name} removed.`) !== undefined) {
                        await load();
                    }
                })));
        })));
    }
    await load();
}
