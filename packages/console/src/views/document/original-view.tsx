import { useEffect, useRef, useState } from 'preact/hooks';
import { fetchBlob } from '../../api/client';
import type { DocumentView } from '../../api/types';
import { useConsole } from '../../context';
import type { PageBox, TextRange } from '../../domain/highlight';
import { boxesForText, type PageWord } from '../../domain/page-text';
import { t } from '../../i18n';
import { CanvasHolder, PageView } from './page-view';
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
 * layer) where the field's text is found on the page. Clicking a word on a page, or dragging a box
 * around words, picks them for the focused field: the API's words (OCR'd scans and images, and
 * PDFs read since words were kept), else the PDF's text layer.
 */
export function OriginalView(props: {
  doc: DocumentView;
  boxes: PageBox[];
  /** The API's words by page; pages it has none for are absent. */
  words: ReadonlyMap<number, PageWord[]>;
  needle: string | null;
  onPick: (text: string, range?: TextRange) => void;
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
        <PageView
          page={1}
          words={props.words.get(1) ?? []}
          boxes={props.boxes.filter((b) => b.page === 1)}
          onPick={props.onPick}
        >
          <img src={preview.url} alt={props.doc.filename} />
        </PageView>
      )}
      {preview.kind === 'pdf' &&
        preview.pages.map((p) => (
          <PageView
            key={p.page}
            page={p.page}
            words={props.words.get(p.page) ?? p.words}
            boxes={boxesOn(p.page, p.items)}
            onPick={props.onPick}
          >
            <CanvasHolder canvas={p.canvas} />
          </PageView>
        ))}
    </div>
  );
}
