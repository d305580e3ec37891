// The departments in the signed-in member's scope and the open work of their services: a short
// reminder of what this board covers (and does not: other departments are not shown at all).
type Department = { id: string; name: string; services: { id: string; code: string; title: string; open: number }[] };

export function DepartmentsSummary({ departments }: { departments: Department[] }) {
  return (
    <section aria-labelledby="departments-title" className="mt-10">
      <h2 id="departments-title" className="text-xl font-semibold">
        Ваши подразделения
      </h2>
      <ul className="mt-3 grid gap-3 md:grid-cols-2">
        {departments.map((d) => (
          <li key={d.id} className="rounded-lg border border-slate-200 bg-white p-4">
            <h3 className="font-semibold">{d.name}</h3>
            {d.services.length ? (
              <ul className="mt-1 space-y-1 text-sm">
                {d.services.map((s) => (
                  <li key={s.id}>
                    <a href={`/staff?service=${encodeURIComponent(s.code)}`} className="text-brand-700 underline">
                      {s.title}
                    </a>
                    : в работе <span className="font-medium">{s.open}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-1 text-sm text-slate-600">Услуг в ведении подразделения нет.</p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
