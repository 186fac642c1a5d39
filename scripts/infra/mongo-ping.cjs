#!/usr/bin/env node
// Minimal MongoDB wire-protocol health probe with no dependencies (used by scripts/infra.sh).
// Sends OP_MSG { ping: 1, $db: 'admin' } over a raw TCP socket; exits 0 when the reply has ok: 1.
//
//   node scripts/infra/mongo-ping.cjs [mongodb://127.0.0.1:27017] [timeoutMs]
//
// Only the first host of the URL is used; credentials and options are ignored (ping needs no auth).
'use strict';

const net = require('node:net');

const OP_MSG = 2013;

function parseHostPort(url) {
  const rest = url.replace(/^mongodb(\+srv)?:\/\//, '');
  const hosts = rest.split('/')[0].split('@').pop();
  const first = hosts.split(',')[0];
  const ipv6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(first);
  if (ipv6) {
    return { host: ipv6[1], port: Number(ipv6[2] || 27017) };
  }
  const [host, port] = first.split(':');
  return { host: host || '127.0.0.1', port: Number(port || 27017) };
}

// BSON for { ping: 1 (int32), $db: 'admin' }, encoded by hand.
function pingDocument() {
  const parts = [
    Buffer.from([0x10]),
    Buffer.from('ping\0', 'latin1'),
    int32(1),
    Buffer.from([0x02]),
    Buffer.from('$db\0', 'latin1'),
    int32('admin'.length + 1),
    Buffer.from('admin\0', 'latin1'),
    Buffer.from([0x00]),
  ];
  const body = Buffer.concat(parts);
  return Buffer.concat([int32(body.length + 4), body]);
}

function int32(n) {
  const b = Buffer.alloc(4);
  b.writeInt32LE(n, 0);
  return b;
}

function opMsg(doc, requestId) {
  const header = Buffer.alloc(16);
  const flagBits = Buffer.alloc(4);
  const sectionKind = Buffer.from([0x00]);
  const length = header.length + flagBits.length + sectionKind.length + doc.length;
  header.writeInt32LE(length, 0);
  header.writeInt32LE(requestId, 4);
  header.writeInt32LE(0, 8); // responseTo
  header.writeInt32LE(OP_MSG, 12);
  return Buffer.concat([header, flagBits, sectionKind, doc]);
}

// Reads the top-level fields of a BSON document we care about (numbers, strings, booleans).
function readTopLevel(doc) {
  const out = {};
  let i = 4;
  const end = doc.readInt32LE(0) - 1;
  while (i < end) {
    const type = doc[i];
    i += 1;
    const nameEnd = doc.indexOf(0, i);
    const name = doc.toString('utf8', i, nameEnd);
    i = nameEnd + 1;
    switch (type) {
      case 0x01: // double
        out[name] = doc.readDoubleLE(i);
        i += 8;
        break;
      case 0x02: {
        // string
        const len = doc.readInt32LE(i);
        out[name] = doc.toString('utf8', i + 4, i + 4 + len - 1);
        i += 4 + len;
        break;
      }
      case 0x03: // document
      case 0x04: // array
        i += doc.readInt32LE(i);
        break;
      case 0x05: // binary
        i += 4 + 1 + doc.readInt32LE(i);
        break;
      case 0x07: // ObjectId
        i += 12;
        break;
      case 0x08: // boolean
        out[name] = doc[i] === 1;
        i += 1;
        break;
      case 0x0a: // null
        out[name] = null;
        break;
      case 0x10: // int32
        out[name] = doc.readInt32LE(i);
        i += 4;
        break;
      case 0x09: // datetime
      case 0x11: // timestamp
        i += 8;
        break;
      case 0x12: // int64
        out[name] = Number(doc.readBigInt64LE(i));
        i += 8;
        break;
      case 0x13: // decimal128
        i += 16;
        break;
      default:
        return out; // a type we do not need; stop here
    }
  }
  return out;
}

function main() {
  const url = process.argv[2] || 'mongodb://127.0.0.1:27017';
  const timeoutMs = Number(process.argv[3] || 3000);
  const { host, port } = parseHostPort(url);
  const requestId = Math.floor(Math.random() * 0x7fffffff);

  let received = Buffer.alloc(0);
  const socket = net.connect({ host, port });
  const fail = (message) => {
    process.stderr.write(`mongo-ping: ${host}:${port}: ${message}\n`);
    socket.destroy();
    process.exit(1);
  };
  socket.setTimeout(timeoutMs, () => fail(`no reply within ${timeoutMs} ms`));
  socket.on('error', (err) => fail(err.message));
  socket.on('connect', () => socket.write(opMsg(pingDocument(), requestId)));
  socket.on('data', (chunk) => {
    received = Buffer.concat([received, chunk]);
    if (received.length < 4 || received.length < received.readInt32LE(0)) {
      return;
    }
    const opCode = received.readInt32LE(12);
    const responseTo = received.readInt32LE(8);
    if (opCode !== OP_MSG || responseTo !== requestId) {
      fail(`unexpected reply (opCode ${opCode}, responseTo ${responseTo})`);
    }
    // header (16) + flagBits (4) + section kind (1), then the BSON body
    const reply = readTopLevel(received.subarray(21));
    if (reply.ok !== 1) {
      fail(`ping failed: ${JSON.stringify(reply)}`);
    }
    process.stdout.write('ok\n');
    socket.end();
    process.exit(0);
  });
}

main();
