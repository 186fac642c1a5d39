import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { PageBox, TextRange } from '../../domain/highlight';
import { boxBetween, pickOf, wordsInBox, wordUnder, type PageWord } from '../../domain/page-text';
import { t } from '../../i18n';

/** A drag shorter than this (a fraction of the page) is a click on a word. */
const CLICK_SLOP = 0.006;

type Point = [number, number];

/**
 * One page of the original (a rendered PDF page or an image) with the focused field's boxes over
 * it. Where the page has words with boxes (the API's, from OCR or the PDF, or else the PDF's text
 * layer), a click on a word picks it and a box dragged with the mouse or a pen picks the words
 * inside it, with their offsets in the text when the words have them; a touch only taps (a finger
 * dragging scrolls the page).
 */
export function PageView(props: {
  page: number;
  words: readonly PageWord[];
  boxes: PageBox[];
  onPick: (text: string, range?: TextRange) => void;
  /** The page's picture, filling the frame. */
  children: ComponentChildren;
}) {
  const [drag, setDrag] = useState<{ from: Point; to: Point; drawn: boolean } | null>(null);
  const pickable = props.words.length > 0;
  const at = (e: PointerEvent): Point => {
    const rect = (e.currentTarget as HTMLElement).getBoundingClientRect();
    return [(e.clientX - rect.left) / rect.width, (e.clientY - rect.top) / rect.height];
  };
  const finish = (e: PointerEvent) => {
    if (!drag) return;
    const to = at(e);
    setDrag(null);
    const box = boxBetween(props.page, drag.from, to);
    const words =
      box.width < CLICK_SLOP && box.height < CLICK_SLOP
        ? [wordUnder(props.words, to[0], to[1])].filter((w) => w !== undefined)
        : wordsInBox(props.words, box);
    const picked = pickOf(words);
    if (picked) props.onPick(picked.text, picked.range);
  };
  const picking = pickable
    ? {
        onPointerDown: (e: PointerEvent) => {
          if (e.button !== 0) return;
          const drawn = e.pointerType !== 'touch';
          if (drawn) {
            e.preventDefault(); // no text selection or image drag while drawing
            (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
          }
          setDrag({ from: at(e), to: at(e), drawn });
        },
        onPointerMove: (e: PointerEvent) => drag?.drawn && setDrag({ ...drag, to: at(e) }),
        onPointerUp: finish,
        onPointerCancel: () => setDrag(null),
      }
    : {};
  return (
    <figure class="page" data-page={props.page}>
      <div class="page-frame">
        <div
          class={`page-canvas${pickable ? ' pickable' : ''}`}
          data-testid="page-canvas"
          {...picking}
        >
          {props.children}
        </div>
        <Boxes boxes={props.boxes} />
        {drag?.drawn && <Boxes boxes={[boxBetween(props.page, drag.from, drag.to)]} drawing />}
      </div>
      <figcaption>{t('doc.page', { page: props.page })}</figcaption>
    </figure>
  );
}

/** A canvas drawn elsewhere (pdf.js), placed in the page. */
export function CanvasHolder({ canvas }: { canvas: HTMLCanvasElement }) {
  return (
    <div
      ref={(el) => {
        if (el && el.firstChild !== canvas) el.replaceChildren(canvas);
      }}
    />
  );
}

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
