import { useEffect, useRef } from 'preact/hooks';
import { overlaps, pickedText, type TextPage, type TextRange } from '../../domain/highlight';
import { t } from '../../i18n';

/**
 * The extracted text, page by page, each word a target: clicking one (or selecting several) picks
 * it for the focused field. The focused or hovered field's span is highlighted and scrolled into
 * view: the fallback for pages without boxes.
 */
export function TextView(props: {
  pages: TextPage[] | null;
  highlight: TextRange | null;
  onPick: (text: string, range: TextRange) => void;
}) {
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    root.current?.querySelector('mark')?.scrollIntoView({ block: 'nearest' });
  }, [props.highlight?.start, props.highlight?.end]);

  if (!props.pages) return <p>{t('common.loading')}</p>;
  if (props.pages.length === 0) return <p>{t('doc.noText')}</p>;

  const rangeOf = (node: Node | null): TextRange | null => {
    const el = (node instanceof Element ? node : node?.parentElement)?.closest<HTMLElement>(
      '[data-start]',
    );
    return el ? { start: Number(el.dataset.start), end: Number(el.dataset.end) } : null;
  };
  const onMouseUp = () => {
    const selection = getSelection();
    if (!selection || selection.isCollapsed || !props.pages) return;
    const a = rangeOf(selection.anchorNode);
    const b = rangeOf(selection.focusNode);
    if (!a || !b) return;
    const range = { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
    props.onPick(pickedText(props.pages, range), range);
    selection.removeAllRanges();
  };
  const onClick = (e: MouseEvent) => {
    if (getSelection()?.isCollapsed === false) return;
    const range = rangeOf(e.target as Node);
    if (range && props.pages) props.onPick(pickedText(props.pages, range), range);
  };

  return (
    <div
      class="text-view"
      ref={root}
      tabIndex={0}
      role="region"
      aria-label={t('doc.text')}
      onMouseUp={onMouseUp}
      onClick={onClick}
    >
      {props.pages.map((page) => (
        <section key={page.page} aria-label={t('doc.page', { page: page.page })}>
          <h3 class="page-label">{t('doc.page', { page: page.page })}</h3>
          <pre>{renderWords(page, props.highlight)}</pre>
        </section>
      ))}
    </div>
  );
}

function renderWords(page: TextPage, highlight: TextRange | null) {
  const out = [];
  let at = page.offset;
  for (const word of page.words) {
    if (word.start > at) out.push(page.text.slice(at - page.offset, word.start - page.offset));
    const attrs = { 'data-start': word.start, 'data-end': word.end, class: 'word' };
    out.push(
      highlight && overlaps(word, highlight) ? (
        <mark {...attrs} data-testid="text-highlight">
          {word.text}
        </mark>
      ) : (
        <span {...attrs}>{word.text}</span>
      ),
    );
    at = word.end;
  }
  if (at - page.offset < page.text.length) out.push(page.text.slice(at - page.offset));
  return out;
}
