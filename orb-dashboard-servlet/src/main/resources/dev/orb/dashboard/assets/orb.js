/* orb dashboard: progressive enhancement of server-rendered pages (live stream, charts, in-place actions).
 * Every piece of outside text is put in the page with textContent, never as HTML. No inline script anywhere. */
(function () {
  'use strict';
  var body = document.body;
  var base = body.getAttribute('data-base') || '/';
  var page = body.getAttribute('data-page');
  var meta = document.querySelector('meta[name="csrf-token"]');
  var csrf = meta ? meta.getAttribute('content') : null;
  var timeFmt = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hour12: false,
    hour: '2-digit', minute: '2-digit', second: '2-digit' });

  function $(id) { return document.getElementById(id); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function time(iso) { return iso ? timeFmt.format(new Date(iso)) : '–'; }

  /* Exact decimal string -> dollars to the cent, half-even, grouped (as the server renders it). */
  function money(s, signed) {
    if (s === null || s === undefined) { return '–'; }
    var neg = s.charAt(0) === '-';
    var t = neg ? s.slice(1) : s;
    var parts = t.split('.');
    var ip = parts[0] || '0';
    var fp = (parts[1] || '') + '000';
    var cents = fp.slice(0, 2);
    var rest = fp.slice(2).replace(/0+$/, '');
    var up = false;
    if (rest.length > 0) {
      var d = rest.charCodeAt(0) - 48;
      if (d > 5 || (d === 5 && rest.length > 1)) { up = true; }
      else if (d === 5) { up = ((cents.charCodeAt(1) - 48) % 2) === 1; }
    }
    var digits = (ip + cents).split('').map(Number);
    if (up) {
      var i = digits.length - 1;
      while (i >= 0) { if (digits[i] === 9) { digits[i] = 0; i--; } else { digits[i]++; break; } }
      if (i < 0) { digits.unshift(1); }
    }
    var all = digits.join('');
    var intPart = all.slice(0, all.length - 2).replace(/^0+(?=\d)/, '') || '0';
    var grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    var out = grouped + '.' + all.slice(-2);
    var zero = /^[0,.]+$/.test(out);
    if (neg && !zero) { return '-' + out; }
    return (signed && !zero) ? '+' + out : out;
  }
  function signClass(s) {
    if (!s || /^-?[0.]+$/.test(s)) { return 'flat'; }
    return s.charAt(0) === '-' ? 'down' : 'up';
  }
  function exact(s) {
    if (s === null || s === undefined) { return '–'; }
    if (s.indexOf('.') < 0) { return s + '.00'; }
    var t = s.replace(/0+$/, '');
    var dec = t.length - t.indexOf('.') - 1;
    return dec < 2 ? t + '00'.slice(0, 2 - dec) : t;
  }
  function setText(id, text, cls) {
    var e = $(id);
    if (!e) { return; }
    e.textContent = text;
    if (cls !== undefined) { e.className = cls; }
  }
  function status(text) { setText('stream-status', text); }

  /* ---- actions: forms post in place with the CSRF header; without JS they post and redirect ---- */
  document.addEventListener('submit', function (ev) {
    var form = ev.target;
    if (!form.classList || !form.classList.contains('action') || !window.fetch || !csrf) { return; }
    ev.preventDefault();
    var question = form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) { return; }
    var buttons = form.querySelectorAll('button');
    buttons.forEach(function (b) { b.disabled = true; });
    var data = new URLSearchParams(new FormData(form));
    fetch(form.action, { method: 'POST', credentials: 'same-origin', body: data,
      headers: { 'X-CSRF-Token': csrf, 'Accept': 'application/json',
        'Content-Type': 'application/x-www-form-urlencoded' } })
      .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, body: j }; }); })
      .then(function (res) {
        var out = $('action-result');
        if (res.ok) {
          if (out) { out.textContent = res.body.message; out.className = 'action-result'; }
          if (res.body.killSwitch) { killSwitch(res.body.killSwitch); }
          if (res.body.mode) { mode(res.body.mode); }
          var reason = form.querySelector('input[name="reason"]');
          if (reason) { reason.value = ''; }
          if (form.id === 'mode-form') { window.location.reload(); }
        } else {
          var msg = res.body && res.body.error ? res.body.error.message : 'the action failed';
          if (out) { out.textContent = msg; out.className = 'action-result down'; } else { window.alert(msg); }
        }
      })
      .catch(function () { var out = $('action-result'); if (out) { out.textContent = 'network error'; } })
      .then(function () { buttons.forEach(function (b) { b.disabled = false; }); });
  });

  function killSwitch(k) {
    var badge = $('ks-badge');
    if (badge) { badge.textContent = k.engaged ? 'Kill switch ON' : 'Kill switch off';
      badge.className = 'badge ' + (k.engaged ? 'ks-on' : 'ks-off'); }
    setText('ks-state', k.engaged ? 'ON' : 'off', k.engaged ? 'ks-on' : 'ks-off');
    setText('ks-detail', k.by + ': ' + k.reason, 'muted');
    var engaged = $('ks-engaged');
    if (engaged) { engaged.value = k.engaged ? 'false' : 'true'; }
    setText('ks-button', k.engaged ? 'Release kill switch' : 'Engage kill switch', 'danger');
  }
  function mode(m) {
    var badge = $('mode-badge');
    if (badge) { badge.textContent = m; badge.className = 'badge mode-' + m.toLowerCase(); }
    setText('mode-state', m);
  }

  /* ---- the live page ---- */
  function positions(p) {
    var table = $('positions');
    if (!table) { return; }
    var tbody = table.tBodies[0];
    var canAct = table.getAttribute('data-can-act') === 'true' && csrf;
    var rows = document.createDocumentFragment();
    if (p.positions.length === 0) {
      var tr = el('tr', 'empty');
      var td = el('td', null, 'No open positions.');
      td.colSpan = 7;
      tr.appendChild(td);
      rows.appendChild(tr);
    }
    p.positions.forEach(function (x) {
      var tr = el('tr');
      tr.setAttribute('data-symbol', x.symbol);
      tr.appendChild(el('td', null, x.symbol));
      tr.appendChild(el('td', null, x.side));
      tr.appendChild(el('td', 'num', x.shares));
      tr.appendChild(el('td', 'num', exact(x.avgEntryPrice)));
      tr.appendChild(el('td', 'num', exact(x.currentPrice)));
      tr.appendChild(el('td', 'num ' + signClass(x.unrealizedPnl), money(x.unrealizedPnl, true)));
      var act = el('td');
      if (canAct) {
        var f = el('form', 'action inline');
        f.method = 'post';
        f.action = base + 'api/system/force-close';
        f.setAttribute('data-confirm', 'Close ' + x.symbol + ' at market?');
        [['_csrf', csrf], ['return', ''], ['symbol', x.symbol]].forEach(function (kv) {
          var i = el('input'); i.type = 'hidden'; i.name = kv[0]; i.value = kv[1]; f.appendChild(i);
        });
        var b = el('button', 'small danger', 'Force close');
        b.type = 'submit';
        f.appendChild(b);
        act.appendChild(f);
      }
      tr.appendChild(act);
      rows.appendChild(tr);
    });
    tbody.replaceChildren(rows);
    if (p.account) {
      setText('equity', money(p.account.equity));
      setText('buying-power', money(p.account.buyingPower));
      setText('day-pnl', money(p.account.dayPnl, true), signClass(p.account.dayPnl));
    }
    setText('unrealized-pnl', money(p.unrealizedPnl, true), signClass(p.unrealizedPnl));
    setText('as-of', time(p.asOf));
    var err = $('broker-error');
    if (err) { err.hidden = !p.error; err.textContent = p.error ? 'Broker: ' + p.error : ''; }
    killSwitch(p.killSwitch);
    mode(p.mode);
  }
  function alertLine(a) {
    var list = $('alerts');
    if (!list) { return; }
    var empty = list.querySelector('li.empty');
    if (empty) { empty.remove(); }
    var li = el('li', 'sev-' + String(a.severity).toLowerCase());
    li.appendChild(el('time', null, time(a.at)));
    li.appendChild(document.createTextNode(' '));
    li.appendChild(el('span', 'sev', a.severity));
    li.appendChild(document.createTextNode(' '));
    li.appendChild(el('span', 'msg', a.message));
    list.insertBefore(li, list.firstChild);
    while (list.children.length > 50) { list.removeChild(list.lastChild); }
  }

  /* ---- the logs page: a tail of new lines that match the filters ---- */
  var LEVELS = { TRACE: 0, DEBUG: 1, INFO: 2, WARN: 3, WARNING: 3, ERROR: 4 };
  function logLine(r) {
    var tail = $('log-tail');
    if (!tail) { return; }
    var min = tail.getAttribute('data-level');
    var comp = tail.getAttribute('data-component');
    var q = tail.getAttribute('data-q');
    var lvl = LEVELS[String(r.level).toUpperCase()];
    if (lvl === undefined) { lvl = 2; }
    if (min && lvl < LEVELS[min.toUpperCase()]) { return; }
    if (comp && r.component !== comp && r.component.indexOf(comp + '.') !== 0) { return; }
    if (q && r.message.toLowerCase().indexOf(q.toLowerCase()) < 0) { return; }
    var placeholder = tail.querySelector('p.muted');
    if (placeholder) { placeholder.remove(); }
    var stick = tail.scrollTop + tail.clientHeight >= tail.scrollHeight - 8;
    var line = el('div', 'line lvl-' + String(r.level).toLowerCase());
    line.textContent = time(r.time) + ' ' + r.level + ' ' + r.component + ' — ' + r.message;
    tail.appendChild(line);
    while (tail.children.length > 500) { tail.removeChild(tail.firstChild); }
    if (stick) { tail.scrollTop = tail.scrollHeight; }
  }

  /* ---- charts (uPlot from the jar) ---- */
  var charts = {};
  /* The x range of a time chart. With fewer than two points uPlot's own guess is useless: for one point it asks
     for [x, x + 86400 / ms] — a thousand days with seconds — so the axis ran from the point to years later. One
     point is centred in a window of 2 × pad seconds; no point shows that window around now. */
  function timeRange(pad) {
    return function (u, min, max) {
      var xs = u.data && u.data[0] ? u.data[0] : [];
      if (xs.length === 0) { var now = Math.floor(Date.now() / 1000); return [now - pad, now + pad]; }
      if (xs.length === 1 || min === max) { var x = xs.length === 1 ? xs[0] : min; return [x - pad, x + pad]; }
      return [min, max];
    };
  }
  function chart(node, label, xs, ys, pad) {
    var placeholder = node.querySelector('p');
    if (placeholder) { placeholder.remove(); }
    if (!window.uPlot) { node.appendChild(el('p', 'muted', 'Charts are unavailable.')); return null; }
    var opts = { width: Math.max(280, node.clientWidth), height: 240, legend: { show: true },
      /* New York time, as everywhere else on the pages (not the browser's zone) */
      tzDate: function (ts) { return window.uPlot.tzDate(new Date(ts * 1e3), 'America/New_York'); },
      scales: { x: { time: true, range: timeRange(pad) } },
      hooks: { setScale: [function (u, key) {
        /* the window shown, in epoch seconds, for tests and the curious */
        if (key === 'x') { node.setAttribute('data-x-range', u.scales.x.min + ',' + u.scales.x.max); } }] },
      series: [{}, { label: label, stroke: '#2a6df4', width: 2, fill: 'rgba(42,109,244,0.08)' }] };
    var u = new window.uPlot(opts, [xs, ys], node);
    window.addEventListener('resize', function () { u.setSize({ width: Math.max(280, node.clientWidth), height: 240 }); });
    return u;
  }
  function loadCharts() {
    document.querySelectorAll('.chart[data-src]').forEach(function (node) {
      fetch(node.getAttribute('data-src'), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
        .then(function (r) { return r.json(); })
        .then(function (j) {
          var xs = [], ys = [];
          if (node.id === 'pnl-chart') {
            j.points.forEach(function (p) { xs.push(Date.parse(p.at) / 1000); ys.push(Number(p.dayPnl)); });
            charts.pnl = { u: chart(node, 'Day P&L ($)', xs, ys, 1800), xs: xs, ys: ys, node: node };
          } else {
            j.points.forEach(function (p) { xs.push(Date.parse(p.session + 'T16:00:00Z') / 1000);
              ys.push(Number(p.cumulativePnl)); });
            charts.equity = { u: chart(node, 'Cumulative P&L ($)', xs, ys, 86400), xs: xs, ys: ys };
          }
          node.setAttribute('data-points', String(xs.length));
        })
        .catch(function () { node.appendChild(el('p', 'muted', 'The chart data could not be loaded.')); });
    });
  }
  function pnlPoint(p) {
    var c = charts.pnl;
    if (!c || !c.u) { return; }
    var x = Date.parse(p.at) / 1000;
    if (c.xs.length && x <= c.xs[c.xs.length - 1]) { return; }
    c.xs.push(x); c.ys.push(Number(p.dayPnl));
    c.u.setData([c.xs, c.ys]);
    c.node.setAttribute('data-points', String(c.xs.length));
  }

  /* ---- the live stream ---- */
  function connect() {
    if (!window.EventSource) { return; }
    var es = new EventSource(base + 'api/stream');
    es.onopen = function () { status('live'); body.setAttribute('data-stream', 'open'); };
    es.onerror = function () { status('reconnecting…'); body.setAttribute('data-stream', 'error'); };
    es.addEventListener('positions', function (e) { positions(JSON.parse(e.data));
      body.setAttribute('data-pushes', String(Number(body.getAttribute('data-pushes') || '0') + 1)); });
    es.addEventListener('pnl', function (e) { pnlPoint(JSON.parse(e.data)); });
    es.addEventListener('alert', function (e) { alertLine(JSON.parse(e.data)); });
    es.addEventListener('killswitch', function (e) { killSwitch(JSON.parse(e.data)); });
    es.addEventListener('log', function (e) { logLine(JSON.parse(e.data)); });
    ['signal', 'fill', 'trade'].forEach(function (t) {
      es.addEventListener(t, function () { var n = $('signals-notice'); if (n) { n.hidden = false; } });
    });
    es.addEventListener('reset', function () { status('live (some events were missed: reload for all)'); });
  }

  loadCharts();
  if (page !== 'error') { connect(); }
})();
