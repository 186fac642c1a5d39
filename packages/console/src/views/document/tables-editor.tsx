import { csvColumns } from '../../domain/csv';
import type { ReviewDraft } from '../../domain/review-draft';
import { t } from '../../i18n';
import { fieldLabel } from '../../i18n/field-labels';

/** Line items, tax lines and transactions as editable tables (add and remove rows). */
export function TablesEditor(props: {
  tables: ReviewDraft['tables'];
  readOnly: boolean;
  onEdit: (table: string, row: number, column: string, text: string) => void;
  onAddRow: (table: string) => void;
  onRemoveRow: (table: string, row: number) => void;
  onFocusCell: (key: string) => void;
}) {
  const names = Object.keys(props.tables);
  if (names.length === 0) return null;
  return (
    <section class="tables">
      <h2>{t('doc.tables')}</h2>
      {names.map((name) => {
        const rows = props.tables[name]!;
        const columns = csvColumns(rows);
        return (
          <div class="table-scroll" key={name} tabIndex={0}>
            <table class="editable" aria-label={fieldLabel(name)}>
              <caption>{fieldLabel(name)}</caption>
              <thead>
                <tr>
                  {columns.map((c) => (
                    <th scope="col">{fieldLabel(c)}</th>
                  ))}
                  <th scope="col">
                    <span class="visually-hidden">—</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row, r) => (
                  <tr key={r}>
                    {columns.map((c) => (
                      <td>
                        <input
                          aria-label={`${fieldLabel(name)} ${r + 1} ${fieldLabel(c)}`}
                          value={row[c]?.text ?? ''}
                          disabled={props.readOnly}
                          onFocus={() => props.onFocusCell(`${name}/${r}/${c}`)}
                          onInput={(e) =>
                            props.onEdit(name, r, c, (e.target as HTMLInputElement).value)
                          }
                        />
                      </td>
                    ))}
                    <td>
                      <button
                        type="button"
                        class="secondary small"
                        disabled={props.readOnly}
                        aria-label={t('doc.removeRow', { row: r + 1 })}
                        onClick={() => props.onRemoveRow(name, r)}
                      >
                        ×
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <button
              type="button"
              class="secondary small"
              disabled={props.readOnly}
              onClick={() => props.onAddRow(name)}
            >
              {t('doc.addRow')}
            </button>
          </div>
        );
      })}
    </section>
  );
}
