/*
 * Service worker for 卫生监督检查 (jiandu).
 *
 * scripts/postbuild.py fills in VERSION and PRECACHE for every build, so the
 * bytes of sw.js change whenever any file of the build changes. That byte
 * change is what makes the browser install a new worker: a cache-first worker
 * with a fixed cache name would keep serving the first build forever.
 *
 * Every build gets its own cache "jiandu-<VERSION>", filled all-or-nothing at
 * install and read only through this version's cache (never the global
 * caches.match()), so an index.html of one build is never combined with the
 * wasm/js of another. Old caches are removed only when the new worker
 * activates, i.e. after the page has agreed to switch (SKIP_WAITING) or all
 * tabs of the old version are closed.
 *
 * Message protocol (page -> worker):
 *   {type: "SKIP_WAITING"}  waiting worker activates now; the page then gets
 *                           "controllerchange" and should reload.
 *   {type: "GET_VERSION"}   replies {type: "VERSION", version} on
 *                           event.ports[0] if a MessageChannel port was sent,
 *                           otherwise via event.source.postMessage.
 */
"use strict";

const VERSION = "__BUILD_VERSION__";
const PRECACHE = [/*__PRECACHE__*/];

const CACHE_PREFIX = "jiandu-";
const CACHE = CACHE_PREFIX + VERSION;

// The scope is the folder sw.js was registered from (e.g. https://host/jiandu/).
// PRECACHE entries are relative to sw.js, which sits in that same folder.
const SCOPE = self.registration.scope;
const INDEX_KEY = new URL("./", self.location.href).href;
const INDEX_HTML_KEY = new URL("./index.html", self.location.href).href;

// Deep-link pages: every "./<name>/index.html" stub in PRECACHE. A navigation
// to <scope><name>, <scope><name>/ or <scope><name>/index.html is answered with
// a redirect to <scope>#/<name> (hash routing), online or offline.
const ROUTES = new Set(
  PRECACHE.map((p) => /^\.\/([A-Za-z0-9_-]+)\/index\.html$/.exec(p))
    .filter(Boolean)
    .map((m) => m[1]),
);

self.addEventListener("install", (event) => {
  // {cache: "reload"} bypasses the HTTP cache so we never store a stale file
  // under the new version. addAll() is atomic: if any request fails the
  // install fails, nothing of this version is used and the old worker keeps
  // serving. No skipWaiting() here: the page decides when to switch so that
  // unsaved edits can be flushed first.
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache
        .addAll(
          PRECACHE.map(
            (path) => new Request(new URL(path, self.location.href).href, { cache: "reload" }),
          ),
        )
        .catch(async (err) => {
          // Don't leave an empty "jiandu-<VERSION>" behind. Only an empty cache
          // is removed, so a complete cache of this version is never touched.
          if ((await cache.keys()).length === 0) await caches.delete(CACHE);
          throw err;
        }),
    ),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  const data = event.data;
  const type = typeof data === "string" ? data : data && data.type;
  if (type === "SKIP_WAITING") {
    self.skipWaiting();
  } else if (type === "GET_VERSION") {
    const reply = { type: "VERSION", version: VERSION, cache: CACHE };
    if (event.ports && event.ports[0]) {
      event.ports[0].postMessage(reply);
    } else if (event.source) {
      event.source.postMessage(reply);
    }
  }
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  // Only our own origin and only inside our scope; everything else goes to
  // the network untouched (the CSP allows nothing else anyway).
  if (url.origin !== self.location.origin || !url.href.startsWith(SCOPE)) return;

  if (request.mode === "navigate") {
    event.respondWith(handleNavigation(request, url));
  } else {
    event.respondWith(handleAsset(request));
  }
});

async function handleNavigation(request, url) {
  const rel = url.pathname.slice(new URL(SCOPE).pathname.length);

  // The app itself: "<scope>", "<scope>index.html", with any query string.
  if (rel === "" || rel === "index.html") {
    const cache = await caches.open(CACHE);
    const cached = (await cache.match(INDEX_KEY)) || (await cache.match(INDEX_HTML_KEY));
    if (cached) return cleanResponse(cached);
    return networkOrError(request);
  }

  // Deep links ("plans", "plans/", "plans/index.html") -> "<scope>#/plans".
  // Redirect rather than serve index.html here: at /jiandu/plans/ its
  // relative URLs (./boot-….js) would point into the wrong folder.
  const m = /^([A-Za-z0-9_-]+)(?:\/(?:index\.html)?)?$/.exec(rel);
  if (m && ROUTES.has(m[1])) {
    return Response.redirect(SCOPE + "#/" + m[1], 302);
  }

  // Anything else inside the scope: whatever the server has; offline, the app.
  try {
    return await fetch(request);
  } catch (_err) {
    return Response.redirect(SCOPE, 302);
  }
}

async function handleAsset(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  // Not part of this build (e.g. version.json, or a request made while the
  // cache is incomplete): plain network, nothing is stored.
  return networkOrError(request);
}

async function networkOrError(request) {
  try {
    return await fetch(request);
  } catch (_err) {
    return new Response("离线：此资源未缓存 (offline, not cached)", {
      status: 503,
      statusText: "Service Unavailable",
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
}

// A response that was redirected on the way into the cache (e.g. a server that
// redirects "/jiandu" to "/jiandu/") must not be used for a navigation as is:
// browsers reject redirected responses for requests with redirect mode
// "manual". Copy it into a fresh, non-redirected Response.
async function cleanResponse(response) {
  if (!response.redirected) return response;
  const body = await response.blob();
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
