// deckgen preview: renders the state the server pushes (server-sent events) into the page.
// Everything shown comes from the state document; texts are set with textContent only.
"use strict";

const $ = (id) => document.getElementById(id);

function connect() {
  const events = new EventSource("/events");
  events.addEventListener("state", (event) => {
    $("offline").hidden = true;
    render(JSON.parse(event.data));
  });
  events.addEventListener("error", () => { $("offline").hidden = false; });
}

function render(state) {
  $("content").textContent = state.content;
  $("template").textContent = state.template;
  $("company").textContent = state.company;
  document.title = `${state.content} – deckgen preview`;
  $("error").hidden = !state.error;
  $("error-text").textContent = state.error || "";
  $("kept").hidden = !state.stale;
  document.body.classList.toggle("stale", Boolean(state.stale));
  const download = $("download");
  download.hidden = !state.filename;
  if (state.filename) download.setAttribute("download", state.filename);
  $("status").textContent = status(state);
  $("pictures-note").textContent = state.pictures || "";
  $("pictures-note").classList.toggle("problem", /^No slide pictures|failed|slow/.test(state.pictures || ""));
  fillList($("deck-warnings"), state.warnings);
  const main = $("slides");
  while (main.children.length > state.slides.length) main.lastElementChild.remove();
  state.slides.forEach((slide, i) => {
    let el = main.children[i];
    if (!el) {
      el = $("slide-template").content.firstElementChild.cloneNode(true);
      main.appendChild(el);
    }
    updateSlide(el, slide);
  });
}

function status(state) {
  if (state.building) return "Building the deck …";
  if (!state.built_at) return state.error ? "Waiting for a fix …" : "";
  const shown = state.slides.filter((s) => s.current).length;
  const built = state.stale ? "Last good build" : "Built";
  let line = `${built} ${state.built_at} in ${state.build_ms} ms`;
  if (!/^No slide pictures/.test(state.pictures || "")) line += ` · pictures ${shown}/${state.slides.length}`;
  const t = state.timing_ms || {};
  if (t.texts !== undefined) {
    line += ` · after the save: texts ${(t.texts / 1000).toFixed(2)} s`;
    if (t.pictures !== undefined) line += `, pictures ${(t.pictures / 1000).toFixed(2)} s`;
  }
  return line;
}

function updateSlide(el, slide) {
  el.id = `slide-${slide.number}`;
  el.dataset.kind = slide.kind;
  el.querySelector(".num").textContent = slide.number;
  el.querySelector(".title").textContent = slide.title;
  el.querySelector(".kind").textContent = slide.kind;
  el.querySelector(".layout").textContent =
    `${slide.layout}${slide.drawn ? " (boxes drawn by deckgen)" : ""} · ${slide.master}`;
  el.querySelector(".reason").textContent = slide.reason;
  fillList(el.querySelector(".warnings"), slide.warnings);
  const texts = el.querySelector(".text-list");
  texts.replaceChildren(...slide.texts.flatMap(([slot, paras]) => {
    const dt = document.createElement("dt");
    dt.textContent = slot;
    const dd = document.createElement("dd");
    dd.textContent = paras.join("\n");
    return [dt, dd];
  }));
  sketch(el, slide);
  picture(el, slide);
}

function sketch(el, slide) {
  el.querySelector(".sketch-title").textContent = slide.title;
  const body = el.querySelector(".sketch-body");
  body.replaceChildren(...slide.texts.filter(([slot]) => slot !== "title").map(([, paras]) => {
    const p = document.createElement("p");
    p.textContent = paras.join("\n");
    return p;
  }));
}

function picture(el, slide) {
  const img = el.querySelector("img");
  const frame = el.querySelector(".frame");
  const shown = slide.picture;
  el.querySelector(".badge").hidden = !shown || slide.current;
  el.classList.toggle("pending", !slide.current);
  if (!shown) {
    img.hidden = true;
    img.removeAttribute("src");
    delete img.dataset.id;
    delete img.dataset.want;
    frame.classList.add("sketching");
    return;
  }
  if (img.dataset.id === shown.id) {
    img.alt = shown.title;
    return;
  }
  if (img.dataset.want === shown.id) return;
  img.dataset.want = shown.id;
  const url = `/slides/${shown.id}.png`;
  const next = new Image();
  next.src = url;
  next.decode().catch(() => {}).then(() => {
    if (img.dataset.want !== shown.id) return; // a newer picture was asked for meanwhile
    img.src = url;
    img.alt = shown.title;
    img.dataset.id = shown.id;
    img.hidden = false;
    frame.classList.remove("sketching");
  });
}

function fillList(list, items) {
  list.replaceChildren(...(items || []).map((text) => {
    const li = document.createElement("li");
    li.textContent = text;
    if (/^(font:|alt text)/.test(text)) li.className = "info";  // remarks, not warnings
    return li;
  }));
  list.hidden = !items || items.length === 0;
}

connect();
