import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { fetchBlob } from '../../api/client';
import type { DocumentView } from '../../api/types';
import { useConsole } from '../../context';
import type { PageBox } from '../../domain/highlight';
import { boxBetween, boxesForText, textInBox, wordAt, wordsOf } from '../../domain/page-text';
import { t } from '../../i18n';
import { renderPdf, type RenderedPage } from './pdf-pages';

type Preview =
  | { kind: 'loading' }
  | { kind: 'pdf'; pages: RenderedPage[] }
  | { kind: 'image'; url: string }
  | { kind: 'none' }
  | { kind: 'error'; message: string };

const IMAGE_TYPES = ['png', 'jpeg', 'webp'];

/**
 * The original on the left: PDF pages through pdf.js, images as they are. The focused field's
 * boxes are drawn over the page: the API's boxes when it has them, otherwise (PDFs with a text
 * layer) where the field's text is found on the page. Clicking a word of a PDF page, or dragging
 * a box around words, picks them for the focused field.
 */
export function OriginalView(props: {
  doc: DocumentView;
  boxes: PageBox[];
  needle: string | null;
  onPick: (text: string) => void;
}) {
  const { session } = useConsole();
  const [preview, setPreview] = useState<Preview>({ kind: 'loading' });
  const frame = useRef<HTMLDivElement>(null);
  const type = props.doc.scan?.detectedType ?? null;

  useEffect(() => {
    let url: string | null = null;
    let live = true;
    const load = async () => {
      if (props.doc.purgedAt || (type !== 'pdf' && !IMAGE_TYPES.includes(type ?? '')))
        return setPreview({ kind: 'none' });
      const blob = await fetchBlob(session.key, props.doc.links.file);
      if (!live) return;
      if (type === 'pdf') {
        const width = Math.max(320, Math.min(900, frame.current?.clientWidth ?? 600));
        const pages = await renderPdf(await blob.arrayBuffer(), width);
        if (live) setPreview({ kind: 'pdf', pages });
      } else {
        url = URL.createObjectURL(blob);
        setPreview({ kind: 'image', url });
      }
    };
    load().catch((err: Error) => live && setPreview({ kind: 'error', message: err.message }));
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [props.doc.id]);

  const boxesOn = (page: number, items: RenderedPage['items']): PageBox[] => {
    if (props.boxes.length > 0) return props.boxes.filter((b) => b.page === page);
    return props.needle ? boxesForText(items, props.needle) : [];
  };

  return (
    <div class="original" ref={frame}>
      {preview.kind === 'loading' && <p>{t('common.loading')}</p>}
      {preview.kind === 'none' && <p class="hint">{t('doc.noPreview')}</p>}
      {preview.kind === 'error' && (
        <p class="error" role="alert">
          {t('doc.fileGone', { message: preview.message })}
        </p>
      )}
      {preview.kind === 'image' && (
        <div class="page page-frame">
          <img src={preview.url} alt={props.doc.filename} />
          <Boxes boxes={props.boxes.filter((b) => b.page === 1)} />
        </div>
      )}
      {preview.kind === 'pdf' &&
        preview.pages.map((p) => (
          <PdfPage key={p.page} page={p} boxes={boxesOn(p.page, p.items)} onPick={props.onPick} />
        ))}
    </div>
  );
}

/** A drag shorter than this (a fraction of the page) is a click on a word. */
const CLICK_SLOP = 0.006;

/**
 * One rendered PDF page with the focused field's boxes over it. A click on a word of its text
 * layer picks that word; a box dragged with the mouse or a pen picks the words inside it. A touch
 * only taps (a finger dragging scrolls the page).
 */
function PdfPage(props: { page: RenderedPage; boxes: PageBox[]; onPick: (text: string) => void }) {
  const { page } = props;
  const words = useMemo(() => wordsOf(page.items), [page]);
  const [drag, setDrag] = useState<{ from: Point; to: Point; drawn: boolean } | null>(null);
  const at = (e: PointerEvent): Point => {
    const rect = (e.currentTarget as HTMLElement).getBoundingClientRect();
    return [(e.clientX - rect.left) / rect.width, (e.clientY - rect.top) / rect.height];
  };
  const finish = (e: PointerEvent) => {
    if (!drag) return;
    const to = at(e);
    setDrag(null);
    const box = boxBetween(page.page, drag.from, to);
    const text =
      box.width < CLICK_SLOP && box.height < CLICK_SLOP
        ? wordAt(words, to[0], to[1])
        : textInBox(words, box);
    if (text) props.onPick(text);
  };
  return (
    <figure class="page" data-page={page.page}>
      <div class="page-frame">
        <div
          class="page-canvas"
          data-testid="page-canvas"
          ref={(el) => {
            if (el && el.firstChild !== page.canvas) el.replaceChildren(page.canvas);
          }}
          onPointerDown={(e) => {
            if (e.button !== 0) return;
            const drawn = e.pointerType !== 'touch';
            if (drawn) {
              e.preventDefault(); // no text selection or image drag while drawing
              (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
            }
            setDrag({ from: at(e), to: at(e), drawn });
          }}
          onPointerMove={(e) => drag?.drawn && setDrag({ ...drag, to: at(e) })}
          onPointerUp={finish}
          onPointerCancel={() => setDrag(null)}
        />
        <Boxes boxes={props.boxes} />
        {drag?.drawn && <Boxes boxes={[boxBetween(page.page, drag.from, drag.to)]} drawing />}
      </div>
      <figcaption>{t('doc.page', { page: page.page })}</figcaption>
    </figure>
  );
}

type Point = [number, number];

/** Boxes over a page (fractions of it): the focused field's, or the one being drawn. */
function Boxes({ boxes, drawing = false }: { boxes: PageBox[]; drawing?: boolean }) {
  return (
    <>
      {boxes.map((b, i) => (
        <span
          key={i}
          class={drawing ? 'drag-box' : 'box'}
          data-testid={drawing ? 'page-drag' : 'page-highlight'}
          style={{
            left: `${b.x * 100}%`,
            top: `${b.y * 100}%`,
            width: `${b.width * 100}%`,
            height: `${b.height * 100}%`,
          }}
        />
      ))}
    </>
  );
}
