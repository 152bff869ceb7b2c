/** A progress bar whose value is also written out, so it never relies on the bar alone. */
export function ProgressMeter({ percent, label }: { percent: number; label: string }) {
  return (
    <div className="progress-meter">
      <progress max={100} value={percent} aria-label={label} />
      <span className="progress-meter__value">{percent}&nbsp;% terminé</span>
    </div>
  );
}
