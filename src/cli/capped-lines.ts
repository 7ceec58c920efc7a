/**
 * The lines of a byte stream (a file read by `floorboard ingest`), with no line ever held whole: each line keeps at
 * most `keep` characters and the rest is read and dropped chunk by chunk, so that a line of any length (600 MB, a
 * file with no newline at all) costs one chunk and `keep` characters of memory instead of a RangeError. A line ends
 * at "\n" (a "\r" before it is dropped, as numberLines and the file tail do); a last line without one still counts.
 */
import { StringDecoder } from 'node:string_decoder';

export async function* cappedLines(input: AsyncIterable<Buffer | string>, keep: number): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let parts: string[] = [];
  let kept = 0;
  let open = false; // characters (kept or not) since the last line end
  const take = (s: string, from: number, to: number) => {
    if (to > from) open = true;
    const n = Math.min(to - from, keep - kept);
    if (n <= 0) return;
    parts.push(s.slice(from, from + n));
    kept += n;
  };
  const line = () => {
    let text = parts.length === 1 ? parts[0] : parts.join('');
    if (text.endsWith('\r') && text.length < keep) text = text.slice(0, -1);
    parts = [];
    kept = 0;
    open = false;
    return text;
  };
  const split = function* (s: string) {
    let from = 0;
    for (let nl = s.indexOf('\n'); nl !== -1; nl = s.indexOf('\n', from)) {
      take(s, from, nl);
      yield line();
      from = nl + 1;
    }
    take(s, from, s.length);
  };
  for await (const chunk of input) yield* split(typeof chunk === 'string' ? chunk : decoder.write(chunk));
  yield* split(decoder.end());
  if (open) yield line();
}
