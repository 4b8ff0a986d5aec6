// yuelao explorer: the page over the JSON API (docs/server.md). No framework, no CDN: plain DOM and SVG.
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  const state = { info: null, store: false, vectors: false, active: -1, suggestTimer: null, seq: 0 };

  async function api(path, params) {
    const url = path + (params ? '?' + new URLSearchParams(params) : '');
    const res = await fetch(url, { headers: { Accept: 'application/json' } });
    let body = null;
    try { body = await res.json(); } catch (e) { /* not JSON: reported below */ }
    if (!res.ok) {
      const err = new Error(body && body.message ? body.message : res.status + ' ' + res.statusText);
      err.status = res.status; err.body = body;
      throw err;
    }
    return body;
  }

  function showError(message) { const e = $('error'); e.textContent = message; e.hidden = false; }
  function clearError() { const e = $('error'); e.textContent = ''; e.hidden = true; }
  function fmt(x) { return (Math.abs(x) >= 100 ? x.toFixed(1) : x.toFixed(3)); }

  function wordLink(word, onPick) {
    const a = document.createElement('a');
    a.href = '?q=' + encodeURIComponent(word);
    a.textContent = word;
    a.addEventListener('click', (ev) => { ev.preventDefault(); onPick(word); });
    return a;
  }

  function fillList(ol, items, scoreOf) {
    ol.replaceChildren();
    for (const it of items) {
      const li = document.createElement('li');
      li.appendChild(wordLink(it.word, (w) => search(w, true)));
      const s = document.createElement('span');
      s.className = 'score'; s.textContent = fmt(scoreOf(it));
      li.appendChild(s);
      ol.appendChild(li);
    }
  }

  // ---- the URL: q, top, a, b, c, pa, pb
  function readUrl() { return new URLSearchParams(location.search); }
  function writeUrl(changes, push) {
    const p = readUrl();
    for (const [k, v] of Object.entries(changes)) { if (v === null || v === '') p.delete(k); else p.set(k, v); }
    const url = location.pathname + (p.toString() ? '?' + p : '');
    if (url !== location.pathname + location.search) { (push ? history.pushState : history.replaceState).call(history, null, '', url); }
  }

  // ---- search: nearest in three modes, associates, the map
  async function search(word, push) {
    word = word.trim();
    if (!word) { return; }
    const top = Math.max(1, Math.min(100, parseInt($('top').value, 10) || 10));
    $('q').value = word; closeSuggestions();
    writeUrl({ q: word, top: String(top) }, push);
    const seq = ++state.seq;
    clearError();
    document.title = word + ' · yuelao explorer';
    const calls = [];
    if (state.vectors) {
      for (const mode of ['cosine', 'relatedness', 'similarity']) {
        calls.push(api('/api/nearest', { word, top, mode }).then((r) => ({ kind: mode, r })));
      }
      calls.push(api('/api/map', { word, top: Math.max(top, 10) }).then((r) => ({ kind: 'map', r })));
    }
    if (state.store) { calls.push(api('/api/associates', { word, top }).then((r) => ({ kind: 'associates', r }))); }
    const settled = await Promise.allSettled(calls);
    if (seq !== state.seq) { return; } // a newer search has started
    const failures = settled.filter((s) => s.status === 'rejected').map((s) => s.reason);
    const done = settled.filter((s) => s.status === 'fulfilled').map((s) => s.value);
    $('results').hidden = done.length === 0;
    $('results-title').textContent = word;
    for (const id of ['nearest-cosine', 'nearest-relatedness', 'nearest-similarity', 'associates']) { $(id).replaceChildren(); }
    $('map').replaceChildren(); $('map-caption').textContent = '';
    $('composed-note').hidden = true;
    for (const d of done) {
      if (d.kind === 'associates') { fillList($('associates'), d.r.results, (a) => a.score); }
      else if (d.kind === 'map') { drawMap(d.r); }
      else {
        fillList($('nearest-' + d.kind), d.r.results, (n) => n.score);
        if (d.r.composed) { $('composed-note').textContent = d.r.note; $('composed-note').hidden = false; }
      }
    }
    if (failures.length) {
      const unique = [...new Set(failures.map((f) => f.message))];
      showError(unique.join(' · '));
    }
  }

  // ---- the 2-D map: PCA coordinates from /api/map, drawn as SVG; a click (or Enter) on a point searches it
  function drawMap(m) {
    const svg = $('map');
    const W = 640, H = 400, pad = 48;
    const xs = m.points.map((p) => p.x), ys = m.points.map((p) => p.y);
    const span = (a) => { const lo = Math.min(...a), hi = Math.max(...a); return [lo, hi - lo || 1]; };
    const [x0, dx] = span(xs), [y0, dy] = span(ys);
    const ns = 'http://www.w3.org/2000/svg';
    m.points.forEach((p, i) => {
      const cx = pad + (p.x - x0) / dx * (W - 2 * pad - 70); // room on the right for the labels
      const cy = H - pad - (p.y - y0) / dy * (H - 2 * pad);
      const c = document.createElementNS(ns, 'circle');
      c.setAttribute('cx', cx.toFixed(1)); c.setAttribute('cy', cy.toFixed(1)); c.setAttribute('r', i === 0 ? 7 : 5);
      c.setAttribute('class', i === 0 ? 'point centre' : 'point');
      c.setAttribute('data-word', p.word); c.setAttribute('tabindex', '0'); c.setAttribute('role', 'button');
      c.setAttribute('aria-label', p.word + (i === 0 ? '' : ', score ' + fmt(p.score)));
      const t = document.createElementNS(ns, 'title'); t.textContent = p.word + (i === 0 ? '' : ' (' + fmt(p.score) + ')'); c.appendChild(t);
      c.addEventListener('click', () => search(p.word, true));
      c.addEventListener('keydown', (ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); search(p.word, true); } });
      svg.appendChild(c);
      const label = document.createElementNS(ns, 'text');
      label.setAttribute('x', (cx + 8).toFixed(1)); label.setAttribute('y', (cy + 4).toFixed(1)); label.textContent = p.word;
      svg.appendChild(label);
    });
    $('map-caption').textContent = '(PCA of ' + m.points.length + ' unit vectors; axes explain ' +
      (100 * m.explained[0]).toFixed(0) + '% and ' + (100 * m.explained[1]).toFixed(0) + '% of the variance)';
  }

  // ---- autocomplete over /api/vocabulary, with the keyboard: arrows, Enter, Escape
  function closeSuggestions() {
    const ul = $('suggestions'); ul.hidden = true; ul.replaceChildren(); state.active = -1;
    $('q').setAttribute('aria-expanded', 'false'); $('q').removeAttribute('aria-activedescendant');
  }
  function highlight(i) {
    const items = $('suggestions').children;
    if (!items.length) { return; }
    state.active = (i + items.length) % items.length;
    for (let k = 0; k < items.length; k++) { items[k].setAttribute('aria-selected', k === state.active ? 'true' : 'false'); }
    $('q').setAttribute('aria-activedescendant', items[state.active].id);
  }
  async function suggest() {
    const prefix = $('q').value.trim();
    if (!prefix) { closeSuggestions(); return; }
    try {
      const r = await api('/api/vocabulary', { prefix, limit: 8 });
      if ($('q').value.trim() !== prefix) { return; }
      const ul = $('suggestions'); ul.replaceChildren();
      r.results.forEach((e, i) => {
        const li = document.createElement('li');
        li.id = 'suggestion-' + i; li.setAttribute('role', 'option'); li.setAttribute('aria-selected', 'false');
        li.dataset.word = e.word;
        const w = document.createElement('span'); w.textContent = e.word;
        const n = document.createElement('span'); n.className = 'muted'; n.textContent = e.count.toLocaleString('en');
        li.append(w, n);
        li.addEventListener('mousedown', (ev) => { ev.preventDefault(); search(e.word, true); });
        ul.appendChild(li);
      });
      ul.hidden = r.results.length === 0; state.active = -1;
      $('q').setAttribute('aria-expanded', String(!ul.hidden));
    } catch (e) { closeSuggestions(); }
  }
  $('q').addEventListener('input', () => { clearTimeout(state.suggestTimer); state.suggestTimer = setTimeout(suggest, 120); });
  $('q').addEventListener('keydown', (ev) => {
    const open = !$('suggestions').hidden;
    if (ev.key === 'ArrowDown' && open) { ev.preventDefault(); highlight(state.active + 1); }
    else if (ev.key === 'ArrowUp' && open) { ev.preventDefault(); highlight(state.active - 1); }
    else if (ev.key === 'Escape') { closeSuggestions(); }
    else if (ev.key === 'Enter' && open && state.active >= 0) {
      ev.preventDefault(); search($('suggestions').children[state.active].dataset.word, true);
    }
  });
  $('q').addEventListener('blur', () => setTimeout(closeSuggestions, 150));
  $('search-form').addEventListener('submit', (ev) => { ev.preventDefault(); search($('q').value, true); });

  // ---- analogy and phrase PMI
  async function analogy(a, b, c, push) {
    writeUrl({ a, b, c }, push);
    clearError();
    const ol = $('analogy-results'); ol.replaceChildren();
    try {
      const r = await api('/api/analogy', { a, b, c, top: 5 });
      fillList(ol, r.results, (n) => n.score);
    } catch (e) { showError(e.message); }
  }
  $('analogy-form').addEventListener('submit', (ev) => {
    ev.preventDefault(); analogy($('a').value.trim(), $('b').value.trim(), $('c').value.trim(), true);
  });

  async function phrase(pa, pb, push) {
    writeUrl({ pa, pb }, push);
    clearError();
    const out = $('phrase-results'); out.replaceChildren();
    try {
      if (state.store) {
        const r = await api('/api/phrase-pmi', { a: pa, b: pb });
        const p = document.createElement('p');
        p.id = 'phrase-total';
        p.textContent = r.measure + '(A, B) = ' + r.score.toFixed(3) + ' over ' + r.tokens_a + ' × ' + r.tokens_b + ' word pairs (' +
          r.observed_pairs + ' observed)';
        const table = document.createElement('table');
        table.innerHTML = '<tr><th>A</th><th>B</th><th>count</th><th>' + r.measure + '</th></tr>';
        for (const t of r.terms) {
          const tr = document.createElement('tr');
          for (const v of [t.a, t.b, String(t.count), t.score === undefined ? '–' : t.score.toFixed(3)]) {
            const td = document.createElement('td'); td.textContent = v; tr.appendChild(td);
          }
          tr.children[2].className = 'n'; tr.children[3].className = 'n';
          table.appendChild(tr);
        }
        out.append(p, table);
      } else {
        const r = await api('/api/sentence', { a: pa, b: pb });
        const p = document.createElement('p');
        p.id = 'phrase-total';
        p.textContent = 'relatedness <s1, s2> = ' + r.relatedness.toFixed(3) + ', cosine = ' + r.cosine.toFixed(3) + ' (the vectors estimate PMI)';
        out.append(p);
      }
    } catch (e) { showError(e.message); }
  }
  $('phrase-form').addEventListener('submit', (ev) => {
    ev.preventDefault(); phrase($('phrase-a').value.trim(), $('phrase-b').value.trim(), true);
  });

  // ---- start: what the server holds, then the state the URL describes (bookmarks, back and forward)
  function restore() {
    const p = readUrl();
    if (p.get('top')) { $('top').value = p.get('top'); }
    if (p.get('q')) { search(p.get('q'), false); } else { $('results').hidden = true; }
    if (p.get('a') && p.get('b') && p.get('c')) {
      $('a').value = p.get('a'); $('b').value = p.get('b'); $('c').value = p.get('c'); analogy(p.get('a'), p.get('b'), p.get('c'), false);
    }
    if (p.get('pa') && p.get('pb')) { $('phrase-a').value = p.get('pa'); $('phrase-b').value = p.get('pb'); phrase(p.get('pa'), p.get('pb'), false); }
  }
  window.addEventListener('popstate', restore);
  api('/api/info').then((info) => {
    state.info = info; state.vectors = !!info.vectors; state.store = !!info.store;
    const parts = [];
    if (info.vectors) { parts.push(info.vectors.words.toLocaleString('en') + ' words × ' + info.vectors.dim + ' dimensions' + (info.vectors.index ? ' (HNSW index)' : '')); }
    if (info.store) { parts.push('count store of ' + info.store.tokens.toLocaleString('en') + ' tokens'); }
    $('info').textContent = parts.join(' · ');
    $('associates-column').hidden = !state.store;
    document.body.dataset.ready = 'true';
    restore();
  }).catch((e) => showError('cannot reach the server: ' + e.message));
})();
