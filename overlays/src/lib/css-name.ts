/** A name usable in a class: `hype_train.begin` → `hype-train-begin`. */
export function cssName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
}
