import Link from "next/link";

/** "All programmes / <programme>" above a programme's sub-pages (shortlist, portfolios). */
export function ProgrammeBreadcrumb({
  orgSlug,
  programmeId,
  name,
}: {
  orgSlug: string;
  programmeId: string;
  name: string;
}) {
  return (
    <nav aria-label="Breadcrumb" className="text-sm">
      <ol className="flex flex-wrap items-center gap-1.5">
        <li>
          <Link href={`/${orgSlug}/programmes`} className="text-brand-700 underline">
            All programmes
          </Link>
        </li>
        <li className="flex items-center gap-1.5">
          <span aria-hidden="true" className="text-ink-muted">
            /
          </span>
          <Link href={`/${orgSlug}/programmes/${programmeId}`} className="text-brand-700 underline">
            {name}
          </Link>
        </li>
      </ol>
    </nav>
  );
}
