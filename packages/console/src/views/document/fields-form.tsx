import { DOC_TYPES } from '../../api/types';
import type { DraftField, ReviewDraft } from '../../domain/review-draft';
import { t } from '../../i18n';
import { fieldLabel } from '../../i18n/field-labels';
import { ConfidenceBadge } from '../status';

/** The document type and each field with its confidence; focusing or hovering one highlights it. */
export function FieldsForm(props: {
  draft: ReviewDraft;
  active: string | null;
  readOnly: boolean;
  onType: (docType: string) => void;
  onEdit: (name: string, text: string) => void;
  onFocusField: (name: string) => void;
  onHover: (name: string | null) => void;
}) {
  const names = Object.keys(props.draft.fields);
  return (
    <fieldset class="fields" disabled={props.readOnly}>
      <legend>{t('doc.fields')}</legend>
      <label class="field">
        <span class="field-name">{t('doc.type')}</span>
        <select
          value={props.draft.docType}
          onChange={(e) => props.onType((e.target as HTMLSelectElement).value)}
        >
          {DOC_TYPES.map((d) => (
            <option value={d}>{t(`docType.${d}`)}</option>
          ))}
        </select>
      </label>
      {names.length === 0 && <p>{t('doc.noFields')}</p>}
      {names.map((name) => (
        <FieldRow
          key={name}
          name={name}
          field={props.draft.fields[name]!}
          active={props.active === name}
          onEdit={(text) => props.onEdit(name, text)}
          onFocus={() => props.onFocusField(name)}
          onHover={(on) => props.onHover(on ? name : null)}
        />
      ))}
    </fieldset>
  );
}

function FieldRow(props: {
  name: string;
  field: DraftField;
  active: boolean;
  onEdit: (text: string) => void;
  onFocus: () => void;
  onHover: (on: boolean) => void;
}) {
  const id = `field-${props.name}`;
  const confidence = props.field.changed ? 1 : (props.field.original?.confidence ?? null);
  return (
    <div
      class={`field${props.active ? ' active' : ''}${props.field.changed ? ' changed' : ''}`}
      data-field={props.name}
      onMouseEnter={() => props.onHover(true)}
      onMouseLeave={() => props.onHover(false)}
    >
      <label class="field-name" for={id}>
        {fieldLabel(props.name)}
      </label>
      <input
        id={id}
        value={props.field.text}
        aria-describedby={`${id}-confidence`}
        onFocus={props.onFocus}
        onInput={(e) => props.onEdit((e.target as HTMLInputElement).value)}
      />
      <span id={`${id}-confidence`} class="field-meta">
        <ConfidenceBadge confidence={confidence} />
        {!props.field.original?.span && !props.field.span && (
          <span class="hint"> · {t('doc.noSpan')}</span>
        )}
      </span>
    </div>
  );
}
