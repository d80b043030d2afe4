import { SaxesParser } from 'saxes';
import { XlsxError } from './limits';

export interface XmlHandlers {
  /** element names without their namespace prefix (x:row → row); attributes keep theirs (r:id) */
  open?(name: string, attrs: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
}

/** Thrown by a handler to stop reading early; parseXml returns normally. */
export class StopParsing extends Error {}

const local = (name: string) => { const i = name.indexOf(':'); return i < 0 ? name : name.slice(i + 1); };

/**
 * Streams XML through saxes (a conformant SAX parser: linear time, no DTD entity expansion) and a
 * streaming UTF-8 decoder, so a multi-byte character split across two inflated chunks is joined,
 * never garbled. Malformed XML, or nesting past maxDepth, is an XlsxError('malformed').
 */
export async function parseXml(chunks: AsyncIterable<Buffer>, h: XmlHandlers, maxDepth: number): Promise<void> {
  const parser = new SaxesParser({ position: false });
  const decoder = new TextDecoder('utf-8');
  let depth = 0;
  parser.on('opentag', (tag) => {
    if (++depth > maxDepth) throw new XlsxError('malformed', `XML nested deeper than ${maxDepth}`);
    h.open?.(local(tag.name), tag.attributes as Record<string, string>);
  });
  parser.on('closetag', (tag) => { depth--; h.close?.(local(tag.name)); });
  if (h.text) { parser.on('text', h.text); parser.on('cdata', h.text); }
  try {
    for await (const chunk of chunks) parser.write(decoder.decode(chunk, { stream: true }));
    parser.write(decoder.decode());
    parser.close();
  } catch (err) {
    if (err instanceof StopParsing) return;
    throw err instanceof XlsxError ? err : new XlsxError('malformed', (err as Error).message);
  }
}
