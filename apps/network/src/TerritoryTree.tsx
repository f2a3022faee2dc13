// The territory hierarchy as a WAI-ARIA tree: one tab stop, arrows move (Up/Down), open and close
// (Right/Left), Home/End jump, Enter opens the territory's page. Territories above the user's own
// are shown for context and cannot be opened.
import type { RouterOutputs } from '@caremap/api-client';
import { navigate } from '@caremap/ui';
import { type KeyboardEvent, useMemo, useRef, useState } from 'react';
import { kindLabelKey } from './kinds';
import { useT } from './translate';

export type TreeItem = RouterOutputs['territory']['tree']['items'][number];

interface Node {
  item: TreeItem;
  children: Node[];
  depth: number;
}

export const territoryHref = (id: string) => `/network/territories/${id}`;

function buildForest(items: TreeItem[]): Node[] {
  const byId = new Map(items.map((item) => [item.id, { item, children: [] as Node[], depth: 0 }]));
  const roots: Node[] = [];
  for (const node of byId.values()) {
    const parent = node.item.parentId ? byId.get(node.item.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const setDepth = (nodes: Node[], depth: number) => {
    for (const n of nodes) {
      n.depth = depth;
      setDepth(n.children, depth + 1);
    }
  };
  setDepth(roots, 1);
  return roots;
}

export function TerritoryTree({
  items,
  label,
  currentId,
}: {
  items: TreeItem[];
  label: string;
  currentId?: string;
}) {
  const { t } = useT();
  const forest = useMemo(() => buildForest(items), [items]);
  // Open down to the user's own territories at first; the rest stays closed.
  const [expanded, setExpanded] = useState<Set<string>>(
    () => new Set(items.filter((i) => !i.inScope || i.kind === 'region').map((i) => i.id)),
  );
  const visible: Node[] = [];
  const walk = (nodes: Node[]) => {
    for (const n of nodes) {
      visible.push(n);
      if (expanded.has(n.item.id)) walk(n.children);
    }
  };
  walk(forest);
  const [activeId, setActiveId] = useState<string | undefined>(currentId);
  const active =
    visible.find((n) => n.item.id === activeId) ?? visible.find((n) => n.item.inScope) ?? visible[0];
  const refs = useRef(new Map<string, HTMLLIElement>());
  const focus = (id: string) => {
    setActiveId(id);
    refs.current.get(id)?.focus();
  };
  const toggle = (id: string, open?: boolean) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (open ?? !next.has(id)) next.add(id);
      else next.delete(id);
      return next;
    });

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>, node: Node) => {
    const index = visible.indexOf(node);
    const open = expanded.has(node.item.id);
    const handled = () => {
      event.preventDefault();
      event.stopPropagation();
    };
    switch (event.key) {
      case 'ArrowDown':
        handled();
        if (visible[index + 1]) focus(visible[index + 1]!.item.id);
        return;
      case 'ArrowUp':
        handled();
        if (index > 0) focus(visible[index - 1]!.item.id);
        return;
      case 'ArrowRight':
        handled();
        if (node.children.length === 0) return;
        if (!open) toggle(node.item.id, true);
        else focus(node.children[0]!.item.id);
        return;
      case 'ArrowLeft':
        handled();
        if (open && node.children.length > 0) toggle(node.item.id, false);
        else if (node.item.parentId && visible.some((n) => n.item.id === node.item.parentId))
          focus(node.item.parentId);
        return;
      case 'Home':
        handled();
        if (visible[0]) focus(visible[0].item.id);
        return;
      case 'End':
        handled();
        if (visible.at(-1)) focus(visible.at(-1)!.item.id);
        return;
      case 'Enter':
      case ' ':
        handled();
        if (node.item.inScope) navigate(territoryHref(node.item.id));
        else toggle(node.item.id);
        return;
    }
  };

  const render = (nodes: Node[]) =>
    nodes.map((node) => {
      const { item } = node;
      const hasChildren = node.children.length > 0;
      const open = expanded.has(item.id);
      return (
        <li
          key={item.id}
          ref={(el) => {
            if (el) refs.current.set(item.id, el);
            else refs.current.delete(item.id);
          }}
          role="treeitem"
          aria-level={node.depth}
          aria-expanded={hasChildren ? open : undefined}
          aria-selected={item.id === currentId}
          aria-current={item.id === currentId ? 'page' : undefined}
          tabIndex={active?.item.id === item.id ? 0 : -1}
          className="terr-tree__item"
          onKeyDown={(e) => onKeyDown(e, node)}
          onFocus={(e) => {
            if (e.target === e.currentTarget) setActiveId(item.id);
          }}
        >
          <span className="terr-tree__row">
            {hasChildren ? (
              <span
                className="terr-tree__toggle"
                aria-hidden="true"
                onClick={(e) => {
                  e.stopPropagation();
                  toggle(item.id);
                }}
              >
                {open ? '▾' : '▸'}
              </span>
            ) : (
              <span className="terr-tree__toggle" aria-hidden="true" />
            )}
            {item.inScope ? (
              <a
                href={territoryHref(item.id)}
                tabIndex={-1}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(territoryHref(item.id));
                }}
              >
                {item.name}
              </a>
            ) : (
              <span className="terr-tree__context">{item.name}</span>
            )}
            <span className="terr-tree__kind">
              {t(kindLabelKey[item.kind])}
              {item.assigned ? (
                <>
                  {' '}
                  <span className="cm-badge cm-badge--muted">{t('territories.assignedBadge')}</span>
                </>
              ) : null}
            </span>
          </span>
          {hasChildren && open ? (
            // biome-ignore lint/a11y/useSemanticElements: a WAI-ARIA tree's nested list is a group
            <ul role="group">{render(node.children)}</ul>
          ) : null}
        </li>
      );
    });

  return (
    // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: the WAI-ARIA tree pattern is a list with tree roles
    <ul role="tree" aria-label={label} className="terr-tree">
      {render(forest)}
    </ul>
  );
}
