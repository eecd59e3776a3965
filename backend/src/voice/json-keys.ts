/**
 * Hot-path JSON field lookup by text search, for the few message shapes read without
 * JSON.parse (Twilio media and marks, Realtime audio deltas).
 *
 * `key` is a field name and what follows it, without the opening quote (`payload":"`): V8's
 * search for a pattern that starts with `"` stumbles on every quote of the JSON and is 3–4×
 * slower on these messages. The match must follow a quote; inside a JSON string every quote
 * is escaped, so `name":"` can never match there.
 */
export function valueStart(raw: string, key: string, from = 0): number {
  let k = raw.indexOf(key, from);
  while (k > 0 && raw.charCodeAt(k - 1) !== 34 /* " */) k = raw.indexOf(key, k + 1);
  return k > 0 ? k + key.length : -1;
}
