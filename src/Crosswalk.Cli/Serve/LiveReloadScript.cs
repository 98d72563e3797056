namespace Crosswalk.Cli.Serve;

/// <summary>
/// The script served at <c>/__crosswalk/live.js</c>: reloads the page when a change is announced (<c>changing</c>; the
/// server answers once the rebuild is done) or a newer build is (<c>reload</c>).
/// </summary>
internal static class LiveReloadScript
{
    public const string Source = """
        // Crosswalk live preview: served only by `crosswalk serve`, never part of a built site.
        (function () {
          'use strict';
          if (window.__crosswalkLive) { return; }
          window.__crosswalkLive = true;
          var meta = document.querySelector('meta[name="crosswalk-version"]');
          var version = meta ? (parseInt(meta.getAttribute('content'), 10) || 0) : 0;
          var reloading = false;

          // The scroll position is the browser's own to restore on a reload, and it does so before the first frame: the
          // page is not painted before this deferred, render-blocking script ran (HtmlInjector.ScriptTag), so by then
          // it is whole and tall enough.
          function reload() {
            if (reloading) { return; }
            reloading = true;
            location.reload();
          }

          function versionOf(e) {
            try { return JSON.parse(e.data).version || 0; } catch (err) { return 0; }
          }

          function text(tag, className, content) {
            var el = document.createElement(tag);
            if (className) { el.className = className; }
            if (content) { el.textContent = content; }
            return el;
          }

          // The overlay: rendered by the server into every page; rebuilt here from /__crosswalk/diagnostics when needed.
          function render(data) {
            var old = document.querySelector('.cw-diagnostics');
            var problems = (data.diagnostics || []).filter(function (d) { return d.severity === 'error' || d.severity === 'warning'; });
            if (old) { old.parentNode.removeChild(old); }
            if (!problems.length) { return; }
            var box = text('div', 'cw-diagnostics');
            box.setAttribute('role', 'alert');
            box.setAttribute('data-severity', problems.some(function (d) { return d.severity === 'error'; }) ? 'error' : 'warning');
            box.appendChild(text('div', 'cw-diagnostics-header', problems.length + (problems.length === 1 ? ' problem' : ' problems')));
            var list = text('ul');
            problems.forEach(function (d) {
              var li = text('li', d.severity);
              li.appendChild(text('code', null, d.code));
              var where = d.file ? d.file + (d.line ? '(' + d.line + ',' + (d.column || 1) + ')' : '') + ': ' : '';
              li.appendChild(document.createTextNode(' ' + where + d.message));
              if (d.help) { li.appendChild(document.createTextNode('\n')); li.appendChild(text('span', 'cw-help', 'help: ' + d.help)); }
              list.appendChild(li);
            });
            box.appendChild(list);
            document.body.appendChild(box);
            decorate(box);
          }

          function decorate(box) {
            var header = box.querySelector('.cw-diagnostics-header');
            if (!header || header.querySelector('button')) { return; }
            var hide = text('button', null, 'Hide');
            hide.type = 'button';
            hide.addEventListener('click', function () { box.hidden = true; });
            header.appendChild(hide);
          }

          function refresh() {
            if (!window.fetch) { return; }
            fetch('/__crosswalk/diagnostics', { cache: 'no-store' })
              .then(function (r) { return r.json(); })
              .then(function (data) { if (!reloading) { render(data); } })
              .catch(function () { });
          }

          var existing = document.querySelector('.cw-diagnostics');
          if (existing) { decorate(existing); }

          if (!window.EventSource) { return; }
          var source = new EventSource('/__crosswalk/events');
          source.addEventListener('hello', function (e) {
            var v = versionOf(e);
            if (version && v > version) { reload(); } else if (!version) { refresh(); }
          });
          // A file changed: reload now; the server answers the page once the rebuild is done.
          source.addEventListener('changing', function () { reload(); });
          source.addEventListener('reload', function (e) {
            var v = versionOf(e);
            if (!version || v > version) { reload(); }
          });
          // Back/forward cache: the page may be older than the site.
          window.addEventListener('pageshow', function (e) { if (e.persisted) { reload(); } });
          window.addEventListener('pagehide', function () { source.close(); });
        })();

        """;
}
