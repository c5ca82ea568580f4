// SPDX-License-Identifier: Apache-2.0
// The console shell: the navigation, and one module per page loaded when its page is opened
// (#queue?domain=example.org → pages/queue.js with the parameters).
import {currentSession, logout} from './api.js';
import {h} from './dom.js';

const pages = ['dashboard', 'domains', 'accounts', 'aliases', 'queue', 'mailboxes', 'trail', 'settings', 'admins'];
const container = document.getElementById('page');
let leave = null;

async function show() {
    const [name, query] = location.hash.replace(/^#/, '').split('?');
    const page = pages.includes(name) ? name : 'dashboard';
    if (leave) {
        leave();
        leave = null;
    }
    for (const link of document.querySelectorAll('#nav a')) {
        link.classList.toggle('active', link.getAttribute('href') === `#${page}`);
    }
    document.body.dataset.page = page;
    const module = await import(`./pages/${page}.js`);
    const view = h('div', {class: `page page-${page}`});
    container.replaceChildren(view);
    leave = await module.render(view, new URLSearchParams(query || '')) || null;
    document.body.dataset.ready = page;
}

async function start() {
    const session = await currentSession();
    document.getElementById('user').textContent = session.user;
    document.getElementById('logout').addEventListener('click', logout);
    window.addEventListener('hashchange', () => {
        delete document.body.dataset.ready;
        show();
    });
    await show();
}

start();
