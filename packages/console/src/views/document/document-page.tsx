import { useEffect, useMemo, useState } from 'preact/hooks';
import { ok } from '../../api/client';
import type { DocumentView } from '../../api/types';
import { useConsole } from '../../context';
import { layoutPages, locateField, type TextPage, type TextRange } from '../../domain/highlight';
import { documentWords, fieldBoxes, NO_WORDS, type DocumentWords } from '../../domain/page-words';
import {
  draftFrom,
  type DraftField,
  type FieldValue,
  type ReviewDraft,
} from '../../domain/review-draft';
import { formatDate, t } from '../../i18n';
import { navigate } from '../../router';
import { Link } from '../link';
import { ErrorNote, StatusBadge } from '../status';
import { approve, nextToReview, setFlash, takeFlash } from './approve';
import { FieldsForm } from './fields-form';
import { Findings, Timeline } from './history';
import { OriginalView } from './original-view';
import { TablesEditor } from './tables-editor';
import { TextView } from './text-view';

const FINAL = ['published', 'rejected', 'failed', 'cancelled'];
const REVIEWABLE = ['needs_review', 'classified', 'published'];

/** One document: the original and its text on the left, the fields to check on the right. */
export function DocumentPage({ id }: { id: string }) {
  const { api } = useConsole();
  const [doc, setDoc] = useState<DocumentView | null>(null);
  const [pages, setPages] = useState<TextPage[] | null>(null);
  const [words, setWords] = useState<DocumentWords>(NO_WORDS);
  const [draft, setDraft] = useState<ReviewDraft | null>(null);
  const [active, setActive] = useState<string | null>(null);
  const [hovered, setHovered] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(takeFlash);

  const show = (view: DocumentView) => {
    setDoc(view);
    setDraft(draftFrom(view.result as Parameters<typeof draftFrom>[0]));
  };
  useEffect(() => {
    ok(api.GET('/v1/documents/{id}', { params: { path: { id } } })).then(show, setError);
    const query = { include: 'words' } as const;
    ok(api.GET('/v1/documents/{id}/text', { params: { path: { id }, query } })).then(
      (text) => {
        setPages(layoutPages(text.pages));
        setWords(documentWords(text));
      },
      () => setPages([]),
    );
  }, [id]);

  const focusedField = hovered ?? active;
  const field = useMemo(() => fieldByKey(draft, focusedField), [draft, focusedField]);
  const location = locateField(field?.span ? { span: field.span } : (field?.original ?? undefined));
  const boxes =
    location.boxes.length > 0 || !field || !focusedField
      ? location.boxes
      : fieldBoxes(words, focusedField, field);
  const needle = field ? neededText(field, pages, location.range) : null;

  if (error && !doc) return <ErrorNote error={error} />;
  if (!doc || !draft) return <p>{t('common.loading')}</p>;

  const editable = REVIEWABLE.includes(doc.status);
  const update = (next: ReviewDraft) => setDraft(next);
  const pick = (text: string, range?: TextRange) => {
    if (!active || !editable) return;
    update(setField(draft, active, text, range));
    document.getElementById(inputIdOf(active))?.focus();
  };
  const act = async (what: 'retry' | 'cancel') => {
    setBusy(true);
    try {
      const path = what === 'retry' ? '/v1/documents/{id}/retry' : '/v1/documents/{id}/cancel';
      show(await ok(api.POST(path, { params: { path: { id } }, body: {} } as never)));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const onApprove = async () => {
    setBusy(true);
    setError(null);
    setNote(t('doc.approving'));
    try {
      const result = await approve(api, doc, draft);
      const message =
        result.revision !== null
          ? `${doc.filename}: ${t('doc.approved', { revision: result.revision })}`
          : `${doc.filename}: ${t('doc.approvedPending')}`;
      show(result.doc);
      const next = await nextToReview(api, doc.id);
      if (next) {
        setFlash(message);
        navigate(`/documents/${next}`);
      } else setNote(`${message} ${t('doc.noNext')}`);
    } catch (err) {
      setError(err);
      setNote(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <article class="document">
      <div class="heading-row">
        <Link to="/">← {t('doc.back')}</Link>
        <h1>{doc.filename}</h1>
        <StatusBadge status={doc.status} />
        {doc.revision !== null && (
          <span class="badge">{t('doc.revision', { revision: doc.revision })}</span>
        )}
      </div>
      {note && (
        <p class="note" role="status" data-testid="review-note">
          {note}
        </p>
      )}
      <ErrorNote error={error} />
      {doc.rejection && (
        <p class="error">
          {t('doc.rejection', { reason: doc.rejection.reason, message: doc.rejection.message })}
        </p>
      )}
      {doc.result?.reviewed && (
        <p class="hint">
          {t('doc.reviewedBy', {
            by: doc.result.reviewed.by,
            at: formatDate(doc.result.reviewed.at),
          })}
        </p>
      )}
      <div class="split">
        <div class="pane left">
          <h2 class="visually-hidden">{t('doc.original')}</h2>
          {editable && <p class="hint">{t('doc.pageHint')}</p>}
          <OriginalView doc={doc} boxes={boxes} words={words.pages} needle={needle} onPick={pick} />
          <h2>{t('doc.text')}</h2>
          <p class="hint">{t('doc.textHint')}</p>
          <TextView pages={pages} highlight={location.range} onPick={pick} />
        </div>
        <div class="pane right">
          {!editable && (
            <p class="hint">{t('doc.notReviewable', { status: t(`status.${doc.status}`) })}</p>
          )}
          <FieldsForm
            draft={draft}
            active={active}
            readOnly={!editable || busy}
            onType={(docType) => update({ ...draft, docType })}
            onEdit={(name, text) => update(setField(draft, name, text))}
            onFocusField={setActive}
            onHover={setHovered}
          />
          <TablesEditor
            tables={draft.tables}
            readOnly={!editable || busy}
            onFocusCell={setActive}
            onEdit={(table, row, column, text) =>
              update(setField(draft, `${table}/${row}/${column}`, text))
            }
            onAddRow={(table) => update(addRow(draft, table))}
            onRemoveRow={(table, row) =>
              update({
                ...draft,
                tables: {
                  ...draft.tables,
                  [table]: draft.tables[table]!.filter((_, i) => i !== row),
                },
              })
            }
          />
          <div class="actions" role="group" aria-label={t('doc.actions')}>
            {editable && (
              <button type="button" class="primary" disabled={busy} onClick={onApprove}>
                {t('doc.approve')}
              </button>
            )}
            {doc.status === 'failed' && (
              <button type="button" class="secondary" disabled={busy} onClick={() => act('retry')}>
                {t('doc.retry')}
              </button>
            )}
            {!FINAL.includes(doc.status) && (
              <button type="button" class="danger" disabled={busy} onClick={() => act('cancel')}>
                {t('doc.cancel')}
              </button>
            )}
          </div>
          <Findings doc={doc} />
          <Timeline doc={doc} />
        </div>
      </div>
    </article>
  );
}

/** Field keys: `name` for a field, `table/row/column` for a table cell. */
function fieldByKey(draft: ReviewDraft | null, key: string | null): DraftField | null {
  if (!draft || !key) return null;
  const [table, row, column] = key.split('/');
  if (column === undefined) return draft.fields[key] ?? null;
  return draft.tables[table!]?.[Number(row)]?.[column] ?? null;
}

function inputIdOf(key: string): string {
  return key.includes('/') ? '' : `field-${key}`;
}

function setField(draft: ReviewDraft, key: string, text: string, span?: TextRange): ReviewDraft {
  const old = fieldByKey(draft, key);
  const next: DraftField = {
    text,
    original: old?.original ?? null,
    changed: true,
    ...(span ? { span } : old?.span ? { span: old.span } : {}),
  };
  const [table, row, column] = key.split('/');
  if (column === undefined) return { ...draft, fields: { ...draft.fields, [key]: next } };
  const rows = [...(draft.tables[table!] ?? [])];
  rows[Number(row)] = { ...rows[Number(row)], [column]: next };
  return { ...draft, tables: { ...draft.tables, [table!]: rows } };
}

function addRow(draft: ReviewDraft, table: string): ReviewDraft {
  const rows = draft.tables[table] ?? [];
  const columns = Object.keys(rows[0] ?? {});
  const empty = Object.fromEntries(
    columns.map((c) => [c, { text: '', original: null, changed: true } satisfies DraftField]),
  );
  return { ...draft, tables: { ...draft.tables, [table]: [...rows, empty] } };
}

/** The text to find on a PDF page for a field: as found (raw), else as the span reads. */
function neededText(
  field: DraftField,
  pages: TextPage[] | null,
  range: TextRange | null,
): string | null {
  const original: FieldValue | null = field.original;
  if (field.changed) return field.text || null;
  if (original?.raw) return original.raw;
  if (range && pages)
    return pages
      .map((p) => p.text)
      .join('\f')
      .slice(range.start, range.end);
  return original ? String(original.value ?? '') || null : null;
}
