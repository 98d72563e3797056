/*
 * Crosswalk search: the box in the header (partials/search.html), no dependencies.
 *  - the index (assets/search-index.js, made by the build) is loaded on first focus or keystroke with a
 *    <script> tag, not fetch(), so a site opened from file:// searches too; it holds the JSON zlib-compressed
 *    and base64-encoded (a third of the bytes), inflated here with DecompressionStream: a browser without it
 *    keeps the box hidden, as without JavaScript;
 *  - "/" focuses the box; results appear as you type; Up/Down move, Enter opens, Escape closes;
 *  - ARIA combobox with a listbox of options (aria-activedescendant);
 *  - page text is untrusted: results are built with textContent, never innerHTML.
 * A term is a run of letters and digits kept whole across ".", "-" or "_" (CC6.1, A.5.15), as the build cuts them.
 * A query term with a digit must match a whole term (CC6.1 does not find CC6.10); a word matches the start of one.
 */
(function () {
  'use strict';

  var box = document.querySelector('[data-cw-search]');
  if (!box || typeof DecompressionStream !== 'function' || typeof Response !== 'function' || typeof Blob !== 'function') return;
  var input = box.querySelector('input');
  var list = box.querySelector('[role="listbox"]');
  var status = document.getElementById('cw-search-status');
  var root = box.getAttribute('data-cw-root') || './';
  var MAX = 20;
  var SNIPPET = 160;
  var WORD = /[\p{L}\p{N}]/u;
  var TERM = /[\p{L}\p{N}]+(?:[._-][\p{L}\p{N}]+)*/gu;

  var pages = null;
  var loading = false;
  var results = [];
  var active = -1;
  box.hidden = false;

  // Each page is one lower-cased string (title, then each section's heading, text and further terms) that a query
  // scans once per term; `starts` says where each section begins in it, `heads` holds the headings alone. Each part
  // is lower-cased on its own, so the places hold where lower-casing changes a length.
  function prepare(index) {
    pages = index.pages.map(function (p, order) {
      var all = p[1].toLowerCase(), titleEnd = all.length, starts = [], heads = [];
      var sections = p[2].map(function (s) {
        var heading = s[1].toLowerCase();
        all += '\n';
        starts.push(all.length);
        heads.push(heading);
        all += heading + '\n' + s[2].toLowerCase() + '\n' + (s[3] || '').toLowerCase();
        return { id: s[0], heading: s[1], text: s[2] };
      });
      return { url: p[0], title: p[1], order: order, all: all, titleEnd: titleEnd, heads: heads.join('\n'), starts: starts, sections: sections };
    });
  }

  // The index file assigns { deflate: base64 of the zlib-compressed JSON }.
  function inflate(index) {
    var text = atob(index.deflate), bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate'))).json();
  }

  function use(index) {
    loading = true;
    var read = function () { loading = false; say('The search index could not be read.'); };
    try {
      inflate(index).then(function (json) { prepare(json); loading = false; update(); }).catch(read);
    } catch (e) {
      read();
    }
  }

  function load() {
    if (pages || loading) return;
    if (window.crosswalkSearchIndex) { use(window.crosswalkSearchIndex); return; }
    loading = true;
    say('Loading the search index…');
    var script = document.createElement('script');
    script.src = root + 'assets/search-index.js';
    script.onload = function () {
      loading = false;
      if (!window.crosswalkSearchIndex) { say('The search index could not be read.'); return; }
      use(window.crosswalkSearchIndex);
    };
    script.onerror = function () { loading = false; say('The search index could not be loaded.'); };
    document.head.appendChild(script);
  }

  function say(text) { if (status) status.textContent = text; }

  // Whether the UTF-16 unit at `i` is a letter or digit; false outside the string (charCodeAt gives NaN there).
  function wordAt(s, i) {
    var code = s.charCodeAt(i);
    // ASCII answered without the Unicode regex: this runs for every hit of every term.
    if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
    return code === code && WORD.test(s[i]);
  }
  function joinerAt(s, i) { var code = s.charCodeAt(i); return code === 46 || code === 45 || code === 95; }

  // The first place at or after `from` where `term` starts a term of `hay` (and, when exact, ends one).
  function find(hay, term, from) {
    var text = term.text;
    for (var i = hay.indexOf(text, from || 0); i >= 0; i = hay.indexOf(text, i + 1)) {
      var end = i + text.length;
      if (wordAt(hay, i - 1) || (joinerAt(hay, i - 1) && wordAt(hay, i - 2))) continue;
      if (term.exact && (wordAt(hay, end) || (joinerAt(hay, end) && wordAt(hay, end + 1)))) continue;
      return i;
    }
    return -1;
  }

  function parse(query) {
    var seen = {}, terms = [];
    (query.toLowerCase().match(TERM) || []).forEach(function (t) {
      if (!seen[t]) { seen[t] = true; terms.push({ text: t, exact: /\p{N}/u.test(t) }); }
    });
    return terms;
  }

  // A term's weight in a page: 30 at the start of the title, 10 elsewhere in it, 5 in a heading, 1 in text, 0 if absent.
  // Only the first hit in the page and one look at its headings are needed, however common the term.
  function weigh(page, term) {
    var at = find(page.all, term, 0);
    if (at < 0) return 0;
    if (at < page.titleEnd) return at === 0 ? 30 : 10;
    return find(page.heads, term, 0) >= 0 ? 5 : 1;
  }

  // A page's score, or null unless every term is found in it.
  function score(page, terms) {
    var total = 0;
    for (var t = 0; t < terms.length; t++) {
      var weight = weigh(page, terms[t]);
      if (weight === 0) return null;
      total += weight;
    }
    return { page: page, score: total, section: null };
  }

  // The section to show for a result: the one that holds the most terms, the first of equals; null when only the title
  // holds them. Worked out for the results shown alone. A term's first hit in a section is all that counts, so the
  // scan jumps from it to the next section.
  function bestSection(page, terms) {
    var hits = [], best = null, bestHits = 0, starts = page.starts;
    for (var t = 0; t < terms.length; t++) {
      var s = -1;
      for (var at = starts.length ? find(page.all, terms[t], starts[0]) : -1; at >= 0; at = s + 1 < starts.length ? find(page.all, terms[t], starts[s + 1]) : -1) {
        while (s + 1 < starts.length && starts[s + 1] <= at) s++;
        hits[s] = (hits[s] || 0) + 1;
      }
    }
    for (var i = 0; i < hits.length; i++) {
      if (hits[i] > bestHits) { bestHits = hits[i]; best = page.sections[i]; }
    }
    return best;
  }

  // Typing on narrows the last answer: a query whose terms start with the last one's (an exact term the same) can
  // only match pages the last one matched, so only those are scored again.
  var last = null;

  function refines(prev, terms) {
    if (!prev || terms.length < prev.terms.length) return false;
    return prev.terms.every(function (o, i) {
      var n = terms[i];
      return o.exact ? n.exact && n.text === o.text : n.text.indexOf(o.text) === 0;
    });
  }

  function search(query) {
    var terms = parse(query);
    // One letter finds nearly every page: wait for a second (a one-digit clause id is searched).
    if (!pages || terms.every(function (t) { return t.text.length < 2 && !t.exact; })) return { terms: [], found: [], shown: [] };
    var from = refines(last, terms) ? last.found.map(function (r) { return r.page; }) : pages;
    var found = [];
    for (var i = 0; i < from.length; i++) {
      var r = score(from[i], terms);
      if (r) found.push(r);
    }
    last = { terms: terms, found: found, shown: top(found) };
    return last;
  }

  // Higher score first, then the shorter title, then the index's order.
  function before(a, b) { return b.score - a.score || a.page.title.length - b.page.title.length || a.page.order - b.page.order; }

  // The first MAX of `found` in order, kept by insertion: the rest are counted, never sorted.
  function top(found) {
    var best = [];
    for (var i = 0; i < found.length; i++) {
      var r = found[i];
      if (best.length === MAX && before(r, best[MAX - 1]) >= 0) continue;
      var j = Math.min(best.length, MAX - 1);
      for (; j > 0 && before(r, best[j - 1]) < 0; j--) best[j] = best[j - 1];
      best[j] = r;
    }
    return best;
  }

  // Appends `text` to `parent` with every match of `terms` in a <mark>; only text nodes are made.
  function marked(parent, text, terms) {
    var lower = text.toLowerCase(), ranges = [];
    if (lower.length === text.length) {
      terms.forEach(function (term) {
        for (var i = find(lower, term); i >= 0; i = find(lower, term, i + term.text.length)) ranges.push([i, i + term.text.length]);
      });
    }
    ranges.sort(function (a, b) { return a[0] - b[0]; });
    var at = 0;
    ranges.forEach(function (r) {
      if (r[0] < at) return;
      if (r[0] > at) parent.appendChild(document.createTextNode(text.slice(at, r[0])));
      var mark = document.createElement('mark');
      mark.textContent = text.slice(r[0], r[1]);
      parent.appendChild(mark);
      at = r[1];
    });
    if (at < text.length) parent.appendChild(document.createTextNode(text.slice(at)));
  }

  // Up to SNIPPET characters of a section's text around its first match.
  function snippet(text, terms) {
    var lower = text.toLowerCase(), first = -1;
    terms.forEach(function (term) {
      var i = find(lower, term);
      if (i >= 0 && (first < 0 || i < first)) first = i;
    });
    var start = first < 0 ? 0 : Math.max(0, first - 50);
    if (start > 0) { var space = text.indexOf(' ', start); start = space >= 0 && space < first ? space + 1 : start; }
    var end = Math.min(text.length, start + SNIPPET);
    return (start > 0 ? '…' : '') + text.slice(start, end) + (end < text.length ? '…' : '');
  }

  function href(url, id) {
    var path = url.slice(1).split('/').map(encodeURIComponent).join('/');
    // From file:// a folder is a listing, not its page.
    if (location.protocol === 'file:' && (path === '' || path.slice(-1) === '/')) path += 'index.html';
    return (root + path) + (id ? '#' + encodeURIComponent(id) : '');
  }

  function open(visible) {
    list.hidden = !visible;
    input.setAttribute('aria-expanded', visible ? 'true' : 'false');
    if (!visible) select(-1);
  }

  function select(index) {
    var options = list.children;
    if (active >= 0 && options[active]) options[active].setAttribute('aria-selected', 'false');
    active = index;
    if (active >= 0 && options[active]) {
      options[active].setAttribute('aria-selected', 'true');
      input.setAttribute('aria-activedescendant', options[active].id);
      if (options[active].scrollIntoView) options[active].scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }

  function update() {
    var query = input.value;
    if (!pages) { if (query.trim()) load(); return; }
    var result = search(query);
    results = result.shown;
    results.forEach(function (r) { r.section = bestSection(r.page, result.terms); });
    list.textContent = '';
    results.forEach(function (r, i) {
      var li = document.createElement('li');
      li.id = 'cw-search-option-' + i;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      li.className = 'cw-search-result';
      var a = document.createElement('a');
      a.href = href(r.page.url, r.section ? r.section.id : '');
      a.tabIndex = -1;
      var title = document.createElement('span');
      title.className = 'cw-search-title';
      marked(title, r.page.title, result.terms);
      a.appendChild(title);
      if (r.section && r.section.heading) {
        var heading = document.createElement('span');
        heading.className = 'cw-search-heading';
        marked(heading, r.section.heading, result.terms);
        a.appendChild(heading);
      }
      if (r.section && r.section.text) {
        var text = document.createElement('span');
        text.className = 'cw-search-snippet';
        marked(text, snippet(r.section.text, result.terms), result.terms);
        a.appendChild(text);
      }
      li.appendChild(a);
      list.appendChild(li);
    });
    active = -1;
    input.removeAttribute('aria-activedescendant');
    open(result.terms.length > 0);
    if (!result.terms.length) { say(''); return; }
    if (!results.length) {
      var none = document.createElement('li');
      none.className = 'cw-search-none';
      none.setAttribute('role', 'presentation');
      none.textContent = 'No results';
      list.appendChild(none);
    }
    say(result.found.length === 1 ? '1 result' : result.found.length + ' results' + (result.found.length > MAX ? ', showing ' + MAX : ''));
  }

  input.addEventListener('focus', function () { load(); if (pages && input.value.trim()) update(); });
  input.addEventListener('input', update);
  input.addEventListener('keydown', function (e) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!results.length) return;
      e.preventDefault();
      if (list.hidden) open(true);
      var step = e.key === 'ArrowDown' ? 1 : -1;
      select((active + step + results.length + (active < 0 && step < 0 ? 1 : 0)) % results.length);
    } else if (e.key === 'Enter') {
      var pick = active >= 0 ? active : 0;
      if (results[pick] && !list.hidden) {
        e.preventDefault();
        location.href = list.children[pick].firstChild.href;
      }
    } else if (e.key === 'Escape') {
      if (!list.hidden) { e.preventDefault(); open(false); } else if (input.value) { input.value = ''; update(); }
    }
  });
  input.addEventListener('blur', function () { open(false); });
  // A click on a result must land before the blur closes the list.
  list.addEventListener('mousedown', function (e) { e.preventDefault(); });

  document.addEventListener('keydown', function (e) {
    if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    var t = e.target, tag = t && t.tagName;
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || (t && t.isContentEditable)) return;
    e.preventDefault();
    input.focus();
    input.select();
  });
})();
