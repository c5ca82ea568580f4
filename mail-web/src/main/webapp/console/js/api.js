// SPDX-License-Identifier: Apache-2.0
// The administration API, called with the console session's cookie and its CSRF token.

const base = new URL('../api/v1/', document.baseURI);
let session = null;

/** The logged-in administrator and the CSRF token, fetched once per page load. */
export async function currentSession() {
    if (!session) {
        const response = await fetch(new URL('session', document.baseURI), {headers: {Accept: 'application/json'}});
        if (!response.ok || !(response.headers.get('Content-Type') || '').startsWith('application/json')) {
            loginAgain();
        }
        session = await response.json();
    }
    return session;
}

/** An API failure with the reason the server gave. */
export class ApiError extends Error {
    constructor(status, reason) {
        super(`${reason} (HTTP ${status})`);
        this.status = status;
    }
}

function loginAgain() {
    location.assign(new URL('../login.html?expired', document.baseURI));
    throw new ApiError(401, 'session ended');
}

async function headers(extra) {
    const {header, csrfToken} = await currentSession();
    return {Accept: 'application/json', [header]: csrfToken, ...extra};
}

/** Calls the API: path below /api/v1, body sent as JSON; answers the JSON, or null for 204. */
export async function api(method, path, body) {
    const init = {method, headers: await headers(body === undefined ? {} : {'Content-Type': 'application/json'})};
    if (body !== undefined) {
        init.body = JSON.stringify(body);
    }
    const response = await fetch(new URL(path.replace(/^\//, ''), base), init);
    return answer(response, () => response.json());
}

/** A message as stored, as text, shown only through textContent. */
export async function rawMessage(path) {
    const response = await fetch(new URL(path.replace(/^\//, ''), base), {headers: await headers({Accept: 'message/rfc822'})});
    return answer(response, () => response.text());
}

/** The URL of an API path, for links such as a download. */
export function apiUrl(path) {
    return new URL(path.replace(/^\//, ''), base).href;
}

async function answer(response, read) {
    if (response.status === 401) {
        loginAgain();
    }
    if (!response.ok) {
        let reason = response.statusText || 'failed';
        try {
            reason = (await response.json()).error || reason;
        } catch (notJson) {
            // the status text says enough
        }
        throw new ApiError(response.status, reason);
    }
    return response.status === 204 ? null : read();
}

export async function logout() {
    await fetch(new URL('logout', document.baseURI), {method: 'POST', headers: await headers({})});
    session = null;
    location.assign(new URL('../login.html?logged-out', document.baseURI));
}
