import { t } from '../i18n';

/** A filter picking one of `choices` by name, or all of them (the empty first option). */
export function ChoiceFilter<V extends string>(props: {
  label: string;
  value: V | undefined;
  choices: readonly V[];
  name: (choice: V) => string;
  onChange: (value: V | undefined) => void;
}) {
  return (
    <label>
      {props.label}
      <select
        value={props.value ?? ''}
        onChange={(e) => props.onChange(((e.target as HTMLSelectElement).value || undefined) as V)}
      >
        <option value="">{t('common.all')}</option>
        {props.choices.map((c) => (
          <option value={c}>{props.name(c)}</option>
        ))}
      </select>
    </label>
  );
}
