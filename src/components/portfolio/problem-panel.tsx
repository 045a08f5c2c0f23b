"use client";

import type { BuiltProblem, PortfolioFacts } from "@/server/portfolio/build";
import { DISRUPTION_RISK_FORMULA } from "@/server/portfolio/risk";
import type { Estimate, ScenarioSettings } from "@/server/portfolio/settings";
import { STAGES } from "@/server/vendors/catalog";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { Card, CardBody, CardHeader } from "../ui/card";
import { BundleDialog } from "./bundle-dialog";
import { EstimateDialog } from "./estimate-dialog";
import { fmtMoney, fmtNum, fmtPct } from "./format";
import { NumberField } from "./number-field";
import { RiskDialog } from "./risk-dialog";

const stageName = (id: string) => STAGES.find((s) => s.code === id)?.label ?? id;

type Props = {
  facts: PortfolioFacts;
  built: BuiltProblem;
  settings: ScenarioSettings;
  onChange: (s: ScenarioSettings) => void;
  currency: string;
  disabled: boolean;
};

const ASSUMPTIONS: {
  key: keyof ScenarioSettings["assumptions"];
  label: string;
  unit: string;
  max: number;
  scale?: number;
}[] = [
  { key: "externalTransferWeeks", label: "External transfer", unit: "weeks", max: 520 },
  { key: "externalTransferCost", label: "External transfer cost", unit: "money", max: 1e12 },
  { key: "internalTransferWeeks", label: "Internal hand-off", unit: "weeks", max: 520 },
  { key: "internalTransferCost", label: "Internal hand-off cost", unit: "money", max: 1e12 },
  { key: "vendorOverheadCost", label: "Overhead per vendor", unit: "money", max: 1e12 },
  { key: "onboardingWeeks", label: "Onboarding", unit: "weeks", max: 520 },
  { key: "disruptionDelayWeeks", label: "Delay when a vendor is disrupted", unit: "weeks", max: 520 },
  { key: "costOfDelayPerWeek", label: "Cost of delay per week", unit: "money", max: 1e12 },
  { key: "externalTransferFailureRate", label: "External transfer failure rate", unit: "%", max: 100, scale: 100 },
  { key: "internalTransferFailureRate", label: "Internal hand-off failure rate", unit: "%", max: 100, scale: 100 },
];

