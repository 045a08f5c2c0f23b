import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "../ui/badge";
import { Card, CardBody, CardHeader } from "../ui/card";
import { ASSUMPTION_FIELDS, isDefault } from "./assumptions";
import type { ProgrammeView } from "./changes";
import { formatAssumption, formatDay, formatMoney, stageLabel } from "./format";

/** The stages as the chain they form: numbered, in order, with the hand-off between each. */
export function StageChain({ stages }: { stages: string[] }) {
  return (
    <ol className="flex flex-wrap items-center gap-y-2 text-sm" aria-label="Stages in order">
      {stages.map((s, i) => (
        <li key={s} className="flex items-center">
          <span className="inline-flex items-center gap-1.5 rounded-full border border-brand-200 bg-brand-50 px-2.5 py-1 text-brand-900">
            <span className="text-xs font-semibold">{i + 1}</span>
            {stageLabel(s)}
          </span>
          {i < stages.length - 1 ? (
            <span aria-hidden="true" className="px-1.5 text-ink-muted">
              →
            </span>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium tracking-wide text-ink-muted uppercase">{term}</dt>
      <dd className="mt-1 text-sm text-ink tabular-nums">{children}</dd>
    </div>
  );
}

export function ProgrammeSummaryCard({ p }: { p: ProgrammeView }) {
  return (
    <Card aria-labelledby="summary-heading">
      <CardHeader id="summary-heading" title="Summary" />
      <CardBody className="space-y-5">
        <div>
          <h3 className="mb-2 text-xs font-medium tracking-wide text-ink-muted uppercase">Stages</h3>
          <StageChain stages={p.stages} />
        </div>
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Fact term="Start date">{formatDay(p.startDate, "Not set")}</Fact>
          <Fact term="Target date">{formatDay(p.targetDate, "Not set")}</Fact>
          <Fact term="Budget">{formatMoney(p.budget, p.currency, "Not set")}</Fact>
          <Fact term="Cost of delay per week">
            {formatMoney(p.costOfDelayPerWeek, p.currency)}
            {p.costOfDelayPerWeek != null && isDefault("costOfDelayPerWeek", p.costOfDelayPerWeek) ? (
              <Badge className="ml-2">Default</Badge>
            ) : null}
          </Fact>
        </dl>
        {p.description ? <p className="text-sm whitespace-pre-line text-ink-muted">{p.description}</p> : null}
      </CardBody>
    </Card>
  );
}

/** Every assumption with its value; the ones still at the decision model's default say so. */
export function AssumptionsCard({ p }: { p: ProgrammeView }) {
  const changed = ASSUMPTION_FIELDS.filter((f) => !isDefault(f.key, p.assumptions[f.key])).length;
  return (
    <Card aria-labelledby="assumptions-heading">
      <CardHeader
        id="assumptions-heading"
        title="Portfolio assumptions"
        description={
          changed
            ? `${changed} of ${ASSUMPTION_FIELDS.length} changed from the decision model's defaults.`
            : "All at the decision model's defaults."
        }
      />
      <CardBody>
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">
          {ASSUMPTION_FIELDS.map((f) => {
            const value = p.assumptions[f.key];
            return (
              <div key={f.key} className="flex flex-col">
                <dt className="text-sm text-ink-muted">{f.label}</dt>
                <dd className="flex flex-wrap items-center gap-2 text-sm font-medium text-ink tabular-nums">
                  {formatAssumption(value, f.unit, p.currency)}
                  {isDefault(f.key, value) ? (
                    <Badge>Default</Badge>
                  ) : (
                    <Badge tone="brand">Set for this programme</Badge>
                  )}
                </dd>
              </div>
            );
          })}
        </dl>
      </CardBody>
    </Card>
  );
}

type Step = { title: string; text: string; href?: string; status: string };

/** Where the programme's selection stands beyond its RFPs: what is open now and what is still to come. */
export function NextStepsCard({
  shortlistHref,
  portfoliosHref,
}: {
  shortlistHref: string | null;
  portfoliosHref: string | null;
}) {
  const steps: Step[] = [
    {
      title: "Evaluation",
      text: "Score each CDMO's response against the RFP's weighted criteria, reach consensus, see how sure the winner is.",
      status: "From each RFP's page, once it is published",
    },
    {
      title: "Shortlist",
      text: "Move vendors from the long list to the shortlist, with votes and comments.",
      href: shortlistHref ?? undefined,
      status: shortlistHref ? "Open the board" : "Your role cannot see the board",
    },
    {
      title: "Portfolio comparison",
      text: "Integrated, specialised and hybrid portfolios, priced with these assumptions.",
      href: portfoliosHref ?? undefined,
      status: portfoliosHref ? "Compare portfolios" : "Your role cannot see portfolios",
    },
    {
      title: "Decision",
      text: "Propose the portfolio; approvers sign with their password; the RFP is awarded.",
      href: portfoliosHref ?? undefined,
      status: portfoliosHref ? "Open the decision" : "Your role cannot see the decision",
    },
  ];
  return (
    <Card aria-labelledby="next-heading">
      <CardHeader
        id="next-heading"
        title="Selection"
        description="From the responses to a decision: the steps this programme goes through."
      />
      <CardBody>
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {steps.map((n) => (
            <li key={n.title} className="rounded-md border border-dashed border-line-strong p-3">
              <p className="text-sm font-semibold text-ink">{n.title}</p>
              <p className="mt-1 text-xs text-ink-muted">{n.text}</p>
              {n.href ? (
                <Link href={n.href} className="mt-2 inline-block text-xs font-medium text-brand-700 hover:underline">
                  {n.status}
                  <span className="sr-only">: {n.title}</span>
                </Link>
              ) : (
                <p className="mt-2 text-xs font-medium text-ink-muted">{n.status}</p>
              )}
            </li>
          ))}
        </ul>
      </CardBody>
    </Card>
  );
}
