/*
 * Crosswalk default theme: progressive enhancement only, no dependencies.
 * Without JavaScript the page is complete: the sidebar follows the content on
 * narrow screens and the TOC is a plain open list.
 *  - swaps <html class="no-js"> for "js" (loaded in <head>, before first paint)
 *  - mobile menu toggle (aria-expanded, Escape, backdrop, resize)
 *  - on a large site, shows the whole sidebar tree on demand (assets/nav-tree.js)
 *  - folds the inline TOC on narrow screens
 *  - highlights the current TOC entry while scrolling (IntersectionObserver)
 *  - shows what a #link points into: opens a folded admonition, picks a content tab
 *  - unfolds folded admonitions for printing
 */
(function () {
  'use strict';

  var root = document.documentElement;
  root.classList.remove('no-js');
  root.classList.add('js');

  var narrowNav = window.matchMedia ? window.matchMedia('(max-width: 899.98px)') : null;
  var narrowToc = window.matchMedia ? window.matchMedia('(max-width: 1199.98px)') : null;

  function onChange(query, handler) {
    if (!query) return;
    if (query.addEventListener) query.addEventListener('change', handler);
    else if (query.addListener) query.addListener(handler);
  }

  function ready(fn) {
    if (document.readyState !== 'loading') fn();
    else document.addEventListener('DOMContentLoaded', fn);
  }

  // Layout is read in the first frame, which lays the page out anyway: read in DOMContentLoaded, it would force a
  // layout of its own there, and another after the handlers that change the page.
  function inFrame(fn) {
    if (window.requestAnimationFrame) window.requestAnimationFrame(fn);
    else fn();
  }

  function setupMenu() {
    var button = document.querySelector('[data-cw-menu]');
    var sidebar = document.getElementById('cw-sidebar');
    if (!button || !sidebar) return;
    var backdrop = document.querySelector('[data-cw-backdrop]');
    button.hidden = false;

    function isOpen() { return button.getAttribute('aria-expanded') === 'true'; }

    function setOpen(open, restoreFocus) {
      button.setAttribute('aria-expanded', open ? 'true' : 'false');
      sidebar.classList.toggle('is-open', open);
      document.body.classList.toggle('cw-menu-open', open);
      if (backdrop) backdrop.hidden = !open;
      if (open) {
        var target = shownCurrent(sidebar) || sidebar.querySelector('a');
        if (target) target.focus({ preventScroll: true });
      } else if (restoreFocus) {
        button.focus();
      }
    }

    button.addEventListener('click', function () { setOpen(!isOpen(), true); });
    if (backdrop) backdrop.addEventListener('click', function () { setOpen(false, true); });
    document.addEventListener('keydown', function (event) {
      if ((event.key === 'Escape' || event.key === 'Esc') && isOpen()) setOpen(false, true);
    });
    onChange(narrowNav, function (event) { if (!event.matches && isOpen()) setOpen(false, false); });
  }

  // The sidebar's entry for the current page that is shown: the whole tree, once opened, hides the page's part of it.
  function shownCurrent(sidebar) {
    return Array.prototype.filter.call(sidebar.querySelectorAll('[aria-current]'), function (a) { return a.getClientRects().length > 0; })[0] || null;
  }

  // Keep the current page visible in a long sidebar (without scrolling the page itself).
  function revealCurrentNav() {
    var sidebar = document.getElementById('cw-sidebar');
    if (!sidebar) return;
    var current = shownCurrent(sidebar);
    if (!current) return;
    var offset = current.getBoundingClientRect().top - sidebar.getBoundingClientRect().top + sidebar.scrollTop;
    var top = offset - sidebar.clientHeight / 3;
    if (offset + current.offsetHeight > sidebar.clientHeight) sidebar.scrollTop = Math.max(0, top);
  }

  // A large site's pages list only their part of the sidebar tree. The whole tree is one script for the whole site
  // (assets/nav-tree.js: a script, not fetch(), so that it loads from file:// too), loaded when the reader asks for
  // it. Its URLs are relative to the site's root; its folders open one at a time, each built when first opened.
  function setupFullNav() {
    var button = document.querySelector('[data-cw-nav-full]');
    var sidebar = document.getElementById('cw-sidebar');
    if (!button || !sidebar) return;
    // Made here rather than on every page: it is empty and hidden until the tree is asked for.
    var tree = document.createElement('div');
    tree.className = 'cw-nav-tree';
    tree.id = 'cw-nav-tree';
    tree.hidden = true;
    button.parentNode.insertBefore(tree, button.nextSibling);
    button.setAttribute('aria-controls', tree.id);
    var pruned = sidebar.querySelector('.cw-sidebar-inner > .cw-nav-list');
    var src = button.getAttribute('data-cw-nav-full');
    var root = new URL('../', new URL(src, location.href));
    var onFile = location.protocol === 'file:';
    var currentLink = pruned && pruned.querySelector('[aria-current]');
    var current = norm(currentLink ? currentLink.href : location.href);
    var currentKind = currentLink ? currentLink.getAttribute('aria-current') : 'page';
    var loading = false;

    function norm(href) { return href.replace(/#.*$/, '').replace(/\/index\.html$/, '/'); }

    function href(url) {
      var u = new URL(url, root);
      // From disk a folder's URL would show its listing: its index.html is named (as setupFileLinks does).
      if (onFile && u.pathname.slice(-1) === '/') u.pathname += 'index.html';
      return u.href;
    }

    // The entries from the top down to the current page's, found by its URL.
    function pathTo(nodes, chain) {
      for (var i = 0; i < nodes.length; i++) {
        var node = nodes[i];
        if ((node[1] !== null && norm(new URL(node[1], root).href) === current) || (node[2] && pathTo(node[2], chain))) {
          chain.unshift(node);
          return true;
        }
      }
      return false;
    }

    function list(nodes, depth, path) {
      var ol = document.createElement('ol');
      ol.className = 'cw-nav-list cw-nav-depth-' + depth;
      nodes.forEach(function (node) {
        var li = document.createElement('li');
        li.className = 'cw-nav-item';
        var label = document.createElement(node[1] !== null ? 'a' : 'span');
        label.className = node[1] !== null ? 'cw-nav-link' : 'cw-nav-label';
        if (node[1] !== null) label.href = href(node[1]);
        if (node === path[path.length - 1]) label.setAttribute('aria-current', currentKind);
        label.textContent = node[0];
        li.appendChild(label);
        var children = node[2];
        if (children && children.length) {
          li.classList.add('has-children');
          var expander = document.createElement('button');
          expander.type = 'button';
          expander.className = 'cw-nav-expander';
          expander.setAttribute('aria-label', node[0] + ': pages');
          var sub = null;
          var open = function (on) {
            if (on && !sub) { sub = list(children, depth + 1, path); li.appendChild(sub); }
            if (sub) sub.hidden = !on;
            expander.setAttribute('aria-expanded', on ? 'true' : 'false');
          };
          expander.addEventListener('click', function () { open(expander.getAttribute('aria-expanded') !== 'true'); });
          li.appendChild(expander);
          open(path.indexOf(node) >= 0);
        }
        ol.appendChild(li);
      });
      return ol;
    }

    function show(on) {
      button.setAttribute('aria-expanded', on ? 'true' : 'false');
      tree.hidden = !on;
      if (pruned) pruned.hidden = on;
      if (on) revealCurrentNav();
    }

    function build() {
      var path = [];
      pathTo(window.crosswalkNav.tree, path);
      tree.appendChild(list(window.crosswalkNav.tree, 1, path));
      show(true);
    }

    button.addEventListener('click', function () {
      if (button.getAttribute('aria-expanded') === 'true') { show(false); return; }
      if (tree.firstChild) { show(true); return; }
      if (window.crosswalkNav) { build(); return; }
      if (loading) return;
      loading = true;
      button.setAttribute('aria-busy', 'true');
      var script = document.createElement('script');
      script.src = src;
      script.onload = function () {
        loading = false;
        button.removeAttribute('aria-busy');
        if (window.crosswalkNav) build();
      };
      script.onerror = function () { loading = false; button.removeAttribute('aria-busy'); };
      document.head.appendChild(script);
    });
  }

  function setupTocFold() {
    var details = document.querySelector('.cw-toc details');
    if (!details || !narrowToc) return;
    function apply() { details.open = !narrowToc.matches; }
    apply();
    // From here the fold is the <details> element's own (CSS showed it folded until now: no jump).
    details.setAttribute('data-cw-ready', '');
    onChange(narrowToc, apply);
    // Following a TOC link on a narrow screen folds it back.
    details.addEventListener('click', function (event) {
      if (narrowToc.matches && event.target.closest && event.target.closest('a')) details.open = false;
    });
  }

  function setupTocHighlight() {
    if (!('IntersectionObserver' in window)) return;
    var links = Array.prototype.slice.call(document.querySelectorAll('.cw-toc a[href^="#"]'));
    if (!links.length) return;

    var byId = {};
    var headings = [];
    links.forEach(function (link) {
      var id = decodeURIComponent(link.getAttribute('href').slice(1));
      var heading = id && document.getElementById(id);
      if (heading) { byId[id] = link; headings.push(heading); }
    });
    if (!headings.length) return;

    var visible = {};
    var activeLink = null;

    function activate(link) {
      if (link === activeLink) return;
      if (activeLink) { activeLink.classList.remove('is-active'); activeLink.removeAttribute('aria-current'); }
      activeLink = link;
      if (link) { link.classList.add('is-active'); link.setAttribute('aria-current', 'true'); }
    }

    function update() {
      // The first heading inside the reading band wins; otherwise the last one above it.
      var candidate = null;
      for (var i = 0; i < headings.length; i++) {
        if (visible[headings[i].id]) { candidate = headings[i]; break; }
      }
      if (!candidate) {
        for (var j = headings.length - 1; j >= 0; j--) {
          if (headings[j].getBoundingClientRect().top < 120) { candidate = headings[j]; break; }
        }
      }
      // Above the first heading: point at the first entry rather than nothing.
      activate(candidate ? byId[candidate.id] : links[0]);
    }

    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) { visible[entry.target.id] = entry.isIntersecting; });
      update();
    }, { rootMargin: '-56px 0px -65% 0px', threshold: [0, 1] });

    headings.forEach(function (heading) { observer.observe(heading); });
  }

  // A link to a heading inside a folded admonition or a tab not shown would land on nothing visible.
  function revealTarget() {
    var target = null;
    try { target = location.hash.length > 1 && document.getElementById(decodeURIComponent(location.hash.slice(1))); } catch (e) { return; }
    var changed = false;
    for (var node = target; node && node !== document.body; node = node.parentElement) {
      if (node.tagName === 'DETAILS' && !node.open) { node.open = true; changed = true; }
      var label = node.classList.contains('tabbed-block') && node.previousElementSibling;
      var radio = label && label.querySelector('input[type="radio"]');
      if (radio && !radio.checked) { radio.checked = true; changed = true; }
    }
    if (changed) target.scrollIntoView();
  }

  function setupPrint() {
    var unfolded = [];
    window.addEventListener('beforeprint', function () {
      unfolded = Array.prototype.slice.call(document.querySelectorAll('.cw-article details.admonition:not([open])'));
      unfolded.forEach(function (details) { details.open = true; });
    });
    window.addEventListener('afterprint', function () {
      unfolded.forEach(function (details) { details.open = false; });
      unfolded = [];
    });
  }

  ready(function () {
    setupMenu();
    setupFullNav();
    inFrame(revealCurrentNav);
    setupTocFold();
    setupTocHighlight();
    revealTarget();
    window.addEventListener('hashchange', revealTarget);
    setupPrint();
  });
})();

