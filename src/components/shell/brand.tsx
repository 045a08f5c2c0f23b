import Link from "next/link";

export function Brand({ href = "/" }: { href?: string }) {
  return (
    <Link href={href} className="inline-flex items-center gap-2 rounded font-semibold text-ink">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-7 text-brand-700" fill="none">
        <rect x="2" y="2" width="20" height="20" rx="5" fill="currentColor" />
        <path d="M7 12.5l3 3 7-7" stroke="white" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <span>CDMO Select</span>
    </Link>
  );
}
