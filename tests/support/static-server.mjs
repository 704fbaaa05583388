// A plain static file server for dist/ (no SPA fallback, so missing deep-link files show up as
// real 404s). Used by `./dev serve` and by the end-to-end tests.
//   node tests/support/static-server.mjs --dir dist [--port 8080|0] [--host 127.0.0.1] [--prefix /some/path/] [--gzip] [--spa-fallback]
// --gzip compresses text and wasm for clients that accept it, as static hosts do (used by
// `./dev speed` and `./dev lighthouse`; the tests serve uncompressed).
// --spa-fallback answers a missing path with index.html and status 200, as a host with a
// single-page-app rewrite does (one e2e test checks the site copes with such hosts).
// Prints "LISTENING <port>" once it accepts connections.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : dflt;
};
const root = path.resolve(opt("dir", "dist"));
const port = Number(opt("port", "8080"));
const host = opt("host", "127.0.0.1");
// Serve the directory under this URL prefix (to test sub-folder builds).
let prefix = opt("prefix", "/");
if (!prefix.startsWith("/")) prefix = "/" + prefix;
if (!prefix.endsWith("/")) prefix += "/";
const gzip = args.includes("--gzip");
const spaFallback = args.includes("--spa-fallback");
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".wasm", ".json", ".svg", ".txt", ".xml"]);
const gzCache = new Map(); // path → { mtimeMs, body }
function gzipped(file, stat) {
  const hit = gzCache.get(file);
  if (hit && hit.mtimeMs === stat.mtimeMs) return hit.body;
  const body = zlib.gzipSync(fs.readFileSync(file), { level: 9 });
  gzCache.set(file, { mtimeMs: stat.mtimeMs, body });
  return body;
}

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".wasm": "application/wasm", ".json": "application/json",
  ".svg": "image/svg+xml", ".png": "image/png", ".ico": "image/x-icon", ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
};

/** The 404 page nearest to `rel` (as Cloudflare Pages does: `zh/x/y` gets `zh/404.html` when there is
 *  one, else the root's). */
function nearest404(rel) {
  const parts = String(rel ?? "").split("/").filter((p) => p && p !== ".." && p !== ".");
  for (let n = parts.length; n > 0; n--) {
    const page = path.join(root, ...parts.slice(0, n), "404.html");
    if (page.startsWith(root + path.sep) && fs.existsSync(page)) return page;
  }
  return path.join(root, "404.html");
}

function notFound(res, rel) {
  const page = spaFallback ? path.join(root, "index.html") : nearest404(rel);
  res.statusCode = spaFallback ? 200 : 404;
  if (fs.existsSync(page)) {
    res.setHeader("Content-Type", TYPES[".html"]);
    fs.createReadStream(page).pipe(res);
  } else {
    res.setHeader("Content-Type", TYPES[".txt"]);
    res.end("404 not found\n");
  }
}

const server = http.createServer((req, res) => {
  let url;
  try {
    url = new URL(req.url, "http://localhost");
  } catch {
    res.statusCode = 400;
    return res.end("bad request\n");
  }
  let pathname;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return notFound(res);
  }
  if (pathname.includes("\0")) return notFound(res);
  if (!pathname.startsWith(prefix)) {
    if (pathname + "/" === prefix) {
      res.statusCode = 301;
      res.setHeader("Location", prefix + url.search);
      return res.end();
    }
    return notFound(res);
  }
  const rel = pathname.slice(prefix.length);
  const file = path.resolve(root, "." + path.posix.normalize("/" + rel));
  if (file !== root && !file.startsWith(root + path.sep)) return notFound(res, rel);
  let stat;
  try {
    stat = fs.statSync(file);
  } catch {
    return notFound(res, rel);
  }
  let target = file;
  if (stat.isDirectory()) {
    if (!url.pathname.endsWith("/")) {
      res.statusCode = 301;
      res.setHeader("Location", url.pathname + "/" + url.search);
      return res.end();
    }
    target = path.join(file, "index.html");
    if (!fs.existsSync(target)) return notFound(res, rel);
  }
  res.setHeader("Content-Type", TYPES[path.extname(target)] || "application/octet-stream");
  res.setHeader("Cache-Control", "no-cache");
  if (gzip && COMPRESSIBLE.has(path.extname(target))) {
    res.setHeader("Vary", "Accept-Encoding");
    if (/\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
      const body = gzipped(target, fs.statSync(target));
      res.setHeader("Content-Encoding", "gzip");
      res.setHeader("Content-Length", body.length);
      return res.end(req.method === "HEAD" ? undefined : body);
    }
  }
  if (req.method === "HEAD") return res.end();
  fs.createReadStream(target).pipe(res);
});

server.listen(port, host, () => {
  console.log(`LISTENING ${server.address().port}`);
});
