// SPDX-License-Identifier: Apache-2.0
// Builds the pages with DOM calls only. Text goes in through text nodes, never as markup:
// everything that comes from mail (subjects, addresses, bodies) is untrusted.

/**
 * A new element. props: class, id, text, on (event → handler), any other key as an attribute
 * (never "style": the Content-Security-Policy forbids inline styles). Children are nodes or
 * strings (turned into text nodes); null, undefined and false are skipped.
 */
export function h(tag, props = {}, ...children) {
    const element = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
        if (value === null || value === undefined || value === false) {
            continue;
        }
        if (key === 'class') {
            element.className = value;
        } else if (key === 'text') {
            element.textContent = String(value);
        } else if (key === 'on') {
            for (const [event, handler] of Object.entries(value)) {
                element.addEventListener(event, handler);
            }
        } else if (key === 'value' || key === 'checked' || key === 'disabled' || key === 'hidden') {
            element[key] = value;
        } else {
            element.setAttribute(key, value === true ? '' : String(value));
        }
    }
    append(element, children);
    return element;
}

function append(element, children) {
    for (const child of children.flat(Infinity)) {
        if (child === null || child === undefined || child === false) {
            continue;
        }
        element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
}

/** A table with a header row (none if headers is empty); each row is an array of cells (strings or nodes). */
export function table(headers, rows, props = {}) {
    return h('div', {class: 'table-wrap'},
        h('table', props,
            headers.length > 0 ? h('thead', {}, h('tr', {}, headers.map(title => h('th', {text: title})))) : null,
            h('tbody', {}, rows.map(row => row instanceof Node ? row : h('tr', {}, row.map(cell => h('td', {}, cell)))))));
}

/** A message above a page's content; kind is "ok" or "error". */
export function notice(area, text, kind = 'ok') {
    area.replaceChildren(h('p', {class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status', text}));
}

/** Runs action and reports its failure (the API's reason) in area. */
export async function attempt(area, action, success) {
    try {
        const result = await action();
        if (success) {
            notice(area, success, 'ok');
        }
        return result;
    } catch (error) {
        notice(area, error.message, 'error');
        return undefined;
    }
}

/**
 * A button for an action that cannot be undone: the first click asks again on the button itself,
 * a second one within four seconds acts. No dialogs, which would block the page.
 */
export function dangerButton(label, action) {
    const button = h('button', {type: 'button', class: 'danger', text: label});
    let armed = null;
    button.addEventListener('click', () => {
        if (armed) {
            clearTimeout(armed);
            armed = null;
            button.textContent = label;
            action();
            return;
        }
        button.textContent = `Confirm: ${label.toLowerCase()}`;
        armed = setTimeout(() => {
            armed = null;
            button.textContent = label;
        }, 4000);
    });
    return button;
}

/** A labelled input. */
export function field(label, props) {
    return h('label', {}, label, ' ', h('input', props));
}

/** A page section with a heading. */
export function section(title, ...children) {
    return h('section', {}, h('h2', {text: title}), children);
}
