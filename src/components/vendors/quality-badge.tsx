import { Badge, type BadgeTone } from "../ui/badge";
import { formatScore } from "./format";

/** Bands for the 0–100 score; the word is always shown so colour is never the only cue. */
export function qualityBand(score: number | null | undefined): { tone: BadgeTone; word: string } {
  if (score == null) return { tone: "neutral", word: "no history" };
  if (score >= 85) return { tone: "success", word: "good" };
  if (score >= 60) return { tone: "warning", word: "fair" };
  return { tone: "danger", word: "poor" };
}

export function QualityBadge({ score }: { score: number | null | undefined }) {
  const { tone, word } = qualityBand(score);
  return (
    <Badge tone={tone}>
      <span className="sr-only">Quality score </span>
      {score == null ? "No score" : `${formatScore(score)} · ${word}`}
    </Badge>
  );
}

export function OpenWarningLetterBadge() {
  return (
    <Badge tone="danger">
      Open WL<span className="sr-only"> (open FDA warning letter)</span>
    </Badge>
  );
}

/** The band alone ("good", "fair", "poor"), for beside a score already shown as a number. */
export function QualityBand({ score }: { score: number }) {
  const { tone, word } = qualityBand(score);
  return (
    <Badge tone={tone}>
      <span className="sr-only">Rated </span>
      {word}
    </Badge>
  );
}
