// Sorting and filtering for the portfolio page: no network, no data from elsewhere.
// Without JavaScript the table stays complete and readable; the controls stay hidden.
(function () {
  "use strict";
  var table = document.getElementById("portfolio");
  if (!table || !table.tHead || !table.tBodies.length) {
    return;
  }
  var body = table.tBodies[0];
  var headers = table.tHead.rows[0].cells;
  var rows = Array.prototype.slice.call(body.rows);

  function key(row, index) {
    return row.cells[index].getAttribute("data-sort") || "";
  }

  function sortBy(index, th) {
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    var numeric = th.getAttribute("data-type") === "number";
    Array.prototype.forEach.call(headers, function (h) {
      h.removeAttribute("aria-sort");
    });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    rows.sort(function (a, b) {
      var x = key(a, index);
      var y = key(b, index);
      var c = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y);
      if (c === 0) {
        c = Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order"));
        return c;
      }
      return ascending ? c : -c;
    });
    rows.forEach(function (row) {
      body.appendChild(row);
    });
  }

  Array.prototype.forEach.call(headers, function (th, index) {
    if (!th.hasAttribute("data-type")) {
      return;
    }
    var button = document.createElement("button");
    button.type = "button";
    button.textContent = th.textContent;
    th.textContent = "";
    th.appendChild(button);
    button.addEventListener("click", function () {
      sortBy(index, th);
    });
  });

  var text = document.getElementById("filter-text");
  var verdict = document.getElementById("filter-verdict");
  var action = document.getElementById("filter-action");
  var shown = document.getElementById("shown");

  function filter() {
    var words = text.value.toLowerCase().split(/\s+/).filter(Boolean);
    var count = 0;
    rows.forEach(function (row) {
      var content = row.textContent.toLowerCase();
      var ok = words.every(function (w) {
        return content.indexOf(w) >= 0;
      });
      ok = ok && (!verdict.value || row.getAttribute("data-verdict") === verdict.value);
      ok = ok && (!action.checked || row.getAttribute("data-action") === "1");
      row.hidden = !ok;
      if (ok) {
        count += 1;
      }
    });
    shown.textContent = String(count);
  }

  text.addEventListener("input", filter);
  verdict.addEventListener("change", filter);
  action.addEventListener("change", filter);
  document.getElementById("controls").hidden = false;
})();
