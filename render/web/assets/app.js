// claimgraph explorer. Plain JavaScript, no build step.
//
// Rules this file keeps:
//  - dataset text reaches the page only through textContent and Cytoscape
//    data (drawn on a canvas), never as HTML: no HTML-parsing setter anywhere;
//  - links are made only for http: and https: URLs;
//  - the view lives in the URL as query parameters named as the CLI flags
//    (focus, depth, status, type, contested, from, to, max-hops, undirected,
//    avoid-contested, compare), so a link reproduces it;
//  - readings, marks and styles come from the server (graph.Reading and
//    render's style table), never composed here.
'use strict';

(function () {
  const $ = (id) => document.getElementById(id);

  // el builds an element; text is set with textContent, never parsed.
  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }

  // Every endpoint that answers from the graph answers as of the slider's
  // date; the page's own settings (config, style, dates) do not depend on it.
  function asOfURL(url) {
    if (!state.asOf || !url.startsWith('/api/') || /^\/api\/(config|style|dates)\b/.test(url)) return url;
    return url + (url.includes('?') ? '&' : '?') + 'as-of=' + encodeURIComponent(state.asOf);
  }

  async function getJSON(url) {
    const r = await fetch(asOfURL(url), { headers: { Accept: 'application/json' } });
    const body = await r.json().catch(() => ({ error: 'bad response', hint: '' }));
    if (!r.ok) {
      const err = new Error(body.error || ('HTTP ' + r.status));
      err.hint = body.hint || '';
      err.status = r.status;
      throw err;
    }
    return body;
  }

  function say(msg) { $('status-line').textContent = msg; }
  function sayError(err) { say('Error: ' + err.message + (err.hint ? ' — ' + err.hint : '')); }

  const state = {
    focus: '', depth: 1, status: [], type: [], contested: false,
    from: '', to: '', maxHops: 6, undirected: false, avoidContested: false,
    compare: false, path: 0, asOf: '',
  };
  let dates = []; // /api/dates: the reporting dates the slider steps through
  let config = { watch: false, compare: '' };
  let styles = { statuses: [], types: [] };
  let cy = null;
  let diff = null; // /api/diff, once compare is on
  let names = {}; // entity id → name, from what was drawn

  // ---- URL ----------------------------------------------------------------

  function readURL() {
    const q = new URLSearchParams(location.search);
    const list = (k) => (q.get(k) || '').split(',').map((s) => s.trim()).filter(Boolean);
    state.focus = q.get('focus') || '';
    state.depth = clampInt(q.get('depth'), 1, 0, 3);
    state.status = list('status');
    state.type = list('type');
    state.contested = q.get('contested') === 'true';
    state.from = q.get('from') || '';
    state.to = q.get('to') || '';
    state.maxHops = clampInt(q.get('max-hops'), 6, 1, 16);
    state.undirected = q.get('undirected') === 'true';
    state.avoidContested = q.get('avoid-contested') === 'true';
    state.compare = q.get('compare') === 'true';
    state.asOf = (q.get('as-of') || '').trim();
  }

  function clampInt(v, def, lo, hi) {
    const n = parseInt(v, 10);
    return Number.isFinite(n) && n >= lo && n <= hi ? n : def;
  }

  // filterParams are the parameters the neighbourhood and the figure share.
  function filterParams() {
    const q = new URLSearchParams();
    if (state.status.length) q.set('status', state.status.join(','));
    if (state.type.length) q.set('type', state.type.join(','));
    if (state.contested) q.set('contested', 'true');
    return q;
  }

  function writeURL() {
    const q = new URLSearchParams();
    if (state.focus) { q.set('focus', state.focus); q.set('depth', String(state.depth)); }
    for (const [k, v] of filterParams()) q.set(k, v);
    if (state.from && state.to) {
      q.set('from', state.from); q.set('to', state.to);
      if (state.maxHops !== 6) q.set('max-hops', String(state.maxHops));
      if (state.undirected) q.set('undirected', 'true');
      if (state.avoidContested) q.set('avoid-contested', 'true');
    }
    if (state.compare) q.set('compare', 'true');
    if (state.asOf) q.set('as-of', state.asOf);
    const s = q.toString();
    history.replaceState(null, '', s ? '?' + s : location.pathname);
    const fig = new URLSearchParams(filterParams());
    if (state.focus) { fig.set('focus', state.focus); fig.set('depth', String(state.depth)); }
    if (state.asOf) fig.set('as-of', state.asOf);
    $('download').href = '/api/figure.svg' + (fig.toString() ? '?' + fig : '');
  }

  // ---- the graph ----------------------------------------------------------

  const cyShapes = {
    box: 'round-rectangle', hexagon: 'hexagon', octagon: 'octagon', doubleoctagon: 'octagon',
    tab: 'tag', ellipse: 'ellipse', component: 'rectangle', note: 'cut-rectangle', box3d: 'barrel',
  };

  function stylesheet() {
    const ss = [
      { selector: 'node', style: {
        label: 'data(label)', 'text-wrap': 'wrap', 'text-max-width': 130, 'font-size': 12,
        'text-valign': 'center', 'text-halign': 'center', color: '#222',
        'background-color': '#fff', 'border-width': 1.5, 'border-color': '#222', shape: 'round-rectangle',
        width: (n) => Math.min(150, 24 + 7 * Math.min(20, String(n.data('label')).length)),
        height: (n) => (String(n.data('label')).length > 18 ? 48 : 34),
      } },
    ];
    for (const t of styles.types) {
      const st = { shape: cyShapes[t.shape] || 'rectangle', 'background-color': t.fill, 'border-style': t.border };
      if (t.border === 'double') st['border-width'] = 5;
      ss.push({ selector: 'node.' + t.type, style: st });
    }
    ss.push({ selector: 'edge', style: {
      'curve-style': 'bezier', 'target-arrow-shape': 'triangle', label: 'data(label)', 'font-size': 10,
      'text-wrap': 'wrap', 'text-rotation': 'autorotate', 'text-background-color': '#fff',
      'text-background-opacity': 0.85, 'text-background-padding': 2, color: '#222', width: 1.5,
      'line-color': '#000', 'target-arrow-color': '#000',
    } });
    const arrows = { normal: 'triangle', tee: 'tee', odot: 'circle', none: 'none' };
    for (const s of styles.statuses) {
      const st = {};
      if (s.line) st['line-style'] = s.line;
      if (s.width) st.width = s.width * 1.3;
      if (s.arrow) st['target-arrow-shape'] = arrows[s.arrow] || 'triangle';
      if (s.colour) { st['line-color'] = s.colour; st['target-arrow-color'] = s.colour; }
      if (s.double) {
        // Two parallel lines, as the figure's: a white core inside an
        // outline of the status colour.
        st['line-color'] = '#fff'; st['line-outline-color'] = s.colour;
        st['line-outline-width'] = Math.max(1, s.width); st.width = 2 + s.width;
      } else if (s.line) st['line-outline-width'] = 0;
      if (s.class === 'contested' || s.class === 'denied') st['font-weight'] = 'bold';
      ss.push({ selector: 'edge.' + s.class, style: st });
    }
    ss.push(
      { selector: '.added', style: { 'underlay-color': '#009E73', 'underlay-opacity': 0.45, 'underlay-padding': 6, 'font-weight': 'bold' } },
      { selector: '.changed', style: { 'underlay-color': '#CC79A7', 'underlay-opacity': 0.45, 'underlay-padding': 6, 'font-weight': 'bold' } },
      { selector: 'edge.removed', style: { 'line-color': '#9E9E9E', 'target-arrow-color': '#9E9E9E', 'line-style': 'dotted', opacity: 0.7 } },
      { selector: 'node.removed', style: { 'border-style': 'dotted', 'border-color': '#9E9E9E', opacity: 0.7 } },
      { selector: 'edge.negated', style: { 'font-style': 'italic' } },
      { selector: '.faded', style: { opacity: 0.2 } },
      { selector: '.highlight', style: { 'overlay-color': '#F0E442', 'overlay-opacity': 0.35, 'overlay-padding': 6, opacity: 1 } },
      { selector: ':selected', style: { 'border-width': 4, 'border-color': '#0072B2' } },
    );
    return ss;
  }

  function initGraph() {
    cy = cytoscape({ container: $('cy'), style: stylesheet(), wheelSensitivity: 0.3, minZoom: 0.1, maxZoom: 4 });
    cy.on('tap', 'node', (ev) => { const id = ev.target.id(); focusOn(id, 'entity', true); });
    cy.on('tap', 'edge', (ev) => { state.focus = ev.target.id(); writeURL(); openPanel('claim', ev.target.id()); });
    initKeyboard();
    window.claimgraph = { cy, state }; // for the browser tests and the console
  }

  // initKeyboard makes the graph usable without a mouse: with #cy focused,
  // the arrow keys step through the drawn entities (by name), E through the
  // claims of the current one, Enter opens (and expands) what is selected.
  function initKeyboard() {
    let edgeAt = -1;
    const pick = (ele) => {
      cy.elements().unselect(); ele.select();
      cy.animate({ center: { eles: ele } }, { duration: 0 });
      say((ele.isNode() ? 'Entity: ' : 'Claim: ') + ele.data('label') + ' — Enter to open');
    };
    $('cy').addEventListener('keydown', (ev) => {
      const nodes = cy.nodes().sort((a, b) => String(a.data('label')).localeCompare(String(b.data('label'))));
      if (!nodes.length) return;
      const sel = cy.$(':selected');
      const cur = sel.nodes().length ? sel.nodes()[0] : (sel.edges().length ? sel.edges()[0].source() : null);
      let i = cur ? nodes.indexOf(cur) : -1;
      if (ev.key === 'ArrowRight' || ev.key === 'ArrowDown') { i = (i + 1) % nodes.length; edgeAt = -1; pick(nodes[i]); }
      else if (ev.key === 'ArrowLeft' || ev.key === 'ArrowUp') { i = (i - 1 + nodes.length) % nodes.length; edgeAt = -1; pick(nodes[i]); }
      else if (ev.key === 'e' || ev.key === 'E') {
        const edges = (cur || nodes[0]).connectedEdges();
        if (!edges.length) return;
        edgeAt = (edgeAt + 1) % edges.length; pick(edges[edgeAt]);
      } else if (ev.key === 'Enter' && sel.length) {
        const e = sel[0];
        if (e.isNode()) focusOn(e.id(), 'entity', true);
        else { state.focus = e.id(); writeURL(); openPanel('claim', e.id()); }
      } else return;
      ev.preventDefault();
    });
  }

  // draw adds elements (or replaces the graph), marks them and lays out.
  function draw(res, replace) {
    cy.batch(() => {
      if (replace) cy.elements().remove();
      for (const n of res.elements.nodes) {
        names[n.data.id] = n.data.label;
        if (cy.getElementById(n.data.id).empty()) cy.add({ group: 'nodes', data: n.data, classes: n.classes });
      }
      for (const e of res.elements.edges) {
        if (cy.getElementById(e.data.id).empty()) {
          e.data.baseLabel = e.data.label;
          cy.add({ group: 'edges', data: e.data, classes: e.classes });
        }
      }
      cy.nodes().forEach((n) => { if (n.data('baseLabel') === undefined) n.data('baseLabel', n.data('label')); });
      markChanges();
    });
    layout();
    let msg = cy.nodes().length + ' entities, ' + cy.edges().length + ' claims drawn';
    if (res.truncated) msg += '; ' + res.truncated + ' more left out (limit): focus or filter to see them';
    say(msg);
    updateNames();
    buildLegend();
  }

  // layout rings the drawn entities around the focus by distance (a
  // neighbourhood reads best that way, and fills a landscape screen); a
  // view without a focus gets a force-directed layout.
  function layout() {
    const focus = state.focus ? cy.getElementById(state.focus) : cy.collection();
    const centre = focus.nonempty() ? (focus.isEdge() ? focus.connectedNodes() : focus) : null;
    if (centre && centre.nonempty()) {
      const dist = {};
      cy.elements().breadthFirstSearch({ roots: centre, visit: (v, e, u, i, depth) => { dist[v.id()] = depth; } });
      cy.layout({
        name: 'concentric', animate: false, padding: 30, minNodeSpacing: 30, nodeDimensionsIncludeLabels: true,
        concentric: (n) => 100 - (dist[n.id()] === undefined ? 50 : dist[n.id()]), levelWidth: () => 1,
      }).run();
      return;
    }
    cy.layout({ name: 'cose', animate: false, nodeDimensionsIncludeLabels: true, idealEdgeLength: () => 120, nodeRepulsion: () => 400000, padding: 30 }).run();
  }

  async function neighbourhood(ids, depth) {
    const q = filterParams();
    if (ids) q.set('id', ids);
    q.set('depth', String(depth));
    if (state.compare && config.compare) q.set('compare', 'true');
    return getJSON('/api/neighbourhood?' + q);
  }

  // focusOn draws id (an entity or a claim) and its neighbours, and opens
  // its panel. expand keeps what is drawn and adds to it.
  async function focusOn(id, kind, expand) {
    state.focus = id;
    writeURL();
    try {
      const res = await neighbourhood(id, state.depth);
      draw(res, !expand);
      const e = cy.getElementById(id);
      const k = kind || (e.nonempty() && e.isNode() ? 'entity' : 'claim');
      await openPanel(k, id);
      cy.elements().unselect();
      cy.getElementById(id).select();
    } catch (err) { sayError(err); }
  }

  async function drawAll() {
    try { draw(await neighbourhood('', 0), true); } catch (err) { sayError(err); }
  }

  // drawLimit is the neighbourhood's default limit: a graph this small is
  // drawn whole when nothing is focused; a larger one waits for a search.
  const drawLimit = 300;

  function redraw() {
    if (state.focus) return focusOn(state.focus, null, false);
    if (config.entities + config.claims <= drawLimit) return drawAll();
    cy.elements().remove();
    say(config.entities + ' entities, ' + config.claims + ' claims: search for an entity or a claim to begin');
    buildLegend();
    return Promise.resolve();
  }

  function updateNames() {
    const dl = $('entity-names');
    dl.textContent = '';
    for (const id of Object.keys(names).sort()) {
      const o = el('option'); o.value = id; o.label = names[id]; dl.appendChild(o);
    }
  }

  // ---- the side panel -----------------------------------------------------

  function name(id) { return names[id] || id; }

  // relation is a claim's relation as every output prints it: a negated
  // claim opens with "not:", so that it never reads as the relation itself.
  function relation(c) { return (c.negated ? 'not: ' : '') + c.relation; }

  // safeLink returns a link for http(s) URLs and plain text for anything else.
  function safeLink(url, text) {
    let u = null;
    try { u = new URL(url); } catch (e) { u = null; }
    if (u && (u.protocol === 'http:' || u.protocol === 'https:')) {
      const a = el('a', text || url);
      a.href = u.href; a.rel = 'noopener noreferrer'; a.target = '_blank';
      return a;
    }
    return el('span', (text ? text + ' ' : '') + '(link not shown: ' + url + ')');
  }

  function entityButton(id) {
    const b = el('button', name(id), 'link'); b.type = 'button';
    b.addEventListener('click', () => focusOn(id, 'entity', true));
    return b;
  }

  function claimButton(c) {
    const b = el('button', name(c.from) + ' — ' + relation(c) + ' → ' + name(c.to), 'link'); b.type = 'button';
    b.addEventListener('click', () => focusOn(c.id, 'claim', true));
    return b;
  }

  function field(parent, label, value) {
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length)) return;
    const p = el('p'); p.appendChild(el('strong', label + ': ')); p.appendChild(el('span', Array.isArray(value) ? value.join(', ') : value));
    parent.appendChild(p);
  }

  async function openPanel(kind, id) {
    const body = $('panel-body');
    let data;
    try { data = await getJSON('/api/' + kind + '/' + encodeURIComponent(id)); } catch (err) { sayError(err); return; }
    body.textContent = '';
    body.dataset.kind = kind; body.dataset.id = id;
    if (kind === 'claim') await claimPanel(body, data);
    else if (kind === 'entity') entityPanel(body, data);
    else sourcePanel(body, data);
    if ($('panel').hidden) {
      // The panel takes room from the graph: tell Cytoscape, and fit again.
      $('panel').hidden = false;
      cy.resize(); cy.fit(cy.elements(), 30);
    }
  }

  async function claimPanel(body, c) {
    body.appendChild(el('h2', name(c.from) + ' — ' + relation(c) + ' → ' + name(c.to)));
    const mark = c.reading.startsWith('‼') || c.reading.startsWith('DENIED') ? c.reading.split(' · ')[0] : '';
    if (mark) body.appendChild(el('p', mark, 'mark'));
    body.appendChild(el('p', c.reading, 'reading'));
    field(body, 'Status', c.status + (c.contested ? ' (contested)' : '') + (c.negated ? ' — negated: the relation does not hold' : ''));
    if (c.credibility) field(body, 'Credibility', String(c.credibility) + (c.credibility_note ? ' — ' + c.credibility_note : ''));
    field(body, 'Basis', c.basis);
    field(body, 'Likelihood', c.likelihood);
    field(body, 'Reported', c.reported);
    field(body, 'Detail', c.detail);
    field(body, 'Id', c.id);
    const sources = {};
    const ids = [...new Set([...c.sources.map((r) => r.source), ...c.stances.map((s) => s.source).filter(Boolean)])];
    await Promise.all(ids.map(async (sid) => {
      try { sources[sid] = await getJSON('/api/source/' + encodeURIComponent(sid)); } catch (e) { sources[sid] = null; }
    }));
    const srcName = (sid) => (sources[sid] && sources[sid].title) || sid;
    body.appendChild(el('h3', 'Stances'));
    const ul = el('ul', null, 'stances');
    if (!c.stances.length) ul.appendChild(el('li', 'No party takes a position on record.'));
    for (const s of c.stances) {
      const li = el('li');
      li.appendChild(el('strong', s.position + ' '));
      li.appendChild(entityButton(s.by));
      if (s.quote) { li.appendChild(el('span', ': ')); li.appendChild(el('span', '“' + s.quote + '”', 'quote')); }
      if (s.source) li.appendChild(el('span', ' [' + srcName(s.source) + ']'));
      ul.appendChild(li);
    }
    body.appendChild(ul);
    body.appendChild(el('h3', 'Sources'));
    const sl = el('ul', null, 'sources');
    if (!c.sources.length) sl.appendChild(el('li', 'No source cited.'));
    for (const r of c.sources) {
      const li = el('li');
      const s = sources[r.source];
      if (s && s.url) li.appendChild(safeLink(s.url, srcName(r.source)));
      else li.appendChild(el('strong', srcName(r.source)));
      if (s) {
        const meta = [s.publisher, s.published, s.reliability ? 'grade ' + s.reliability : ''].filter(Boolean).join('; ');
        if (meta) li.appendChild(el('span', ' — ' + meta));
      }
      if (r.quote) { li.appendChild(el('br')); li.appendChild(el('span', '“' + r.quote + '”', 'quote')); }
      sl.appendChild(li);
    }
    body.appendChild(sl);
  }

  function entityPanel(body, d) {
    const e = d.entity;
    names[e.id] = e.name || e.id;
    body.appendChild(el('h2', e.name || e.id));
    field(body, 'Type', e.type);
    field(body, 'Country', e.country);
    field(body, 'Aliases', e.aliases);
    field(body, 'Note', e.note);
    field(body, 'Id', e.id);
    const b = el('button', 'Expand neighbourhood'); b.type = 'button';
    b.addEventListener('click', () => focusOn(e.id, 'entity', true));
    body.appendChild(b);
    body.appendChild(el('h3', 'Claims'));
    const ul = el('ul');
    if (!d.claims.length) ul.appendChild(el('li', 'No claim mentions it.'));
    for (const c of d.claims) {
      const li = el('li');
      li.appendChild(claimButton(c));
      li.appendChild(el('div', c.reading + (c.role === 'stance' ? ' (takes a position)' : '')));
      ul.appendChild(li);
    }
    body.appendChild(ul);
  }

  function sourcePanel(body, s) {
    body.appendChild(el('h2', s.title || s.id));
    field(body, 'Publisher', s.publisher);
    field(body, 'Published', s.published);
    field(body, 'Grade', s.reliability);
    field(body, 'Derived from', s.derived_from);
    field(body, 'Id', s.id);
    if (s.url) { const p = el('p'); p.appendChild(safeLink(s.url)); body.appendChild(p); }
    body.appendChild(el('h3', 'Claims citing it'));
    const ul = el('ul');
    for (const id of [...new Set(s.claims.concat(s.derived_claims, s.stance_claims || []))]) {
      const li = el('li'); const b = el('button', id, 'link'); b.type = 'button';
      b.addEventListener('click', () => focusOn(id, 'claim', true));
      li.appendChild(b); ul.appendChild(li);
    }
    body.appendChild(ul);
  }

  // ---- search -------------------------------------------------------------

  let results = [];
  let active = -1;
  let searchSeq = 0;

  async function suggest() {
    const q = $('search').value.trim();
    const seq = ++searchSeq;
    if (!q) { closeSuggestions(); return; }
    let res;
    try { res = await getJSON('/api/search?limit=12&q=' + encodeURIComponent(q)); } catch (err) { sayError(err); return; }
    if (seq !== searchSeq) return; // a later keystroke won
    results = res.results; active = results.length ? 0 : -1;
    const ul = $('suggestions'); ul.textContent = '';
    results.forEach((r, i) => {
      const li = el('li'); li.id = 'sugg-' + i; li.setAttribute('role', 'option');
      li.appendChild(el('span', r.kind, 'kind')); li.appendChild(el('span', r.label));
      li.addEventListener('mousedown', (ev) => { ev.preventDefault(); choose(i); });
      ul.appendChild(li);
    });
    if (!results.length) ul.appendChild(el('li', 'no match'));
    ul.hidden = false; $('search').setAttribute('aria-expanded', 'true');
    markActive();
  }

  function markActive() {
    [...$('suggestions').children].forEach((li, i) => li.setAttribute('aria-selected', String(i === active)));
    if (active >= 0) $('search').setAttribute('aria-activedescendant', 'sugg-' + active);
  }

  function closeSuggestions() {
    $('suggestions').hidden = true; $('search').setAttribute('aria-expanded', 'false');
    $('search').removeAttribute('aria-activedescendant');
  }

  function choose(i) {
    const r = results[i];
    if (!r) return;
    closeSuggestions();
    $('search').value = r.label;
    if (r.kind === 'source') openPanel('source', r.id);
    else focusOn(r.id, r.kind, true);
  }

  function initSearch() {
    let timer = 0;
    $('search').addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(suggest, 120); });
    $('search').addEventListener('keydown', (ev) => {
      if (ev.key === 'ArrowDown' && results.length) { active = (active + 1) % results.length; markActive(); ev.preventDefault(); }
      else if (ev.key === 'ArrowUp' && results.length) { active = (active - 1 + results.length) % results.length; markActive(); ev.preventDefault(); }
      else if (ev.key === 'Escape') closeSuggestions();
    });
    $('search-form').addEventListener('submit', async (ev) => {
      ev.preventDefault();
      if ($('suggestions').hidden || !results.length) await suggest();
      if (results.length) choose(Math.max(0, active));
    });
  }

  // ---- filters ------------------------------------------------------------

  function initFilters() {
    const box = $('status-boxes');
    box.appendChild(el('span', 'Status'));
    for (const s of styles.statuses) {
      if (s.class === 'contested' || s.class === 'denied') continue;
      const l = el('label', null, 'check'); const c = el('input'); c.type = 'checkbox'; c.value = s.class;
      c.checked = state.status.includes(s.class); c.className = 'status-box';
      c.addEventListener('change', () => {
        state.status = [...document.querySelectorAll('.status-box:checked')].map((x) => x.value);
        writeURL(); redraw();
      });
      l.appendChild(c); l.appendChild(el('span', s.class)); box.appendChild(l);
    }
    const sel = $('type');
    for (const t of styles.types) {
      const o = el('option', t.type + ' (' + t.name + ')'); o.value = t.type; o.selected = state.type.includes(t.type); sel.appendChild(o);
    }
    sel.addEventListener('change', () => { state.type = [...sel.selectedOptions].map((o) => o.value); writeURL(); redraw(); });
    $('depth').value = String(state.depth);
    $('depth').addEventListener('change', () => { state.depth = clampInt($('depth').value, 1, 0, 3); writeURL(); redraw(); });
    $('contested').checked = state.contested;
    $('contested').addEventListener('change', () => { state.contested = $('contested').checked; writeURL(); redraw(); });
  }

  // ---- paths --------------------------------------------------------------

  async function findPaths() {
    const q = new URLSearchParams({ from: state.from, to: state.to, 'max-hops': String(state.maxHops) });
    if (state.undirected) q.set('undirected', 'true');
    if (state.avoidContested) q.set('avoid-contested', 'true');
    if (state.status.length) q.set('status', state.status.join(','));
    const list = $('path-list'); list.textContent = '';
    let res;
    try { res = await getJSON('/api/paths?' + q); } catch (err) { list.appendChild(el('li', err.message + (err.hint ? ' — ' + err.hint : ''))); return; }
    if (!res.paths.length) { list.appendChild(el('li', 'No path within ' + state.maxHops + ' hops.')); return; }
    const first = res.paths[0].entities.join(',');
    try { draw(await neighbourhood(first, 0), !cy.elements().length); } catch (err) { sayError(err); }
    res.paths.forEach((p, i) => {
      const li = el('li'); const b = el('button'); b.type = 'button'; b.className = 'path';
      b.setAttribute('aria-pressed', 'false');
      b.appendChild(el('strong', p.entities.map(name).join(' → ')));
      b.appendChild(el('div', p.hops.length + ' hops, ' + p.contested_hops + ' contested; weakest: ' + p.weakest.status + (p.weakest.contested ? ', contested' : '')));
      b.appendChild(el('div', p.reading));
      b.addEventListener('click', () => highlightPath(p, b));
      li.appendChild(b); list.appendChild(li);
    });
    highlightPath(res.paths[0], list.querySelector('button.path'));
  }

  async function highlightPath(p, button) {
    try { draw(await neighbourhood(p.entities.join(','), 0), false); } catch (err) { sayError(err); return; }
    document.querySelectorAll('#path-list button.path').forEach((b) => b.setAttribute('aria-pressed', String(b === button)));
    cy.batch(() => {
      cy.elements().removeClass('highlight').addClass('faded');
      for (const id of p.entities) cy.getElementById(id).removeClass('faded').addClass('highlight');
      for (const h of p.hops) for (const cid of h.claims) cy.getElementById(cid).removeClass('faded').addClass('highlight');
    });
    say('Path ' + p.rank + ': ' + p.entities.map(name).join(' → '));
    buildLegend();
  }

  function initPaths() {
    $('from').value = state.from; $('to').value = state.to; $('max-hops').value = String(state.maxHops);
    $('undirected').checked = state.undirected; $('avoid-contested').checked = state.avoidContested;
    $('paths-form').addEventListener('submit', (ev) => {
      ev.preventDefault();
      state.from = $('from').value.trim(); state.to = $('to').value.trim();
      state.maxHops = clampInt($('max-hops').value, 6, 1, 16);
      state.undirected = $('undirected').checked; state.avoidContested = $('avoid-contested').checked;
      writeURL(); findPaths();
    });
  }

  // ---- compare ------------------------------------------------------------

  function markChanges() {
    cy.elements().removeClass('added changed');
    cy.elements().forEach((e) => { if (e.data('baseLabel') !== undefined) e.data('label', e.data('baseLabel')); });
    if (!state.compare || !diff) return;
    const mark = (ids, cls, word) => {
      for (const id of ids) {
        const e = cy.getElementById(id);
        if (e.empty()) continue;
        e.addClass(cls); e.data('label', word + ' · ' + e.data('baseLabel'));
      }
    };
    cy.$('.removed').forEach((e) => e.data('label', '(removed) · ' + e.data('baseLabel')));
    mark(diff.entities.added.concat(diff.claims.added), 'added', 'NEW');
    mark(diff.entities.changed.map((c) => c.id).concat(diff.claims.changed.map((c) => c.id)), 'changed', 'CHANGED');
  }

  async function setCompare(on) {
    state.compare = on; writeURL();
    if (on && !diff) {
      try { diff = await getJSON('/api/diff'); } catch (err) { sayError(err); return; }
    }
    const rl = $('removed-list'); rl.textContent = '';
    $('compare-summary').textContent = '';
    if (on && diff) {
      const s = diff.summary;
      $('compare-summary').textContent = s.claims_added + ' claims added, ' + s.claims_removed + ' removed, ' + s.claims_changed + ' changed';
      for (const id of diff.claims.removed) rl.appendChild(el('li', 'removed claim: ' + id));
      for (const id of diff.entities.removed) rl.appendChild(el('li', 'removed entity: ' + id));
    }
    // Removed claims come from the server with the neighbourhood: draw
    // again to get them, or drop them.
    if (on) await redraw();
    else cy.remove('.removed');
    cy.batch(markChanges);
    buildLegend();
  }

  // ---- legend ---------------------------------------------------------------

  // buildLegend lists only what is drawn: each status, mark and entity type
  // on screen, with its line sample and meaning (render's table).
  function buildLegend() {
    const ul = $('legend-list'); ul.textContent = '';
    const edges = cy.edges();
    const item = (sample, colour, text) => {
      const li = el('li'); const s = el('span', sample, 'sample');
      if (colour) s.style.color = colour; // CSSOM, not an inline attribute
      li.appendChild(s); li.appendChild(el('span', text)); ul.appendChild(li);
    };
    for (const s of styles.statuses) {
      if (edges.filter('.' + s.class).length) item(s.sample, s.colour, s.meaning);
    }
    if (edges.filter('.negated').length) item('not:', '', 'negated: the claim says the relation does NOT hold (the word opens its label)');
    const present = new Set(cy.nodes().map((n) => n.data('type')));
    for (const t of styles.types) if (present.has(t.type)) item('▢', '', t.type + ': ' + t.name);
    if (cy.$('.added').length) item('NEW', '#009E73', 'added since ' + config.compare + ' (green halo)');
    if (cy.$('.changed').length) item('CHANGED', '#CC79A7', 'changed since ' + config.compare + ' (pink halo)');
    if (cy.$('.removed').length) item('(removed)', '#9E9E9E', 'in ' + config.compare + ', gone now (grey, dotted, faded)');
    if (state.asOf) item('⏱', '', 'as of ' + state.asOf + ': sources published and positions taken by then');
    if (cy.$('.highlight').length) item('▓▓', '#B8A800', 'the chosen path (yellow glow; the rest faded)');
    if (!ul.children.length) ul.appendChild(el('li', 'Nothing drawn yet: search for an entity.'));
  }

  // ---- watch ----------------------------------------------------------------

  function showFailure(f) {
    const list = $('error-list'); list.textContent = '';
    const problems = f.problems && f.problems.length ? f.problems : [{ text: f.error }];
    for (const p of problems) {
      list.appendChild(el('li', p.text));
    }
    $('errors').hidden = false;
  }

  function openEvents() {
    const es = new EventSource('/events');
    es.addEventListener('reload', async () => {
      $('errors').hidden = true;
      diff = null;
      try { config = await getJSON('/api/config'); } catch (e) { /* keep the old title */ }
      setTitle();
      await redraw();
      if (state.compare) await setCompare(true);
      const b = $('panel-body');
      if (!$('panel').hidden && b.dataset.kind) await openPanel(b.dataset.kind, b.dataset.id);
      document.body.dataset.version = String(config.version);
      say('Reloaded: version ' + config.version);
    });
    es.addEventListener('error', (ev) => {
      if (!ev.data) return; // a dropped connection; EventSource retries by itself
      try { showFailure(JSON.parse(ev.data)); } catch (e) { /* not ours */ }
    });
  }

  function setTitle() {
    const when = state.asOf ? ' — as of ' + state.asOf : '';
    $('title').textContent = (config.title || 'claimgraph') + when;
    document.title = (config.title ? config.title + when + ' — ' : '') + 'claimgraph explorer';
  }

  // ---- the date slider ------------------------------------------------------

  // dateKey is a date's first day, as the server compares dates: 2023 is
  // 2023-01-01, 2023-03 is 2023-03-01.
  function dateKey(d) { return d.length === 4 ? d + '-01-01' : d.length === 7 ? d + '-01' : d; }

  // The slider steps through the reporting dates, then "latest" (no
  // as-of). A date from the URL that is not one of them puts the slider on
  // the last date before it, and the label shows it as written.
  function sliderIndex() {
    if (!state.asOf) return dates.length;
    let i = -1;
    while (i + 1 < dates.length && dateKey(dates[i + 1]) <= dateKey(state.asOf)) i++;
    return Math.max(i, 0);
  }

  function showAsOf() {
    const label = state.asOf || 'latest';
    $('as-of-label').textContent = label;
    $('as-of').setAttribute('aria-valuetext', state.asOf ? 'as of ' + state.asOf : 'latest: everything known');
  }

  function initAsOf() {
    const r = $('as-of');
    if (!dates.length && !state.asOf) return; // nothing dated: no slider
    $('asof-box').hidden = false;
    r.max = String(dates.length);
    r.value = String(sliderIndex());
    showAsOf();
    // input follows a drag with the label; change (on release, and on
    // each arrow key) draws the graph as of the date.
    r.addEventListener('input', () => {
      const i = Number(r.value);
      $('as-of-label').textContent = i >= dates.length ? 'latest' : dates[i];
    });
    r.addEventListener('change', () => {
      const i = Number(r.value);
      setAsOf(i >= dates.length ? '' : dates[i]);
    });
  }

  async function setAsOf(date) {
    state.asOf = date;
    writeURL();
    showAsOf();
    setTitle();
    diff = null;
    await redraw();
    if (state.compare && config.compare) await setCompare(true);
    if (state.from && state.to) await findPaths();
    const b = $('panel-body');
    if (!$('panel').hidden && b.dataset.kind && b.dataset.id !== state.focus) await openPanel(b.dataset.kind, b.dataset.id);
    buildLegend();
    document.body.dataset.asOf = state.asOf;
  }

  // ---- start ----------------------------------------------------------------

  async function start() {
    readURL();
    try {
      let d;
      [config, styles, d] = await Promise.all([getJSON('/api/config'), getJSON('/api/style'), getJSON('/api/dates')]);
      dates = d.dates;
    } catch (err) { sayError(err); return; }
    setTitle();
    initGraph();
    initSearch();
    initFilters();
    initPaths();
    initAsOf();
    const closePanel = () => { $('panel').hidden = true; cy.resize(); };
    $('panel-close').addEventListener('click', closePanel);
    document.addEventListener('keydown', (ev) => {
      if (ev.key === 'Escape' && !$('panel').hidden && document.activeElement !== $('search')) closePanel();
    });
    if (config.compare) {
      $('compare-box').hidden = false; $('compare-name').textContent = config.compare;
      $('compare').checked = state.compare;
      $('compare').addEventListener('change', () => setCompare($('compare').checked));
    }
    if (config.failure) showFailure(config.failure);
    if (config.watch) openEvents();
    writeURL();
    await redraw();
    if (state.compare && config.compare) await setCompare(true);
    if (state.from && state.to) await findPaths();
    document.body.dataset.asOf = state.asOf;
    document.body.dataset.ready = 'true';
  }

  document.addEventListener('DOMContentLoaded', start);
})();
