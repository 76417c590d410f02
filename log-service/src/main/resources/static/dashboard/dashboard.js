// The dashboard: polls the service's JSON and redraws in place. Everything it draws is kept on
// window.dashboard, so a browser test can compare what is plotted with what the service says.
(function () {
    'use strict';

    const POLL_MS = 3000;
    const MINUTES = 15;
    const ORPHAN_COLOR = '#9e9e9e';
    const UNCLUSTERED_COLOR = '#d0d4da';
    // Tableau 10 without its grey, so no cluster can be mistaken for the orphans.
    const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1',
        '#ff9da7', '#9c755f', '#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#e6ab02'];
    // The features are whatever /dashboard/points lists; these two are drawn first where it has them.
    const FIRST_X = 'power_active_w';
    const FIRST_Y = 'line_current_a';
    // The summary gives a feature's mean under the original's key: 'avg_' and its name.
    const AVERAGE_PREFIX = 'avg_';

    const state = {
        features: [],
        x: 0,
        y: 1,
        points: null,
        summary: null,
        ingestion: null,
        pointsFor: undefined,
        details: new Map(),
        detailsFor: undefined,
        pointLoads: 0,
        errors: []
    };

    const scatter = echarts.init(document.getElementById('scatter'));
    const rate = echarts.init(document.getElementById('rate'));
    window.addEventListener('resize', () => {
        scatter.resize();
        rate.resize();
    });

    function colorOf(label) {
        if (label === null || label === undefined) {
            return UNCLUSTERED_COLOR;
        }
        return label < 0 ? ORPHAN_COLOR : PALETTE[label % PALETTE.length];
    }

    function titleOf(feature) {
        return feature.unit ? feature.title + ' (' + feature.unit + ')' : feature.title;
    }

    function nameOf(label) {
        if (label === null || label === undefined) {
            return 'not clustered yet';
        }
        return label < 0 ? 'orphans' : 'cluster ' + label;
    }

    // In tokens mode the data needs a reader token: open the page as /#token=TOKEN. The fragment
    // never reaches a server or its log; the token is kept for this tab only and leaves the
    // address bar at once.
    const TOKEN = (function () {
        const given = new URLSearchParams(location.hash.slice(1)).get('token');
        if (given) {
            sessionStorage.setItem('energy-sensors-token', given);
            history.replaceState(null, '', location.pathname + location.search);
        }
        return sessionStorage.getItem('energy-sensors-token');
    })();

    function headers() {
        return TOKEN ? {Accept: 'application/json', Authorization: 'Bearer ' + TOKEN} : {Accept: 'application/json'};
    }

    async function getJson(url, options) {
        const response = await fetch(url, Object.assign({headers: headers()}, options));
        const body = response.status === 204 ? null : await response.json();
        if (!response.ok) {
            throw new Error(url + ': ' + response.status + ' ' + (body && (body.detail || body.error) || ''));
        }
        return body;
    }

    function number(value, digits) {
        if (value === null || value === undefined) {
            return '–';
        }
        return Number(value).toLocaleString('en-US', {maximumFractionDigits: digits === undefined ? 2 : digits});
    }

    function element(tag, text, className) {
        const node = document.createElement(tag);
        if (text !== undefined) {
            node.textContent = text;
        }
        if (className) {
            node.className = className;
        }
        return node;
    }

    // Tooltips are built from text nodes, never from HTML strings, so no name or value can become
    // markup whatever ECharts does with strings (it has had tooltip XSS fixes in 5.6.0 and 6.1.0).
    // Legends and axes are drawn on the canvas, which has no markup to inject into.
    function tooltipOf(color, lines) {
        const box = element('div', undefined, 'tooltip');
        lines.forEach((line, index) => {
            const row = element('div');
            if (index === 0 && color) {
                const swatch = element('span', undefined, 'swatch');
                swatch.style.background = color;
                row.appendChild(swatch);
            }
            row.appendChild(document.createTextNode(line));
            box.appendChild(row);
        });
        return box;
    }

    function pointTooltip(params) {
        const [x, y] = params.value;
        return tooltipOf(params.color, [
            params.name || params.seriesName,
            titleOf(state.features[state.x]) + ': ' + number(x),
            titleOf(state.features[state.y]) + ': ' + number(y)
        ]);
    }

    function rateTooltip(params) {
        const minute = params[0];
        return tooltipOf(null, [minute.axisValueLabel, number(minute.value, 0) + ' events']);
    }

    // One series per label: the legend then names the clusters and each keeps one colour.
    function scatterSeries() {
        const byLabel = new Map();
        for (const point of state.points.points) {
            const x = point[state.x];
            const y = point[state.y];
            if (x === null || y === null) {
                continue;
            }
            const label = point[state.features.length];
            const key = label === null ? 'none' : label;
            if (!byLabel.has(key)) {
                byLabel.set(key, {label: label, data: []});
            }
            byLabel.get(key).data.push([x, y]);
        }
        const groups = Array.from(byLabel.values()).sort((a, b) => (a.label ?? -2) - (b.label ?? -2));
        const series = groups.map(group => ({
            id: 'label:' + (group.label === null ? 'none' : group.label),
            name: nameOf(group.label),
            type: 'scatter',
            data: group.data,
            symbolSize: 4,
            large: group.data.length > 2000,
            itemStyle: {color: colorOf(group.label), opacity: group.label === null || group.label < 0 ? 0.5 : 0.75},
            emphasis: {disabled: true}
        }));
        const centers = (state.summary && state.summary.clusters || []).filter(c => Array.isArray(c.center));
        series.push({
            id: 'centers',
            name: 'centers',
            type: 'scatter',
            data: centers.map(c => ({
                value: [c.center[state.x], c.center[state.y]],
                name: 'center of ' + nameOf(c.label),
                itemStyle: {color: colorOf(c.label)}
            })),
            symbol: 'diamond',
            symbolSize: 16,
            z: 10,
            itemStyle: {borderColor: '#1d2733', borderWidth: 2}
        });
        return series;
    }

    function drawScatter() {
        if (!state.points) {
            return;
        }
        scatter.setOption({
            animation: false,
            grid: {left: 70, right: 30, top: 40, bottom: 50},
            legend: {top: 0, type: 'scroll'},
            tooltip: {trigger: 'item', formatter: pointTooltip},
            xAxis: {type: 'value', name: titleOf(state.features[state.x]), nameLocation: 'middle', nameGap: 30, scale: true},
            yAxis: {type: 'value', name: titleOf(state.features[state.y]), nameLocation: 'middle', nameGap: 50, scale: true},
            series: scatterSeries()
        }, {replaceMerge: ['series']});
        const sample = state.points;
        document.getElementById('sample-note').textContent = sample.points.length === sample.total
            ? 'all ' + number(sample.total, 0) + ' events'
            : number(sample.points.length, 0) + ' of ' + number(sample.total, 0) + ' events (every '
                + number(sample.step, 0) + 'th by id)';
    }

    // Once, when the first sample names the features.
    function fillSelectors(features) {
        state.features = features;
        const names = features.map(feature => feature.name);
        state.x = Math.max(0, names.indexOf(FIRST_X));
        state.y = names.includes(FIRST_Y) ? names.indexOf(FIRST_Y) : Math.min(1, names.length - 1);
        for (const [id, key] of [['x-feature', 'x'], ['y-feature', 'y']]) {
            const select = document.getElementById(id);
            select.replaceChildren();
            features.forEach((feature, index) => {
                const option = element('option', titleOf(feature));
                option.value = String(index);
                select.appendChild(option);
            });
            select.value = String(state[key]);
            select.onchange = () => {
                state[key] = Number(select.value);
                drawScatter();
                drawSummary();
            };
        }
    }

    function drawSummary() {
        const summary = state.summary;
        const run = document.getElementById('run');
        run.replaceChildren();
        const facts = [
            ['Computed at', summary.computed_at ? new Date(summary.computed_at).toLocaleString() : 'never'],
            ['Events covered', number(summary.events_covered, 0)],
            ['Events skipped', number(summary.events_skipped, 0)],
            ['Computed by', summary.kind === 'assignment' ? 'assigning new events to the centers'
                : summary.kind === 'full' ? 'a full run' : '–'],
            ['Bandwidth', number(summary.bandwidth, 4)]
        ];
        const last = summary.last_run;
        if (last) {
            facts.push(['Last run', last.status + (last.reason ? ': ' + last.reason : '')]);
            facts.push(['Last run started', last.started_at ? new Date(last.started_at).toLocaleString() : '–']);
            facts.push(['Last run took', number(last.duration_ms, 0) + ' ms']);
        } else {
            facts.push(['Last run', 'none yet']);
        }
        for (const [term, value] of facts) {
            run.appendChild(element('dt', term));
            run.appendChild(element('dd', value));
        }

        const clusters = summary.clusters || [];
        const averaged = state.features.filter(feature => clusters.some(c => (AVERAGE_PREFIX + feature.name) in c));
        // The spread of what the chart shows: σ of the two features on its axes.
        const spread = [state.features[state.x], state.features[state.y]].filter(feature => feature);
        const head = document.querySelector('#summary thead');
        const headRow = element('tr');
        headRow.appendChild(element('th', 'Label'));
        headRow.appendChild(element('th', 'Count', 'num'));
        for (const feature of averaged) {
            headRow.appendChild(element('th', 'Avg ' + titleOf(feature), 'num'));
        }
        for (const feature of spread) {
            headRow.appendChild(element('th', 'σ ' + titleOf(feature), 'num'));
        }
        head.replaceChildren(headRow);
        const body = document.querySelector('#summary tbody');
        body.replaceChildren();
        for (const cluster of clusters) {
            const row = element('tr');
            row.dataset.label = String(cluster.label);
            const name = element('td');
            const swatch = element('span', undefined, 'swatch');
            swatch.style.background = colorOf(cluster.label);
            name.appendChild(swatch);
            name.appendChild(document.createTextNode(cluster.label < 0 ? '-1 (orphans)' : String(cluster.label)));
            row.appendChild(name);
            row.appendChild(element('td', number(cluster.count, 0), 'num'));
            for (const feature of averaged) {
                row.appendChild(element('td', number(cluster[AVERAGE_PREFIX + feature.name]), 'num'));
            }
            const detail = state.details.get(cluster.label);
            for (const feature of spread) {
                const statistics = detail && detail.features[feature.name];
                row.appendChild(element('td', number(statistics ? statistics.std : null), 'num'));
            }
            body.appendChild(row);
        }
    }

    // The spread is in each label's detail, read once per result.
    async function loadDetails(summary) {
        const details = new Map();
        await Promise.all((summary.clusters || []).map(async cluster => {
            details.set(cluster.label, await getJson('/clusters/' + cluster.label));
        }));
        state.details = details;
    }

    function drawIngestion() {
        const figures = state.ingestion;
        document.getElementById('events-stored').textContent = number(figures.events_stored, 0);
        const minutes = figures.per_minute;
        document.getElementById('last-minute').textContent =
            number(minutes.length ? minutes[minutes.length - 1].events : 0, 0) + ' events';
        rate.setOption({
            animation: false,
            grid: {left: 60, right: 20, top: 20, bottom: 30},
            tooltip: {trigger: 'axis', formatter: rateTooltip},
            xAxis: {type: 'category', data: minutes.map(m => new Date(m.start).toLocaleTimeString([], {hour: '2-digit', minute: '2-digit'}))},
            yAxis: {type: 'value', name: 'events/min', minInterval: 1},
            series: [{id: 'rate', type: 'bar', data: minutes.map(m => m.events), itemStyle: {color: '#4e79a7'}}]
        });
        const body = document.querySelector('#rejected tbody');
        body.replaceChildren();
        const reasons = Object.entries(figures.rejected);
        if (reasons.length === 0) {
            const row = element('tr');
            const cell = element('td', 'nothing rejected', 'muted');
            cell.colSpan = 2;
            row.appendChild(cell);
            body.appendChild(row);
        }
        for (const [reason, count] of reasons) {
            const row = element('tr');
            row.dataset.reason = reason;
            row.appendChild(element('td', reason));
            row.appendChild(element('td', number(count, 0), 'num'));
            body.appendChild(row);
        }
    }

    async function loadPoints() {
        const points = await getJson('/dashboard/points');
        if (state.points === null) {
            fillSelectors(points.features);
        }
        state.points = points;
        state.pointLoads++;
        drawScatter();
    }

    // Points are re-read only when a new result or new events arrive: the sample is the costly read.
    async function refresh() {
        const [summary, ingestion] = await Promise.all([
            getJson('/clusters/summary'),
            getJson('/dashboard/ingestion?minutes=' + MINUTES)
        ]);
        if (summary.run_id !== state.detailsFor) {
            await loadDetails(summary);
            state.detailsFor = summary.run_id;
        }
        state.summary = summary;
        state.ingestion = ingestion;
        // Points first: the first sample names the features the table shows.
        const version = summary.run_id + '/' + ingestion.events_stored;
        if (version !== state.pointsFor) {
            await loadPoints();
            state.pointsFor = version;
        }
        drawSummary();
        drawIngestion();
    }

    async function poll() {
        const connection = document.getElementById('connection');
        try {
            await refresh();
            connection.textContent = 'updated ' + new Date().toLocaleTimeString();
            connection.className = 'muted';
        } catch (e) {
            state.errors.push(String(e));
            connection.textContent = 'cannot reach the service: ' + e.message;
            connection.className = 'error';
        }
        setTimeout(poll, POLL_MS);
    }

    async function recompute() {
        const button = document.getElementById('recompute');
        const status = document.getElementById('recompute-status');
        button.disabled = true;
        status.textContent = 'asking for a new run…';
        try {
            const response = await fetch('/clusters/recompute', {method: 'POST', headers: headers()});
            const body = await response.json().catch(() => null);
            status.textContent = response.ok
                ? 'run requested; the table updates when it finishes'
                : 'refused: ' + (body && (body.detail || body.error) || response.status);
            await refresh();
        } catch (e) {
            status.textContent = 'failed: ' + e.message;
        } finally {
            button.disabled = false;
        }
    }

    // What the scatter chart holds after ECharts processed it: one entry per series.
    function plotted() {
        return scatter.getModel().getSeries().map(series => {
            const data = series.getData();
            return {id: series.id, name: series.name, count: data.count(), color: data.getVisual('style').fill};
        });
    }

    document.getElementById('recompute').addEventListener('click', recompute);
    window.dashboard = {state: state, scatter: scatter, rate: rate, plotted: plotted, colorOf: colorOf, refresh: refresh};
    poll();
}());
