import Link from "next/link";
import type { SponsorOverview as Data } from "@/server/overview/sponsor";
import { phaseLabel } from "@/components/programmes/format";
import { DueDate } from "@/components/portal/due-date";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Icon } from "@/components/ui/icon";
import { icons } from "@/components/ui/icons";
import { LocalTime } from "@/components/ui/local-time";
import { GetStarted, Quiet, Row, Rows, Section, Stat, Stats } from "./parts";

const WEEK = 7 * 24 * 60 * 60 * 1000;
const STAGE_LABELS = { LONG: "long list", SHORT: "shortlist", SELECTED: "selected" } as const;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** A sponsor's overview: what needs attention, most urgent first. */
export function SponsorOverview({
  data,
  base,
  canWrite,
  canInvite,
  now,
}: {
  data: Data;
  base: string;
  canWrite: boolean;
  canInvite: boolean;
  now: Date;
}) {
  const fresh = data.programmeCount === 0 && data.shortlistedCount === 0;
  const closingThisWeek = data.openRfps.filter((r) => r.dueAt && r.dueAt.getTime() - now.getTime() < WEEK).length;
  const invited = data.openRfps.reduce((n, r) => n + r.invited, 0);
  const submitted = data.openRfps.reduce((n, r) => n + r.submitted, 0);
  const questions = data.openRfps.reduce((n, r) => n + r.unansweredQuestions, 0);

  return (
    <>
      {fresh ? (
        <GetStarted
          title="Get started"
          intro="A programme holds its RFPs, the evaluation and the choice of manufacturers. Three steps to your first RFP:"
          steps={[
            {
              title: "Create a programme",
              text: "The molecule, its phase and the stages you need a manufacturer for.",
              icon: icons.programmes,
              action: canWrite ? (
                <ButtonLink href={`${base}/programmes/new`} variant="primary" size="sm">
                  <Icon icon={icons.plus} />
                  Create a programme
                </ButtonLink>
              ) : undefined,
            },
            {
              title: "Search the directory",
              text: "Filter CDMOs by stage, modality, region and FDA history, and put candidates on the shortlist.",
              icon: icons.search,
              action: (
                <ButtonLink href={`${base}/vendors`} size="sm">
                  Search the directory
                </ButtonLink>
              ),
            },
            {
              title: "Bring in your team",
              text: "Evaluators score responses; viewers follow along.",
              icon: icons.userPlus,
              action: canInvite ? (
                <ButtonLink href={`${base}/members`} size="sm">
                  Invite colleagues
                </ButtonLink>
              ) : undefined,
            },
          ]}
        />
      ) : (
        <Stats>
          <Stat
            label="Open RFPs"
            value={data.openRfpCount}
            icon={icons.send}
            hint={closingThisWeek ? `${closingThisWeek} closing within 7 days` : "None closing this week"}
          />
          <Stat
            label="Responses received"
            value={invited ? `${submitted} / ${invited}` : "—"}
            icon={icons.fileText}
            hint={invited ? "submitted of invited, open RFPs" : "No CDMO invited to an open RFP"}
          />
          <Stat
            label="Questions to answer"
            value={questions}
            icon={icons.question}
            tone={questions ? "attention" : "neutral"}
            hint={questions ? "from invited CDMOs" : "All answered"}
          />
          <Stat
            label="Shortlist alerts"
            value={data.alerts.length}
            icon={icons.alert}
            tone={data.alerts.length ? "attention" : "neutral"}
            hint={`${plural(data.shortlistedCount, "vendor")} on shortlists`}
          />
        </Stats>
      )}

      <div className="grid gap-6 xl:grid-cols-3">
        <div className="flex min-w-0 flex-col gap-6 xl:col-span-2">
          <Section id="open-rfps" title="RFPs open for responses" icon={icons.calendarClock} count={data.openRfpCount}>
            {data.openRfps.length === 0 ? (
              <Quiet>
                No RFP is open.{" "}
                {data.draftRfpCount
                  ? `${plural(data.draftRfpCount, "draft")} waiting to be published.`
                  : "Start one from a programme to invite CDMOs."}
              </Quiet>
            ) : (
              <Rows>
                {data.openRfps.map((r) => (
                  <Row
                    key={r.id}
                    href={`${base}/rfps/${r.id}`}
                    title={r.title}
                    context={r.programmeName}
                    meta={
                      <>
                        <span className="tabular-nums">
                          {r.submitted} of {plural(r.invited, "invitee")} submitted
                          {r.declined ? `, ${r.declined} declined` : ""}
                        </span>
                        {r.unansweredQuestions ? (
                          <Badge tone="warning">{plural(r.unansweredQuestions, "question")} to answer</Badge>
                        ) : null}
                      </>
                    }
                    aside={
                      r.dueAt ? (
                        <span className="text-ink">
                          <DueDate dueAt={r.dueAt} timeZone={r.timeZone} compact />
                        </span>
                      ) : null
                    }
                  />
                ))}
              </Rows>
            )}
          </Section>

          <Section
            id="to-evaluate"
            title="Waiting for evaluation"
            icon={icons.clipboardCheck}
            count={data.toEvaluate.length}
          >
            {data.toEvaluate.length === 0 ? (
              <Quiet>Closed RFPs appear here until they are awarded, for the team to score the responses.</Quiet>
            ) : (
              <Rows>
                {data.toEvaluate.map((r) => (
                  <Row
                    key={r.id}
                    href={`${base}/rfps/${r.id}/evaluation`}
                    title={r.title}
                    context={
                      <>
                        {r.programmeName}
                        {r.closedAt ? (
                          <>
                            {" · closed "}
                            <LocalTime value={r.closedAt} pattern="PP" />
                          </>
                        ) : null}
                      </>
                    }
                    meta={
                      <>
                        <span className="tabular-nums">{plural(r.submitted, "response")}</span>
                        <span className="tabular-nums">
                          {plural(r.evaluatorsSubmitted, "evaluator")} submitted scores
                        </span>
                      </>
                    }
                    aside={r.locked ? <Badge tone="success">Scores locked</Badge> : <Badge>Scoring</Badge>}
                  />
                ))}
              </Rows>
            )}
          </Section>

          {data.decisions.length ? (
            <Section
              id="decisions"
              title="Decisions awaiting signatures"
              icon={icons.signature}
              count={data.decisions.length}
            >
              <Rows>
                {data.decisions.map((d) => (
                  <Row
                    key={d.id}
                    href={`${base}/programmes/${d.programmeId}/portfolios`}
                    title={`Award for ${d.programmeName}`}
                    context={
                      <>
                        Proposed <LocalTime value={d.proposedAt} pattern="PP" />
                      </>
                    }
                    aside={
                      <span className="tabular-nums">
                        {d.approved} of {plural(d.approvers, "approver")} signed
                      </span>
                    }
                  />
                ))}
              </Rows>
            </Section>
          ) : null}
        </div>

        <div className="flex min-w-0 flex-col gap-6">
          <Section id="shortlist-watch" title="Shortlist watch" icon={icons.alert} count={data.alerts.length}>
            {data.alerts.length === 0 ? (
              <Quiet>
                {data.shortlistedCount
                  ? "No vendor on your shortlists has an OAI in the last year or an open warning letter."
                  : "Vendors you shortlist are watched here for new OAI inspections and open warning letters."}
              </Quiet>
            ) : (
              <Rows>
                {data.alerts.map((a) => (
                  <Row
                    key={`${a.programmeId}-${a.vendorId}`}
                    href={`${base}/vendors/${a.vendorId}`}
                    title={a.vendorName}
                    context={`${a.programmeName}, ${STAGE_LABELS[a.stage]}`}
                    meta={
                      <>
                        {a.recentOais ? (
                          <Badge tone="danger">
                            {a.recentOais === 1 ? "OAI" : `${a.recentOais} OAIs`}
                            {a.latestOaiAt ? (
                              <>
                                {" "}
                                <LocalTime value={a.latestOaiAt} pattern="MMM yyyy" />
                              </>
                            ) : null}
                          </Badge>
                        ) : null}
                        {a.openWarningLetters ? (
                          <Badge tone="warning">
                            {a.openWarningLetters === 1
                              ? "Open warning letter"
                              : `${a.openWarningLetters} open warning letters`}
                          </Badge>
                        ) : null}
                      </>
                    }
                  />
                ))}
              </Rows>
            )}
          </Section>

          <Section id="programme-list" title="Active programmes" icon={icons.programmes} count={data.programmeCount}>
            {data.programmes.length === 0 ? (
              <Quiet
                action={
                  canWrite ? (
                    <Link href={`${base}/programmes/new`} className="font-medium text-brand-700 underline">
                      Create a programme
                    </Link>
                  ) : undefined
                }
              >
                No programme yet.
              </Quiet>
            ) : (
              <Rows>
                {data.programmes.map((p) => (
                  <Row
                    key={p.id}
                    href={`${base}/programmes/${p.id}`}
                    title={p.name}
                    context={`${p.molecule} · ${phaseLabel(p.phase)}`}
                    aside={
                      p.openRfps ? (
                        <span className="tabular-nums">{plural(p.openRfps, "open RFP")}</span>
                      ) : (
                        <span>No open RFP</span>
                      )
                    }
                  />
                ))}
              </Rows>
            )}
          </Section>
        </div>
      </div>
    </>
  );
}
