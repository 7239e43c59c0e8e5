// Framing Digest offline search, over the index the build writes to assets/search/ (see
// generator/render/search_index.py for its format). search/index.js comes with the page; the term
// shards a query needs and the document chunks of the results shown are loaded as plain scripts
// (no fetch, no modules), so it works from file:// under the page's CSP (script-src 'self').
// Results are built with DOM methods and textContent, never innerHTML.
(function () {
  "use strict";
  var self = document.currentScript;
  var input = document.getElementById("search-query");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var data = window.SEARCH_INDEX;
  var KINDS = { article: "Article", event: "Event", outlet: "Outlet" };
  var CONTEXT = 60;
  var SHOWN = 50;
  var SNIPPET_WORDS = 30;
  var PROMPT = "Type a word, a name or the start of a word.";
  var WORD = /[\p{L}\p{N}]+/gu;
  var ASCII = /^[\x00-\x7f]*$/;
  var STOP = Object.create(null);
  ((data && data.stopWords) || []).forEach(function (word) { STOP[word] = true; });

  // -- words: the same rules as index_terms in search_index.py -------------------------------------

  // The "S" stemmer (Harman, "How effective is suffixing?", JASIS 42(1), 1991), for words of four
  // letters or more: -ies -> -y (not -eies, -aies); -es -> -e (not -aes, -ees, -oes); -s -> "" (not -us, -ss).
  function stem(word) {
    if (word.charAt(word.length - 1) !== "s" || Array.from(word).length < 4) { return word; }
    if (/ies$/.test(word)) { return /[ea]ies$/.test(word) ? word : word.slice(0, -3) + "y"; }
    if (/es$/.test(word)) { return /[aeo]es$/.test(word) ? word : word.slice(0, -1); }
    return /(?:us|ss)$/.test(word) ? word : word.slice(0, -1);
  }

  // One run of letters and digits as the index writes it: NFKC, lower case, NFKC, cut again into runs.
  function normalWords(token) {
    if (ASCII.test(token)) { return [token.toLowerCase()]; }
    return token.normalize("NFKC").toLowerCase().normalize("NFKC").match(WORD) || [];
  }

  // The terms of one run of letters and digits, stop words dropped.
  function tokenTerms(token) {
    var out = [];
    normalWords(token).forEach(function (word) { if (!STOP[word]) { out.push(stem(word)); } });
    return out;
  }

  function terms(text) {
    var out = [];
    (text.normalize("NFC").match(WORD) || []).forEach(function (token) { out.push.apply(out, tokenTerms(token)); });
    return out;
  }

  // -- loading the index's scripts -----------------------------------------------------------------

  var base = self && self.src ? self.src.replace(/search\.js(?:[?#].*)?$/, "search/") : "assets/search/";
  var shards = Object.create(null);  // shard key -> {term: postings}
  var chunks = Object.create(null);  // chunk number -> [row, ...]
  var loading = Object.create(null);  // file -> Promise

  window.SEARCH_SHARD = function (key, table) { shards[key] = table; };
  window.SEARCH_DOCS = function (n, rows) { chunks[n] = rows; };

  function load(file) {
    if (!loading[file]) {
      loading[file] = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = base + file;
        tag.onload = function () { tag.remove(); resolve(); };
        tag.onerror = function () { tag.remove(); delete loading[file]; reject(new Error("could not load " + file)); };
        document.head.appendChild(tag);
      });
    }
    return loading[file];
  }

  function shardFile(key) {
    if (!key) { return "terms.js"; }
    var name = "";
    Array.from(key).forEach(function (c) { name += /^[a-z0-9]$/.test(c) ? c : "_" + c.codePointAt(0).toString(16) + "_"; });
    return "terms-" + name + ".js";
  }

  // The shard a term lives in: the longest shard key it starts with.
  function home(term) {
    var best = null;
    data.shards.forEach(function (key) {
      if (term.slice(0, key.length) === key && (best === null || key.length > best.length)) { best = key; }
    });
    return best;
  }

  // The shards that hold a query word's terms: its home, and for a prefix every shard under it.
  function shardsFor(word) {
    var keys = [];
    var own = home(word.text);
    if (own !== null) { keys.push(own); }
    if (word.prefix) {
      data.shards.forEach(function (key) {
        if (key !== own && key.length > word.text.length && key.slice(0, word.text.length) === word.text) { keys.push(key); }
      });
    }
    return keys;
  }

  function chunkOf(doc) {
    var starts = data.chunks;
    var low = 0;
    var high = starts.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (starts[middle] <= doc) { low = middle; } else { high = middle - 1; }
    }
    return low;
  }

  function row(doc) {
    var n = chunkOf(doc);
    return chunks[n][doc - data.chunks[n]];
  }

  // -- searching -----------------------------------------------------------------------------------

  // The query's words: each must occur; the last one (of minPrefix characters or more) as the start of a word.
  function queryWords(text) {
    var seen = Object.create(null);
    var words = [];
    terms(text).forEach(function (term) {
      if (!seen[term]) { seen[term] = true; words.push({ text: term, prefix: false }); }
    });
    if (words.length) {
      var last = words[words.length - 1];
      last.prefix = last.text.length >= data.minPrefix;
    }
    return words;
  }

  function matches(word, term) {
    return word.prefix ? term.slice(0, word.text.length) === word.text : term === word.text;
  }

  // doc -> {score, fields} for one word: the best weight * idf over the terms it matches, and every field they are in.
  function hits(word) {
    var out = Object.create(null);
    shardsFor(word).forEach(function (key) {
      var table = shards[key];
      var found = word.prefix ? Object.keys(table) : [word.text];
      found.forEach(function (term) {
        if (!Object.prototype.hasOwnProperty.call(table, term) || !matches(word, term)) { return; }
        var postings = table[term];
        var df = postings.length / 2;
        var idf = Math.log(1 + (data.count - df + 0.5) / (df + 0.5));
        var doc = 0;
        for (var i = 0; i < postings.length; i += 2) {
          doc += postings[i];
          var code = postings[i + 1];
          var score = (code >> 5) * idf;
          var hit = out[doc];
          if (!hit) { out[doc] = { score: score, fields: code & 31 }; }
          else { hit.score = Math.max(hit.score, score); hit.fields |= code & 31; }
        }
      });
    });
    return out;
  }

  // [{doc, score, fields}], best first: the documents that have every word.
  function search(words) {
    var found = words.map(hits);
    var results = [];
    Object.keys(found[0]).forEach(function (key) {
      var score = 0;
      var fields = 0;
      for (var i = 0; i < found.length; i += 1) {
        var hit = found[i][key];
        if (!hit) { return; }
        score += hit.score;
        fields |= hit.fields;
      }
      results.push({ doc: Number(key), score: score, fields: fields });
    });
    results.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
    return results;
  }

  // -- showing -------------------------------------------------------------------------------------

  function fieldLabel(field, doc) {
    if (field === "body") {
      if (doc.kind === "article") { return doc.excerpts_only ? "excerpts" : "text"; }
      return doc.kind === "event" ? "description" : "profile";
    }
    return { title: doc.kind === "article" ? "headline" : "name", speakers: "people quoted", outlet: "outlet", event: "event" }[field] || field;
  }

  // [[start, end], ...] of the words in `text` that a query word matches.
  function marks(text, words) {
    var found = [];
    var match;
    var word = new RegExp(WORD.source, "gu");  // its own lastIndex: tokenTerms uses WORD too
    while ((match = word.exec(text)) !== null) {
      var hit = tokenTerms(match[0]).some(function (term) {
        return words.some(function (word) { return matches(word, term); });
      });
      if (hit) { found.push([match.index, match.index + match[0].length]); }
    }
    return found;
  }

  // A few words around the first match, with every match inside that window marked.
  function snippet(text, spans) {
    var from = Math.max(0, spans[0][0] - CONTEXT);
    var to = Math.min(text.length, spans[0][1] + CONTEXT);
    while (from > 0 && /\S/.test(text.charAt(from - 1))) { from -= 1; }
    while (to < text.length && /\S/.test(text.charAt(to))) { to += 1; }
    var fragment = document.createDocumentFragment();
    var cursor = from;
    fragment.appendChild(document.createTextNode(from > 0 ? "…" : ""));
    spans.forEach(function (span) {
      if (span[1] > to) { return; }
      fragment.appendChild(document.createTextNode(text.slice(cursor, span[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(span[0], span[1]);
      fragment.appendChild(mark);
      cursor = span[1];
    });
    fragment.appendChild(document.createTextNode(text.slice(cursor, to) + (to < text.length ? "…" : "")));
    return fragment;
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  function resultItem(result, words) {
    var doc = row(result.doc);
    var item = element("li", "search-result");
    var heading = element("h2");
    var link = element("a", "", doc.title);
    link.href = doc.ref;
    heading.appendChild(link);
    item.appendChild(heading);
    item.appendChild(element("p", "muted", (KINDS[doc.kind] || doc.kind) + (doc.meta ? " · " + doc.meta : "")));
    var where = element("ul", "search-where");
    data.fields.forEach(function (field, bit) {
      if (!(result.fields & (1 << bit)) || !doc[field]) { return; }
      var spans = marks(doc[field], words);
      if (!spans.length) { return; }
      var line = element("li");
      line.appendChild(element("span", "search-field", "In the " + fieldLabel(field, doc) + ": "));
      line.appendChild(snippet(doc[field], spans));
      where.appendChild(line);
    });
    if (where.childNodes.length) { item.appendChild(where); }
    else if (doc.body) {
      var parts = doc.body.split(/\s+/);
      item.appendChild(element("p", "", parts.slice(0, SNIPPET_WORDS).join(" ") + (parts.length > SNIPPET_WORDS ? " …" : "")));
    }
    return item;
  }

  function unique(values) {
    return values.filter(function (value, i) { return values.indexOf(value) === i; });
  }

  var current = 0;

  function show(text) {
    var ticket = ++current;
    list.textContent = "";
    var words = queryWords(text);
    if (!words.length) {
      status.textContent = text.trim() ? "Those words are too common to search for; try another." : PROMPT;
      return;
    }
    var results;
    var needed = [];
    words.forEach(function (word) { needed.push.apply(needed, shardsFor(word)); });
    Promise.all(unique(needed).map(function (key) { return load(shardFile(key)); })).then(function () {
      if (ticket !== current) { return null; }
      results = search(words);
      var files = unique(results.slice(0, SHOWN).map(function (r) { return chunkOf(r.doc); }));
      return Promise.all(files.map(function (n) { return load("docs-" + n + ".js"); }));
    }).then(function () {
      if (ticket !== current) { return; }
      var query = text.trim();
      status.textContent = results.length
        ? results.length + (results.length === 1 ? " page contains " : " pages contain ") + "“" + query + "”" +
          (results.length > SHOWN ? "; the best " + SHOWN + " are shown. Add a word to narrow it down." : ".")
        : "No page contains “" + query + "”.";
      results.slice(0, SHOWN).forEach(function (result) { list.appendChild(resultItem(result, words)); });
    }).catch(function () {
      if (ticket !== current) { return; }
      status.textContent = "Part of the search index did not load, so search is not available in this copy of the site.";
    });
  }

  // For tests: the words of a text as the index holds them.
  window.SEARCH_TERMS = terms;

  if (!input || !status || !list) { return; }
  if (!data || !data.shards) {
    status.textContent = "The search index did not load, so search is not available in this copy of the site.";
    return;
  }
  input.addEventListener("input", function () { show(input.value); });
  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) { input.value = initial; }
  if (input.value) { show(input.value); }
})();
