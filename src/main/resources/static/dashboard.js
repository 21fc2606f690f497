// Baton's dashboard: reads the admin API (same origin, the browser's basic-auth session) and fills
// the tables. Every value reaches the page through textContent or a checked href, never as HTML.
"use strict";

const REFRESH_MS = 30000;
const LEAK_PAGE = 200;
const LEAK_MAX = 1000;
const LETTERS_PER_CLASS = 50;
const numbers = new Intl.NumberFormat("en-US");
const percent = new Intl.NumberFormat("en-US", {style: "percent", maximumFractionDigits: 1});

function el(tag, options, ...children) {
  const node = document.createElement(tag);
  const o = options || {};
  if (o.cls) node.className = o.cls;
  if (o.text !== undefined && o.text !== null) node.textContent = String(o.text);
  if (o.title) node.title = String(o.title);
  if (o.data) Object.entries(o.data).forEach(([k, v]) => { node.dataset[k] = String(v); });
  children.forEach(c => c && node.append(c));
  return node;
}

function cell(value, cls) {
  return el("td", {cls: cls, text: value === null || value === undefined ? "—" : value});
}

function num(value) {
  return value === null || value === undefined ? "—" : numbers.format(value);
}

function duration(seconds) {
  if (seconds === null || seconds === undefined) return "—";
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return s + "s";
  if (s < 3600) return Math.floor(s / 60) + "m " + (s % 60) + "s";
  if (s < 86400) return Math.floor(s / 3600) + "h " + Math.floor((s % 3600) / 60) + "m";
  return Math.floor(s / 86400) + "d " + Math.floor((s % 86400) / 3600) + "h";
}

function since(iso) {
  return iso ? duration((Date.now() - Date.parse(iso)) / 1000) : "—";
}

/** How long past its SLA a flag is: the leak's age that matters to its owner. */
function overdue(dueIso) {
  if (!dueIso) return "—";
  const late = (Date.now() - Date.parse(dueIso)) / 1000;
  return late > 0 ? duration(late) : "due in " + duration(-late);
}

function when(iso) {
  return iso ? new Date(iso).toLocaleString("en-GB", {dateStyle: "medium", timeStyle: "short"}) : "—";
}

function bar(share, cls) {
  const b = el("span", {cls: "bar " + (cls || "")});
  b.style.width = (Math.max(0, Math.min(1, share)) * 100).toFixed(1) + "%";
  return el("span", {cls: "bar-track"}, b);
}

