#!/usr/bin/env node
// Fake OKX time server for tests. No dependencies (Node >= 18).
//
//   node tests/support/fake-okx.mjs [--port 0] [--skew-ms N] [--latency-ms N] [--fault F]
//
// Prints `LISTENING <port>` on stdout once it accepts connections (bound to 127.0.0.1 only).
//
// GET /api/v5/public/time answers like OKX: {"code":"0","msg":"","data":[{"ts":"<ms>"}]}
//
// --skew-ms N    the server's clock = real time + N ms. So a DEVICE that is AHEAD of OKX by 3 s is
//                simulated with --skew-ms -3000 (server ts = now - 3000), and the offset a client should
//                measure (device - server) is exactly -N.
// --latency-ms N wait N ms after stamping ts and before answering (an asymmetric delay: the stamp is
//                taken when the request arrives).
// --fault F      hang       accept the request and never answer
//                500        HTTP 500 with an OKX-like error body
//                nonjson    HTTP 200 with an HTML body
//                missing-ts {"code":"0","data":[{}]}
//                bad-ts     {"code":"0","data":[{"ts":"soon"}]}
//                okx-error  {"code":"50011","msg":"Too Many Requests","data":[]}
//                no-cors    normal answer but without Access-Control-Allow-Origin
//                (a refused connection cannot be served: tests use a closed port for that)
// Per-request overrides: ?skew_ms=N&latency_ms=N&fault=F on the request URL.
// Otherwise every answer carries `Access-Control-Allow-Origin: *`.
//
// WebSocket: ws://127.0.0.1:<port>/ws/v5/public answers the text `ping` with `pong` and, after a
// tickers subscribe, acknowledges it and pushes {"arg":...,"data":[{"instId":..,"ts":"<ms>"}]} every
// 100 ms with the same --skew-ms (the first push is a snapshot 5 s old, as a stale one may be).
// --latency-ms and --fault do not apply to it.

import http from 'node:http';
import crypto from 'node:crypto';

function parseArgs(argv) {
  const o = { port: 0, skewMs: 0, latencyMs: 0, fault: '' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    switch (a) {
      case '--port': o.port = Number(v); i++; break;
      case '--skew-ms': o.skewMs = Number(v); i++; break;
      case '--latency-ms': o.latencyMs = Number(v); i++; break;
      case '--fault': o.fault = String(v); i++; break;
      default:
        process.stderr.write(`fake-okx: unknown argument ${a}\n`);
        process.exit(2);
    }
  }
  for (const k of ['port', 'skewMs', 'latencyMs']) {
    if (!Number.isFinite(o[k])) {
      process.stderr.write(`fake-okx: ${k} must be a number\n`);
      process.exit(2);
    }
  }
  const known = ['', 'hang', '500', 'nonjson', 'missing-ts', 'bad-ts', 'okx-error', 'no-cors'];
  if (!known.includes(o.fault)) {
    process.stderr.write(`fake-okx: unknown fault ${o.fault} (a refused connection is not served; use a closed port)\n`);
    process.exit(2);
  }
  return o;
}

const opts = parseArgs(process.argv.slice(2));

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  const q = url.searchParams;
  const skew = q.has('skew_ms') ? Number(q.get('skew_ms')) : opts.skewMs;
  const latency = q.has('latency_ms') ? Number(q.get('latency_ms')) : opts.latencyMs;
  const fault = q.has('fault') ? q.get('fault') : opts.fault;
  const ts = Date.now() + skew; // stamped on arrival

  const headers = { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' };
  if (fault !== 'no-cors') headers['Access-Control-Allow-Origin'] = '*';

  if (req.method === 'OPTIONS') {
    res.writeHead(204, headers);
    res.end();
    return;
  }
  if (req.method !== 'GET' || url.pathname !== '/api/v5/public/time') {
    res.writeHead(404, headers);
    res.end(JSON.stringify({ code: '404', msg: 'Not Found', data: [] }));
    return;
  }
  if (fault === 'hang') return; // never answer

  const send = () => {
    let status = 200;
    let body;
    switch (fault) {
      case '500':
        status = 500;
        body = JSON.stringify({ code: '50000', msg: 'Internal error', data: [] });
        break;
      case 'nonjson':
        headers['Content-Type'] = 'text/html';
        body = '<html><body>Service temporarily unavailable</body></html>';
        break;
      case 'missing-ts':
        body = JSON.stringify({ code: '0', data: [{}] });
        break;
      case 'bad-ts':
        body = JSON.stringify({ code: '0', msg: '', data: [{ ts: 'soon' }] });
        break;
      case 'okx-error':
        body = JSON.stringify({ code: '50011', msg: 'Too Many Requests', data: [] });
        break;
      default:
        body = JSON.stringify({ code: '0', msg: '', data: [{ ts: String(Math.floor(ts)) }] });
    }
    res.writeHead(status, headers);
    res.end(body);
  };
  if (latency > 0) setTimeout(send, latency);
  else send();
});