/** The problem the comparison runs on: vendors and their risks, every offer, estimates, assumptions. */
export function ProblemPanel({ facts, built, settings, onChange, currency, disabled }: Props) {
  const set = (patch: Partial<ScenarioSettings>) => onChange({ ...settings, ...patch });
  const vendorIds = built.vendors.map((v) => v.id);
  const offer = (vendorId: string, stageId: string) =>
    built.problem.offers.find((o) => o.vendorId === vendorId && o.stageId === stageId);
  const removeEstimate = (e: Estimate) => set({ estimates: settings.estimates.filter((x) => x.id !== e.id) });
  return (
    <div className="space-y-5">
      <Card>
        <CardHeader title="Vendors" description={DISRUPTION_RISK_FORMULA} />
        <CardBody className="overflow-x-auto">
          <table className="w-full min-w-[52rem] text-sm">
            <caption className="sr-only">Each vendor's disruption risk, bundle discount and offer score</caption>
            <thead>
              <tr className="border-b border-line text-left text-ink-muted">
                <th scope="col" className="py-2 pr-3 font-medium">
                  Vendor
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Annual disruption risk
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Why
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Bundle discount
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Offer score
                </th>
              </tr>
            </thead>
            <tbody>
              {built.vendors.map((v) => (
                <tr key={v.id} className="border-b border-line align-top">
                  <th scope="row" className="py-2 pr-3 text-left font-medium text-ink">
                    {v.name} {v.estimate ? <Badge tone="warning">Estimate</Badge> : null}
                  </th>
                  <td className="px-3 py-2 tabular-nums">
                    <div className="flex items-center gap-2">
                      {fmtPct(v.annualRisk, 2)}
                      {v.riskSource === "override" ? <Badge tone="brand">Team</Badge> : null}
                      <RiskDialog
                        vendor={v}
                        disabled={disabled}
                        onSave={(o) => {
                          const risk = { ...settings.risk };
                          if (o) risk[v.id] = o;
                          else delete risk[v.id];
                          set({ risk });
                        }}
                      />
                    </div>
                  </td>
                  <td className="max-w-xs px-3 py-2 text-ink-muted">{v.riskBasis}</td>
                  <td className="px-3 py-2">
                    <div className="flex items-center gap-2">
                      <span>{v.bundle ? `${fmtPct(v.bundle.rate, 1)} from ${v.bundle.minStages} stages` : "None"}</span>
                      {v.bundleSource !== "none" ? (
                        <Badge tone={v.bundleSource === "team" ? "brand" : "neutral"}>
                          {v.bundleSource === "team" ? "Team" : "Offered"}
                        </Badge>
                      ) : null}
                      {v.estimate ? null : (
                        <BundleDialog
                          vendor={v}
                          disabled={disabled}
                          onSave={(b) => {
                            const bundles = { ...settings.bundles };
                            if (b === undefined) delete bundles[v.id];
                            else bundles[v.id] = b;
                            set({ bundles });
                          }}
                        />
                      )}
                    </div>
                  </td>
                  <td className="px-3 py-2 tabular-nums">{fmtNum(v.offerScore)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </CardBody>
      </Card>

      <Card>
        <CardHeader
          title="Offers by stage"
          description="Price and weeks as quoted in the submitted responses (range in brackets); estimates are marked."
        />
        <CardBody className="overflow-x-auto">
          <table className="w-full min-w-[52rem] text-sm">
            <caption className="sr-only">Each vendor's offer for each stage</caption>
            <thead>
              <tr className="border-b border-line text-left text-ink-muted">
                <th scope="col" className="py-2 pr-3 font-medium">
                  Stage
                </th>
                {vendorIds.map((id) => (
                  <th key={id} scope="col" className="px-3 py-2 font-medium">
                    {built.vendors.find((v) => v.id === id)?.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {facts.stages.map((s) => (
                <tr key={s} className="border-b border-line align-top">
                  <th scope="row" className="py-2 pr-3 text-left font-medium text-ink">
                    {stageName(s)}
                    {built.uncovered.includes(s as never) ? (
                      <div className="mt-1 space-y-1">
                        <Badge tone="danger">No offer</Badge>
                        <EstimateDialog
                          stageId={s}
                          built={built}
                          currency={currency}
                          disabled={disabled}
                          onAdd={(e) => set({ estimates: [...settings.estimates, e] })}
                        />
                      </div>
                    ) : null}
                  </th>
                  {vendorIds.map((id) => {
                    const o = offer(id, s);
                    const est = settings.estimates.find((e) => e.stageId === s && (e.vendorId ?? e.id) === id);
                    return (
                      <td key={id} className="px-3 py-2 tabular-nums">
                        {o ? (
                          <>
                            {fmtMoney(o.price, currency)}
                            <span className="block text-xs text-ink-muted">
                              {o.durationWeeks} wk
                              {o.durationMinWeeks !== undefined || o.durationMaxWeeks !== undefined
                                ? ` (${o.durationMinWeeks ?? "?"}-${o.durationMaxWeeks ?? "?"})`
                                : ""}
                            </span>
                            {est ? (
                              <span className="mt-1 flex items-center gap-1">
                                <Badge tone="warning">Estimate</Badge>
                                <Button
                                  size="sm"
                                  variant="ghost"
                                  disabled={disabled}
                                  onClick={() => removeEstimate(est)}
                                >
                                  Remove<span className="sr-only"> the estimate for {stageName(s)}</span>
                                </Button>
                              </span>
                            ) : null}
                          </>
                        ) : (
                          <span className="text-ink-muted">-</span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </CardBody>
      </Card>

      <Card>
        <CardHeader
          title="Assumptions"
          description="The programme's assumptions, for this scenario. Transfers, overhead, onboarding and the cost of a week's delay."
        />
        <CardBody>
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-5">
            {ASSUMPTIONS.map((a) => (
              <NumberField
                key={a.key}
                label={a.label}
                unit={a.unit === "money" ? currency : a.unit}
                value={settings.assumptions[a.key]}
                onChange={(v) => v !== null && set({ assumptions: { ...settings.assumptions, [a.key]: v } })}
                min={0}
                max={a.max}
                scale={a.scale}
                disabled={disabled}
              />
            ))}
          </div>
        </CardBody>
      </Card>
    </div>
  );
}
