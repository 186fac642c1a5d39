import type { ComponentChild, HTMLAttributes } from 'preact';

/** One column of a list: its header (empty: an actions column) and what each row shows in it. */
export interface Column<T> {
  header: string;
  cell: (row: T, index: number) => ComponentChild;
  /** The cell names its row (a `th scope="row"`). */
  rowHeader?: boolean;
  class?: string;
}

/**
 * Every list of the console (documents, records, stages, dead letters, jobs, tenants): a table
 * with column headers, scrollable sideways on a narrow screen (focusable, so keys scroll it too).
 */
export function ListTable<T>(props: {
  label?: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => string;
  /** Extra attributes of a row (a class, a click handler, data attributes). */
  rowProps?: (
    row: T,
    index: number,
  ) => HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string>;
}) {
  return (
    <div class="table-scroll" tabIndex={0}>
      <table class="list" aria-label={props.label}>
        <thead>
          <tr>
            {props.columns.map((c, i) => (
              <th scope="col" key={i}>
                {c.header || <span class="visually-hidden">—</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row, r) => (
            <tr key={props.rowKey(row, r)} {...props.rowProps?.(row, r)}>
              {props.columns.map((c, i) =>
                c.rowHeader ? (
                  <th scope="row" key={i} class={c.class}>
                    {c.cell(row, r)}
                  </th>
                ) : (
                  <td key={i} class={c.class}>
                    {c.cell(row, r)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
