// SPDX-License-Identifier: Apache-2.0
// How numbers, sizes and times are shown.

const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

export function bytes(value) {
    if (value === null || value === undefined) {
        return '';
    }
    let size = Number(value);
    let unit = 0;
    while (size >= 1024 && unit < units.length - 1) {
        size /= 1024;
        unit++;
    }
    return `${unit === 0 ? size : size.toFixed(1)} ${units[unit]}`;
}

export function time(value) {
    if (!value) {
        return '';
    }
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? String(value) : date.toLocaleString();
}

export function count(value) {
    return Number(value ?? 0).toLocaleString();
}

/** A path segment of the API: addresses and ids are encoded, never pasted raw. */
export function segment(value) {
    return encodeURIComponent(String(value));
}
