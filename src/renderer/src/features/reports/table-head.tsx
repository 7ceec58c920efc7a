/** A table's header row from its column titles; an empty title is a column of buttons, named for screen readers. */
export function TableHead({ titles }: { titles: readonly string[] }) {
  return (
    <thead>
      <tr>
        {titles.map((t, i) => (
          <th key={i} scope="col">
            {t === '' ? <span className="visually-hidden">Actions</span> : t}
          </th>
        ))}
      </tr>
    </thead>
  );
}
