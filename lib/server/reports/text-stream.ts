// Streamed downloads: string pieces produced on demand (an async generator that reads the
// database batch by batch) become a byte stream for a Response body. The stream pulls: nothing
// is read ahead of what the client has taken beyond one chunk, so memory stays flat however long
// the document. Pieces are gathered into chunks of a few tens of KB (one write per claim line
// would cost more in framing than in text); the very first piece (the document's header) leaves
// at once, so the client gets its first bytes before any claim is written.
import 'server-only';

/** Characters gathered before a chunk is sent: ~32–96 KB of UTF-8 on the wire. */
export const STREAM_CHUNK_CHARS = 32 * 1024;

/**
 * A byte stream of the concatenated `pieces`. When producing a piece fails after the response
 * has started (a database read), the failure is logged and the stream errored, so the client
 * sees a broken download rather than a file that silently stops short.
 */
export function textStream(
  pieces: AsyncIterable<string>,
  options: { label: string; chunkChars?: number },
): ReadableStream<Uint8Array> {
  const chunkChars = options.chunkChars ?? STREAM_CHUNK_CHARS;
  const encoder = new TextEncoder();
  const iterator = pieces[Symbol.asyncIterator]();
  let first = true;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let pending = '';
      try {
        while (pending.length < chunkChars) {
          const next = await iterator.next();
          if (next.done) {
            if (pending) controller.enqueue(encoder.encode(pending));
            controller.close();
            return;
          }
          pending += next.value;
          if (first && pending) break;
        }
        first = false;
        controller.enqueue(encoder.encode(pending));
      } catch (error) {
        console.error(`Streaming ${options.label} failed after the response started:`, error);
        controller.error(error);
      }
    },
    async cancel() {
      // The client went away: stop reading (the generator's finally blocks run).
      await iterator.return?.();
    },
  });
}
