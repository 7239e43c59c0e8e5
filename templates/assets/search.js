// Framing Digest offline search: lunr.js 2.3.9 over the index prebuilt into search-index.js.
// Plain scripts only (no fetch, no modules), so it works from file:// under the page's CSP.
// Results are built with DOM methods and textContent, never innerHTML.
(function () {
  "use strict";
  var input = document.getElementById("search-query");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!input || !status || !list) { return; }
  if (!window.lunr || !window.SEARCH_INDEX) {
    status.textContent = "The search index did not load, so search is not available in this copy of the site.";
    return;
  }
  var data = window.SEARCH_INDEX;
  var index = lunr.Index.load(data.index);
  var KINDS = { article: "Article", event: "Event", outlet: "Outlet" };
  var CONTEXT = 60;
  var SHOWN = 50;
  var PROMPT = "Type a word, a name or the start of a word.";
  var WORD_CHAR = /[\p{L}\p{N}_]/u;

  function fieldLabel(field, doc) {
    if (field === "body") {
      if (doc.kind === "article") { return doc.excerpts_only ? "excerpts" : "text"; }
      return doc.kind === "event" ? "description" : "profile";
    }
    return { title: doc.kind === "article" ? "headline" : "name", speakers: "people quoted", outlet: "outlet", event: "event" }[field] || field;
  }

  // The query's words, stemmed as the index was; each must occur, as the start of a word.
  function terms(text) {
    var out = [];
    lunr.tokenizer(text).forEach(function (token) {
      var kept = lunr.stopWordFilter(lunr.trimmer(token));
      if (kept && kept.toString()) { out.push(lunr.stemmer(kept).toString()); }
    });
    return out;
  }

  function search(words) {
    return index.query(function (q) {
      words.forEach(function (word) {
        q.term(word, { usePipeline: false, wildcard: lunr.Query.wildcard.TRAILING, presence: lunr.Query.presence.REQUIRED });
      });
    });
  }

  // field -> [[start, length], ...] of every matched word, in text order.
  function occurrences(result) {
    var byField = {};
    var metadata = result.matchData.metadata;
    Object.keys(metadata).forEach(function (term) {
      Object.keys(metadata[term]).forEach(function (field) {
        var positions = (metadata[term][field] && metadata[term][field].position) || [];
        byField[field] = (byField[field] || []).concat(positions);
      });
    });
    Object.keys(byField).forEach(function (field) {
      byField[field].sort(function (a, b) { return a[0] - b[0]; });
    });
    return byField;
  }

  // A few words around the first match, with every match inside that window marked.
  function snippet(text, positions) {
    var first = positions[0];
    var from = Math.max(0, first[0] - CONTEXT);
    var to = Math.min(text.length, first[0] + first[1] + CONTEXT);
    while (from > 0 && /\S/.test(text.charAt(from - 1))) { from -= 1; }
    while (to < text.length && /\S/.test(text.charAt(to))) { to += 1; }
    var fragment = document.createDocumentFragment();
    var cursor = from;
    fragment.appendChild(document.createTextNode(from > 0 ? "…" : ""));
    positions.forEach(function (position) {
      // a token's position includes punctuation stuck to it ("Khatibzadeh;"): mark only the word
      var start = position[0];
      var end = position[0] + position[1];
      while (start < end && !WORD_CHAR.test(text.charAt(start))) { start += 1; }
      while (end > start && !WORD_CHAR.test(text.charAt(end - 1))) { end -= 1; }
      if (start < cursor || end > to || start === end) { return; }
      fragment.appendChild(document.createTextNode(text.slice(cursor, start)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(start, end);
      fragment.appendChild(mark);
      cursor = end;
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

  function resultItem(result) {
    var doc = data.documents[result.ref];
    var item = element("li", "search-result");
    var heading = element("h2");
    var link = element("a", "", doc.title);
    link.href = result.ref;
    heading.appendChild(link);
    item.appendChild(heading);
    item.appendChild(element("p", "muted", (KINDS[doc.kind] || doc.kind) + (doc.meta ? " · " + doc.meta : "")));
    var found = occurrences(result);
    var where = element("ul", "search-where");
    data.fields.forEach(function (field) {
      if (!found[field] || !doc[field]) { return; }
      var line = element("li");
      line.appendChild(element("span", "search-field", "In the " + fieldLabel(field, doc) + ": "));
      line.appendChild(snippet(doc[field], found[field]));
      where.appendChild(line);
    });
    if (where.childNodes.length) { item.appendChild(where); }
    else if (doc.snippet) { item.appendChild(element("p", "", doc.snippet)); }
    return item;
  }

  function show(text) {
    list.textContent = "";
    var words = terms(text);
    if (!words.length) {
      status.textContent = text.trim() ? "Those words are too common to search for; try another." : PROMPT;
      return;
    }
    var results;
    try {
      results = search(words).filter(function (r) { return data.documents[r.ref]; });
    } catch (error) {
      status.textContent = "That search could not be read; try plain words.";
      return;
    }
    status.textContent = results.length
      ? results.length + (results.length === 1 ? " page contains " : " pages contain ") + "“" + text.trim() + "”" +
        (results.length > SHOWN ? "; the best " + SHOWN + " are shown. Add a word to narrow it down." : ".")
      : "No page contains “" + text.trim() + "”.";
    results.slice(0, SHOWN).forEach(function (result) { list.appendChild(resultItem(result)); });
  }

  input.addEventListener("input", function () { show(input.value); });
  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) { input.value = initial; }
  if (input.value) { show(input.value); }
})();
