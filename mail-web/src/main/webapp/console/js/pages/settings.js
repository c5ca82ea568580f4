// SPDX-License-Identifier: Apache-2.0
// What the server runs with: the mail.* properties given (secrets masked by the server), the
// listeners, and the TLS certificate with its expiry.
import {api} from '../api.js';
import {attempt, h, section, table} from '../dom.js';
import {time} from '../format.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export async function render(view) {
    const status = h('div');
    view.append(h('h1', {text: 'Settings'}), status);
    const settings = await attempt(status, () => api('GET', 'settings'));
    if (!settings) {
        return;
    }
    const certificate = settings.certificate;
    let certificateSection = h('p', {text: 'No listener runs, so no certificate is in use.'});
    if (certificate) {
        const days = Math.floor((new Date(certificate.notAfter) - Date.now()) / DAY_MS);
        certificateSection = h('div', {},
            h('p', {id: 'certificate-expiry', class: days < 30 ? 'notice error' : 'notice ok',
                text: days < 0 ? 'The certificate has expired.' : `The certificate expires in ${days} days.`}),
            table([], [
                ['Subject', certificate.subject], ['Issuer', certificate.issuer],
                ['Valid from', time(certificate.notBefore)], ['Valid until', time(certificate.notAfter)],
                ['Self-signed', certificate.selfSigned ? 'yes' : 'no'], ['SHA-256', h('code', {text: certificate.sha256})],
            ], {class: 'properties', id: 'certificate'}));
    }
    const properties = Object.entries(settings.properties).sort(([a], [b]) => a.localeCompare(b));
    view.append(
        h('p', {}, 'Host name: ', h('strong', {id: 'hostname', text: settings.hostname})),
        section('TLS certificate', certificateSection),
        section('Listeners', table(['Listener', 'Protocol', 'Address', 'TLS', 'State'],
            settings.listeners.map(l => [l.name, l.protocol, `${l.address}:${l.port}`, l.tls, l.open ? 'open' : 'closed']))),
        section('Configuration', h('p', {class: 'hint', text: 'The mail.* properties given at start; defaults are not listed, secrets are masked.'}),
            table(['Property', 'Value'], properties.map(([name, value]) => [h('code', {text: name}), value ?? '']), {class: 'properties', id: 'properties'})));
}