/** A link only to an http(s) address: a CRM URL pattern must not smuggle in a script. */
function link(href, label) {
  if (!href || !/^https?:\/\//i.test(href)) return null;
  const a = el("a", {text: label});
  a.href = href;
  a.target = "_blank";
  a.rel = "noopener noreferrer";
  return a;
}

async function api(path, init) {
  const response = await fetch(path, Object.assign({headers: {"Accept": "application/json"}}, init));
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(path + ": " + response.status + " " + (body.message || response.statusText));
  return body;
}

function fill(tbody, rows) {
  tbody.replaceChildren(...rows);
}

function showStatus(status) {
  fill(document.querySelector("#status tbody"), status.streams.map(s => {
    let backfill = "caught up";
    if (s.remaining !== null && s.remaining > 0) {
      const done = s.changesRead / (s.changesRead + s.remaining);
      backfill = el("span", {}, bar(done), el("span", {text: " " + percent.format(done) + " · " + num(s.remaining)
          + " left · " + num(s.recordsPerSecond) + "/s · ETA " + duration(s.etaSeconds)}));
    } else if (s.remaining === null) {
      backfill = "—";
    }
    return el("tr", {data: {stream: s.stream}},
        cell(s.stream), cell(s.lagSeconds === null ? null : duration(s.lagSeconds)),
        el("td", {text: s.lastRunFinished ? since(s.lastRunFinished) + " ago" : "not yet", title: s.lastError || ""}),
        cell(num(s.changesRead), "num"), cell(num(s.writes.hubspot), "num"), cell(num(s.writes.salesforce), "num"),
        cell(num(s.failures), "num"), cell(num(s.conflicts), "num"), el("td", {}, backfill));
  }));
  document.getElementById("store-counts").textContent = "Links: " + num(status.links.active) + " active, "
      + num(status.links.merged) + " merged, " + num(status.links.deleted) + " deleted · dead letters: "
      + num(status.deadLettersOpen) + " open, " + num(status.deadLettersParked) + " parked";
  fill(document.querySelector("#budget tbody"), (status.apiBudget || []).map(b => {
    const share = b.allocated ? b.used / b.allocated : null;
    return el("tr", {data: {system: b.system}}, cell(b.system === "hubspot" ? "HubSpot" : "Salesforce"),
        cell(num(b.used), "num"), cell(b.allocated === null ? "not known yet" : num(b.allocated), "num"),
        el("td", {}, share === null ? null : bar(share, "budget" + (share > 0.8 ? " high" : "")),
            el("span", {text: share === null ? "" : " " + percent.format(share)})));
  }));
}

async function act(label, path, body) {
  const notice = document.getElementById("action-result");
  notice.hidden = false;
  notice.textContent = label + "…";
  try {
    const init = {method: "POST"};
    if (body) {
      init.headers = {"Content-Type": "application/json", "Accept": "application/json"};
      init.body = JSON.stringify(body);
    }
    const answer = await api(path, init);
    const outcome = answer.outcome || (answer.records || []).map(r => r.requested + ": " + r.outcome).join(", ")
        || Object.entries(answer).map(([k, v]) => num(v) + " " + k.replace("_", " ")).join(", ");
    const letter = answer.deadLetter ? " — letter now " + answer.deadLetter.status : "";
    notice.textContent = label + ": " + outcome + (answer.reason ? " (" + answer.reason + ")" : "") + letter;
  } catch (e) {
    notice.textContent = label + " failed: " + e.message;
  }
  if (loading) await loading;
  await refresh();
}

function resyncBody(letter) {
  return letter.system === "HUBSPOT" ? {hubspotIds: [letter.recordId]} : {salesforceIds: [letter.recordId]};
}

const RESYNC_PER_CALL = 200;

/**
 * What an admin pasted, sorted by kind: an @ makes an email, Salesforce's Lead and Contact key
 * prefixes a Salesforce id, digits a HubSpot id; anything else is returned as not understood.
 */
function resyncRequests(text) {
  const items = [...new Set(text.split(/[\s,;]+/).map(t => t.trim()).filter(t => t))];
  const unknown = items.filter(t => !t.includes("@") && !/^(00Q|003)[A-Za-z0-9]{12}([A-Za-z0-9]{3})?$/.test(t)
      && !/^[0-9]+$/.test(t));
  const known = items.filter(t => !unknown.includes(t));
  const calls = [];
  for (let i = 0; i < known.length; i += RESYNC_PER_CALL) {
    const chunk = known.slice(i, i + RESYNC_PER_CALL);
    calls.push({hubspotIds: chunk.filter(t => /^[0-9]+$/.test(t)), emails: chunk.filter(t => t.includes("@")),
      salesforceIds: chunk.filter(t => !t.includes("@") && !/^[0-9]+$/.test(t))});
  }
  return {calls: calls, unknown: unknown};
}

async function resyncList(event) {
  event.preventDefault();
  const notice = document.getElementById("action-result");
  notice.hidden = false;
  const {calls, unknown} = resyncRequests(document.getElementById("resync-list").value);
  if (unknown.length > 0 || calls.length === 0) {
    notice.textContent = calls.length === 0 && unknown.length === 0 ? "Resync: nothing to resync"
        : "Resync: not an id or email: " + unknown.join(", ");
    return;
  }
  const totals = {synced: 0, failed: 0, not_found: 0, skipped: 0};
  const problems = [];
  try {
    for (let i = 0; i < calls.length; i++) {
      notice.textContent = "Resync: call " + (i + 1) + " of " + calls.length + "…";
      const answer = await api("api/records/resync", {method: "POST", body: JSON.stringify(calls[i]),
        headers: {"Content-Type": "application/json", "Accept": "application/json"}});
      Object.keys(totals).forEach(k => { totals[k] += answer[k] || 0; });
      answer.records.filter(r => r.outcome !== "synced").forEach(r => problems.push(r.requested + ": " + r.outcome
          + (r.reason ? " (" + r.reason + ")" : "")));
    }
    notice.textContent = "Resync: " + totals.synced + " synced, " + totals.failed + " failed, " + totals.not_found
        + " not found, " + totals.skipped + " skipped" + (problems.length ? " — " + problems.slice(0, 5).join("; ") : "");
  } catch (e) {
    notice.textContent = "Resync failed: " + e.message;
  }
  await refresh();
}

function letterRow(d) {
  const replay = el("button", {text: "Replay", data: {replayId: d.id}});
  replay.type = "button";
  replay.addEventListener("click", () => act("Replay of letter " + d.id, "api/dead-letters/" + d.id + "/replay"));
  const resync = el("button", {text: "Resync", data: {resyncId: d.id}});
  resync.type = "button";
  resync.addEventListener("click", () => act("Resync of " + d.recordId, "api/records/resync", resyncBody(d)));
  return el("tr", {data: {letterId: d.id}}, cell(d.id, "num"),
      cell(d.system + " " + d.recordType + " " + d.recordId), cell(d.stream), cell(d.errorCode),
      cell(d.reason, "reason"), cell(num(d.attempts), "num"), cell(d.status), cell(since(d.lastFailed) + " ago"),
      el("td", {}, replay, " ", resync));
}

async function showErrors() {
  const classes = await api("api/dead-letters/classes");
  const container = document.getElementById("error-classes");
  if (classes.classes.length === 0) {
    container.replaceChildren(el("p", {text: "No records wait: every failure was resolved."}));
    return;
  }
  const cards = await Promise.all(classes.classes.map(async c => {
    const letters = await api("api/dead-letters?size=" + LETTERS_PER_CLASS + "&class=" + encodeURIComponent(c.errorClass));
    const head = el("tr", {}, ...["Id", "Record", "Stream", "Code", "Reason", "Attempts", "Status", "Last failed", ""]
        .map(h => el("th", {text: h})));
    const shown = letters.total > letters.deadLetters.length
        ? " — the oldest " + letters.deadLetters.length + " shown" : "";
    return el("div", {cls: "error-class", data: {errorClass: c.errorClass}},
        el("h3", {text: c.errorClass + " "}, el("span", {cls: "muted", text: num(c.letters) + " letters ("
            + num(c.open) + " open, " + num(c.parked) + " parked) about " + num(c.records) + " records" + shown})),
        el("table", {}, el("thead", {}, head), el("tbody", {}, ...letters.deadLetters.map(letterRow))));
  }));
  container.replaceChildren(...cards);
}

async function showLeaks() {
  const leaks = [];
  let total = 0;
  for (let page = 0; page * LEAK_PAGE < LEAK_MAX; page++) {
    const answer = await api("api/leaks?size=" + LEAK_PAGE + "&page=" + page);
    total = answer.total;
    leaks.push(...answer.leaks);
    if ((page + 1) * LEAK_PAGE >= total) break;
  }
  document.getElementById("leak-total").textContent = num(total) + " open flags"
      + (leaks.length < total ? " (the oldest " + num(leaks.length) + " are counted below)" : "");
  const groups = new Map();
  leaks.forEach(f => {
    const owner = f.owner.email || f.owner.id || "(no owner)";
    const key = f.kind + "\u0000" + owner;
    const g = groups.get(key) || {kind: f.kind, owner: owner, count: 0, oldest: f.opened};
    g.count++;
    if (f.opened < g.oldest) g.oldest = f.opened;
    groups.set(key, g);
  });
  const sorted = [...groups.values()].sort((a, b) => b.count - a.count || a.kind.localeCompare(b.kind));
  fill(document.querySelector("#leak-summary tbody"), sorted.map(g => el("tr", {},
      cell(g.kind), cell(g.owner), cell(num(g.count), "num"), cell(since(g.oldest) + " ago"))));
  fill(document.querySelector("#leak-list tbody"), leaks.map(f => el("tr", {data: {leakId: f.id}},
      cell(f.kind), cell(f.owner.email || f.owner.id || "(no owner)"), cell(f.stage), cell(since(f.opened) + " ago"),
      el("td", {text: overdue(f.due), title: f.due ? "due " + when(f.due) : ""}), cell(f.cause, "reason"),
      el("td", {}, link(f.links && f.links.hubspot, "HubSpot"), " ", link(f.links && f.links.salesforce, "Salesforce")))));
}

async function showFunnel() {
  const funnel = await api("api/funnel");
  const widest = Math.max(1, ...funnel.stages.map(s => s.reached));
  fill(document.querySelector("#funnel tbody"), funnel.stages.map(s => el("tr", {data: {stage: s.stage}, cls: s.exit ? "muted" : ""},
      cell(s.stage + (s.exit ? " (exit)" : "")), cell(num(s.current), "num"), cell(num(s.reached), "num"),
      el("td", {}, bar(s.reached / widest)),
      cell(s.conversionToNext === null ? null : percent.format(s.conversionToNext), "num"),
      el("td", {cls: "num", text: duration(s.medianSecondsInStage), title: num(s.completedStays) + " ended stays"}))));
}

let loading = null;

async function refresh() {
  if (loading) return loading;
  loading = (async () => {
    const failure = document.getElementById("load-error");
    const results = await Promise.allSettled([api("api/status").then(showStatus), showErrors(), showLeaks(), showFunnel()]);
    const failed = results.filter(r => r.status === "rejected").map(r => r.reason.message);
    failure.hidden = failed.length === 0;
    failure.textContent = failed.join("; ");
    document.getElementById("refreshed").textContent = "updated " + new Date().toLocaleTimeString("en-GB");
    document.body.dataset.loaded = String(Number(document.body.dataset.loaded || 0) + 1);
  })();
  try {
    await loading;
  } finally {
    loading = null;
  }
}

document.getElementById("refresh").addEventListener("click", refresh);
document.getElementById("resync-form").addEventListener("submit", resyncList);
document.getElementById("replay-all").addEventListener("click",
    () => act("Replay of every open and parked letter", "api/dead-letters/replay"));
refresh();
setInterval(refresh, REFRESH_MS);
