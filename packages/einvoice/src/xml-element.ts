/**
 * One element of a parsed XML document, namespace prefixes removed: `name` is the local name,
 * `ns` the namespace URI it was declared in ('' for none). Attributes are keyed by local name
 * (namespace declarations dropped); `text` is the element's own text (CDATA included), trimmed.
 */
export interface XmlElement {
  name: string;
  ns: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** The first child named `name` (local name), if any. */
export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.name === name);
}

/** All children named `name`, in document order. */
export function children(el: XmlElement | undefined, name: string): XmlElement[] {
  return el ? el.children.filter((c) => c.name === name) : [];
}

/** The element's trimmed text, or null when the element is absent or empty. */
export function text(el: XmlElement | undefined): string | null {
  return el && el.text !== '' ? el.text : null;
}

/** An attribute's value by local name, or null. */
export function attribute(el: XmlElement | undefined, name: string): string | null {
  const value = el?.attributes[name];
  return value === undefined || value === '' ? null : value;
}

/** The first element along a path of child names (`SellerTradeParty/PostalTradeAddress/CityName`). */
export function at(el: XmlElement | undefined, path: string): XmlElement | undefined {
  let current = el;
  for (const step of path.split('/')) {
    if (!current) return undefined;
    current = child(current, step);
  }
  return current;
}

/** Every element reached by a path of child names, all branches followed, in document order. */
export function all(el: XmlElement | undefined, path: string): XmlElement[] {
  let current: XmlElement[] = el ? [el] : [];
  for (const step of path.split('/')) current = current.flatMap((c) => children(c, step));
  return current;
}

/** The text at a path, or null. */
export function textAt(el: XmlElement | undefined, path: string): string | null {
  return text(at(el, path));
}

/** The first descendant (depth first, `el` excluded) named `name`. */
export function descendant(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined;
  const stack = [...el.children].reverse();
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (next.name === name) return next;
    for (let i = next.children.length - 1; i >= 0; i--) stack.push(next.children[i]!);
  }
  return undefined;
}
