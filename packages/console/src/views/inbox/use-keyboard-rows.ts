import type { RefObject } from 'preact';
import { useEffect, useState } from 'preact/hooks';

const ROW_LINKS = 'a.row-link';

/**
 * j/k move the focus between the row links under `root` (Enter then follows the link); focusing a
 * row another way (Tab, a click) makes it the current one. Keys typed into a form field are left
 * alone. Returns the index of the current row (-1 before any).
 */
export function useKeyboardRows(root: RefObject<HTMLElement | null>, count: number): number {
  const [selected, setSelected] = useState(-1);
  useEffect(() => {
    const links = () => [...(root.current?.querySelectorAll<HTMLAnchorElement>(ROW_LINKS) ?? [])];
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON'].includes(target.tagName)) return;
      if (e.ctrlKey || e.metaKey || e.altKey || (e.key !== 'j' && e.key !== 'k')) return;
      e.preventDefault();
      const next = Math.max(0, Math.min(count - 1, selected + (e.key === 'j' ? 1 : -1)));
      setSelected(next);
      links()[next]?.focus();
    };
    const onFocus = (e: FocusEvent) => {
      const index = links().indexOf(e.target as HTMLAnchorElement);
      if (index >= 0) setSelected(index);
    };
    const el = root.current;
    addEventListener('keydown', onKey);
    el?.addEventListener('focusin', onFocus);
    return () => {
      removeEventListener('keydown', onKey);
      el?.removeEventListener('focusin', onFocus);
    };
  }, [count, selected, root.current]);
  return selected;
}