/*
 * Publishing extras (kept apart from the block above):
 *  - light/dark theme toggle: a stored choice (localStorage 'cw-theme') is put on <html data-theme> as this file
 *    loads in <head>, so the page never paints in the other theme; without one the system's scheme applies
 *  - a copy button on each code block, announcing "Copied" (or "Copy failed") through a status region
 *  - tables and code that scroll sideways: keyboard focus, a named region, scroll shadows
 *  - read from disk (file://), a link to a folder opens its index.html: a browser shows a folder's listing instead
 */
(function () {
  'use strict';

  var root = document.documentElement;
  var KEY = 'cw-theme';
  var systemDark = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null;

  function storedTheme() {
    try {
      var value = window.localStorage.getItem(KEY);
      return value === 'light' || value === 'dark' ? value : null;
    } catch (e) { return null; }
  }

  function applyTheme(value) {
    if (value) root.setAttribute('data-theme', value);
    else root.removeAttribute('data-theme');
  }

  // Before first paint: this file is loaded without defer.
  applyTheme(storedTheme());

  function systemTheme() { return systemDark && systemDark.matches ? 'dark' : 'light'; }
  function currentTheme() { return root.getAttribute('data-theme') || systemTheme(); }

  function setupThemeToggle() {
    var button = document.querySelector('[data-cw-theme-toggle]');
    if (!button) return;
    button.hidden = false;
    function sync() { button.setAttribute('aria-pressed', currentTheme() === 'dark' ? 'true' : 'false'); }
    button.addEventListener('click', function () {
      var next = currentTheme() === 'dark' ? 'light' : 'dark';
      // Choosing what the system shows anyway forgets the choice: the page follows the system again.
      var choice = next === systemTheme() ? null : next;
      applyTheme(choice);
      try {
        if (choice) window.localStorage.setItem(KEY, choice);
        else window.localStorage.removeItem(KEY);
      } catch (e) { /* storage off: the choice lasts for this page only */ }
      sync();
    });
    if (systemDark) {
      if (systemDark.addEventListener) systemDark.addEventListener('change', sync);
      else if (systemDark.addListener) systemDark.addListener(sync);
    }
    // A choice made in another tab applies here too.
    window.addEventListener('storage', function (event) {
      if (event.key === KEY) { applyTheme(storedTheme()); sync(); }
    });
    sync();
  }

  function copyText(text) {
    function fallback() {
      return new Promise(function (resolve, reject) {
        var focused = document.activeElement;
        var area = document.createElement('textarea');
        area.value = text;
        area.setAttribute('readonly', '');
        area.style.position = 'fixed';
        area.style.opacity = '0';
        document.body.appendChild(area);
        area.select();
        var ok = false;
        try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
        document.body.removeChild(area);
        if (focused && focused.focus) focused.focus();
        if (ok) resolve(); else reject(new Error('copy refused'));
      });
    }
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text).catch(fallback);
    return fallback();
  }

  function setupCopyButtons() {
    var codes = document.querySelectorAll('.cw-article pre > code');
    Array.prototype.forEach.call(codes, function (code) {
      var pre = code.parentNode;
      var wrap = document.createElement('div');
      wrap.className = 'cw-code';
      pre.parentNode.insertBefore(wrap, pre);
      wrap.appendChild(pre);

      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'cw-copy-button';
      var label = document.createElement('span');
      label.textContent = 'Copy';
      var hidden = document.createElement('span');
      hidden.className = 'cw-visually-hidden';
      hidden.textContent = ' code';
      button.appendChild(label);
      button.appendChild(hidden);
      var status = document.createElement('span');
      status.className = 'cw-visually-hidden';
      status.setAttribute('role', 'status');
      wrap.appendChild(button);
      wrap.appendChild(status);

      var timer = 0;
      function show(state, message) {
        button.setAttribute('data-state', state);
        label.textContent = message;
        status.textContent = message;
        window.clearTimeout(timer);
        timer = window.setTimeout(function () {
          button.removeAttribute('data-state');
          label.textContent = 'Copy';
          status.textContent = '';
        }, 2500);
      }
      button.addEventListener('click', function () {
        // The block's text without the newline Markdown leaves at its end.
        copyText(code.textContent.replace(/\n$/, '')).then(
          function () { show('copied', 'Copied'); },
          function () { show('failed', 'Copy failed'); });
      });
    });
  }

  // Tables and code that scroll sideways: a table is put in a frame (border, shadows on the side with more to see)
  // around a scroller, the same box it was, so it keeps its table semantics; whatever scrolls takes keyboard focus
  // (arrow keys scroll it) and a table's scroller is a named region. Checked again when it is resized.
  function setupScrollRegions() {
    var article = document.querySelector('.cw-article');
    if (!article) return;
    var named = {};
    Array.prototype.forEach.call(article.querySelectorAll('table'), function (table) {
      // Region names are told apart: a second table under the same heading is "… (table 2)".
      var name = tableName(table, article);
      named[name] = (named[name] || 0) + 1;
      var n = named[name];
      if (n > 1) name = /\)$/.test(name) ? name.replace(/\)$/, ' ' + n + ')') : name + ' (' + n + ')';
      var frame = document.createElement('div');
      frame.className = 'cw-table-frame' + (table.classList.contains('coverage-matrix') ? ' is-matrix' : '');
      var scroller = document.createElement('div');
      scroller.className = 'cw-table-scroll';
      table.parentNode.insertBefore(frame, table);
      frame.appendChild(scroller);
      scroller.appendChild(table);
      watchScroll(scroller, frame, name);
    });
    Array.prototype.forEach.call(article.querySelectorAll('pre'), function (pre) { watchScroll(pre, null, null); });
  }

  // A table's caption, else the heading it stands under (looking back, then out of the blocks it is in).
  function tableName(table, article) {
    var caption = table.querySelector('caption');
    if (caption) return caption.textContent.trim();
    for (var node = table; node && node !== article; node = node.parentNode) {
      for (var previous = node.previousElementSibling; previous; previous = previous.previousElementSibling) {
        if (/^H[1-6]$/.test(previous.tagName)) return previous.textContent.replace(/#$/, '').trim() + ' (table)';
      }
    }
    var title = document.querySelector('h1');
    return (title ? title.textContent.replace(/#$/, '').trim() + ' ' : '') + '(table)';
  }

  function watchScroll(scroller, frame, name) {
    function update() {
      var scrolls = scroller.scrollWidth - scroller.clientWidth > 1 || scroller.scrollHeight - scroller.clientHeight > 1;
      if (scrolls) {
        scroller.tabIndex = 0;
        if (name) {
          scroller.setAttribute('role', 'region');
          scroller.setAttribute('aria-label', name);
        }
      } else {
        scroller.removeAttribute('tabindex');
        scroller.removeAttribute('role');
        scroller.removeAttribute('aria-label');
      }
      if (frame) {
        frame.classList.toggle('can-scroll-left', scroller.scrollLeft > 1);
        frame.classList.toggle('can-scroll-right', scroller.scrollLeft + scroller.clientWidth < scroller.scrollWidth - 1);
      }
    }
    scroller.addEventListener('scroll', update, { passive: true });
    // The observer's first report comes in the first frame, after its layout (measuring here would force one).
    if ('ResizeObserver' in window) {
      new ResizeObserver(update).observe(scroller);
    } else {
      update();
      window.addEventListener('resize', update);
    }
  }

  // Links are relative (relative_urls), so from a folder or a zip they stay on disk; only a link to a folder needs
  // its index.html named. Search results do the same (search.js).
  function setupFileLinks() {
    if (location.protocol !== 'file:') return;
    Array.prototype.forEach.call(document.querySelectorAll('a[href]'), function (a) {
      var href = a.getAttribute('href');
      if (href.charAt(0) === '#' || /^[a-z][a-z0-9+.-]*:/i.test(href)) return;
      var url;
      try { url = new URL(a.href); } catch (e) { return; }
      if (url.protocol !== 'file:' || url.pathname.slice(-1) !== '/') return;
      url.pathname += 'index.html';
      a.href = url.href;
    });
  }

  function ready(fn) {
    if (document.readyState !== 'loading') fn();
    else document.addEventListener('DOMContentLoaded', fn);
  }

  ready(function () {
    setupThemeToggle();
    setupCopyButtons();
    setupScrollRegions();
    setupFileLinks();
  });
})();
