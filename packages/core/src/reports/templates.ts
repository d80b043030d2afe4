/** Reply templates use {{name}} placeholders; every one must be filled before a reply is sent. */
const PLACEHOLDER = /\{\{\s*([a-zA-Z][a-zA-Z0-9_]{0,39})\s*\}\}/g;

export function placeholdersOf(body: string): string[] {
  return [...new Set([...body.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

export interface FilledTemplate { text: string; missing: string[] }

/** Fills what it can; `missing` lists placeholders without a non-blank value (the reply is refused then). */
export function fillTemplate(body: string, values: Readonly<Record<string, string | undefined>>): FilledTemplate {
  const missing = placeholdersOf(body).filter((k) => !values[k]?.trim());
  const text = body.replace(PLACEHOLDER, (whole, k: string) => values[k]?.trim() || whole);
  return { text, missing };
}
