import { createEventStreamParser, parseEventBlock, readServerSentEvents } from '../../src';

const STREAM =
  'retry: 3000\n\nevent: snapshot\ndata: {"a":1}\n\n: heartbeat\n\nid: e1\nevent: document.scanned\ndata: {"b":2}\n\n';
const MESSAGES = [
  { event: 'snapshot', data: '{"a":1}' },
  { event: 'document.scanned', id: 'e1', data: '{"b":2}' },
];

describe('reading a text/event-stream', () => {
  it('when text is fed in chunks cut anywhere, then each message comes out once and whole, comments and retry skipped', () => {
    for (const size of [1, 3, 7, STREAM.length]) {
      const seen: unknown[] = [];
      const feed = createEventStreamParser((m) => seen.push(m));
      for (let i = 0; i < STREAM.length; i += size) feed(STREAM.slice(i, i + size));
      expect([size, seen]).toEqual([size, MESSAGES]);
    }
  });

  it('when lines end in CRLF split between chunks, then the messages are the same', () => {
    const crlf = STREAM.replace(/\n/g, '\r\n');
    const seen: unknown[] = [];
    const feed = createEventStreamParser((m) => seen.push(m));
    for (let i = 0; i < crlf.length; i += 2) feed(crlf.slice(i, i + 2));
    expect(seen).toEqual(MESSAGES);
  });

  it('when a body of bytes is read, then multi-byte characters split across chunks stay whole', async () => {
    const bytes = new TextEncoder().encode(`${STREAM}data: señal €\n\n`);
    async function* chunks() {
      for (let i = 0; i < bytes.length; i += 5) yield bytes.slice(i, i + 5);
    }
    const seen = [];
    for await (const m of readServerSentEvents(chunks())) seen.push(m);
    expect(seen).toEqual([...MESSAGES, { event: 'message', data: 'señal €' }]);
  });

  it('when a block has several data lines or only a comment, then data joins with newlines or there is no message', () => {
    expect(parseEventBlock('data: one\ndata: two')).toEqual({ event: 'message', data: 'one\ntwo' });
    expect(parseEventBlock(': heartbeat')).toBeNull();
  });
});
