import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TreeNode, TreeSide } from '../../../shared/contract';
import { Ltr } from '../../ui/Bidi';
import { pickTitle, uiLanguage } from '../crosswalks/titles';
import { CountBar } from './CountBar';
import { useTreeNodes, type VisibleNode } from './use-tree-nodes';

/** The source code being dragged: dataTransfer contents are unreadable during dragover. */
let draggedSource: string | null = null;
const DRAG_TYPE = 'application/x-gesher-source-code';

export interface SchemeTreeProps {
  crosswalkId: string;
  side: TreeSide;
  label: string;
  revision: number;
  /** The source node the grid is filtered by. */
  activeCode?: string;
  /** Enter or click on a node's label (source: filter the grid); false lets a group open or close. */
  onActivate?(node: TreeNode): boolean;
  /** Space on a leaf: the keyboard's way to pick a source code for drag-free mapping. */
  onPick?(node: TreeNode): void;
  pickedCode?: string;
  /** A source leaf dropped on this (target) leaf. */
  onDropSource?(sourceCode: string, target: TreeNode): void;
}

/**
 * One scheme as a keyboard tree (WAI-ARIA tree pattern, one tab stop): ↑/↓ move, → opens or
 * goes to the first child, ← closes or goes to the parent (mirrored in Hebrew), Home/End, Enter
 * activates. Children load when a node first opens.
 */
export function SchemeTree(props: SchemeTreeProps) {
  const { crosswalkId, side, label, revision, activeCode, onActivate, onDropSource } = props;
  const { onPick, pickedCode } = props;
  const { t, i18n } = useTranslation('hierarchy');
  const lang = uiLanguage(i18n.language);
  const { visible, expanded, toggle, error, loading } = useTreeNodes(crosswalkId, side, revision);
  const [focused, setFocused] = useState<string | null>(null);
  const [dropOver, setDropOver] = useState<string | null>(null);
  const list = useRef<HTMLUListElement>(null);
  const focusIndex = Math.max(
    0,
    visible.findIndex((v) => v.node.code === focused),
  );

  const focusCode = (code: string) => {
    setFocused(code);
    list.current?.querySelector<HTMLElement>(`[data-code="${CSS.escape(code)}"]`)?.focus();
  };
  // Keep DOM focus on the focused row after children load or rows re-render.
  useEffect(() => {
    const el = document.activeElement;
    if (focused && el instanceof HTMLElement && list.current?.contains(el)) {
      if (el.dataset.code !== focused)
        list.current.querySelector<HTMLElement>(`[data-code="${CSS.escape(focused)}"]`)?.focus();
    }
  }, [focused, visible.length]);

  const onKey = (e: KeyboardEvent, v: VisibleNode, index: number) => {
    const rtl = document.documentElement.dir === 'rtl';
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
    const back = rtl ? 'ArrowRight' : 'ArrowLeft';
    const open = !v.node.isLeaf && expanded.has(v.node.code);
    const go = (i: number) => {
      const target = visible[Math.min(visible.length - 1, Math.max(0, i))];
      if (target) focusCode(target.node.code);
    };
    let handled = true;
    if (e.key === 'ArrowDown') go(index + 1);
    else if (e.key === 'ArrowUp') go(index - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(visible.length - 1);
    else if (e.key === forward) {
      if (!v.node.isLeaf && !open) toggle(v.node.code, true);
      else if (open) go(index + 1);
    } else if (e.key === back) {
      if (open) toggle(v.node.code, false);
      else if (v.parentKey) focusCode(v.parentKey);
    } else if (e.key === 'Enter') {
      if (!onActivate?.(v.node) && !v.node.isLeaf) toggle(v.node.code);
    } else if (e.key === ' ' && onPick && v.node.isLeaf) onPick(v.node);
    else handled = false;
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  const dropProps = (node: TreeNode) =>
    side === 'target' && node.isLeaf && onDropSource
      ? {
          onDragOver: (e: DragEvent) => {
            if (draggedSource === null) return;
            e.preventDefault();
            e.dataTransfer.dropEffect = 'link';
            setDropOver(node.code);
          },
          onDragLeave: () => setDropOver((c) => (c === node.code ? null : c)),
          onDrop: (e: DragEvent) => {
            e.preventDefault();
            setDropOver(null);
            const code = e.dataTransfer.getData(DRAG_TYPE) || draggedSource;
            draggedSource = null;
            if (code) onDropSource(code, node);
          },
        }
      : {};

  const dragProps = (node: TreeNode) =>
    side === 'source' && node.isLeaf
      ? {
          draggable: true,
          onDragStart: (e: DragEvent) => {
            draggedSource = node.code;
            e.dataTransfer.setData(DRAG_TYPE, node.code);
            e.dataTransfer.setData('text/plain', node.code);
            e.dataTransfer.effectAllowed = 'link';
          },
          onDragEnd: () => {
            draggedSource = null;
          },
        }
      : {};

  return (
    <section className="scheme-tree" data-testid={`tree-${side}`}>
      <h3 className="tree-label" id={`tree-label-${side}`}>
        {label}
      </h3>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {loading && <p className="muted">{t('common:loading')}</p>}
      <ul className="tree" role="tree" aria-labelledby={`tree-label-${side}`} ref={list}>
        {visible.map((v, index) => {
          const { node } = v;
          const title = pickTitle(lang, node.titleHe, node.titleEn);
          const open = expanded.has(node.code);
          const active = activeCode === node.code;
          return (
            <li
              key={node.code}
              role="treeitem"
              aria-level={v.depth}
              aria-posinset={v.posInSet}
              aria-setsize={v.setSize}
              aria-expanded={node.isLeaf ? undefined : open}
              aria-selected={active}
              tabIndex={index === focusIndex ? 0 : -1}
              data-code={node.code}
              data-testid={`tree-${side}-node-${node.code}`}
              className={`tree-node${active ? ' active' : ''}${dropOver === node.code ? ' drop-over' : ''}${pickedCode === node.code ? ' picked' : ''}${node.status === 'deprecated' ? ' deprecated' : ''}`}
              style={{ paddingInlineStart: `${(v.depth - 1) * 14 + 2}px` }}
              onKeyDown={(e) => onKey(e, v, index)}
              onFocus={() => setFocused(node.code)}
              {...dragProps(node)}
              {...dropProps(node)}
            >
              <button
                type="button"
                tabIndex={-1}
                className="twisty"
                aria-hidden="true"
                disabled={node.isLeaf}
                // Only opens or closes: never the label's click, which filters the grid.
                onClick={(e) => {
                  e.stopPropagation();
                  toggle(node.code);
                }}
              >
                {node.isLeaf ? '' : open ? '▾' : document.documentElement.dir === 'rtl' ? '◂' : '▸'}
              </button>
              <span
                className="tree-text"
                onClick={() => {
                  setFocused(node.code);
                  if (!onActivate?.(node) && !node.isLeaf) toggle(node.code);
                }}
              >
                <Ltr className="tree-code">{node.code}</Ltr>{' '}
                {title && (
                  <span
                    className="tree-title"
                    lang={title.lang}
                    dir={title.lang === 'he' ? 'rtl' : 'ltr'}
                    title={title.text}
                  >
                    {title.text}
                  </span>
                )}
              </span>
              <CountBar counts={node.counts} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
