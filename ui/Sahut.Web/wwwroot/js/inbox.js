// The live inbox (DESIGN §5): list and timeline update without reload, presence, the reply lease, and saved replies
// inserted with /shortcut. The page stays fully usable without it: every action is still a plain form.
(function () {
  "use strict";

  var root = document.getElementById("inbox");
  if (!root || !window.signalR) {
    return;
  }

  var ws = root.dataset.ws;
  var me = root.dataset.me;
  var conversationId = root.dataset.conversation || null;
  var leaseMs = parseInt(root.dataset.leaseMs, 10) || 15000;
  // Renewing a few times per lease keeps it alive across a slow round trip.
  var renewEvery = Math.max(1000, Math.floor(leaseMs / 3));
  var replyBox = document.getElementById("reply-box");
  var cannedList = document.getElementById("canned");
  var noop = function () { };

  var leases = {};
  var leaseTimers = {};
  var viewers = {};
  var lastRenew = 0;
  var typingCall = null;

  function say(key, value) {
    return (root.dataset[key] || "{0}").split("{0}").join(value);
  }

  // ---- reply lease -------------------------------------------------------------------------------------------
  function setLease(id, holderId, holderName, expiresInMs) {
    clearTimeout(leaseTimers[id]);
    if (!holderId || !(expiresInMs > 0)) {
      delete leases[id];
    } else {
      leases[id] = { holderId: holderId, holderName: holderName, until: Date.now() + expiresInMs };
      // Expiry needs no message from the server: the lock lifts when the holder's time is up.
      leaseTimers[id] = setTimeout(function () { delete leases[id]; render(); }, expiresInMs + 50);
    }
    render();
  }

  function otherHolder(id) {
    var lease = leases[id];
    return lease && lease.holderId !== me && lease.until > Date.now() ? lease : null;
  }

  function iHold() {
    var lease = conversationId && leases[conversationId];
    return !!lease && lease.holderId === me && lease.until > Date.now();
  }

  function onReplyInput() {
    if (!conversationId || connection.state !== signalR.HubConnectionState.Connected || typingCall) {
      return;
    }
    if (replyBox.value.trim() === "") {
      if (iHold()) {
        connection.invoke("StopTyping", ws, conversationId).catch(noop);
      }
      return;
    }
    if (iHold() && Date.now() - lastRenew < renewEvery) {
      return;
    }
    lastRenew = Date.now();
    typingCall = connection.invoke("Typing", ws, conversationId)
      .then(function (lease) { setLease(conversationId, lease.holderId, lease.holderName, lease.expiresInMs); })
      .catch(noop)
      .then(function () { typingCall = null; });
  }

  // ---- presence and locks --------------------------------------------------------------------------------------
  function othersViewing(id) {
    return (viewers[id] || []).filter(function (v) { return v.userId !== me; }).map(function (v) { return v.name; });
  }

  function render() {
    document.querySelectorAll("[data-live-row]").forEach(function (el) {
      var id = el.getAttribute("data-live-row");
      var holder = otherHolder(id);
      var others = othersViewing(id);
      el.textContent = holder ? say("tReplyingRow", holder.holderName) : others.length ? say("tViewing", others.join(", ")) : "";
      el.classList.toggle("replying", !!holder);
    });
    if (!conversationId) {
      return;
    }
    var presence = document.getElementById("presence");
    if (presence) {
      var others = othersViewing(conversationId);
      presence.textContent = others.length ? " · " + say("tViewing", others.join(", ")) : "";
    }
    var holder = otherHolder(conversationId);
    var lock = document.getElementById("reply-lock");
    lock.hidden = !holder;
    lock.textContent = holder ? say("tLocked", holder.holderName) : "";
    var assigned = document.querySelector("[data-region=assigned]");
    var locked = !!holder || (!!assigned && assigned.getAttribute("data-assigned-other") === "true");
    if (replyBox) {
      replyBox.disabled = locked;
      replyBox.form.querySelector("button[type=submit]").disabled = locked;
      if (locked) {
        hideCanned();
      }
    }
  }

  // ---- live page regions ---------------------------------------------------------------------------------------
  var refreshTimer = null;
  var refreshing = false;
  var refreshAgain = false;
  var announceMention = false;

  function scheduleRefresh() {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(refresh, 100);
  }

  // Re-renders the page on the server and swaps in the parts that change; the composer keeps what is being typed.
  function refresh() {
    if (refreshing) {
      refreshAgain = true;
      return;
    }
    refreshing = true;
    fetch(location.href, { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
      .then(function (response) { return response.ok && !response.redirected ? response.text() : Promise.reject(response.status); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html");
        var messages = document.getElementById("msgs");
        var atBottom = messages && messages.scrollHeight - messages.scrollTop - messages.clientHeight < 60;
        document.querySelectorAll("[data-region]").forEach(function (el) {
          var replacement = fresh.querySelector("[data-region=\"" + el.getAttribute("data-region") + "\"]");
          if (!replacement || replacement.outerHTML === el.outerHTML) {
            return;
          }
          var open = Array.prototype.map.call(el.querySelectorAll("details"), function (d) { return d.open; });
          var node = document.importNode(replacement, true);
          Array.prototype.forEach.call(node.querySelectorAll("details"), function (d, i) { d.open = !!open[i]; });
          el.replaceWith(node);
        });
        messages = document.getElementById("msgs");
        if (messages && atBottom) {
          messages.scrollTop = messages.scrollHeight;
        }
        if (announceMention) {
          announceMention = false;
          var newest = document.querySelector(".notif-list a");
          if (newest) {
            toast(newest.textContent, newest.getAttribute("href"));
          }
        }
        render();
      })
      .catch(noop)
      .then(function () {
        refreshing = false;
        if (refreshAgain) {
          refreshAgain = false;
          scheduleRefresh();
        }
      });
  }

  function toast(message, href) {
    var box = document.createElement("a");
    box.className = "toast";
    box.setAttribute("role", "status");
    box.textContent = message;
    box.href = href || "#";
    document.body.appendChild(box);
    setTimeout(function () { box.remove(); }, 8000);
  }

  // ---- connection ------------------------------------------------------------------------------------------------
  var connection = new signalR.HubConnectionBuilder()
    .withUrl("/hubs/inbox")
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: function (context) { return Math.min(30000, 500 * Math.pow(2, context.previousRetryCount)); } })
    .build();

  connection.on("events", function (messages) {
    messages.forEach(onEvent);
  });

  function onEvent(message) {
    var data = message.data || {};
    if (message.type === "replyLeaseChanged") {
      setLease(data.conversationId, data.holderId, data.holderName, data.expiresInMs);
      return;
    }
    if (message.type === "userMentioned") {
      announceMention = true;
    }
    scheduleRefresh();
  }

  connection.on("presence", function (update) {
    viewers[update.conversationId] = update.viewers || [];
    render();
  });

  function join() {
    return connection.invoke("JoinWorkspace", ws).then(function (state) {
      Object.keys(leaseTimers).forEach(function (id) { clearTimeout(leaseTimers[id]); });
      leases = {};
      viewers = state.viewers || {};
      (state.leases || []).forEach(function (l) { setLease(l.conversationId, l.holderId, l.holderName, l.expiresInMs); });
      if (!conversationId) {
        render();
        return null;
      }
      return connection.invoke("OpenConversation", ws, conversationId).then(function (opened) {
        viewers[conversationId] = opened.viewers || [];
        if (opened.lease) {
          setLease(conversationId, opened.lease.holderId, opened.lease.holderName, opened.lease.expiresInMs);
        }
        render();
      });
    });
  }

  function showState(text) {
    var state = document.getElementById("conn-state");
    if (state) {
      state.hidden = !text;
      state.textContent = text || "";
    }
  }

  connection.onreconnecting(function () {
    root.dataset.live = "reconnecting";
    showState(root.dataset.tReconnecting);
  });

  // Whatever happened while disconnected is fetched again: the list, the timeline, the counts.
  connection.onreconnected(function () {
    showState("");
    join().then(function () { root.dataset.live = "on"; refresh(); }).catch(noop);
  });

  connection.onclose(function () {
    root.dataset.live = "off";
    showState(root.dataset.tReconnecting);
    setTimeout(start, 5000);
  });

  function start() {
    connection.start()
      .then(join)
      // Events between the server render and this subscription were not seen; one refresh catches them.
      .then(function () { root.dataset.live = "on"; showState(""); refresh(); })
      .catch(function () { setTimeout(start, 5000); });
  }

  // ---- saved replies (/shortcut) ---------------------------------------------------------------------------------
  var canned = null;
  var cannedMatches = [];
  var cannedIndex = 0;

  function loadCanned() {
    if (canned) {
      return Promise.resolve(canned);
    }
    return fetch("/api/v1/workspaces/" + ws + "/canned-responses", { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (list) { canned = list; return list; });
  }

  function slashToken() {
    var upto = replyBox.value.slice(0, replyBox.selectionStart);
    var match = /(^|\s)\/([^\s/]*)$/.exec(upto);
    return match ? { start: upto.length - match[2].length - 1, query: match[2].toLowerCase() } : null;
  }

  function hideCanned() {
    if (cannedList) {
      cannedList.hidden = true;
      cannedList.innerHTML = "";
    }
    cannedMatches = [];
  }

  function highlight(index) {
    cannedIndex = index;
    Array.prototype.forEach.call(cannedList.children, function (li, i) {
      li.classList.toggle("on", i === index);
      li.setAttribute("aria-selected", i === index ? "true" : "false");
    });
  }

  function suggestCanned() {
    if (!slashToken()) {
      hideCanned();
      return;
    }
    loadCanned().then(function (all) {
      var token = slashToken();
      if (!token || replyBox.disabled) {
        hideCanned();
        return;
      }
      cannedMatches = all.filter(function (c) { return c.shortcut.indexOf(token.query) === 0; }).slice(0, 8);
      cannedList.innerHTML = "";
      cannedMatches.forEach(function (c) {
        var item = document.createElement("li");
        item.setAttribute("role", "option");
        var shortcut = document.createElement("b");
        shortcut.textContent = "/" + c.shortcut;
        var content = document.createElement("span");
        content.textContent = c.content;
        item.append(shortcut, " ", content);
        item.addEventListener("mousedown", function (event) { event.preventDefault(); insertCanned(c); });
        cannedList.appendChild(item);
      });
      cannedList.hidden = cannedMatches.length === 0;
      highlight(0);
    });
  }

  function insertCanned(choice) {
    var token = slashToken();
    if (!token) {
      return;
    }
    var before = replyBox.value.slice(0, token.start);
    var after = replyBox.value.slice(replyBox.selectionStart);
    replyBox.value = before + choice.content + after;
    var caret = (before + choice.content).length;
    replyBox.setSelectionRange(caret, caret);
    hideCanned();
    onReplyInput();
  }

  if (replyBox) {
    replyBox.addEventListener("input", function () { onReplyInput(); suggestCanned(); });
    replyBox.addEventListener("blur", function () { setTimeout(hideCanned, 150); });
    replyBox.addEventListener("keydown", function (event) {
      if (!cannedMatches.length || cannedList.hidden) {
        return;
      }
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        var step = event.key === "ArrowDown" ? 1 : -1;
        highlight((cannedIndex + step + cannedMatches.length) % cannedMatches.length);
      } else if ((event.key === "Enter" && !event.ctrlKey && !event.metaKey) || event.key === "Tab") {
        event.preventDefault();
        insertCanned(cannedMatches[cannedIndex]);
      } else if (event.key === "Escape") {
        hideCanned();
      }
    });
  }

  start();
})();
