import type { JurisdictionView } from '@tianlang/contracts';

export interface JurisdictionNode {
  item: JurisdictionView;
  children: JurisdictionNode[];
}

const bySortThenCode = (a: JurisdictionNode, b: JurisdictionNode) =>
  a.item.sort - b.item.sort || a.item.code.localeCompare(b.item.code);

/**
 * The API returns the user's scope as a flat list; the roots are the items whose parent is
 * outside that list (the whole tree for a city admin, a district subtree for a district admin).
 */
export function buildTree(items: readonly JurisdictionView[]): JurisdictionNode[] {
  const nodes = new Map(items.map((item) => [item.id, { item, children: [] as JurisdictionNode[] }]));
  const roots: JurisdictionNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.item.parentId ? nodes.get(node.item.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sortDeep = (list: JurisdictionNode[]) => {
    list.sort(bySortThenCode);
    list.forEach((n) => sortDeep(n.children));
  };
  sortDeep(roots);
  return roots;
}

/** Keeps nodes whose name or code matches, together with their ancestors. */
export function filterTree(nodes: JurisdictionNode[], query: string): JurisdictionNode[] {
  const q = query.trim().toLowerCase();
  if (!q) return nodes;
  const out: JurisdictionNode[] = [];
  for (const node of nodes) {
    const children = filterTree(node.children, q);
    const hit = node.item.name.toLowerCase().includes(q) || node.item.code.toLowerCase().includes(q);
    if (hit || children.length > 0) out.push({ item: node.item, children: hit && children.length === 0 ? node.children : children });
  }
  return out;
}

export function allIds(nodes: JurisdictionNode[]): string[] {
  return nodes.flatMap((n) => [n.item.id, ...allIds(n.children)]);
}

/** Names from the top of the user's scope down to the given item. */
export function pathNames(items: readonly JurisdictionView[], id: string): string[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const names: string[] = [];
  for (let cur = byId.get(id); cur; cur = cur.parentId ? byId.get(cur.parentId) : undefined) names.unshift(cur.name);
  return names;
}
