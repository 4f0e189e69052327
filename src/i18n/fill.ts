// Catalogue strings stay plain text with {name} slots, so translators see whole sentences.

/** Replaces each {key} in `template` with its value; unknown slots are left as written. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (slot, key: string) => (key in values ? String(values[key]) : slot));
}