// ---- Minimal WebSocket (RFC 6455) for the fallback method: text frames only.
function wsSend(socket, text) {
  const payload = Buffer.from(text);
  let head;
  if (payload.length < 126) head = Buffer.from([0x81, payload.length]);
  else { head = Buffer.alloc(4); head[0] = 0x81; head[1] = 126; head.writeUInt16BE(payload.length, 2); }
  if (!socket.destroyed) socket.write(Buffer.concat([head, payload]));
}

server.on('upgrade', (req, socket) => {
  const key = req.headers['sec-websocket-key'];
  if (new URL(req.url, 'http://127.0.0.1').pathname !== '/ws/v5/public' || !key) {
    socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
    return;
  }
  const accept = crypto.createHash('sha1').update(key + '258EAFA5-E914-47DA-95CA-C5AB0DC85B11').digest('base64');
  socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
  let buf = Buffer.alloc(0);
  let timer = null;
  const stop = () => { if (timer) clearInterval(timer); timer = null; };
  socket.on('close', stop);
  socket.on('error', stop);
  socket.on('data', (chunk) => {
    buf = Buffer.concat([buf, chunk]);
    while (buf.length >= 2) {
      const opcode = buf[0] & 0x0f;
      let len = buf[1] & 0x7f;
      let off = 2;
      if (len === 126) { if (buf.length < 4) return; len = buf.readUInt16BE(2); off = 4; }
      else if (len === 127) { if (buf.length < 10) return; len = Number(buf.readBigUInt64BE(2)); off = 10; }
      const masked = (buf[1] & 0x80) !== 0;
      const mask = masked ? buf.subarray(off, off + 4) : null;
      if (masked) off += 4;
      if (buf.length < off + len) return;
      const data = Buffer.from(buf.subarray(off, off + len));
      buf = buf.subarray(off + len);
      if (mask) for (let i = 0; i < data.length; i++) data[i] ^= mask[i % 4];
      if (opcode === 0x8) { stop(); socket.end(Buffer.from([0x88, 0])); return; }
      if (opcode !== 0x1) continue;
      const text = data.toString();
      if (text === 'ping') { wsSend(socket, 'pong'); continue; }
      let msg;
      try { msg = JSON.parse(text); } catch { continue; }
      const arg = msg?.args?.[0];
      if (msg.op === 'subscribe' && arg?.channel === 'tickers') {
        wsSend(socket, JSON.stringify({ event: 'subscribe', arg, connId: 'fake0001' }));
        let first = true;
        stop();
        timer = setInterval(() => {
          const ts = Date.now() + opts.skewMs - (first ? 5000 : 0);
          first = false;
          wsSend(socket, JSON.stringify({ arg, data: [{ instId: arg.instId, last: '1', ts: String(Math.floor(ts)) }] }));
        }, 100);
      } else {
        wsSend(socket, JSON.stringify({ event: 'error', code: '60018', msg: 'Wrong URL or channel doesn\'t exist', connId: 'fake0001' }));
      }
    }
  });
});

server.listen(opts.port, '127.0.0.1', () => {
  process.stdout.write(`LISTENING ${server.address().port}\n`);
});

for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => process.exit(0));
// Exit when the parent closes our stdin (keeps orphans from piling up if a test runner dies).
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
