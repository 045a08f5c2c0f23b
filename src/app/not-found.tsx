import { ButtonLink } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main
      id="main"
      className="mx-auto flex min-h-[60dvh] max-w-lg flex-col items-center justify-center gap-3 px-6 text-center"
    >
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="text-2xl font-semibold text-ink">This page does not exist</h1>
      <p className="text-sm text-ink-muted">
        The link may be mistyped, or the page belongs to an organisation you are not a member of.
      </p>
      <ButtonLink href="/" variant="primary" className="mt-2">
        Go to your workspace
      </ButtonLink>
    </main>
  );
}
