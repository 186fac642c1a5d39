import { useState } from 'preact/hooks';
import { DOC_TYPES, DOCUMENT_STATUSES, type DocumentQuery } from '../../api/types';
import { dayBounds, localDay } from '../../domain/days';
import { t } from '../../i18n';
import { ChoiceFilter } from '../choice-filter';

export type Filters = Pick<
  DocumentQuery,
  'status' | 'docType' | 'batchId' | 'createdFrom' | 'createdTo'
>;

/** Status, type, batch and creation days; applied together (the list and the counts follow). */
export function FilterForm({
  filters,
  onApply,
}: {
  filters: Filters;
  onApply: (f: Filters) => void;
}) {
  const [draft, setDraft] = useState(filters);
  const set = (name: keyof Filters) => (e: Event) => {
    const value = (e.target as HTMLInputElement).value;
    setDraft((d) => ({ ...d, [name]: value || undefined }));
  };
  const submit = (e: Event) => {
    e.preventDefault();
    const { createdFrom: _from, createdTo: _to, ...rest } = draft;
    onApply({ ...rest, ...dayBounds(draft.createdFrom, draft.createdTo) });
  };
  return (
    <form class="filters" onSubmit={submit} aria-label={t('inbox.filters')}>
      <ChoiceFilter
        label={t('inbox.status')}
        value={draft.status}
        choices={DOCUMENT_STATUSES}
        name={(s) => t(`status.${s}`)}
        onChange={(status) => setDraft((d) => ({ ...d, status }))}
      />
      <ChoiceFilter
        label={t('inbox.type')}
        value={draft.docType}
        choices={DOC_TYPES}
        name={(d) => t(`docType.${d}`)}
        onChange={(docType) => setDraft((d) => ({ ...d, docType }))}
      />
      <label>
        {t('inbox.batch')}
        <input
          value={draft.batchId ?? ''}
          onInput={set('batchId')}
          pattern="[0-9a-fA-F-]{36}"
          size={20}
        />
      </label>
      <fieldset class="days">
        <legend>{t('inbox.createdDays')}</legend>
        <label>
          {t('inbox.from')}
          <input type="date" value={localDay(draft.createdFrom)} onInput={set('createdFrom')} />
        </label>
        <label>
          {t('inbox.to')}
          <input type="date" value={localDay(draft.createdTo)} onInput={set('createdTo')} />
        </label>
      </fieldset>
      <button type="submit">{t('common.apply')}</button>
      <button
        type="button"
        class="secondary"
        onClick={() => {
          setDraft({});
          onApply({});
        }}
      >
        {t('common.clear')}
      </button>
    </form>
  );
}
