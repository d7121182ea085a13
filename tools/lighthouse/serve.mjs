// A static file server that compresses as a real host does: brotli when
// the browser accepts it, else gzip, for text (HTML, CSS, JS, JSON, SVG,
// XML, CSV); fingerprinted assets cached for a year, everything else
// revalidated. No dependencies; used by run.mjs, or on its own:
//
//   node tools/lighthouse/serve.mjs site/public 8767
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";
import { fileURLToPath } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".png": "image/png",
  ".zip": "application/zip",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};
const COMPRESS = new Set([".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv"]);

// serve starts the server on 127.0.0.1 (port 0: any free one) and returns
// its origin and a close function.
export async function serve(dir, port = 0) {
  const root = resolve(dir);
  const cache = new Map(); // path + encoding → compressed body
  const server = createServer(async (req, res) => {
    try {
      let path = decodeURIComponent(new URL(req.url, "http://x").pathname);
      let file = normalize(join(root, path));
      if (file !== root && !file.startsWith(root + sep)) throw Object.assign(new Error("outside"), { code: "ENOENT" });
      let st = await stat(file).catch(() => null);
      if (st && st.isDirectory()) {
        if (!path.endsWith("/")) {
          res.writeHead(301, { Location: path + "/" }).end();
          return;
        }
        file = join(file, "index.html");
        st = await stat(file).catch(() => null);
      }
      let status = 200;
      if (!st) {
        status = 404;
        file = join(root, "404.html");
      }
      const ext = extname(file);
      let body = await readFile(file);
      const headers = {
        "Content-Type": TYPES[ext] || "application/octet-stream",
        "Cache-Control": /\.[0-9a-f]{32,}\./.test(file) ? "public, max-age=31536000, immutable" : "no-cache",
        Vary: "Accept-Encoding",
      };
      const accept = String(req.headers["accept-encoding"] || "");
      const enc = !COMPRESS.has(ext) ? "" : /\bbr\b/.test(accept) ? "br" : /\bgzip\b/.test(accept) ? "gzip" : "";
      if (enc) {
        const k = file + "\0" + enc;
        if (!cache.has(k)) {
          cache.set(k, enc === "br" ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }) : gzipSync(body, { level: 9 }));
        }
        body = cache.get(k);
        headers["Content-Encoding"] = enc;
      }
      headers["Content-Length"] = body.length;
      res.writeHead(status, headers);
      res.end(req.method === "HEAD" ? undefined : body);
    } catch {
      res.writeHead(500).end();
    }
  });
  await new Promise((ok) => server.listen(port, "127.0.0.1", ok));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((ok) => server.close(ok)) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const s = await serve(process.argv[2] || "site/public", Number(process.argv[3] || 8767));
  console.log(`serving ${process.argv[2] || "site/public"} at ${s.origin}/ (gzip, brotli)`);
}
