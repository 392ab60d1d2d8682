// The sidebar's own script, run by the staff member's browser (not by Apps Script): it draws each section from what the
// server functions answer and calls them through google.script.run. Every text from the Sheet goes into the page as
// text (textContent), never as HTML.
export const SIDEBAR_JS = `
(function () {
  "use strict";
  var SECTIONS = [
    ["confirm", "Xác nhận"],
    ["remind", "Nhắc"],
    ["rollup", "Tổng hợp"],
    ["record", "Ghi nhận"],
    ["zalo", "Zalo"]
  ];
  var main = document.getElementById("main");
  var msg = document.getElementById("msg");
  var nav = document.getElementById("nav");
  var current = null;
  var busy = false;

  function h(tag, attrs) {
    var el = document.createElement(tag);
    var a = attrs || {};
    Object.keys(a).forEach(function (k) {
      if (k === "text") el.textContent = a[k];
      else if (k === "on") Object.keys(a.on).forEach(function (ev) { el.addEventListener(ev, a.on[ev]); });
      else if (a[k] === true) el.setAttribute(k, "");
      else if (a[k] !== false && a[k] !== null && a[k] !== undefined) el.setAttribute(k, String(a[k]));
    });
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c === null || c === undefined || c === false) continue;
      el.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    }
    return el;
  }

  // the question asked before anything is sent, in its box under the button; "Gửi ngay" runs go
  function askFirst(box, question, go) {
    box.textContent = "";
    box.appendChild(h("p", { text: question }));
    box.appendChild(h("div", { class: "row" },
      h("button", { class: "act primary", type: "button", text: "Gửi ngay", on: { click: go } }),
      h("button", { class: "act", type: "button", text: "Thôi", on: { click: function () { box.hidden = true; } } })));
    box.hidden = false;
  }

  function say(text, kind) {
    msg.className = kind || "";
    msg.textContent = text || "";
  }

  function setBusy(on) {
    busy = on;
    Array.prototype.forEach.call(document.querySelectorAll("button"), function (b) {
      if (on) { b.dataset.was = b.disabled ? "1" : ""; b.disabled = true; }
      else b.disabled = b.dataset.was === "1";
    });
  }

  /** a server function, as a promise of its reply ({ok, message, data}) */
  function call(name, arg) {
    return new Promise(function (resolve) {
      google.script.run
        .withSuccessHandler(function (r) { resolve(r || { ok: false, message: "Không có trả lời." }); })
        .withFailureHandler(function (e) { resolve({ ok: false, message: "Không thực hiện được: " + ((e && e.message) || e) }); })[name](arg);
    });
  }

  /** runs an action: busy while it lasts, its message shown, the section drawn again from what it returns */
  function act(name, arg, redraw) {
    if (busy) return Promise.resolve();
    setBusy(true);
    say("Đang xử lý…", "busy");
    return call(name, arg).then(function (r) {
      setBusy(false);
      say(r.message, r.ok ? "ok" : "err");
      if (r.data && redraw) redraw(r.data);
      return r;
    });
  }

  function show(section) {
    current = section;
    Array.prototype.forEach.call(nav.children, function (b) { b.setAttribute("aria-current", b.dataset.section === section ? "true" : "false"); });
    main.textContent = "";
    main.appendChild(h("p", { class: "hint", text: "Đang tải…" }));
    say("");
    call("sidebarLoad", { section: section }).then(function (r) {
      if (current !== section) return;
      main.textContent = "";
      if (!r.ok) { say(r.message, "err"); return; }
      if (r.message) say(r.message, "ok");
      DRAW[section](r.data);
      if (r.paused) main.insertBefore(pausedBox(r.paused), main.firstChild);
    });
  }

  // a copy of a Sheet that ran a season sends nothing until staff confirm its roster and dates here
  function pausedBox(text) {
    var ask = h("div", { class: "confirm", hidden: true });
    return h("div", { class: "card paused" },
      h("p", { class: "who", text: "Bản sao đang tạm dừng gửi thư" }),
      h("p", { class: "hint", text: text }),
      h("div", { class: "row" }, h("button", { class: "act primary", type: "button", text: "Bắt đầu gửi thư", on: { click: function () {
        askFirst(ask, "Danh sách đơn vị (trang Đơn vị) và các mốc ngày (trang Cài đặt) đã đúng với Liên đoàn của đồng chí? Sau khi xác nhận, hệ thống gửi thư cho các đơn vị trong danh sách.", function () {
          act("sidebarResume", {}, null).then(function (r) { if (r && r.ok) show(current); });
        });
      } } })),
      ask);
  }

  function copyText(text, area) {
    var done = function () { say("Đã chép vào bộ nhớ tạm: dán vào Zalo.", "ok"); };
    var fallback = function () {
      area.focus();
      area.select();
      try { document.execCommand("copy"); done(); } catch (e) { say("Trình duyệt không cho chép tự động: bấm vào ô, Ctrl+A rồi Ctrl+C.", "err"); }
    };
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(done, fallback);
    else fallback();
  }

  function copyBox(text, cls) {
    var area = h("textarea", { class: cls || "copy", readonly: true });
    area.value = text;
    var btn = h("button", { class: "act primary", type: "button", text: "Chép", on: { click: function () { copyText(area.value, area); } } });
    return h("div", {}, area, h("div", { class: "row" }, btn));
  }

  // ---- confirm or reject a sender
  function drawConfirm(d) {
    main.textContent = "";
    main.appendChild(h("h2", { text: "Phản hồi chờ xác nhận người gửi" }));
    main.appendChild(h("p", { class: "hint", text: "Báo cáo gửi từ email không có trong danh sách của đơn vị. Gọi điện kiểm tra rồi chọn Xác nhận (báo cáo được tính từ lúc gửi) hoặc Từ chối (không tính, người gửi nhận thư báo; dòng vẫn giữ trong bảng tính)." }));
    if (!d.items.length) { main.appendChild(h("p", { text: "Không có phản hồi nào chờ xác nhận." })); return; }
    d.items.forEach(function (it) {
      var reason = h("textarea", { placeholder: "Lý do (gửi kèm thư báo cho người gửi; có thể để trống)" });
      var rejectBox = h("div", { class: "confirm", hidden: true },
        h("label", { text: "Từ chối phản hồi này?" }), reason,
        h("div", { class: "row" },
          h("button", { class: "act danger primary", type: "button", text: "Gửi từ chối", on: { click: function () { act("sidebarReject", { ids: [it.responseId], keys: [it.key], reason: reason.value }, drawConfirm); } } }),
          h("button", { class: "act", type: "button", text: "Thôi", on: { click: function () { rejectBox.hidden = true; } } })));
      main.appendChild(h("div", { class: "card", "data-response": it.responseId },
        h("div", { class: "who", text: it.unit }),
        h("p", { text: it.formTitle + (it.period && it.form === "monthly" ? " – " + it.period : "") }),
        h("p", { class: "hint", text: "Gửi lúc " + it.at + " từ " + (it.email || "(không có email)") }),
        it.note ? h("p", { class: "hint", text: it.note }) : null,
        it.summary ? h("div", { class: "sent", text: it.summary }) : null,
        h("div", { class: "row" },
          h("button", { class: "act primary", type: "button", text: "Xác nhận", on: { click: function () { act("sidebarConfirm", { ids: [it.responseId], keys: [it.key] }, drawConfirm); } } }),
          h("button", { class: "act danger", type: "button", text: "Từ chối", on: { click: function () { rejectBox.hidden = false; reason.focus(); } } })),
        rejectBox));
    });
    if (d.more) main.appendChild(h("p", { class: "hint", text: "Còn " + d.more + " phản hồi nữa: xử lý xong các phản hồi trên sẽ thấy tiếp." }));
  }

  // ---- reminders to the units chosen
  function drawRemind(d) {
    main.textContent = "";
    main.appendChild(h("h2", { text: "Gửi thư nhắc ngay" }));
    main.appendChild(h("p", { class: "hint", text: "Các đơn vị chưa nộp kỳ còn trong hạn. Bỏ chọn đơn vị không cần nhắc; mỗi đơn vị nhận nhiều nhất một thư nhắc mỗi ngày." }));
    if (!d.periods.length) { main.appendChild(h("p", { text: "Không có đơn vị nào cần nhắc (mọi kỳ còn trong hạn đã đủ báo cáo)." })); return; }
    var boxes = [];
    var emails = {};
    var count = h("p", { class: "count" });
    var ask = h("div", { class: "confirm", hidden: true });
    var sendBtn = h("button", { class: "act primary", type: "button" });
    function chosen() {
      var set = {};
      boxes.forEach(function (b) { if (b.checked && !b.disabled) set[b.value] = true; });
      return Object.keys(set);
    }
    function recount() {
      var c = chosen();
      var n = c.reduce(function (s, k) { return s + (emails[k] || 0); }, 0);
      count.textContent = "Đã chọn " + c.length + " đơn vị (" + n + " địa chỉ email).";
      sendBtn.textContent = "Gửi thư nhắc (" + c.length + ")";
      sendBtn.disabled = !c.length;
      ask.hidden = true;
    }
    d.periods.forEach(function (p) {
      main.appendChild(h("h3", { text: p.title + " – hạn " + p.due }));
      p.units.forEach(function (u) {
        emails[u.code] = u.emails;
        var box = h("input", { type: "checkbox", value: u.code });
        box.checked = !u.reminded;
        box.disabled = u.reminded;
        box.addEventListener("change", function () {
          boxes.forEach(function (b) { if (b.value === box.value) b.checked = box.checked; });
          recount();
        });
        boxes.push(box);
        main.appendChild(h("label", { class: "check" }, box,
          h("span", {}, u.label, h("small", { text: u.status + " · " + u.emails + " email" + (u.chair ? " · " + u.chair : "") + (u.reminded ? " · đã nhắc hôm nay" : "") }))));
      });
    });
    main.appendChild(h("div", { class: "row" },
      h("button", { class: "act", type: "button", text: "Chọn tất cả", on: { click: function () { boxes.forEach(function (b) { if (!b.disabled) b.checked = true; }); recount(); } } }),
      h("button", { class: "act", type: "button", text: "Bỏ chọn", on: { click: function () { boxes.forEach(function (b) { b.checked = false; }); recount(); } } })));
    main.appendChild(count);
    sendBtn.addEventListener("click", function () {
      var c = chosen();
      askFirst(ask, "Gửi thư nhắc tới " + c.length + " đơn vị: " + c.join(", ") + "?", function () { act("sidebarRemind", { units: c }, drawRemind); });
    });
    main.appendChild(h("div", { class: "row" }, sendBtn));
    main.appendChild(ask);
    recount();
  }

  // ---- the rollup of a named period
  function drawRollup(d) {
    main.textContent = "";
    main.appendChild(h("h2", { text: "Gửi tổng hợp" }));
    if (!d.periods.length) { main.appendChild(h("p", { text: "Chưa đến hạn của kỳ nào." })); return; }
    var sel = h("select", { id: "rollup-period" });
    d.periods.forEach(function (p) { sel.appendChild(h("option", { value: p.period, text: p.title + " (hạn " + p.due + ")" })); });
    var what = h("p", {});
    var btn = h("button", { class: "act primary", type: "button" });
    var ask = h("div", { class: "confirm", hidden: true });
    function title() { var p = d.periods[sel.selectedIndex]; return p ? p.title : ""; }
    function update() {
      what.textContent = "Lập văn bản báo cáo " + title().toLowerCase() + " với số liệu tính đến lúc gửi (văn bản mới trong thư mục báo cáo; văn bản cũ giữ nguyên), rồi gửi thư tới: " + (d.recipients.join(", ") || "(chưa có người nhận trong Cài đặt)") + ".";
      btn.textContent = "Gửi tổng hợp " + title().toLowerCase();
      ask.hidden = true;
    }
    sel.addEventListener("change", update);
    btn.addEventListener("click", function () {
      var period = sel.value;
      askFirst(ask, "Gửi tổng hợp " + title().toLowerCase() + " tới " + d.recipients.length + " người nhận?", function () { act("sidebarRollup", { period: period }, drawRollup); });
    });
    main.appendChild(h("label", { for: "rollup-period", text: "Kỳ" }));
    main.appendChild(sel);
    main.appendChild(what);
    main.appendChild(h("div", { class: "row" }, btn));
    main.appendChild(ask);
    update();
  }

  // ---- a report received on paper, by email or by message
  function drawRecord(d) {
    main.textContent = "";
    main.appendChild(h("h2", { text: "Ghi nhận báo cáo giấy, email, tin nhắn" }));
    var form = h("form", { id: "record" });
    var kind = h("select", { name: "form", id: "rec-form" });
    d.forms.slice().reverse().forEach(function (f) { kind.appendChild(h("option", { value: f.id, text: f.title })); });
    var fields = h("div", {});
    var unitSel = h("select", { name: "unit", id: "rec-unit", required: true });
    var search = h("input", { type: "text", placeholder: "Tìm theo mã hoặc tên", id: "rec-search" });
    function fillUnits() {
      var q = search.value.trim().toLowerCase();
      var keep = unitSel.value;
      unitSel.textContent = "";
      unitSel.appendChild(h("option", { value: "", text: "– chọn đơn vị –" }));
      d.units.forEach(function (u) { if (!q || u.label.toLowerCase().indexOf(q) >= 0) unitSel.appendChild(h("option", { value: u.value, text: u.label })); });
      unitSel.value = keep;
    }
    search.addEventListener("input", fillUnits);
    fillUnits();
    var month = h("select", { name: "month", id: "rec-month" });
    d.months.forEach(function (m) { month.appendChild(h("option", { value: m.value, text: m.label })); });
    var channel = h("select", { name: "channel", id: "rec-channel" });
    d.channels.forEach(function (c) { channel.appendChild(h("option", { value: c.value, text: c.label })); });
    var at = h("input", { type: "datetime-local", name: "at", id: "rec-at", required: true, value: d.now });
    var inputs = {};
    function drawFields() {
      fields.textContent = "";
      inputs = {};
      var spec = d.forms.filter(function (f) { return f.id === kind.value; })[0];
      monthLabel.hidden = month.hidden = kind.value !== "monthly";
      spec.fields.forEach(function (f) {
        if (f.kind === "unit" || f.kind === "month") return;
        var id = "rec-" + f.key;
        var el;
        if (f.kind === "paragraph") el = h("textarea", { id: id });
        else if (f.kind === "number") el = h("input", { type: "number", min: "0", step: "1", id: id });
        else if (f.kind === "choice") {
          el = h("select", { id: id }, h("option", { value: "", text: "– chọn –" }));
          f.choices.forEach(function (c) { el.appendChild(h("option", { value: c.key, text: c.label })); });
        } else if (f.kind === "checkboxes") {
          el = h("div", { id: id });
          f.choices.forEach(function (c) { el.appendChild(h("label", { class: "check" }, h("input", { type: "checkbox", value: c.key }), h("span", { text: c.label }))); });
        } else el = h("input", { type: "text", id: id });
        inputs[f.key] = { field: f, el: el };
        fields.appendChild(h("label", { for: id, text: f.title + (f.required ? " *" : "") }));
        if (f.help) fields.appendChild(h("p", { class: "hint", text: f.help }));
        fields.appendChild(el);
      });
    }
    kind.addEventListener("change", drawFields);
    form.appendChild(h("label", { for: "rec-form", text: "Loại báo cáo" }));
    form.appendChild(kind);
    form.appendChild(h("label", { for: "rec-unit", text: "Đơn vị *" }));
    form.appendChild(search);
    form.appendChild(unitSel);
    var monthLabel = h("label", { for: "rec-month", text: "Tháng *" });
    form.appendChild(monthLabel);
    form.appendChild(month);
    form.appendChild(h("label", { for: "rec-channel", text: "Nhận qua" }));
    form.appendChild(channel);
    form.appendChild(h("label", { for: "rec-at", text: "Ngày giờ Liên đoàn nhận được *" }));
    form.appendChild(at);
    form.appendChild(fields);
    form.appendChild(h("div", { class: "row" }, h("button", { class: "act primary", type: "submit", text: "Ghi nhận" })));
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var answers = {};
      var missing = [];
      Object.keys(inputs).forEach(function (k) {
        var x = inputs[k];
        var v;
        if (x.field.kind === "checkboxes") v = Array.prototype.filter.call(x.el.querySelectorAll("input"), function (b) { return b.checked; }).map(function (b) { return b.value; });
        else v = x.el.value;
        answers[k] = v;
        if (x.field.required && (Array.isArray(v) ? !v.length : !String(v).trim())) missing.push(x.field.title);
      });
      if (!unitSel.value) missing.unshift("Đơn vị");
      if (!at.value) missing.push("Ngày giờ nhận");
      if (missing.length) { say("Còn thiếu: " + missing.join(", ") + ".", "err"); return; }
      act("sidebarRecord", { form: kind.value, unit: unitSel.value, month: month.value, channel: channel.value, at: at.value, answers: answers }, null).then(function (r) {
        if (r && r.ok) { unitSel.value = ""; drawFields(); }
      });
    });
    main.appendChild(form);
    drawFields();
  }

  // ---- the Zalo list
  function drawZalo(d) {
    main.textContent = "";
    main.appendChild(h("h2", { text: "Danh sách nhắc qua Zalo" }));
    main.appendChild(h("p", { class: "hint", text: "Cập nhật lúc " + d.updated + " (trang “Nhắc qua Zalo” cũng có danh sách này). Chép tin nhắn rồi dán vào nhóm Zalo các Chủ tịch CĐCS." }));
    if (!d.sections.length) main.appendChild(h("p", { text: "Không còn đơn vị nào phải nhắc." }));
    d.sections.forEach(function (s) {
      main.appendChild(h("h3", { text: s.title + " – hạn " + s.due + ": " + s.count + " đơn vị chưa nộp" }));
      s.parts.forEach(function (part, i) {
        if (s.parts.length > 1) main.appendChild(h("p", { class: "hint", text: "Phần " + (i + 1) + "/" + s.parts.length }));
        main.appendChild(copyBox(part, "copy group"));
      });
      var det = h("details", {}, h("summary", { text: "Tin nhắn riêng từng đơn vị (" + s.units.length + ")" }));
      s.units.forEach(function (u) {
        det.appendChild(h("p", { class: "who", text: u.label }));
        det.appendChild(copyBox(u.message, "copy unit"));
      });
      main.appendChild(det);
    });
    main.appendChild(h("div", { class: "row" }, h("button", { class: "act", type: "button", text: "Tạo lại danh sách", on: { click: function () { act("sidebarZalo", {}, drawZalo); } } })));
  }

  var DRAW = { confirm: drawConfirm, remind: drawRemind, rollup: drawRollup, record: drawRecord, zalo: drawZalo };
  SECTIONS.forEach(function (s) {
    nav.appendChild(h("button", { type: "button", "data-section": s[0], text: s[1], on: { click: function () { if (!busy) show(s[0]); } } }));
  });
  show(document.body.dataset.section || "confirm");
})();
`;
