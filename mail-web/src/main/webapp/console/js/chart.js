// SPDX-License-Identifier: Apache-2.0
// A small SVG line chart of the last hour per minute, drawn with DOM calls (no library, no
// inline style: colours come from the stylesheet's series-N classes).

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 600;
const HEIGHT = 160;
const PAD = {left: 36, right: 8, top: 8, bottom: 18};

function svg(tag, attributes = {}, text) {
    const element = document.createElementNS(SVG, tag);
    for (const [key, value] of Object.entries(attributes)) {
        element.setAttribute(key, String(value));
    }
    if (text !== undefined) {
        element.textContent = text;
    }
    return element;
}

/** An empty chart of the given series ({key, label}); update() draws it. */
export function lineChart(title, series) {
    const figure = document.createElement('figure');
    figure.className = 'chart';
    const caption = document.createElement('figcaption');
    caption.textContent = title;
    const legend = document.createElement('span');
    legend.className = 'legend';
    series.forEach((s, i) => {
        const item = document.createElement('span');
        item.className = `series-${i}`;
        item.textContent = s.label;
        legend.append(item);
    });
    caption.append(' ', legend);
    const drawing = svg('svg', {viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': title});
    figure.append(caption, drawing);

    /** Redraws from the minutes of /api/v1/stats ({start, counts}), oldest first. */
    function update(minutes) {
        const values = series.map(s => minutes.map(m => Number(m.counts[s.key] ?? 0)));
        const max = Math.max(1, ...values.flat());
        const plotWidth = WIDTH - PAD.left - PAD.right;
        const plotHeight = HEIGHT - PAD.top - PAD.bottom;
        const x = i => PAD.left + (minutes.length < 2 ? 0 : i * plotWidth / (minutes.length - 1));
        const y = v => PAD.top + plotHeight - v * plotHeight / max;
        const parts = [
            svg('line', {class: 'axis', x1: PAD.left, y1: y(0), x2: WIDTH - PAD.right, y2: y(0)}),
            svg('line', {class: 'grid', x1: PAD.left, y1: y(max), x2: WIDTH - PAD.right, y2: y(max)}),
            svg('text', {class: 'label', x: PAD.left - 4, y: y(max) + 4, 'text-anchor': 'end'}, String(max)),
            svg('text', {class: 'label', x: PAD.left - 4, y: y(0) + 4, 'text-anchor': 'end'}, '0'),
            svg('text', {class: 'label', x: PAD.left, y: HEIGHT - 4}, '60 min ago'),
            svg('text', {class: 'label', x: WIDTH - PAD.right, y: HEIGHT - 4, 'text-anchor': 'end'}, 'now'),
        ];
        values.forEach((points, i) => {
            parts.push(svg('polyline', {
                class: `line series-${i}`,
                'data-series': series[i].key,
                'data-sum': points.reduce((a, b) => a + b, 0),
                points: points.map((v, j) => `${x(j).toFixed(1)},${y(v).toFixed(1)}`).join(' '),
            }));
        });
        drawing.replaceChildren(...parts);
    }

    return {element: figure, update};
}
