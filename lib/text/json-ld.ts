// JSON that can be pasted as is into `<script type="application/ld+json">` (the ClaimReview and
// W3C Web Annotation exports are made for that). Inside a script element the HTML parser ends
// the element at `</script` and treats `<!--` specially, whatever the JSON means; `&` matters in
// XHTML; U+2028 and U+2029 end a line in older JavaScript parsers. Each is written as its JSON
// escape (`\u003c`, `\u003e`, `\u0026`, `\u2028`, `\u2029`): the text parses to the same value.
// None of these characters can occur in JSON outside a string, so escaping them in the whole
// text is escaping them in the strings.

const UNSAFE = /[<>&\u2028\u2029]/g;

const ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/** JSON text (from JSON.stringify, whole or a piece of it) made safe to embed in HTML. */
export function escapeJsonLd(json: string): string {
  return json.replace(UNSAFE, (character) => ESCAPES[character]!);
}

/** `JSON.stringify(value, null, indent)`, safe to embed in `<script type="application/ld+json">`. */
export function stringifyJsonLd(value: unknown, indent?: number): string {
  return escapeJsonLd(JSON.stringify(value, null, indent));
}
