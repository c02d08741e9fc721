/* Thai search for Material for MkDocs.
 *
 * The search index was segmented at build time (zero-width spaces between Thai words, and
 * the parts of compound words in a field of their own). A query typed without spaces is cut
 * here into the same words, using the index's own vocabulary (search/thai_vocab.json):
 * the fewest words that spell the query, so both sides agree on what a word is. The words of
 * one typed run are all required (+word*); other terms keep Material's behaviour. Text that
 * the vocabulary cannot spell falls back to the browser's Thai segmenter (Intl.Segmenter).
 *
 * Material posts each query to its search worker as {type: 2, data: query}; this rewrites
 * that message only. The text in the search box stays as the reader typed it.
 */
(function () {
  "use strict";
  var QUERY = 2;
  var HAS_THAI = /[\u0E01-\u0E4E]/;
  var vocab = null;
  var maxLen = 0;

  function configBase() {
    var el = document.getElementById("__config");
    try { return JSON.parse(el.textContent).base || "."; } catch (e) { return "."; }
  }

  function load() {
    var url = new URL(configBase() + "/search/thai_vocab.json", location.href);
    return fetch(url.href).then(function (r) { return r.ok ? r.json() : []; })
      .then(function (words) {
        vocab = new Set(words);
        words.forEach(function (w) { if (w.length > maxLen) maxLen = w.length; });
      })
      .catch(function () { vocab = new Set(); });
  }

  function browserWords(run) {
    if (typeof Intl === "undefined" || !Intl.Segmenter) return [run];
    var seg = new Intl.Segmenter("th", { granularity: "word" });
    return Array.from(seg.segment(run)).filter(function (s) { return s.isWordLike; })
      .map(function (s) { return s.segment; });
  }

  /* The fewest vocabulary words that spell `run`; an unspellable tail stays whole, so a
     word still being typed matches by prefix. */
  function cut(run) {
    if (!vocab || vocab.size === 0) return browserWords(run);
    var n = run.length, best = new Array(n + 1), i, j;
    best[0] = [];
    for (i = 0; i < n; i++) {
      if (!best[i]) continue;
      for (j = i + 1; j <= Math.min(n, i + maxLen); j++) {
        if (vocab.has(run.slice(i, j)) && (!best[j] || best[i].length + 1 < best[j].length)) {
          best[j] = best[i].concat([run.slice(i, j)]);
        }
      }
    }
    if (best[n]) return best[n];
    for (i = n - 1; i > 0; i--) {
      if (best[i]) return best[i].concat([run.slice(i)]);
    }
    return browserWords(run);
  }

  function transform(query) {
    return query.split(/\s+/).map(function (term) {
      if (!term || !HAS_THAI.test(term) || /^[+\-]/.test(term) || /[~^:*]/.test(term)) {
        return term;
      }
      var words = [];
      term.split(/([\u0E01-\u0E4E]+)/).forEach(function (piece) {
        if (!piece) return;
        if (/^[\u0E01-\u0E4E]+$/.test(piece)) words = words.concat(cut(piece));
        else words.push(piece);
      });
      if (words.length < 2) return term;
      return words.map(function (w) { return "+" + w + "*"; }).join(" ");
    }).join(" ");
  }

  var ready = load();
  var post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    var self = this, rest = Array.prototype.slice.call(arguments, 1);
    if (message && message.type === QUERY && typeof message.data === "string" &&
        HAS_THAI.test(message.data)) {
      var send = function () {
        post.apply(self, [{ type: QUERY, data: transform(message.data) }].concat(rest));
      };
      if (vocab) send(); else ready.then(send);
      return;
    }
    return post.apply(this, arguments);
  };
  window.__itaThaiSearch = { transform: transform, ready: ready };
})();
