import type { ReactNode } from 'react';

export interface Column {
  label: string;
  /** Right-aligned figures. */
  num?: boolean;
  /** Read by screen readers only (an actions column). */
  hidden?: boolean;
}

/** A card-wrapped table whose rows become labelled cards on a phone (cells carry `data-label`). */
export function Table({ caption, columns, children }: { caption: string; columns: readonly Column[]; children: ReactNode }) {
  return (
    <div className="card table-card">
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.label} scope="col" className={c.num ? 'num' : undefined}>
                {c.hidden ? <span className="visually-hidden">{c.label}</span> : c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
